package nl.afsprakenwiki.redaction;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A waardelek's texts and comments can be redacted whole (docs/PRIVACY.md): by a beheerder, on a
 * voorzitter's request, recorded without the text, with the copies in the leak's history and on the agenda;
 * the history and comments stay append-only for everything else.
 */
class LeakRedactionTest {

    private static final String NAME = "moeder Fatima de Vries";

    @TempDir
    static Path dir;
    static TestApp app;
    static String zone;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        zone = app.koppelzone("Koppelzone Jeugd Lekdam", "Lekdam");
        app.koppelzone("Koppelzone Jeugd Elders", "Elders");
        app.member(zone, "vera", Role.VOORZITTER, "wijkteam-lekdam");
        app.member(zone, "marieke", Role.PRAKTIJKEXPERT, "jeugdhulp-de-brug-lekdam");
        app.member("koppelzone-jeugd-elders", "olaf", Role.VOORZITTER, "wijkteam-elders");
        app.admin("beheer");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static long report(String title, String description, String example) {
        Response created = app.bearer("marieke").postJson("/api/v1/koppelzones/" + zone + "/leaks", Map.of(
                "parties", List.of("wijkteam-lekdam", "jeugdhulp-de-brug-lekdam"), "moment", "wachttijd", "title", title,
                "description", description, "frequency", "maandelijks", "example", example));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** Rows of {@code sql} (with {@code :t} for the name and {@code :l} for the leak) that hold the name. */
    private static int count(String sql, long leak) {
        return app.db.read(handle -> handle.createQuery(sql).bind("t", "%" + NAME + "%").bind("l", leak)
                .mapTo(Integer.class).one());
    }

    private static Map<String, Object> request(String field) {
        return Map.of("field", field, "reason", "Naam van een ouder", "requestedBy", "vera");
    }

    @Test
    void everyFieldAndCommentOfALeakIsRedactedWholeByABeheerderOnlyWithItsCopies() {
        long leak = report("Geen overbrugging tijdens de wachttijd", "Tijdens de wachttijd belde " + NAME + " vier keer.",
                "Zo wachtte " + NAME + " zes weken.");
        String path = "/api/v1/leaks/" + leak;
        TestApp.Client web = app.signIn("marieke");
        Response posted = web.submit("/waardelekken/" + leak, "/waardelekken/" + leak + "/opmerkingen",
                List.of(entry("body", "Ook " + NAME + " wacht nog.")));
        assertThat(posted.status()).as(posted.body()).isEqualTo(302);
        long comment = app.db.read(h -> h.createQuery("SELECT id FROM leak_comment WHERE leak_id = :l").bind("l", leak)
                .mapTo(Long.class).one());
        Response notTaken = app.bearer("vera").send("PATCH", path, "application/json",
                TestApp.json(Map.of("status", "niet_opgepakt", "reason", "Besproken met " + NAME + ".")));
        assertThat(notTaken.status()).as(notTaken.body()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM leak_event WHERE detail LIKE :t AND leak_id = :l", leak)).as("the reason is in the history").isEqualTo(1);
        assertThatThrownBy(() -> app.db.write(handle -> handle.execute("UPDATE leak_event SET detail = 'x'")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> app.db.write(handle -> handle.execute("UPDATE leak_comment SET body = 'x'")))
                .hasMessageContaining("append-only");

        // only a beheerder: the voorzitter and the writer 403, a voorzitter elsewhere 404 (the leak is unpublished)
        assertThat(app.bearer("vera").postJson(path + "/redaction", request("description")).status()).isEqualTo(403);
        assertThat(app.bearer("marieke").postJson(path + "/redaction", request("description")).status()).isEqualTo(403);
        assertThat(app.bearer("olaf").postJson(path + "/redaction", request("description")).status()).isEqualTo(404);
        Response badField = app.bearer("beheer").postJson(path + "/redaction", request("status"));
        assertThat(badField.status()).isEqualTo(400);
        assertThat(badField.header("Content-Type")).contains("application/problem+json");
        assertThat(badField.json().at("/errors/field").asText()).contains("title, description, example");
        Response noRequester = app.bearer("beheer").postJson(path + "/redaction",
                Map.of("field", "description", "reason", "Naam", "requestedBy", "marieke"));
        assertThat(noRequester.status()).isEqualTo(400);
        assertThat(noRequester.json().at("/errors/requestedBy").asText()).startsWith("Kies een voorzitter van");
        assertThat(count("SELECT count(*) FROM leak WHERE description LIKE :t AND id = :l", leak)).as("nothing changed").isEqualTo(1);

        for (String field : List.of("description", "example", "reason")) {
            Response done = app.bearer("beheer").postJson(path + "/redaction", request(field));
            assertThat(done.status()).as(done.body()).isEqualTo(201);
            assertThat(done.json().get("kind").asText()).isEqualTo(field);
        }
        Response commentDone = app.bearer("beheer").postJson(path + "/comments/" + comment + "/redaction",
                Map.of("reason", "Naam van een ouder", "requestedBy", "vera"));
        assertThat(commentDone.status()).as(commentDone.body()).isEqualTo(201);

        assertThat(count("SELECT count(*) FROM leak WHERE (description LIKE :t OR example LIKE :t OR reason LIKE :t) AND id = :l", leak)
                + count("SELECT count(*) FROM leak_event WHERE detail LIKE :t AND leak_id = :l", leak)
                + count("SELECT count(*) FROM leak_comment WHERE body LIKE :t AND leak_id = :l", leak)
                + count("SELECT count(*) FROM audit_event WHERE details LIKE :t AND target = 'leak:' || :l", leak)).isZero();
        assertThat(app.bearer("vera").get(path).body()).contains("[verwijderd: persoonsgegeven]").doesNotContain(NAME);
        List<String> recorded = app.db.read(h -> h.createQuery("""
                        SELECT field FROM leak_redaction WHERE leak_id = :l AND reason = 'Naam van een ouder'
                          AND requested_by_account_id = (SELECT id FROM account WHERE username = 'vera')
                          AND length(old_sha256) = 64 ORDER BY id""").bind("l", leak).mapTo(String.class).list());
        assertThat(recorded).containsExactly("description", "example", "reason", "comment");
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'leak.redact' AND target = 'leak:' || :l AND CAST(:t AS TEXT) IS NOT NULL",
                leak)).isEqualTo(4);
        assertThatThrownBy(() -> app.db.write(handle -> handle.execute("DELETE FROM leak_redaction")))
                .hasMessageContaining("append-only");
    }

    @Test
    void theTitleIsRedactedFromItsPageWithTheAgendaItemsAboutTheLeakAndTheRegisterLinksThere() {
        long leak = report("Wachttijd van " + NAME, "Tijdens de wachttijd hoort het gezin niets.", "");
        long item = app.db.write(handle -> {
            long koppelzone = handle.createQuery("SELECT id FROM koppelzone WHERE slug = ?").bind(0, zone).mapTo(Long.class).one();
            long meeting = handle.createUpdate("""
                            INSERT INTO meeting (koppelzone_id, starts_at, ends_at, location, status, created_by, created_at)
                            VALUES (:k, '2026-01-01T09:00:00Z', '2026-01-01T10:00:00Z', 'Stadhuis', 'gepland',
                                    'Test vera', '2025-12-01T09:00:00Z')""")
                    .bind("k", koppelzone).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long created = handle.createUpdate("""
                            INSERT INTO meeting_item (meeting_id, position, kind, title) VALUES (:m, 1, 'vrij', :title)""")
                    .bind("m", meeting).bind("title", "Wachttijd van " + NAME).executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class).one();
            handle.createUpdate("INSERT INTO meeting_item_leak (item_id, leak_id) VALUES (:i, :l)")
                    .bind("i", created).bind("l", leak).execute();
            return created;
        });

        TestApp.Client beheer = app.signIn("beheer");
        assertThat(beheer.get("/waardelekken/" + leak).body()).as("the leak page links a beheerder to each text")
                .contains("/waardelekken/" + leak + "/titel/persoonsgegevens-verwijderen")
                .contains("/waardelekken/" + leak + "/beschrijving/persoonsgegevens-verwijderen");
        assertThat(app.signIn("vera").get("/waardelekken/" + leak).body()).doesNotContain("persoonsgegevens-verwijderen");
        String findings = beheer.get("/koppelzones/" + zone + "/persoonsgegevens").body();
        String form = "/waardelekken/" + leak + "/titel/persoonsgegevens-verwijderen";
        assertThat(findings).as("the register links the finding to its field's redaction").contains(form);
        assertThat(beheer.get(form).body()).contains("Titel van een waardelek verwijderen").contains("Wachttijd van " + NAME);
        assertThat(beheer.get("/waardelekken/" + leak + "/status/persoonsgegevens-verwijderen").status()).isEqualTo(404);
        assertThat(app.signIn("vera").get(form).status()).isEqualTo(403);

        Response missing = beheer.submit(form, form, List.of(entry("requestedBy", "vera"), entry("reason", "")));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("Wachttijd van " + NAME).contains("id=\"reason-error\"");
        Response done = beheer.submit(form, form, List.of(entry("requestedBy", "vera"), entry("reason", "Naam in de titel")));
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(done.header("Location")).contains("/persoonsgegevens?melding=verwijderd");
        assertThat(count("SELECT count(*) FROM leak WHERE title LIKE :t AND id = :l", leak)).isZero();
        String agendaTitle = app.db.read(h -> h.createQuery("SELECT title FROM meeting_item WHERE id = :i").bind("i", item)
                .mapTo(String.class).one());
        assertThat(agendaTitle).as("the agenda item carries the title as it was").isEqualTo("[verwijderd: persoonsgegeven]");
        assertThat(beheer.get("/koppelzones/" + zone + "/persoonsgegevens").body()).doesNotContain(form);
    }
}
