package nl.afsprakenwiki.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static nl.afsprakenwiki.testing.PersonalData.BSN;
import static nl.afsprakenwiki.testing.PersonalData.WITH_NAME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 point 2 on a free agenda topic: its title and detail pass the privacy guard like every other
 * text of a meeting. A BSN refuses (page: the finding beside the form with a tick, what was typed kept;
 * API: 422 with {@code findings}); sending its fingerprint back adds the topic, stores the confirmation
 * under source {@code topic} (V033) and audits it; a name adds it with a warning.
 */
class AgendaTopicsTest {

    private static final String WITH_BSN = "Casus van het gezin met BSN " + BSN + " (verzonnen).";
    private static final String ZONE = "Koppelzone Agenda Teststad";

    @TempDir
    static Path dir;
    static TestApp app;
    static String zone;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        zone = app.koppelzone(ZONE, "Teststad");
        app.chairAndExpert(zone);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private record Meeting(String path, long id, TestApp.Client chair, String csrf) {
    }

    private static Meeting meeting(String date) {
        TestApp.Client chair = app.signIn("vera");
        String csrf = chair.csrfToken("/koppelzones/" + zone + "/overleggen/nieuw");
        Response planned = chair.postForm("/koppelzones/" + zone + "/overleggen", List.of(entry("csrf", csrf),
                entry("date", date), entry("startTime", "14:00"), entry("endTime", "16:00"), entry("location", "Zaal 3")));
        assertThat(planned.status()).as(planned.body()).isEqualTo(302);
        String path = planned.header("Location").replaceAll("\\?.*", "");
        return new Meeting(path, Long.parseLong(path.replace("/overleggen/", "")), chair, csrf);
    }

    private static int count(String sql, Object... arguments) {
        return app.db.read(handle -> {
            var query = handle.createQuery(sql);
            for (int i = 0; i < arguments.length; i++) {
                query.bind(i, arguments[i]);
            }
            return query.mapTo(Integer.class).one();
        });
    }

    private static JsonNode lastItem(long meeting) {
        JsonNode agenda = app.bearer("vera").get("/api/v1/meetings/" + meeting).json().get("agenda");
        return agenda.get(agenda.size() - 1);
    }

    /** The stored confirmation of the topic: account and reason, never the digits; audited as {@code topic}. */
    private static void confirmedAndAudited(long item, String fingerprint) {
        assertThat(count("""
                SELECT count(*) FROM text_privacy_confirmation c JOIN account a ON a.id = c.account_id
                WHERE c.source = 'topic' AND c.source_id = ? AND c.fingerprint = ? AND c.kind = 'bsn'
                  AND a.username = 'vera'""", item, fingerprint)).isEqualTo(1);
        List<String> audited = app.db.read(handle -> handle.createQuery("""
                        SELECT details FROM audit_event WHERE action = 'privacy.confirm' AND details LIKE ?""")
                .bind(0, "%" + fingerprint + "%").mapTo(String.class).list());
        assertThat(audited).anySatisfy(details -> assertThat(details)
                .contains("\"text\":\"topic\"", "\"topic\":" + item).doesNotContain(BSN));
    }

    @Test
    void aTopicWithABsnIsRefusedOnThePageWithATickAndAddedOnceTicked() {
        Meeting m = meeting("2030-05-07");
        String agenda = m.path() + "/agenda";
        Response refused = m.chair().postForm(agenda, List.of(entry("csrf", m.csrf()), entry("topic", "Casusbespreking"),
                entry("detail", WITH_BSN)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("<mark>" + BSN + "</mark>", "in de toelichting bij het onderwerp",
                "id=\"agenda-persoonsgegevens\"", "name=\"acceptedFindings\"", "value=\"Casusbespreking\"", WITH_BSN);
        assertThat(count("SELECT count(*) FROM meeting_item WHERE meeting_id = ?", m.id())).isZero();
        String fingerprint = refused.body().replaceAll("(?s).*name=\"acceptedFindings\" value=\"([0-9a-f]+)\".*", "$1");

        // refused for another reason (no title), the finding and the tick stay beside the form
        Response noTitle = m.chair().postForm(agenda, List.of(entry("csrf", m.csrf()), entry("topic", " "),
                entry("detail", WITH_BSN), entry("acceptedFindings", fingerprint)));
        assertThat(noTitle.status()).isEqualTo(422);
        assertThat(noTitle.body()).contains("id=\"topic-error\"", "<mark>" + BSN + "</mark>",
                "value=\"" + fingerprint + "\" id=\"agenda-vondst-" + fingerprint + "\" checked");

        Response saved = m.chair().postForm(agenda, List.of(entry("csrf", m.csrf()), entry("topic", "Casusbespreking"),
                entry("detail", WITH_BSN), entry("acceptedFindings", fingerprint),
                entry("acceptanceReason", "verzonnen voorbeeld voor de training")));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(saved.header("Location")).contains("melding=agenda");
        JsonNode item = lastItem(m.id());
        assertThat(item.get("title").asText()).isEqualTo("Casusbespreking");
        assertThat(item.get("detail").asText()).isEqualTo(WITH_BSN);
        confirmedAndAudited(item.get("id").asLong(), fingerprint);

        // a BSN in the title is refused as well
        Response inTitle = m.chair().postForm(agenda, List.of(entry("csrf", m.csrf()), entry("topic", "BSN " + BSN)));
        assertThat(inTitle.status()).isEqualTo(422);
        assertThat(inTitle.body()).contains("<mark>" + BSN + "</mark>", "in de titel");

        // a name saves, with a warning naming its kind
        Response medium = m.chair().postForm(agenda, List.of(entry("csrf", m.csrf()), entry("topic", "Terugbellen"),
                entry("detail", WITH_NAME)));
        assertThat(medium.status()).isEqualTo(302);
        assertThat(medium.header("Location")).contains("melding=persoonsgegevens", "soorten=naam");
        assertThat(m.chair().get(medium.header("Location")).body()).contains("mogelijk persoonsgegevens (Naam)");
        assertThat(lastItem(m.id()).get("detail").asText()).isEqualTo(WITH_NAME);
    }

    @Test
    void theApiAnswers422WithTheFindingsAndAddsTheTopicWithItsFingerprint() {
        Meeting m = meeting("2030-05-14");
        TestApp.Client api = app.bearer("vera");
        String items = "/api/v1/meetings/" + m.id() + "/items";
        Map<String, Object> request = Map.of("title", "Casusbespreking", "detail", WITH_BSN);
        Response refused = api.postJson(items, request);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        JsonNode finding = refused.json().get("findings").get(0);
        assertThat(finding.get("field").asText()).isEqualTo("detail");
        assertThat(finding.get("kind").asText()).isEqualTo("bsn");
        assertThat(WITH_BSN.substring(finding.get("start").asInt(), finding.get("end").asInt())).isEqualTo(BSN);
        assertThat(refused.json().get("detail").asText()).doesNotContain(BSN);
        String fingerprint = finding.get("fingerprint").asText();
        assertThat(count("SELECT count(*) FROM meeting_item WHERE meeting_id = ?", m.id())).isZero();

        Map<String, Object> accepted = new LinkedHashMap<>(request);
        accepted.put("acceptedFindings", List.of(fingerprint));
        accepted.put("acceptanceReason", "verzonnen voorbeeld voor de training");
        Response added = api.postJson(items, accepted);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("title").asText()).isEqualTo("Casusbespreking");
        assertThat(added.json().get("kind").asText()).isEqualTo("vrij");
        assertThat(added.json().get("warnings")).isEmpty();
        confirmedAndAudited(added.json().get("id").asLong(), fingerprint);

        Response medium = api.postJson(items, Map.of("title", "Terugbellen", "detail", WITH_NAME));
        assertThat(medium.status()).as(medium.body()).isEqualTo(201);
        JsonNode warnings = medium.json().get("warnings");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).get("kind").asText()).isEqualTo("naam");
        assertThat(warnings.get(0).get("field").asText()).isEqualTo("detail");

        Response empty = api.postJson(items, Map.of("title", " "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("topic");
        Response tooLong = api.postJson(items, Map.of("title", "Lang", "detail", "x".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("2000");
        assertThat(app.bearer("marieke").postJson(items, Map.of("title", "Niet mijn overleg")).status()).isEqualTo(403);
    }
}
