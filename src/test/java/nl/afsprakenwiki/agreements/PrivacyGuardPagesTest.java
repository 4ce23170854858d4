package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 point 2 on the pages: findings beside the editor, text kept, a checkbox per finding. */
class PrivacyGuardPagesTest {

    private static final String VALID_BSN = "111222333";
    private static final String INVALID_BSN = "111222334";
    private static final String BODY = "Het wijkteam belt binnen vijf werkdagen terug. Voorbeeld: BSN %s & meer.";
    private static final Pattern FINGERPRINT = Pattern.compile("name=\"acceptedFindings\" value=\"([0-9a-f]+)\"");

    @TempDir
    Path dir;
    private TestApp app;
    private String koppelzone;
    private TestApp.Client web;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        koppelzone = app.koppelzone("Koppelzone Jeugd Teststad", "Teststad");
        app.account("marieke", "Marieke de Vries");
        app.member(koppelzone, "marieke", Role.PRAKTIJKEXPERT);
        web = app.signIn("marieke");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private Response create(String body, String... extra) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(entry("title", "Terugbellen"),
                entry("body", body), entry("parties", "wijkteam-teststad"), entry("summary", "Eerste versie"),
                entry("action", "save")));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            fields.add(entry(extra[i], extra[i + 1]));
        }
        return web.submit("/koppelzones/" + koppelzone + "/nieuw", "/koppelzones/" + koppelzone + "/afspraken", fields);
    }

    private static String fingerprint(Response page) {
        Matcher matcher = FINGERPRINT.matcher(page.body());
        assertThat(matcher.find()).as("a checkbox per finding").isTrue();
        return matcher.group(1);
    }

    @Test
    void aValidBsnIsRefusedWithTheFindingQuotedBesideTheEditorAndTheTextKept() {
        Response page = create(BODY.formatted(VALID_BSN));

        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body())
                .contains("Mogelijk persoonsgegevens gevonden")
                .contains("<mark>" + VALID_BSN + "</mark>")
                .contains("Dit lijkt een burgerservicenummer")
                .contains("Dit is geen persoonsgegeven (bijv. een verzonnen voorbeeld)")
                .contains("name=\"acceptanceReason\"")
                .contains("Voorbeeld: BSN " + VALID_BSN + " &amp; meer.")
                .contains("value=\"Eerste versie\"");
        int agreements = app.db.read(handle -> handle.createQuery("SELECT count(*) FROM agreement").mapTo(Integer.class).one());
        assertThat(agreements).isZero();
    }

    @Test
    void aBsnThatFailsTheElfproefSavesFromThePage() {
        Response response = create(BODY.formatted(INVALID_BSN));

        assertThat(response.status()).as(response.body()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("?melding=aangemaakt");
    }

    @Test
    void tickingTheCheckboxSavesAndRecordsTheConfirmationWithTheReason() {
        String fingerprint = fingerprint(create(BODY.formatted(VALID_BSN)));

        Response response = create(BODY.formatted(VALID_BSN), "acceptedFindings", fingerprint,
                "acceptanceReason", "verzonnen voorbeeld uit de handleiding");

        assertThat(response.status()).as(response.body()).isEqualTo(302);
        String reason = app.db.read(handle -> handle.createQuery(
                "SELECT reason FROM privacy_confirmation WHERE fingerprint = ?").bind(0, fingerprint).mapTo(String.class).one());
        assertThat(reason).isEqualTo("verzonnen voorbeeld uit de handleiding");
    }

    @Test
    void anOverlongReasonIsReportedNextToItsFieldKeepingTheTickedFinding() {
        String fingerprint = fingerprint(create(BODY.formatted(VALID_BSN)));

        Response page = create(BODY.formatted(VALID_BSN), "acceptedFindings", fingerprint, "acceptanceReason", "x".repeat(301));

        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("id=\"acceptanceReason-error\"").contains("hoogstens 300 tekens");
    }

    @Test
    void aMediumFindingSavesWithANoticeAndTheEditPageOffersToConfirmIt() {
        Response response = create("Het wijkteam belt moeder Fatima binnen vijf werkdagen terug.");

        assertThat(response.status()).as(response.body()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("?melding=persoonsgegevens");
        long id = Long.parseLong(response.header("Location").replaceAll("/afspraken/(\\d+).*", "$1"));
        assertThat(web.get(response.header("Location")).body()).contains("de tekst bevat mogelijke persoonsgegevens");
        Response edit = web.get("/afspraken/" + id + "/bewerken");
        assertThat(edit.body()).contains("Controleer deze mogelijke persoonsgegevens").contains("<mark>");
        String fingerprint = fingerprint(edit);

        Response confirmed = web.submit("/afspraken/" + id + "/bewerken", "/afspraken/" + id + "/bewerken", List.of(
                entry("title", "Terugbellen"), entry("body", "Het wijkteam belt moeder Fatima binnen vijf werkdagen terug."),
                entry("baseRevision", "1"), entry("parties", "wijkteam-teststad"), entry("baseParties", "wijkteam-teststad"),
                entry("acceptedFindings", fingerprint), entry("acceptanceReason", "verzonnen"), entry("action", "save")));

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(302);
        assertThat(app.services.privacy().unconfirmed(id, 1)).isEmpty();
        assertThat(web.get("/afspraken/" + id + "/bewerken").body()).doesNotContain("Controleer deze mogelijke persoonsgegevens");
    }

    @Test
    void proposingARevisionWithAnUnconfirmedFindingFromThePageIsRefusedWithAnExplanation() {
        Response created = create("Het wijkteam belt moeder Fatima binnen vijf werkdagen terug.");
        long id = Long.parseLong(created.header("Location").replaceAll("/afspraken/(\\d+).*", "$1"));

        Response refused = web.submit("/afspraken/" + id + "/voorstellen", "/afspraken/" + id + "/voorstellen",
                List.of(entry("revision", "1")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Mogelijk persoonsgegevens").contains("nog niet zijn bevestigd (Naam)");
        String status = web.get("/api/v1/agreements/" + id).json().get("status").asText();
        assertThat(status).isEqualTo("concept");
    }
}
