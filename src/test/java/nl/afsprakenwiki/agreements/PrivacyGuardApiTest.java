package nl.afsprakenwiki.agreements;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 point 2 through the API: high-confidence findings refuse a save, confirmations let it through. */
class PrivacyGuardApiTest {

    /** Passes the elfproef. */
    private static final String VALID_BSN = "111222333";
    /** Fails the elfproef: the same digits with the last one changed. */
    private static final String INVALID_BSN = "111222334";
    private static final String BODY = "## Afspraak\n\nHet wijkteam belt binnen vijf werkdagen terug.\n\nVoorbeeld: BSN %s.\n";

    private static final List<String> PARTIES = List.of("wijkteam-teststad", "jeugdhulp-de-brug-teststad");

    @TempDir
    Path dir;
    private TestApp app;
    private String koppelzone;
    private TestApp.Client api;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        koppelzone = app.koppelzone("Koppelzone Jeugd Teststad", "Teststad");
        api = app.bearer(app.member(koppelzone, "marieke", Role.PRAKTIJKEXPERT));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private Response create(String body, Object accepted) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", "Terugbellen na aanmelding");
        request.put("body", body);
        request.put("parties", PARTIES);
        if (accepted != null) {
            request.put("acceptedFindings", accepted);
            request.put("acceptanceReason", "verzonnen voorbeeld");
        }
        return api.postJson("/api/v1/koppelzones/" + koppelzone + "/agreements", request);
    }

    private Response update(long id, int base, String body, Object accepted) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", "Terugbellen na aanmelding");
        request.put("body", body);
        request.put("baseRevision", base);
        if (accepted != null) {
            request.put("acceptedFindings", accepted);
        }
        return api.putJson("/api/v1/agreements/" + id, request);
    }

    private int count(String sql) {
        return app.db.read(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    private long clean() {
        return create("## Afspraak\n\nHet wijkteam belt binnen vijf werkdagen terug.\n", null).json().get("id").asLong();
    }

    @Test
    void creatingWithAValidBsnAnswers422NamingTheBsnWithItsSpanAndNothingIsSaved() {
        String body = BODY.formatted(VALID_BSN);
        Response response = create(body, null);

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode finding = response.json().get("findings").get(0);
        assertThat(finding.get("kind").asText()).isEqualTo("bsn");
        assertThat(finding.get("confidence").asText()).isEqualTo("high");
        assertThat(finding.get("field").asText()).isEqualTo("body");
        int start = finding.get("start").asInt();
        int end = finding.get("end").asInt();
        assertThat(body.substring(start, end)).isEqualTo(VALID_BSN);
        assertThat(finding.get("text").asText()).isEqualTo(VALID_BSN);
        assertThat(finding.get("fingerprint").asText()).isNotBlank();
        assertThat(finding.get("explanation").asText()).contains("burgerservicenummer");
        assertThat(response.json().get("detail").asText()).contains("bsn").doesNotContain(VALID_BSN);
        assertThat(response.json().get("errors").get("body").asText()).contains("bsn").doesNotContain(VALID_BSN);
        assertThat(count("SELECT count(*) FROM agreement")).isZero();
    }

    @Test
    void aBsnThatFailsTheElfproefSaves() {
        Response response = create(BODY.formatted(INVALID_BSN), null);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("warnings")).isEmpty();
    }

    @Test
    void editingWithAValidBsnAnswers422NamingTheBsnInTheField() {
        long id = clean();

        Response response = update(id, 1, BODY.formatted(VALID_BSN), null);

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("findings").get(0).get("kind").asText()).isEqualTo("bsn");
        assertThat(update(id, 1, BODY.formatted(INVALID_BSN), null).status()).isEqualTo(200);
    }

    @Test
    void aBsnInTheTitleOrSummaryIsRefusedWithThatField() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", "Terugbellen " + VALID_BSN);
        request.put("body", "Het wijkteam belt terug.");
        request.put("parties", PARTIES);
        Response response = api.postJson("/api/v1/koppelzones/" + koppelzone + "/agreements", request);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("findings").get(0).get("field").asText()).isEqualTo("title");
    }

    @Test
    void sendingTheFingerprintBackSavesAndRecordsTheConfirmationWithoutTheDigits() {
        String body = BODY.formatted(VALID_BSN);
        String fingerprint = create(body, null).json().get("findings").get(0).get("fingerprint").asText();

        Response saved = create(body, List.of(fingerprint));

        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        long id = saved.json().get("id").asLong();
        Map<String, Object> stored = app.db.read(handle -> handle.createQuery("""
                SELECT c.fingerprint, c.kind, c.confidence, c.reason, a.username FROM privacy_confirmation c
                JOIN revision r ON r.id = c.revision_id JOIN account a ON a.id = c.account_id
                WHERE r.agreement_id = ? AND r.number = 1""").bind(0, id).mapToMap().one());
        assertThat(stored).containsEntry("fingerprint", fingerprint).containsEntry("kind", "bsn")
                .containsEntry("confidence", "high").containsEntry("reason", "verzonnen voorbeeld")
                .containsEntry("username", "marieke");
        String audited = app.db.read(handle -> handle.createQuery(
                "SELECT details FROM audit_event WHERE action = 'privacy.confirm' AND target = ?")
                .bind(0, "agreement:" + id).mapTo(String.class).one());
        assertThat(audited).contains(fingerprint, "bsn", "verzonnen voorbeeld").doesNotContain(VALID_BSN);
        List<String> details = app.db.read(handle -> handle.createQuery("SELECT details FROM audit_event")
                .mapTo(String.class).list());
        String everything = String.join(" ", details);
        assertThat(everything).doesNotContain(VALID_BSN);
    }

    @Test
    void aConfirmedFindingNeedsNoNewConfirmationInLaterRevisionsOfTheSameAgreement() {
        String body = BODY.formatted(VALID_BSN);
        String fingerprint = create(body, null).json().get("findings").get(0).get("fingerprint").asText();
        long id = create(body, List.of(fingerprint)).json().get("id").asLong();

        Response edited = update(id, 1, body + "\nDe aanbieder stuurt een verslag.\n", null);

        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("revision").asInt()).isEqualTo(2);
    }

    @Test
    void aFingerprintOfAnotherNumberDoesNotLetTheBsnThrough() {
        String other = create(BODY.formatted("268506590"), null).json().get("findings").get(0).get("fingerprint").asText();

        Response response = create(BODY.formatted(VALID_BSN), List.of(other));

        assertThat(response.status()).isEqualTo(422);
        assertThat(count("SELECT count(*) FROM privacy_confirmation")).isZero();
    }

    @Test
    void aMediumFindingSavesWithAWarning() {
        Response response = create("Het wijkteam belt moeder Fatima binnen vijf werkdagen terug.", null);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode warning = response.json().get("warnings").get(0);
        assertThat(warning.get("kind").asText()).isEqualTo("naam");
        assertThat(warning.get("confidence").asText()).isEqualTo("medium");
        assertThat(warning.get("text").asText()).contains("Fatima");
    }

    @Test
    void malformedAcceptedFindingsAnswer400AndAnOverlongReason422WithTheField() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", "Terugbellen");
        request.put("body", "Het wijkteam belt terug.");
        request.put("parties", PARTIES);
        request.put("acceptedFindings", "geen lijst");
        assertThat(api.postJson("/api/v1/koppelzones/" + koppelzone + "/agreements", request).status()).isEqualTo(400);

        request.put("acceptedFindings", List.of("abc"));
        request.put("acceptanceReason", "x".repeat(301));
        Response response = api.postJson("/api/v1/koppelzones/" + koppelzone + "/agreements", request);
        assertThat(response.status()).isBetween(400, 422);
        assertThat(response.json().get("errors").has("acceptanceReason")).isTrue();
    }
}
