package nl.afsprakenwiki.redaction;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules around redaction (issue 17, point 3): the schema refuses every other change of a revision,
 * only a beheerder redacts and only on a voorzitter's request, bad input gets a Dutch answer, and a
 * revision can be redacted more than once. The page asks for confirmation before it removes anything.
 */
class RedactionRulesTest {

    private static final String ZONE = "Koppelzone Jeugd Regelstad";

    @TempDir
    static Path dir;
    static TestApp app;
    static String slug;
    static long published;
    static long draft;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        slug = app.koppelzone(ZONE, "Regelstad");
        String elsewhere = app.koppelzone("Koppelzone Jeugd Elders", "Elders");
        published = app.agreementConfirmingFindings(ZONE, "Regelstad", "overdracht", "Overdracht", "bekrachtigd",
                "Bel moeder Fatima de V. op 0612345678 en noteer dossier 4711-AB. Dossier 4711-AB is gesloten.");
        draft = app.agreement(ZONE, "Regelstad", "concept", "Concept", "concept", "Dossier 9999-ZZ in een concept.");
        app.member(slug, "vera", Role.VOORZITTER);
        app.member(slug, "anna", Role.PRAKTIJKEXPERT);
        app.member(elsewhere, "otto", Role.VOORZITTER);
        app.admin("beheer");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String api(long agreement, int revision) {
        return "/api/v1/agreements/" + agreement + "/revisions/" + revision + "/redactions";
    }

    private static Map<String, Object> request(String text) {
        return new HashMap<>(Map.of("text", text, "reason", "Naam en nummer van een ouder", "requestedBy", "vera"));
    }

    private static String body(long agreement) {
        return app.db.read(handle -> handle.createQuery("SELECT body FROM revision WHERE agreement_id = ? AND number = 1")
                .bind(0, agreement).mapTo(String.class).one());
    }

    @Test
    void anUpdateOfARevisionOutsideTheRedactionPathIsRefusedByTheSchema() {
        assertThatThrownBy(() -> app.db.write(handle -> handle.execute("UPDATE revision SET body = 'weg' WHERE agreement_id = ?",
                published))).hasMessageContaining("revisions are append-only");
        // even while a redaction is pending, only the text and its hash may change; deleting stays refused
        assertThatThrownBy(() -> app.db.write(handle -> {
            long revision = revisionId(handle, published);
            handle.execute("INSERT INTO redaction_pending (revision_id) VALUES (?)", revision);
            return handle.execute("UPDATE revision SET author_name = 'iemand anders' WHERE id = ?", revision);
        })).hasMessageContaining("revisions are append-only");
        assertThatThrownBy(() -> app.db.write(handle -> handle.execute("DELETE FROM revision WHERE agreement_id = ?",
                published))).hasMessageContaining("revisions are append-only");
        assertThat(body(published)).contains("Fatima de V.");
        int pending = app.db.read(handle -> handle.createQuery("SELECT count(*) FROM redaction_pending").mapTo(Integer.class).one());
        assertThat(pending).as("the refused transaction left nothing pending").isZero();
    }

    private static long revisionId(Handle handle, long agreement) {
        return handle.createQuery("SELECT id FROM revision WHERE agreement_id = ? AND number = 1").bind(0, agreement)
                .mapTo(Long.class).one();
    }

    @Test
    void onlyABeheerderMayRedactAndOthersGet403Or404() {
        assertThat(app.bearer("vera").postJson(api(published, 1), request("0612345678")).status()).as("the voorzitter")
                .isEqualTo(403);
        assertThat(app.bearer("anna").postJson(api(published, 1), request("0612345678")).status()).isEqualTo(403);
        assertThat(app.bearer("otto").postJson(api(draft, 1), request("9999-ZZ")).status()).as("a draft elsewhere")
                .isEqualTo(404);
        assertThat(app.postJson(api(published, 1), request("0612345678")).status()).isIn(401, 403);
        assertThat(app.signIn("vera").get("/afspraken/" + published + "/persoonsgegeven-verwijderen").status()).isEqualTo(403);
        assertThat(app.signIn("vera").get("/afspraken/" + published).body()).doesNotContain("persoonsgegeven-verwijderen");
        assertThat(app.signIn("beheer").get("/afspraken/" + published).body()).contains("persoonsgegeven-verwijderen");
        assertThat(body(published)).contains("0612345678");
    }

    @Test
    void badInputIsRefusedWithADutchMessage() {
        TestApp.Client beheer = app.bearer("beheer");
        Response notThere = beheer.postJson(api(published, 1), request("0687654321"));
        assertThat(notThere.status()).isEqualTo(400);
        assertThat(notThere.header("Content-Type")).startsWith("application/problem+json");
        assertThat(notThere.json().at("/errors/text").asText()).isEqualTo(
                "Deze tekst staat niet (meer) in revisie 1. Plak hem precies zoals hij er staat.");
        Map<String, Object> span = request("ignored");
        span.remove("text");
        span.put("start", 5);
        span.put("end", 50_000);
        assertThat(beheer.postJson(api(published, 1), span).json().at("/errors/span").asText())
                .startsWith("Het stuk tekst moet binnen de tekst van de revisie liggen");
        Map<String, Object> notAVoorzitter = request("0612345678");
        notAVoorzitter.put("requestedBy", "anna");
        assertThat(beheer.postJson(api(published, 1), notAVoorzitter).json().at("/errors/requestedBy").asText())
                .isEqualTo("Kies een voorzitter van " + ZONE + ": alleen op hun verzoek wordt iets verwijderd.");
        assertThat(beheer.postJson(api(published, 1), request("de")).json().at("/errors/text").asText())
                .startsWith("Geef minstens 3 tekens op");
        assertThat(beheer.postJson(api(published, 99), request("0612345678")).json().at("/errors/revision").asText())
                .isEqualTo("Kies een bestaande revisie van deze afspraak.");
        assertThat(beheer.send("POST", api(published, 1), "application/json", "{\"text\":").status()).isEqualTo(400);
        assertThat(body(published)).contains("0612345678");

        // the page: the message next to the field, what was typed kept
        TestApp.Client page = app.signIn("beheer");
        String form = "/afspraken/" + published + "/persoonsgegeven-verwijderen";
        Response refused = page.submit(form, form, List.of(Map.entry("revision", "1"), Map.entry("text", "0687654321"),
                Map.entry("requestedBy", "vera"), Map.entry("reason", "Nummer van een ouder")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"text-error\"", "Deze tekst staat niet (meer) in revisie 1",
                ">0687654321</textarea>", "Nummer van een ouder</textarea>");
    }

    @Test
    void thePageShowsWhereTheTextOccursAndRemovesItOnlyWhenConfirmedAndRedactingTwiceIsFine() {
        // a public revision has its findings confirmed (wrongly, here: that is why it is redacted)
        long id = app.agreementConfirmingFindings(ZONE, "Regelstad", "tweemaal", "Tweemaal", "bekrachtigd",
                "Dossier 4711-AB en dossier 4711-AB; vader Jan K. belt.");
        TestApp.Client page = app.signIn("beheer");
        String form = "/afspraken/" + id + "/persoonsgegeven-verwijderen";
        List<Map.Entry<String, String>> fields = List.of(Map.entry("revision", "1"), Map.entry("text", "4711-AB"),
                Map.entry("requestedBy", "vera"), Map.entry("reason", "Dossiernummer"));
        Response confirm = page.submit(form, form, fields);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("De tekst staat 2 keer in 1 revisie(s)", "name=\"confirmed\" value=\"ja\"");
        assertThat(body(id)).as("nothing removed before the confirmation").contains("4711-AB");

        List<Map.Entry<String, String>> confirmed = new java.util.ArrayList<>(fields);
        confirmed.add(Map.entry("confirmed", "ja"));
        Response done = page.submit(form, form, confirmed);
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.header("Location")).isEqualTo("/afspraken/" + id + "?melding=persoonsgegeven-verwijderd");
        assertThat(page.get(done.header("Location")).body()).contains("Het persoonsgegeven is verwijderd");
        assertThat(body(id).strip()).isEqualTo("Dossier [verwijderd: persoonsgegeven] en dossier [verwijderd: persoonsgegeven]; vader Jan K. belt.");

        // the same text again is gone already; another text of the same revision goes too
        Response again = page.submit(form, form, confirmed);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("Deze tekst staat niet (meer) in revisie 1");
        Map<String, Object> second = request("Jan K.");
        Response twice = app.bearer("beheer").postJson(api(id, 1), second);
        assertThat(twice.status()).as(twice.body()).isEqualTo(201);
        assertThat(body(id)).doesNotContain("Jan K.", "4711-AB");
        List<Map<String, Object>> records = app.db.read(handle -> handle.createQuery(
                "SELECT old_sha256, new_sha256 FROM redaction WHERE agreement_id = ? ORDER BY id").bind(0, id).mapToMap().list());
        assertThat(records).hasSize(2);
        assertThat(records.get(1).get("old_sha256")).as("the second starts from the first's result")
                .isEqualTo(records.get(0).get("new_sha256"));
        JsonNode current = app.get("/api/v1/agreements/" + id).json();
        assertThat(current.get("sha256").asText()).isEqualTo(records.get(1).get("new_sha256"));
        assertThat(page.get(form).body()).contains("Eerdere verwijderingen", "Dossiernummer");
    }
}
