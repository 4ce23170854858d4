package nl.afsprakenwiki.search;

import nl.afsprakenwiki.access.Viewer;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Visitors' similar agreements found ahead into a file: what a view reads from it must be exactly what
 * a search finds, for the public index as it is; after a publication the file serves no one until it
 * is found again; a server that starts on an unchanged index uses the file without a pass; and a file
 * that is damaged, or holds other lists than this code finds, is never shown.
 */
class SimilarListsTest {

    private static final String[] MUNICIPALITIES = {"Astad", "Bdorp", "Cveen", "Dwoude", "Eburg"};

    @TempDir
    static Path dir;
    static TestApp app;
    static final List<long[]> agreements = new ArrayList<>();
    static final List<String> texts = new ArrayList<>();

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        // copies of one text in every municipality (equal scores) and texts of their own
        SimilarTexts.koppelzones(app, MUNICIPALITIES, new Random(20261208), (id, zoneId, i, body) -> {
            agreements.add(new long[] {id, zoneId, i % 3 == 2 ? 0 : 1});
            texts.add(body);
        });
        app.awaitSearch();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static SearchIndex index() {
        return app.services.search().index();
    }

    private static SimilarAgreements fresh() {
        return SimilarTexts.fresh(app);
    }

    /** Every visitor's list {@code similar} shows against a fresh search; returns how many agreements it listed. */
    private static int compareAll(SimilarAgreements similar) {
        return SimilarTexts.compareWithFresh(app, similar, agreements, Viewer.ANONYMOUS);
    }

    private static List<List<SimilarAgreements.Similar>> lists(SimilarAgreements similar) {
        return agreements.stream().map(agreement -> similar.like(agreement[0], agreement[1], Viewer.ANONYMOUS)).toList();
    }

    private static long concepts() {
        return agreements.stream().filter(agreement -> agreement[2] == 0).count();
    }

    private static void removeFiles() throws IOException {
        for (Path file : files()) {
            Files.delete(file);
        }
    }

    private static List<Path> files() throws IOException {
        Files.createDirectories(index().folder().resolve(SimilarLists.FOLDER));
        try (Stream<Path> files = Files.list(index().folder().resolve(SimilarLists.FOLDER))) {
            return files.sorted().toList();
        }
    }

    @Test
    void listsFoundAheadAreWhatASearchFindsUntilAPublicationThenFoundAgain() throws IOException {
        removeFiles();
        SimilarAgreements similar = fresh();
        assertThat(similar.lists().keepUp(false)).isTrue();
        assertThat(similar.lists().passes()).isEqualTo(1);
        long searchedBefore = similar.searched();
        assertThat(compareAll(similar)).as("the lists compared are not all empty").isGreaterThan(agreements.size());
        // concepts have no public document: a visitor's view of one still asks the index, and finds nothing
        assertThat(similar.searched() - searchedBefore).as("published agreements' lists came from the file")
                .isEqualTo(concepts());

        // a publication: the file no longer serves, views search (and find the newcomer) until a new pass
        List<List<SimilarAgreements.Similar>> before = lists(similar);
        String zone = "Koppelzone Fveld";
        String slug = app.koppelzone(zone, "Fveld");
        long zoneId = app.services.koppelzones().bySlug(slug).orElseThrow().id();
        // a copy of a published text of its own
        long copy = app.agreement(zone, "Fveld", "kopie", "Kopie", "bekrachtigd", texts.get(3));
        app.awaitSearch();
        agreements.add(new long[] {copy, zoneId, 1});
        long searchedAfter = similar.searched();
        compareAll(similar);
        assertThat(similar.searched() - searchedAfter).as("every view searched").isEqualTo(agreements.size());
        assertThat(lists(similar).subList(0, before.size())).as("the publication changed lists the file held")
                .isNotEqualTo(before);

        assertThat(similar.lists().keepUp(false)).isTrue();
        assertThat(similar.lists().passes()).isEqualTo(2);
        compareAll(similar);
        assertThat(files()).as("only the file of the public index as it is").hasSize(1);
    }

    @Test
    void aServerStartingOnAnUnchangedIndexUsesItsFileAndAWrongFileIsFoundAgain() throws IOException {
        SimilarAgreements first = fresh();
        first.lists().keepUp(false);
        Path file = files().get(0);

        // as after a restart: another instance finds the file, checks its sample and uses it
        SimilarAgreements restarted = fresh();
        assertThat(restarted.lists().keepUp(false)).isTrue();
        assertThat(restarted.lists().passes()).as("no pass: the file was there").isZero();
        long searched = restarted.searched();
        compareAll(restarted);
        assertThat(restarted.searched() - searched).as("published agreements' lists came from the file")
                .isEqualTo(concepts());

        // a file of the right name and stamp whose lists this code would not find: found again, never shown
        String stamp = index().withSnapshot(snapshot -> SimilarListPass.stamp(snapshot.publicReader()));
        try (SimilarListWriter writer = new SimilarListWriter(file, stamp, false)) {
            for (long[] agreement : agreements.stream().filter(agreement -> agreement[2] == 1).toList()) {
                writer.add(agreement[0], List.of(new SimilarAgreements.Similar(agreement[0], "Verkeerd", "Nergens", "Geen", "concept")));
            }
            writer.finish();
        }
        SimilarAgreements wrong = fresh();
        assertThat(wrong.lists().keepUp(false)).isTrue();
        assertThat(wrong.lists().passes()).as("the wrong file was found again").isEqualTo(1);
        compareAll(wrong);

        // a damaged file: the same
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));
        SimilarAgreements damaged = fresh();
        assertThat(damaged.lists().keepUp(false)).isTrue();
        assertThat(damaged.lists().passes()).isEqualTo(1);
        compareAll(damaged);
        assertThat(Files.size(file)).isEqualTo(bytes.length);
    }

    @Test
    void theBackgroundThreadFindsTheListsAndStopsWithTheService() throws Exception {
        removeFiles();
        SimilarAgreements similar = fresh();
        similar.findAhead();
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        long[] published = agreements.get(0);
        while (index().withSnapshot(snapshot -> similar.lists().get(snapshot, published[0])) == null) {
            assertThat(Instant.now()).as("the lists were found in time").isBefore(until);
            Thread.sleep(50);
        }
        similar.close();
        assertThat(similar.lists().passes()).isEqualTo(1);
        compareAll(similar);
    }
}
