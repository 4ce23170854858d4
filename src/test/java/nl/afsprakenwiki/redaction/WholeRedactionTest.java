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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A whole comment (with its earlier texts) or an agenda item's minutes can be redacted (issue 17, point 3):
 * by a beheerder, on a voorzitter's request, recorded without the text; comment history stays
 * append-only for everything else.
 */
class WholeRedactionTest {

    private static final String NAME = "moeder Fatima de Vries";

    @TempDir
    static Path dir;
    static TestApp app;
    static String zone;
    static long agreement;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        zone = app.koppelzone("Koppelzone Jeugd Heelstad", "Heelstad");
        agreement = app.agreement("Koppelzone Jeugd Heelstad", "Heelstad", "overdracht", "Overdracht", "bekrachtigd");
        app.member(zone, "vera", Role.VOORZITTER, "wijkteam-heelstad");
        app.member(zone, "anna", Role.PRAKTIJKEXPERT, "wijkteam-heelstad");
        app.admin("beheer");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Map<String, Object> request() {
        return Map.of("reason", "Naam van een ouder", "requestedBy", "vera");
    }

    private static int count(String sql) {
        return app.db.read(handle -> handle.createQuery(sql).bind("t", "%" + NAME + "%").mapTo(Integer.class).one());
    }

    @Test
    void aWholeCommentAndTheTextsItHadBeforeAreRedactedByABeheerderOnly() {
        TestApp.Client anna = app.bearer("anna");
        Response posted = anna.postJson("/api/v1/agreements/" + agreement + "/comments", Map.of("text",
                "Bel " + NAME + " over dit voorbeeld.", "revision", 1));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        long comment = posted.json().get("id").asLong();
        assertThat(anna.putJson("/api/v1/comments/" + comment, Map.of("text", "Bel " + NAME + " morgen.")).status())
                .isEqualTo(200);
        assertThat(count("SELECT count(*) FROM comment_edit WHERE body LIKE :t")).as("the earlier text is kept").isEqualTo(1);
        assertThatThrownBy(() -> app.db.write(handle -> handle.execute("UPDATE comment_edit SET body = 'x'")))
                .hasMessageContaining("comment history is append-only");

        assertThat(app.bearer("vera").postJson("/api/v1/agreements/" + agreement + "/comments/" + comment + "/redaction", request()).status()).isEqualTo(403);
        Response redacted = app.bearer("beheer").postJson("/api/v1/agreements/" + agreement + "/comments/" + comment + "/redaction", request());
        assertThat(redacted.status()).as(redacted.body()).isEqualTo(201);
        assertThat(count("SELECT count(*) FROM comment WHERE body LIKE :t") + count("SELECT count(*) FROM comment_edit WHERE body LIKE :t"))
                .isZero();
        assertThat(count("SELECT count(*) FROM audit_event WHERE details LIKE :t")).isZero();
        assertThat(app.bearer("anna").get("/api/v1/agreements/" + agreement + "/comments").body())
                .contains("[verwijderd: persoonsgegeven]").doesNotContain(NAME);
        assertThat(count("SELECT count(*) FROM content_redaction WHERE kind = 'comment' AND reason = 'Naam van een ouder'"
                + " AND requested_by_account_id = (SELECT id FROM account WHERE username = 'vera') AND CAST(:t AS TEXT) IS NOT NULL"))
                .isEqualTo(1);
    }

    @Test
    void theMinutesOfAnAgendaItemAreRedactedAndBadInputIsRefusedInDutch() {
        long meeting = app.db.write(handle -> {
            long koppelzone = handle.createQuery("SELECT id FROM koppelzone WHERE slug = ?").bind(0, zone).mapTo(Long.class).one();
            return handle.createUpdate("""
                            INSERT INTO meeting (koppelzone_id, starts_at, ends_at, location, status, created_by, created_at)
                            VALUES (:k, '2026-01-01T09:00:00Z', '2026-01-01T10:00:00Z', 'Stadhuis', 'gepland',
                                    'Test vera', '2025-12-01T09:00:00Z')""")
                    .bind("k", koppelzone).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
        long item = app.db.write(handle -> handle.createUpdate("""
                        INSERT INTO meeting_item (meeting_id, position, kind, title, minutes)
                        VALUES (:m, 1, 'vrij', 'Casus', :minutes)""").bind("m", meeting)
                .bind("minutes", "Besproken: " + NAME + " wacht al zes weken.").executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class).one());
        String path = "/api/v1/meetings/" + meeting + "/items/" + item + "/minutes/redaction";
        Response noRequester = app.bearer("beheer").postJson(path, Map.of("reason", "Naam", "requestedBy", "anna"));
        assertThat(noRequester.status()).isEqualTo(400);
        assertThat(noRequester.json().at("/errors/requestedBy").asText()).startsWith("Kies een voorzitter van");
        assertThat(app.bearer("anna").postJson(path, request()).status()).isEqualTo(403);
        assertThat(count("SELECT count(*) FROM meeting_item WHERE minutes LIKE :t")).isEqualTo(1);

        Response redacted = app.bearer("beheer").postJson(path, request());
        assertThat(redacted.status()).as(redacted.body()).isEqualTo(201);
        assertThat(count("SELECT count(*) FROM meeting_item WHERE minutes LIKE :t")).isZero();
        assertThat(app.bearer("vera").get("/api/v1/meetings/" + meeting).body()).doesNotContain(NAME);
        List<String> actions = app.db.read(handle -> handle.createQuery(
                "SELECT action FROM audit_event WHERE action LIKE '%redact%'").mapTo(String.class).list());
        assertThat(actions).contains("meeting.redactMinutes");
        Response again = app.bearer("beheer").postJson(path, request());
        assertThat(again.status()).as("twice is fine: the marker is replaced by itself").isEqualTo(201);
    }

    @Test
    void anExperienceARemarkADecisionNoteAndAnActionItemAreRedactedWholeAndTheSchemaStillGuardsThem() {
        String elsewhere = app.koppelzone("Koppelzone Jeugd Verweg", "Verweg");
        app.member(elsewhere, "piet", Role.PRAKTIJKEXPERT, "wijkteam-verweg");
        Response shared = app.bearer("piet").postJson("/api/v1/agreements/" + agreement + "/experiences",
                Map.of("body", "Bij ons belde de " + NAME + " zelf.", "adopted", false));
        assertThat(shared.status()).as(shared.body()).isEqualTo(201);
        long experience = shared.json().get("id").asLong();
        long[] ids = app.db.write(handle -> {
            String sha = handle.createQuery("SELECT sha256 FROM revision WHERE agreement_id = :a AND number = 1")
                    .bind("a", agreement).mapTo(String.class).one();
            long koppelzone = handle.createQuery("SELECT id FROM koppelzone WHERE slug = ?").bind(0, zone).mapTo(Long.class).one();
            long organisation = handle.createQuery("SELECT id FROM organisation LIMIT 1").mapTo(Long.class).one();
            long round = handle.createUpdate("""
                            INSERT INTO endorsement_round (agreement_id, revision_number, sha256, proposed_by, proposed_at, closed_at,
                                outcome, closed_by) VALUES (:a, 1, :sha, 'Test', '2026-01-01T09:00:00Z', '2026-01-02T09:00:00Z',
                                'ingetrokken', 'Test')""")
                    .bind("a", agreement).bind("sha", sha).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long endorsement = handle.createUpdate("""
                            INSERT INTO endorsement (round_id, agreement_id, revision_number, sha256, organisation_id, person_name,
                                decision, remark, decided_at) VALUES (:r, :a, 1, :sha, :o, 'Test', 'decline', :remark,
                                '2026-01-01T10:00:00Z')""")
                    .bind("r", round).bind("a", agreement).bind("sha", sha).bind("o", organisation)
                    .bind("remark", "Eerst met " + NAME + " bellen.").executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long meeting = handle.createUpdate("""
                            INSERT INTO meeting (koppelzone_id, starts_at, ends_at, location, status, created_by, created_at)
                            VALUES (:k, '2026-02-01T09:00:00Z', '2026-02-01T10:00:00Z', 'Stadhuis', 'gepland', 'Test', '2026-01-01T09:00:00Z')""")
                    .bind("k", koppelzone).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long item = handle.createUpdate("INSERT INTO meeting_item (meeting_id, position, kind, title) VALUES (:m, 1, 'vrij', 'Casus')")
                    .bind("m", meeting).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long decision = handle.createUpdate("""
                            INSERT INTO meeting_decision (meeting_id, item_id, agreement_id, revision_number, sha256, decision, note,
                                decided_by, decided_at) VALUES (:m, :i, :a, 1, :sha, 'vastgesteld', :note, 'Test', '2026-02-01T09:30:00Z')""")
                    .bind("m", meeting).bind("i", item).bind("a", agreement).bind("sha", sha)
                    .bind("note", "Na gesprek met " + NAME + ".").executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long action = handle.createUpdate("""
                            INSERT INTO action_item (koppelzone_id, meeting_id, description, owner_name, created_at)
                            VALUES (:k, :m, :d, 'Test', '2026-02-01T09:40:00Z')""")
                    .bind("k", koppelzone).bind("m", meeting).bind("d", "Terugbellen naar " + NAME)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            // a decision "vervallen" copies its note into the agreement's retire reason
            handle.createUpdate("UPDATE agreement SET retired_reason = :r WHERE id = :a")
                    .bind("r", "Besloten in het overleg van 1 februari: Na gesprek met " + NAME + ".").bind("a", agreement).execute();
            return new long[]{endorsement, meeting, decision, action};
        });
        List<String> paths = List.of("/api/v1/agreements/" + agreement + "/experiences/" + experience + "/redaction",
                "/api/v1/agreements/" + agreement + "/endorsements/" + ids[0] + "/redaction",
                "/api/v1/meetings/" + ids[1] + "/decisions/" + ids[2] + "/redaction",
                "/api/v1/meetings/" + ids[1] + "/actions/" + ids[3] + "/redaction");
        for (String path : paths) {
            assertThat(app.bearer("vera").postJson(path, request()).status()).as(path).isEqualTo(403);
            Response done = app.bearer("beheer").postJson(path, request());
            assertThat(done.status()).as(path + " " + done.body()).isEqualTo(201);
        }
        assertThat(count("SELECT count(*) FROM experience WHERE body LIKE :t") + count("SELECT count(*) FROM endorsement WHERE remark LIKE :t")
                + count("SELECT count(*) FROM meeting_decision WHERE note LIKE :t") + count("SELECT count(*) FROM action_item WHERE description LIKE :t")
                + count("SELECT count(*) FROM audit_event WHERE details LIKE :t")
                + count("SELECT count(*) FROM agreement WHERE retired_reason LIKE :t")).isZero();
        assertThat(count("SELECT count(*) FROM text_redaction WHERE requested_by_account_id = (SELECT id FROM account WHERE username = 'vera')"
                + " AND CAST(:t AS TEXT) IS NOT NULL")).isEqualTo(4);
        assertThat(app.bearer("beheer").postJson("/api/v1/meetings/" + ids[1] + "/decisions/" + (ids[2] + 99) + "/redaction",
                request()).status()).isEqualTo(404);
        // outside the redaction path the rows are as append-only as before
        assertThatThrownBy(() -> app.db.write(handle -> handle.execute("UPDATE endorsement SET remark = 'x'")))
                .hasMessageContaining("endorsements are append-only");
        assertThatThrownBy(() -> app.db.write(handle -> handle.execute("UPDATE meeting_decision SET note = 'x'")))
                .hasMessageContaining("meeting decisions are append-only");
        assertThatThrownBy(() -> app.db.write(handle -> handle.execute("UPDATE experience SET body = 'x'")))
                .hasMessageContaining("an experience is kept as written");
    }

    @Test
    void aRedactionInAnAgreementsTitleAlsoLeavesTheAgendaItemsAboutIt() {
        long named = app.agreement("Koppelzone Jeugd Heelstad", "Heelstad", "casus-de-vries", "Casus Fatima de Vries", "concept");
        long meeting = app.db.write(handle -> {
            long koppelzone = handle.createQuery("SELECT id FROM koppelzone WHERE slug = ?").bind(0, zone).mapTo(Long.class).one();
            long planned = handle.createUpdate("""
                            INSERT INTO meeting (koppelzone_id, starts_at, ends_at, location, status, created_by, created_at)
                            VALUES (:k, '2026-03-01T09:00:00Z', '2026-03-01T10:00:00Z', 'Stadhuis', 'gepland', 'Test', '2026-01-01T09:00:00Z')""")
                    .bind("k", koppelzone).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            handle.createUpdate("""
                            INSERT INTO meeting_item (meeting_id, position, kind, agreement_id, revision_number, title)
                            VALUES (:m, 1, 'bekrachtiging', :a, 1, 'Casus Fatima de Vries')""")
                    .bind("m", planned).bind("a", named).execute();
            return planned;
        });
        Response done = app.bearer("beheer").postJson("/api/v1/agreements/" + named + "/revisions/1/redactions",
                Map.of("text", "Fatima de Vries", "reason", "Naam van een moeder", "requestedBy", "vera"));
        assertThat(done.status()).as(done.body()).isEqualTo(201);
        String title = app.db.read(handle -> handle.createQuery("SELECT title FROM meeting_item WHERE meeting_id = :m")
                .bind("m", meeting).mapTo(String.class).one());
        assertThat(title).isEqualTo("Casus [verwijderd: persoonsgegeven]");
    }
}
