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
                + " AND requested_by_account_id = (SELECT id FROM account WHERE username = 'vera') AND :t IS NOT NULL"))
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
}
