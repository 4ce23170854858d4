package nl.afsprakenwiki.privacy;

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
import static nl.afsprakenwiki.testing.PersonalData.WITH_BSN;
import static nl.afsprakenwiki.testing.PersonalData.WITH_NAME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 point 2 on the reasons a voorzitter gives for retiring an agreement and for withdrawing a
 * proposal (V031: sources {@code retire} and {@code withdraw}): a BSN refuses the move (page: the finding
 * beside the reason with a tick, the reason kept; API: 422 with the findings), its fingerprint sent back
 * lets it through with the confirmation stored and audited; a name only warns. A meeting's decision
 * "vervallen" copies its note, already screened and confirmed as a decision note, without a second refusal.
 */
class ReasonConfirmationsTest {

    private static final String ZONE = "Koppelzone Jeugd Teststad";

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

    // --- helpers ---------------------------------------------------------------------------------

    private static long agreement(String title) {
        Response created = app.bearer("marieke").postJson("/api/v1/koppelzones/" + zone + "/agreements", Map.of(
                "title", title, "body", "Het wijkteam belt binnen vijf werkdagen terug.",
                "parties", List.of("wijkteam-teststad", "jeugdhulp-de-brug-teststad")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static long proposed(String title) {
        long id = agreement(title);
        Response proposed = app.bearer("marieke").postJson("/api/v1/agreements/" + id + "/proposals", Map.of("revision", 1));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        return id;
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

    private static String status(long id) {
        return app.bearer("vera").get("/api/v1/agreements/" + id).json().get("status").asText();
    }

    /** Asserts a 422 naming a bsn finding in the reason; returns its fingerprint. */
    private static String refusedBsn(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode finding = response.json().get("findings").get(0);
        assertThat(finding.get("kind").asText()).isEqualTo("bsn");
        assertThat(finding.get("field").asText()).isEqualTo("reason");
        assertThat(WITH_BSN.substring(finding.get("start").asInt(), finding.get("end").asInt())).isEqualTo(BSN);
        assertThat(response.json().get("detail").asText()).doesNotContain(BSN);
        return finding.get("fingerprint").asText();
    }

    private static Map<String, Object> accepting(String reason, String fingerprint) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("reason", reason);
        all.put("acceptedFindings", List.of(fingerprint));
        all.put("acceptanceReason", "verzonnen voorbeeld voor de training");
        return all;
    }

    /** The stored confirmation: account and reason, never the digits; audited as privacy.confirm. */
    private static void confirmedAndAudited(String source, long id, String fingerprint) {
        Map<String, Object> row = app.db.read(handle -> handle.createQuery("""
                        SELECT c.kind, c.confidence, c.reason, a.username FROM text_privacy_confirmation c
                        JOIN account a ON a.id = c.account_id
                        WHERE c.source = ? AND c.source_id = ? AND c.fingerprint = ?""")
                .bind(0, source).bind(1, id).bind(2, fingerprint).mapToMap().one());
        assertThat(row).containsEntry("kind", "bsn").containsEntry("confidence", "high")
                .containsEntry("reason", "verzonnen voorbeeld voor de training").containsEntry("username", "vera");
        String details = app.db.read(handle -> handle.createQuery("""
                        SELECT details FROM audit_event WHERE action = 'privacy.confirm' AND details LIKE ?""")
                .bind(0, "%" + fingerprint + "%").mapTo(String.class).list()).stream()
                .filter(json -> json.contains("\"" + source + "\":" + id)).findFirst().orElseThrow();
        assertThat(details).contains("\"text\":\"" + source + "\"", "verzonnen voorbeeld").doesNotContain(BSN);
    }

    // --- retiring --------------------------------------------------------------------------------

    @Test
    void aRetireReasonWithABsnIsRefusedOnThePageAndThroughTheApiAndRetiresWithItsFingerprint() {
        long id = agreement("Vervallen met een nummer");
        String api = "/api/v1/agreements/" + id + "/retire";
        String fingerprint = refusedBsn(app.bearer("vera").postJson(api, Map.of("reason", WITH_BSN)));
        assertThat(status(id)).isEqualTo("concept");
        assertThat(count("SELECT count(*) FROM agreement WHERE retired_reason LIKE ?", "%" + BSN + "%")).isZero();
        assertThat(count("SELECT count(*) FROM audit_event WHERE details LIKE ?", "%" + BSN + "%")).isZero();

        TestApp.Client vera = app.signIn("vera");
        String form = "/afspraken/" + id + "/laten-vervallen";
        Response refused = vera.submit(form, form, List.of(entry("reason", WITH_BSN)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Mogelijk persoonsgegevens gevonden", "<mark>" + BSN + "</mark>",
                "Dit is geen persoonsgegeven", "value=\"" + fingerprint + "\"", "in de reden", ">" + WITH_BSN + "</textarea>");
        // ticked, but with a reason for the tick that is too long: the tick and the finding stay
        Response tooLong = vera.submit(form, form, List.of(entry("reason", WITH_BSN), entry("acceptedFindings", fingerprint),
                entry("acceptanceReason", "x".repeat(301))));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("id=\"acceptanceReason-error\"",
                "value=\"" + fingerprint + "\" id=\"vondst-" + fingerprint + "\" checked");
        assertThat(status(id)).isEqualTo("concept");

        Response retired = app.bearer("vera").postJson(api, accepting(WITH_BSN, fingerprint));
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        assertThat(retired.json().get("status").asText()).isEqualTo("vervallen");
        assertThat(retired.json().get("warnings")).isEmpty();
        confirmedAndAudited("retire", id, fingerprint);
        assertThat(vera.get("/afspraken/" + id).body()).contains(WITH_BSN);
    }

    @Test
    void theRetireFormSavesWithTheBoxTickedAndANameOnlyWarns() {
        long ticked = agreement("Vervallen met een vinkje");
        String form = "/afspraken/" + ticked + "/laten-vervallen";
        TestApp.Client vera = app.signIn("vera");
        String fingerprint = refusedBsn(app.bearer("vera").postJson("/api/v1/agreements/" + ticked + "/retire",
                Map.of("reason", WITH_BSN)));
        Response saved = vera.submit(form, form, List.of(entry("reason", WITH_BSN), entry("acceptedFindings", fingerprint),
                entry("acceptanceReason", "verzonnen voorbeeld voor de training")));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(saved.header("Location")).isEqualTo("/afspraken/" + ticked + "?melding=vervallen");
        confirmedAndAudited("retire", ticked, fingerprint);

        long named = agreement("Vervallen met een naam");
        String nameForm = "/afspraken/" + named + "/laten-vervallen";
        Response warned = vera.submit(nameForm, nameForm, List.of(entry("reason", WITH_NAME)));
        assertThat(warned.status()).as(warned.body()).isEqualTo(302);
        assertThat(warned.header("Location")).contains("melding=persoonsgegevens-tekst", "soorten=naam");
        assertThat(vera.get(warned.header("Location")).body()).contains("bevat mogelijk persoonsgegevens (Naam)");
        assertThat(status(named)).isEqualTo("vervallen");

        long api = agreement("Vervallen met een naam via de API");
        Response apiWarned = app.bearer("vera").postJson("/api/v1/agreements/" + api + "/retire", Map.of("reason", WITH_NAME));
        assertThat(apiWarned.status()).as(apiWarned.body()).isEqualTo(200);
        assertThat(apiWarned.json().at("/warnings/0/kind").asText()).isEqualTo("naam");
        assertThat(apiWarned.json().at("/warnings/0/confidence").asText()).isEqualTo("medium");
    }

    // --- withdrawing -----------------------------------------------------------------------------

    @Test
    void aWithdrawReasonWithABsnIsRefusedAndWithdrawsWithItsFingerprint() {
        long id = proposed("Ingetrokken met een nummer");
        String api = "/api/v1/agreements/" + id + "/proposals/withdraw";
        String fingerprint = refusedBsn(app.bearer("vera").postJson(api, Map.of("reason", WITH_BSN)));
        assertThat(status(id)).isEqualTo("ter_bekrachtiging");

        TestApp.Client vera = app.signIn("vera");
        String form = "/afspraken/" + id + "/intrekken";
        Response refused = vera.submit(form, form, List.of(entry("reason", WITH_BSN)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("<mark>" + BSN + "</mark>", "value=\"" + fingerprint + "\"",
                ">" + WITH_BSN + "</textarea>");
        assertThat(count("SELECT count(*) FROM endorsement_round WHERE closed_reason LIKE ?", "%" + BSN + "%")).isZero();

        Response withdrawn = vera.submit(form, form, List.of(entry("reason", WITH_BSN), entry("acceptedFindings", fingerprint),
                entry("acceptanceReason", "verzonnen voorbeeld voor de training")));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(302);
        assertThat(withdrawn.header("Location")).isEqualTo("/afspraken/" + id + "?melding=ingetrokken");
        long round = app.db.read(handle -> handle.createQuery("SELECT id FROM endorsement_round WHERE agreement_id = ?")
                .bind(0, id).mapTo(Long.class).one());
        confirmedAndAudited("withdraw", round, fingerprint);
        assertThat(status(id)).isEqualTo("concept");
    }

    @Test
    void aWithdrawReasonWithANameWithdrawsWithAWarningThroughTheApi() {
        long id = proposed("Ingetrokken met een naam");
        Response apiRefused = app.bearer("vera").postJson("/api/v1/agreements/" + id + "/proposals/withdraw",
                Map.of("reason", WITH_BSN));
        String fingerprint = refusedBsn(apiRefused);
        Response withdrawn = app.bearer("vera").postJson("/api/v1/agreements/" + id + "/proposals/withdraw",
                Map.of("reason", WITH_NAME));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asText()).isEqualTo("concept");
        assertThat(withdrawn.json().at("/warnings/0/kind").asText()).isEqualTo("naam");
        assertThat(withdrawn.json().at("/warnings/0/text").asText()).contains("Fatima");
        // a warning stores no confirmation; the refused bsn none either
        assertThat(count("""
                SELECT count(*) FROM text_privacy_confirmation c JOIN endorsement_round r ON r.id = c.source_id
                WHERE c.source = 'withdraw' AND r.agreement_id = ?""", id)).isZero();
        assertThat(fingerprint).isNotBlank();
    }

    // --- a meeting's decision "vervallen" --------------------------------------------------------

    @Test
    void aMeetingDecisionVervallenWithAConfirmedNoteRetiresWithoutASecondRefusal() {
        long id = agreement("Vervallen in het overleg");
        TestApp.Client chair = app.signIn("vera");
        String csrf = chair.csrfToken("/koppelzones/" + zone + "/overleggen/nieuw");
        Response planned = chair.postForm("/koppelzones/" + zone + "/overleggen", List.of(entry("csrf", csrf),
                entry("date", "2030-05-07"), entry("startTime", "14:00"), entry("endTime", "16:00"), entry("location", "Zaal 3")));
        assertThat(planned.status()).as(planned.body()).isEqualTo(302);
        String path = planned.header("Location").replaceAll("\\?.*", "");
        long meeting = Long.parseLong(path.replace("/overleggen/", ""));
        assertThat(chair.postForm(path + "/agenda", List.of(entry("csrf", csrf), entry("agreement", String.valueOf(id))))
                .status()).isEqualTo(302);
        TestApp.Client api = app.bearer("vera");
        JsonNode agenda = api.get("/api/v1/meetings/" + meeting).json().get("agenda");
        long item = java.util.stream.StreamSupport.stream(agenda.spliterator(), false)
                .filter(entry -> entry.get("agreement") != null && entry.get("agreement").asLong() == id)
                .findFirst().orElseThrow().get("id").asLong();

        String decisions = "/api/v1/meetings/" + meeting + "/decisions";
        Map<String, Object> decision = new LinkedHashMap<>(Map.of("item", item, "decision", "vervallen", "note", WITH_BSN));
        Response refused = api.postJson(decisions, decision);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().at("/findings/0/field").asText()).isEqualTo("note");
        String fingerprint = refused.json().at("/findings/0/fingerprint").asText();
        decision.put("acceptedFindings", List.of(fingerprint));
        decision.put("acceptanceReason", "verzonnen voorbeeld voor de training");
        Response decided = api.postJson(decisions, decision);
        assertThat(decided.status()).as(decided.body()).isEqualTo(201);
        assertThat(status(id)).isEqualTo("vervallen");
        assertThat(count("SELECT count(*) FROM agreement WHERE id = ? AND retired_reason LIKE ?", id, "%" + BSN + "%"))
                .isEqualTo(1);
        // confirmed once, as the decision's note; the copy in the retire reason asks for nothing more
        assertThat(count("SELECT count(*) FROM text_privacy_confirmation WHERE source = 'note' AND fingerprint = ?",
                fingerprint)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM text_privacy_confirmation WHERE source = 'retire' AND source_id = ?", id))
                .isZero();
    }
}
