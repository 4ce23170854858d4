package nl.afsprakenwiki.redaction;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.MailServer;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.text.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redaction from history (issue 17, point 3; the must-hold): a BSN-like number pasted into revision 2 of
 * a public agreement, adopted by another koppelzone, is removed by a beheerder on the voorzitter's
 * request; afterwards no page, API answer, search, suggestion, feed, export, adopted copy or table holds
 * the digits, and the audit log tells the redaction without them. Every place is first checked to hold
 * the digits before the redaction, so no check passes for want of content.
 */
class RedactionTest {

    /** Nine digits like a BSN; they fail the elfproef on purpose, so the privacy guard lets the save through. */
    private static final String DIGITS = "111222334";
    private static final String BODY_1 = "Het wijkteam belt de verwijzer binnen vijf werkdagen terug.";
    private static final String BODY_2 = BODY_1 + "\n\nVoorbeeld: het kind met BSN " + DIGITS + " werd op tijd teruggebeld.";
    private static final String MARKER = "[verwijderd: persoonsgegeven]";

    @TempDir
    static Path dir;
    static final MailServer mail = new MailServer();
    static TestApp app;
    static String zoneA;
    static String zoneB;
    static long id;
    static long copy;
    /** Every place that should lose the digits, read before the redaction. */
    static Map<String, String> before;
    static Response redacted;

    @BeforeAll
    static void start() throws IOException {
        mail.start();
        app = TestApp.start(mail.wiki(dir.resolve("data")));
        zoneA = app.koppelzone("Koppelzone Jeugd Redactiestad", "Redactiestad");
        zoneB = app.koppelzone("Koppelzone Jeugd Kopiestad", "Kopiestad");
        app.member(zoneA, "vera", Role.VOORZITTER, "wijkteam-redactiestad");
        app.member(zoneA, "anna", Role.PRAKTIJKEXPERT, "wijkteam-redactiestad");
        app.member(zoneA, "mark", Role.MANAGER, "wijkteam-redactiestad");
        app.member(zoneB, "bert", Role.PRAKTIJKEXPERT, "wijkteam-kopiestad");
        app.member(zoneB, "vince", Role.VOORZITTER, "wijkteam-kopiestad");
        app.admin("beheer");

        TestApp.Client anna = app.bearer("anna");
        Response created = anna.postJson("/api/v1/koppelzones/" + zoneA + "/agreements", Map.of("title",
                "Terugbellen na aanmelding", "body", BODY_1, "parties", List.of("wijkteam-redactiestad")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        id = created.json().get("id").asLong();
        Response saved = anna.putJson("/api/v1/agreements/" + id, Map.of("title", "Terugbellen na aanmelding",
                "body", BODY_2, "baseRevision", 1, "summary", "voorbeeld met BSN " + DIGITS + " toegevoegd"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        Response comment = anna.postJson("/api/v1/agreements/" + id + "/comments", Map.of("text",
                "Dit voorbeeld moet anders.", "revision", 2, "block", 1));
        assertThat(comment.status()).as(comment.body()).isEqualTo(201);
        assertThat(anna.postJson("/api/v1/agreements/" + id + "/proposals", Map.of("revision", 2)).status()).isEqualTo(201);
        Response endorsed = app.bearer("mark").postJson("/api/v1/agreements/" + id + "/endorsements",
                Map.of("revision", 2, "decision", "endorse"));
        assertThat(endorsed.status()).as(endorsed.body()).isLessThan(300);
        Response adopted = app.bearer("bert").postJson("/api/v1/agreements/" + id + "/adopt", Map.of("koppelzone", zoneB));
        assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);
        copy = adopted.json().get("id").asLong();
        // the adopter proposes its version back: the proposal holds a copy of the text with the digits
        String copied = app.bearer("bert").get("/api/v1/agreements/" + copy).json().get("body").asText();
        Response edited = app.bearer("bert").putJson("/api/v1/agreements/" + copy, Map.of("title", "Terugbellen na aanmelding",
                "body", copied + "\n\nBij ons belt het wijkteam binnen twee dagen terug.\n", "baseRevision", 1));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        Response proposedBack = app.bearer("bert").postJson("/api/v1/agreements/" + copy + "/source-proposals",
                Map.of("note", "Zo werkt het bij ons."));
        assertThat(proposedBack.status()).as(proposedBack.body()).isEqualTo(201);
        for (String other : List.of("Warme overdracht", "Gezamenlijk plan", "Spoedaanmelding")) {
            app.agreement("Koppelzone Jeugd Redactiestad", "Redactiestad", other.toLowerCase().replace(' ', '-'), other,
                    "bekrachtigd");
        }
        // one segment for all: a replaced document then stays in it, deleted, with its terms, until merged
        app.services.search().index().rebuild(Progress.NONE);
        app.awaitSearch();

        before = places();
        redacted = app.bearer("beheer").postJson("/api/v1/agreements/" + id + "/revisions/2/redactions", Map.of(
                "text", DIGITS, "reason", "BSN van een kind in een voorbeeld", "requestedBy", "vera"));
    }

    @AfterAll
    static void stop() {
        app.close();
        mail.stop();
    }

    /**
     * What the public, a member and the API show, searches (their hits and suggestions, not the echoed
     * query), suggestions while typing, feeds, the adopted copy (to its koppelzone) and an export; by name.
     */
    private static Map<String, String> places() throws IOException {
        Map<String, String> places = new java.util.LinkedHashMap<>();
        TestApp.Client member = app.signIn("anna");
        for (String path : List.of("/afspraken/" + id, "/afspraken/" + id + "/revisies/2", "/afspraken/" + id
                + "/vergelijk?van=1&naar=2&weergave=inline", "/afspraken/" + id + "/geschiedenis", "/api/v1/agreements/" + id,
                "/api/v1/agreements/" + id + "/revisions/2", "/api/v1/agreements/" + id + "/revisions",
                "/api/v1/agreements/" + id + "/diff?from=1&to=2", "/feeds/bekrachtigd.atom",
                "/koppelzones/" + zoneA + "/feed.atom", "/afspraken/" + id + "/feed.atom",
                "/api/v1/search/suggest?q=" + DIGITS.substring(0, 6))) {
            places.put("public " + path, app.get(path).body());
            places.put("member " + path, member.get(path).body());
        }
        // the discussion (members only) quotes the paragraph a comment is about
        for (String path : List.of("/afspraken/" + id + "/discussie", "/api/v1/agreements/" + id + "/comments",
                "/api/v1/agreements/" + id + "/source-proposals", "/afspraken/" + id + "/bronvoorstellen")) {
            places.put("member " + path, member.get(path).body());
        }
        for (String query : List.of(DIGITS, "BSN")) {
            JsonNode found = app.get("/api/v1/search?q=" + query).json();
            places.put("search hits for " + query, found.get("hits").toString() + found.get("suggestion"));
        }
        TestApp.Client adopter = app.signIn("bert");
        for (String path : List.of("/afspraken/" + copy, "/api/v1/agreements/" + copy, "/api/v1/agreements/" + copy + "/revisions/1")) {
            places.put("adopter " + path, adopter.get(path).body());
        }
        Path export = Files.createTempDirectory(dir, "export");
        app.services.exporter().exportTo(export, Progress.NONE);
        StringBuilder exported = new StringBuilder();
        try (Stream<Path> files = Files.walk(export)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    exported.append(Files.readString(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        places.put("export", exported.toString());
        return places;
    }

    @Test
    void beforeTheRedactionEveryPlaceCheckedHeldTheDigits() {
        List<String> without = before.entrySet().stream().filter(place -> !place.getValue().contains(DIGITS))
                .map(Map.Entry::getKey).toList();
        assertThat(without).as("places that did not show the digits before").isEmpty();
    }

    @Test
    void afterTheRedactionNoPageApiAnswerSearchSuggestionFeedExportOrCopyHoldsTheDigits() throws IOException {
        assertThat(redacted.status()).as(redacted.body()).isEqualTo(201);
        assertThat(redacted.body()).doesNotContain(DIGITS);
        Map<String, String> after = places();
        List<String> still = after.entrySet().stream().filter(place -> place.getValue().contains(DIGITS))
                .map(Map.Entry::getKey).toList();
        assertThat(still).as("places that still show the digits").isEmpty();
        assertThat(after.get("public /afspraken/" + id)).contains("Voorbeeld: het kind met BSN", "[verwijderd: persoonsgegeven]");
        assertThat(app.get("/api/v1/search?q=teruggebeld").json().get("total").asInt()).as("the rest stays findable")
                .isGreaterThan(0);
        JsonNode nearMiss = app.get("/api/v1/search?q=111222335").json();
        assertThat(nearMiss.toString()).as("no correction to the removed number").doesNotContain(DIGITS);
    }

    @Test
    void noTableHoldsTheDigitsAndTheDatabaseIsIntact() {
        List<String> holding = new ArrayList<>();
        boolean sqlite = app.db.dialect() == nl.afsprakenwiki.db.Dialect.SQLITE;
        app.db.read(handle -> {
            for (String table : handle.createQuery(sqlite ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                    : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
                    .mapTo(String.class).list()) {
                for (String name : handle.createQuery(sqlite ? "SELECT name FROM pragma_table_info(:t)"
                        : "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                                + "AND table_name = :t").bind("t", table).mapTo(String.class).list()) {
                    int rows = handle.createQuery("SELECT count(*) FROM \"" + table + "\" WHERE CAST(\"" + name
                            + "\" AS TEXT) LIKE :digits").bind("digits", "%" + DIGITS + "%").mapTo(Integer.class).one();
                    if (rows > 0) {
                        holding.add(table + "." + name);
                    }
                }
            }
            return null;
        });
        assertThat(holding).as("columns that still hold the digits").isEmpty();
        if (sqlite) {
            List<String> integrity = app.db.read(handle -> handle.createQuery("PRAGMA integrity_check").mapTo(String.class).list());
            assertThat(integrity).containsExactly("ok");
        }
    }

    @Test
    void theRevisionsOfSourceAndCopyHoldTheMarkerWithNewHashesAndARecordEach() {
        JsonNode made = redacted.json().get("redactions");
        assertThat(made).as("the source's revision 2, the copy's revisions 1 and 2").hasSize(3);
        assertThat(made.get(0).get("agreement").asLong()).isEqualTo(id);
        assertThat(made.get(0).get("revision").asInt()).isEqualTo(2);
        assertThat(made.get(0).get("occurrences").asInt()).as("in the body and the summary").isEqualTo(2);
        assertThat(made.get(1).get("occurrences").asInt()).as("the copy took the body over").isEqualTo(1);
        assertThat(made.get(1).get("agreement").asLong()).isEqualTo(copy);
        assertThat(made.get(1).get("repeats").asLong()).isEqualTo(made.get(0).get("id").asLong());
        JsonNode revision = app.get("/api/v1/agreements/" + id + "/revisions/2").json();
        assertThat(revision.get("body").asText()).isEqualTo(BODY_2.replace(DIGITS, MARKER));
        assertThat(revision.get("sha256").asText()).isEqualTo(made.get(0).get("newSha256").asText())
                .isNotEqualTo(made.get(0).get("oldSha256").asText());
        assertThat(app.bearer("bert").get("/api/v1/agreements/" + copy).json().get("body").asText()).contains(MARKER);
        int records = app.db.read(handle -> handle.createQuery("SELECT count(*) FROM redaction WHERE reason = 'BSN van een kind in een voorbeeld'"
                + " AND requested_by_account_id = (SELECT id FROM account WHERE username = 'vera')"
                + " AND redacted_by_account_id = (SELECT id FROM account WHERE username = 'beheer')").mapTo(Integer.class).one());
        assertThat(records).isEqualTo(3);
    }

    @Test
    void theEndorsementStaysValidAndItsRoundShowsTheRedactionWithBothHashes() {
        JsonNode agreement = app.get("/api/v1/agreements/" + id).json();
        assertThat(agreement.get("status").asText()).isEqualTo("bekrachtigd");
        assertThat(agreement.get("endorsedRevision").asInt()).isEqualTo(2);
        JsonNode made = redacted.json().get("redactions").get(0);
        String rounds = app.get("/afspraken/" + id + "/bekrachtigingen").body();
        assertThat(rounds).contains("persoonsgegeven uit deze revisie verwijderd", made.get("oldSha256").asText(),
                made.get("newSha256").asText());
    }

    @Test
    void theVoorzitterOfTheAdoptingKoppelzoneIsToldWithoutTheDigits() {
        List<Map<String, Object>> mails = app.db.read(handle -> handle.createQuery("""
                SELECT a.username, o.subject, o.body_text FROM outbox o JOIN account a ON a.id = o.account_id
                WHERE o.kind = 'privacy.redacted'""").mapToMap().list());
        assertThat(mails).extracting(row -> row.get("username")).containsExactly("vince");
        assertThat(mails.get(0).toString()).contains("Terugbellen na aanmelding").doesNotContain(DIGITS);
    }

    @Test
    void theAuditLogShowsTheRedactionWithoutTheRemovedText() {
        List<String> details = app.db.read(handle -> handle.createQuery(
                "SELECT details FROM audit_event WHERE action = 'agreement.redact' ORDER BY id").mapTo(String.class).list());
        assertThat(details).hasSize(3);
        assertThat(details.get(0)).contains("\"requestedBy\":\"vera\"", "\"occurrences\":2", "BSN van een kind")
                .doesNotContain(DIGITS);
        String page = app.signIn("beheer").get("/beheer/audit").body();
        assertThat(page).contains("verwijderde een persoonsgegeven uit revisie 2 van").doesNotContain(DIGITS);
    }
}
