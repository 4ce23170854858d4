package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.koppelzones.KoppelzoneStore;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The texts readers open first, rendered ahead: what a view reads from the file is exactly what
 * rendering the text it has gives; a saved revision is added by the next pass (only it rendered); a
 * revision whose stored text changed (a redaction) is rendered anew, never shown from the file; a
 * restart uses the file without rendering; a damaged file, or one of other code, is not used.
 */
class RenderedAheadTest {

    private static final String[] BODIES = {
            "# Warme overdracht\n\nHet **wijkteam** belt binnen twee werkdagen na de aanmelding.",
            "| Wie | Wat |\n|---|---|\n| GI | meldt |\n| wijkteam | belt |",
            "- [x] aanmelding ontvangen\n- [ ] gezin gebeld\n\nZie https://example.org/afspraak.",
            "## Nazorg\n\n1. Evaluatie na zes weken\n2. Afschaling naar de huisarts\n\n> Geen wachtlijst zonder overbrugging.",
            "Eenvoudige tekst zonder opmaak, met een ~~doorgehaald~~ woord.",
            "### Bijstellingen\n\n- 2026-01-10: termijn aangepast"};
    private static final String[] STATUSES = {"bekrachtigd", "concept", "ter_bekrachtiging", "bekrachtigd", "vervallen",
            "bekrachtigd"};

    @TempDir
    static Path dir;
    static TestApp app;
    static String zone;
    static final long[] ids = new long[BODIES.length];

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        zone = app.koppelzone("Koppelzone Weergavestad", "Weergavestad");
        for (int i = 0; i < BODIES.length; i++) {
            ids[i] = app.agreement("Koppelzone Weergavestad", "Weergavestad", "afspraak-" + i, "Afspraak " + i, STATUSES[i], BODIES[i]);
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static RenderedAhead ahead(MarkdownRenderer markdown, Path folder) {
        return new RenderedAhead(app.services.db(), new AgreementStore(new KoppelzoneStore()), markdown, folder);
    }

    /** Of every agreement its current, proposed and endorsed revision, as the database has them now. */
    private static List<Revision> openedFirst() {
        return app.services.db().read(handle -> handle.createQuery("""
                        SELECT r.* FROM revision r JOIN agreement a ON a.id = r.agreement_id
                        WHERE r.number = a.current_revision OR r.number = a.endorsed_revision OR r.number = a.proposed_revision
                        ORDER BY r.id
                        """).map(AgreementRows.REVISION).list());
    }

    /** Every revision opened first through {@code viewing}, against a fresh rendering; returns how many. */
    private static int compareAll(MarkdownRenderer viewing) {
        MarkdownRenderer fresh = new MarkdownRenderer();
        List<Revision> revisions = openedFirst();
        for (Revision revision : revisions) {
            assertThat(viewing.renderRevision(revision.id(), revision.body(), Map.of())).as("revision %d", revision.id())
                    .isEqualTo(fresh.render(revision.body()));
        }
        return revisions.size();
    }

    @Test
    void everyRevisionOpenedFirstIsServedFromTheFileAsRenderedAndARestartUsesIt() throws IOException {
        Path folder = dir.resolve("eerste");
        MarkdownRenderer viewing = new MarkdownRenderer();
        RenderedAhead ahead = ahead(viewing, folder);

        assertThat(ahead.keepUp(false)).isTrue();
        int opened = compareAll(viewing);
        assertThat(opened).isGreaterThanOrEqualTo(BODIES.length);
        assertThat(viewing.fromAhead()).isEqualTo(opened);
        assertThat(ahead.passes()).containsExactly(1, opened);
        // nothing changed: no second pass
        assertThat(ahead.keepUp(false)).isTrue();
        assertThat(ahead.passes()).containsExactly(1, opened);

        // a restart: the file is used as it is
        MarkdownRenderer restarted = new MarkdownRenderer();
        RenderedAhead again = ahead(restarted, folder);
        assertThat(again.keepUp(false)).isTrue();
        assertThat(again.passes()).containsExactly(0, 0);
        compareAll(restarted);
        assertThat(restarted.fromAhead()).isEqualTo(opened);

        // a file of other code is removed; a damaged file of this code is rendered again, not shown
        Path ours = onlyFile(folder);
        Files.writeString(folder.resolve("0123456789abcdef0123456789abcdef.html"), "van een andere versie");
        try (var raw = new java.io.RandomAccessFile(ours.toFile(), "rw")) {
            raw.setLength(raw.length() - 3);
        }
        MarkdownRenderer afterDamage = new MarkdownRenderer();
        RenderedAhead repaired = ahead(afterDamage, folder);
        assertThat(repaired.keepUp(false)).isTrue();
        assertThat(repaired.passes()).containsExactly(1, opened);
        assertThat(onlyFile(folder)).isEqualTo(ours);
        compareAll(afterDamage);
        assertThat(afterDamage.fromAhead()).isEqualTo(opened);
    }

    @Test
    void aSavedRevisionIsAddedAndARedactedOneIsRenderedAnew() throws IOException {
        MarkdownRenderer viewing = new MarkdownRenderer();
        RenderedAhead ahead = ahead(viewing, dir.resolve("opgeslagen"));
        assertThat(ahead.keepUp(false)).isTrue();
        int opened = openedFirst().size();

        // a concept saved anew: its new revision is what members open first now
        long concept = ids[1];
        app.member(zone, "marieke", Role.PRAKTIJKEXPERT);
        Map<String, Object> save = new LinkedHashMap<>();
        save.put("title", "Afspraak 1");
        save.put("body", BODIES[1] + "\n\nNieuwe alinea na overleg.");
        save.put("baseRevision", 1);
        assertThat(app.bearer("marieke").putJson("/api/v1/agreements/" + concept, save).status()).isEqualTo(200);
        assertThat(ahead.keepUp(false)).isTrue();
        // the new revision rendered, the others copied; the superseded one is no longer opened first
        assertThat(ahead.passes()).containsExactly(2, opened + 1);
        long before = viewing.fromAhead();
        assertThat(compareAll(viewing)).isEqualTo(opened);
        assertThat(viewing.fromAhead() - before).isEqualTo(opened);

        // a redaction rewrites a stored text: the file's HTML of the old text is never shown
        Revision redacted = openedFirst().get(0);
        String body = redacted.body().replace("wijkteam", "[weggelakt]");
        assertThat(body).isNotEqualTo(redacted.body());
        app.services.db().write(handle -> {
            handle.createUpdate("INSERT INTO redaction_pending (revision_id) VALUES (:r)").bind("r", redacted.id()).execute();
            handle.createUpdate("UPDATE revision SET body = :b WHERE id = :r").bind("b", body).bind("r", redacted.id()).execute();
            return handle.createUpdate("DELETE FROM redaction_pending WHERE revision_id = :r").bind("r", redacted.id()).execute();
        });
        MarkdownRenderer afterRedaction = new MarkdownRenderer();
        RenderedAhead restarted = ahead(afterRedaction, dir.resolve("opgeslagen"));
        assertThat(restarted.keepUp(false)).isTrue();
        assertThat(restarted.passes()).containsExactly(0, 0);
        assertThat(afterRedaction.renderRevision(redacted.id(), body, Map.of()))
                .isEqualTo(new MarkdownRenderer().render(body)).doesNotContain("wijkteam");
        assertThat(afterRedaction.fromAhead()).isZero();
        // the next pass renders that one again, and only that one
        assertThat(restarted.keepUp(false)).isTrue();
        assertThat(restarted.passes()).containsExactly(1, 1);
        MarkdownRenderer later = new MarkdownRenderer();
        assertThat(ahead(later, dir.resolve("opgeslagen")).keepUp(false)).isTrue();
        assertThat(later.renderRevision(redacted.id(), body, Map.of())).isEqualTo(new MarkdownRenderer().render(body));
        assertThat(later.fromAhead()).isEqualTo(1);
    }

    @Test
    void theBackgroundThreadRendersAheadAndStops() throws Exception {
        MarkdownRenderer viewing = new MarkdownRenderer();
        Path folder = dir.resolve("achtergrond");
        RenderedAhead ahead = ahead(viewing, folder);
        try (ahead) {
            ahead.start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (ahead.passes()[0] == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertThat(ahead.passes()[0]).isEqualTo(1);
            compareAll(viewing);
            assertThat(viewing.fromAhead()).isEqualTo(openedFirst().size());
        }
        assertThat(ahead.running()).isFalse();
    }

    private static Path onlyFile(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}
