package nl.afsprakenwiki.search;

import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Beheerders' similar agreements among drafts found ahead into a file: every list a beheerder is
 * shown must be exactly what a fresh search finds, right after the pass, after saves of every kind
 * (the file's lists are then checked, not trusted), after a publication (the file serves no one until
 * it is found again) and after a restart on unchanged indexes (the file is used without a pass); a
 * damaged file, or one holding other lists than this code finds, is never shown.
 */
class DraftListsTest {

    private static final String[] MUNICIPALITIES = {"Astad", "Bdorp", "Cveen", "Dwoude", "Eburg"};

    @TempDir
    static Path dir;
    static TestApp app;
    static final List<long[]> agreements = new ArrayList<>();
    static final List<String> texts = new ArrayList<>();

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        SimilarTexts.koppelzones(app, MUNICIPALITIES, new Random(20261209), (id, zoneId, i, body) -> {
            agreements.add(new long[] {id, zoneId});
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

    /** Visitors' lists and then beheerders' found ahead (unpaced), as the background thread does it. */
    private static SimilarAgreements ahead() {
        SimilarAgreements similar = fresh();
        assertThat(similar.lists().keepUp(false)).isTrue();
        assertThat(similar.lists().drafts().keepUp(false)).isTrue();
        return similar;
    }

    /** Every beheerder's list {@code similar} shows against a fresh search; returns how many agreements were listed. */
    private static int compareAll(SimilarAgreements similar) {
        return SimilarTexts.compareWithFresh(app, similar, agreements, TestApp.BEHEERDER);
    }

    private static void save(long[] agreement, String body) {
        texts.set(agreements.indexOf(agreement), body);
        SimilarTexts.save(app, agreement[0], body);
    }

    private static List<Path> files() throws IOException {
        Path folder = index().folder().resolve(DraftLists.FOLDER);
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static void removeFiles() throws IOException {
        for (Path file : files()) {
            Files.delete(file);
        }
    }

    @Test
    void listsFoundAheadAreWhatASearchFindsAfterEverySave() throws IOException {
        removeFiles();
        SimilarAgreements similar = ahead();
        assertThat(similar.lists().drafts().passes()).isEqualTo(1);
        assertThat(compareAll(similar)).as("the lists compared are not all empty").isGreaterThan(agreements.size());
        assertThat(similar.searched()).as("every beheerder's list came from the file").isZero();

        // saves of every kind: each list, from the file or kept, is checked against what was written since
        Random random = new Random(11);
        for (int round = 0; round < 8; round++) {
            long[] target = agreements.get(random.nextInt(agreements.size()));
            String body = switch (round % 4) {
                case 0 -> texts.get(random.nextInt(texts.size()));
                case 1 -> "Een afspraak over iets heel anders: de parkeerplaats van het gemeentehuis " + round + ".";
                default -> SimilarTexts.text(random, 1 + random.nextInt(3));
            };
            save(target, body);
            compareAll(similar);
            // every view a first view again: answered from the file (checked) or searched
            similar.forgetKept();
            assertThat(similar.lists().drafts().keepUp(false)).isTrue();
            assertThat(similar.lists().drafts().passes()).as("no new pass for a save").isEqualTo(1);
            long checked = similar.checked();
            long searched = similar.searched();
            compareAll(similar);
            assertThat(similar.checked() - checked).as("lists from the file held after the save").isPositive();
            assertThat(similar.searched() - searched).as("not every list was searched again")
                    .isLessThan(agreements.size());
        }
        assertThat(similar.searched()).as("lists the saves changed were searched again").isPositive();

        // a publication: the file serves no one (scores rest on the public index) until found again
        String zone = "Koppelzone Fveld";
        String slug = app.koppelzone(zone, "Fveld");
        long copy = app.agreement(zone, "Fveld", "kopie", "Kopie", "bekrachtigd", texts.get(3));
        app.awaitSearch();
        agreements.add(new long[] {copy, app.services.koppelzones().bySlug(slug).orElseThrow().id()});
        KeptSimilar fromFile = index().withSnapshot(snapshot -> similar.lists().drafts().get(snapshot, agreements.get(0)[0]));
        assertThat(fromFile).as("no list from the file of another public index").isNull();
        compareAll(similar);
        assertThat(similar.lists().keepUp(false)).isTrue();
        assertThat(similar.lists().drafts().keepUp(false)).isTrue();
        assertThat(similar.lists().drafts().passes()).isEqualTo(2);
        long searched = similar.searched();
        SimilarAgreements after = fresh();
        after.lists().keepUp(false);
        after.lists().drafts().keepUp(false);
        compareAll(after);
        assertThat(after.searched()).as("lists of the new file").isZero();
        assertThat(similar.searched()).isEqualTo(searched);
        assertThat(files()).as("only the file of the indexes as they are").hasSize(1);
    }

    @Test
    void aRestartOnUnchangedIndexesUsesItsFileAndAWrongOrDamagedFileIsFoundAgain() throws IOException {
        ahead();
        Path file = files().get(0);

        SimilarAgreements restarted = ahead();
        assertThat(restarted.lists().drafts().passes()).as("no pass: the file was there").isZero();
        compareAll(restarted);
        assertThat(restarted.searched()).isZero();

        // a file of the right name and stamp whose lists this code would not find: found again, never shown
        String stamp = index().withSnapshot(DraftLists::stamp);
        try (SimilarListWriter writer = new SimilarListWriter(file, stamp, true)) {
            for (long[] agreement : agreements) {
                writer.add(agreement[0], new SimilarListFile.Checked(List.of(new SimilarAgreements.Similar(agreement[0],
                        "Verkeerd", "Nergens", "Geen", "concept")), "nergens", 1f, List.of()));
            }
            writer.finish();
        }
        SimilarAgreements wrong = ahead();
        assertThat(wrong.lists().drafts().passes()).as("the wrong file was found again").isEqualTo(1);
        compareAll(wrong);

        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));
        SimilarAgreements damaged = ahead();
        assertThat(damaged.lists().drafts().passes()).isEqualTo(1);
        compareAll(damaged);
        assertThat(Files.size(file)).isEqualTo(bytes.length);
    }
}
