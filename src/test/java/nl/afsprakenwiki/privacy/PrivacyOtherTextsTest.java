package nl.afsprakenwiki.privacy;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 point 2 beyond agreements: comments, experiences and templates with a high-confidence
 * finding are refused (API 422 with the findings; pages the message next to the field, text kept).
 */
class PrivacyOtherTextsTest {

    private static final String X = "Koppelzone Jeugd Praatstad";
    private static final String BSN_TEXT = "Bel de ouders op 0612345678 of zie BSN 111222333.";

    @TempDir
    static Path dir;
    static TestApp app;
    static String zone;
    static long draft;
    static long published;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        zone = app.koppelzone(X, "Praatstad");
        draft = app.agreement(X, "Praatstad", "terugbellen", "Terugbellen na aanmelding", "concept");
        published = app.agreement(X, "Praatstad", "overdracht", "Warme overdracht", "bekrachtigd");
        app.account("marieke", "Marieke de Vries");
        app.member(zone, "marieke", Role.VOORZITTER);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aCommentWithABsnIsRefusedWithTheFindingsAndOneWithoutIsPosted() {
        TestApp.Client api = app.bearer("marieke");
        Response refused = api.postJson("/api/v1/agreements/" + draft + "/comments", Map.of("text", BSN_TEXT));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("findings").findValuesAsText("kind")).contains("bsn", "telefoon");
        assertThat(refused.json().get("findings").get(0).get("field").asText()).isEqualTo("text");
        assertThat(api.postJson("/api/v1/agreements/" + draft + "/comments",
                Map.of("text", "Bel de ouders binnen vijf werkdagen.")).status()).isEqualTo(201);
    }

    @Test
    void theCommentFormShowsTheRefusalNextToTheFieldAndKeepsTheText() {
        TestApp.Client web = app.signIn("marieke");
        String page = "/afspraken/" + draft;
        Response response = web.submit(page, page + "/discussie", List.of(entry("revision", "1"), entry("block", ""),
                entry("replyTo", ""), entry("text", BSN_TEXT)));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("Dit lijkt een persoonsgegeven te bevatten (telefoon, bsn)")
                .contains("Bel de ouders op 0612345678");
    }

    @Test
    void anExperienceWithABsnIsRefused() {
        Response refused = app.bearer("marieke").postJson("/api/v1/agreements/" + published + "/experiences",
                Map.of("body", BSN_TEXT, "adopted", true));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("findings").get(0).get("field").asText()).isEqualTo("body");
    }

    @Test
    void aTemplateWithAPostcodeAndHouseNumberIsRefusedOnItsPage() {
        TestApp.Client web = app.signIn("marieke");
        String page = "/koppelzones/" + zone + "/sjablonen";
        Response response = web.submit(page, page, List.of(entry("name", "Aanmelding"),
                entry("body", "## Adres\n\nHet gezin woont op 5038 AB 12.")));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("Dit lijkt een persoonsgegeven te bevatten (postcode)");
    }

    @Test
    void meetingMinutesAndActionItemsWithABsnAreRefusedAndNotStored() {
        TestApp.Client api = app.bearer("marieke");
        Response planned = api.postJson("/api/v1/koppelzones/" + zone + "/meetings", Map.of("date", "2030-03-12",
                "startTime", "14:00", "endTime", "16:00", "location", "Stadskantoor"));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        long meeting = planned.json().get("id").asLong();
        long item = planned.json().get("agenda").get(0).get("id").asLong();
        TestApp.Client web = app.signIn("marieke");
        String page = "/overleggen/" + meeting;

        Response minutes = web.submit(page, page + "/agenda/" + item + "/notulen", List.of(entry("minutes", BSN_TEXT)));
        Response action = web.submit(page, page + "/actiepunten", List.of(entry("description", BSN_TEXT),
                entry("owner", "marieke"), entry("due", "")));

        assertThat(minutes.status()).isEqualTo(422);
        assertThat(action.status()).isEqualTo(422);
        assertThat(api.get("/api/v1/meetings/" + meeting).body()).doesNotContain("111222333");
    }
}
