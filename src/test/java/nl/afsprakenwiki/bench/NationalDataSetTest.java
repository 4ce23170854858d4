package nl.afsprakenwiki.bench;

import nl.afsprakenwiki.Services;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.bench.CorpusGenerator.Status;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.text.Progress;
import nl.afsprakenwiki.transfer.ImportFailed;
import nl.afsprakenwiki.transfer.Importer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The national data set, small: it imports through the real importer, and the services add its activity. */
class NationalDataSetTest {

    @TempDir
    Path temp;

    @Test
    void aSmallNationalSetImportsWithItsHistoryAndHerzieningenAndTakesAdoptionsAndMeetings() {
        Path corpus = temp.resolve("corpus");
        NationalDataSet.Summary summary = new NationalDataSet(5).write(corpus, 3, 20, done -> { });
        assertThat(summary.municipalities()).isEqualTo(3);
        assertThat(summary.agreements()).isEqualTo(60);
        assertThat(summary.files()).isEqualTo(summary.koppelzones() + summary.revisions());

        Path dataDir = temp.resolve("data");
        try (Database db = Database.open(dataDir)) {
            Services services = Services.create(Settings.forTests(dataDir), db, Clock.systemUTC());
            try {
                Importer.Report report = services.importer().importFolder(corpus, "test", Progress.NONE);
                assertThat(report.created()).isEqualTo(60);
                assertThat(report.revisions()).isEqualTo(summary.revisions());
                assertThat(count(db, "SELECT count(*) FROM municipality")).isEqualTo(3);
                assertThat(count(db, "SELECT count(*) FROM agreement WHERE status = 'bekrachtigd'"))
                        .isEqualTo(summary.statuses().get(Status.BEKRACHTIGD));
                assertThat(count(db, "SELECT count(*) FROM agreement WHERE endorsed_revision < current_revision"))
                        .as("herzieningen: visitors read an earlier revision").isEqualTo(summary.herzieningen());
            } catch (ImportFailed e) {
                fail("the importer refused the national set:\n" + String.join("\n", e.problems()));
            } finally {
                services.search().close();
            }
        }

        NationalActivity.Summary activity = NationalActivity.run(dataDir, 10, 2, 5, Progress.NONE);
        assertThat(activity.adoptions()).isPositive();
        assertThat(activity.meetings()).isEqualTo(2 * summary.koppelzones());
        try (Database db = Database.open(dataDir)) {
            assertThat(count(db, "SELECT count(*) FROM adoption")).isEqualTo(activity.adoptions());
            assertThat(count(db, "SELECT count(*) FROM meeting WHERE closed_at IS NOT NULL")).isEqualTo(summary.koppelzones());
            assertThat(count(db, "SELECT count(*) FROM meeting_decision")).isEqualTo(activity.decisions());
        }
    }

    @Test
    void revisionCountsAreMostlyFewWithATailAndAMeanOfAboutTen() {
        SplittableRandom random = new SplittableRandom(1);
        int[] counts = new int[20_000];
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = NationalDataSet.revisionCount(NationalDataSet.status(random), random);
            sum += counts[i];
        }
        java.util.Arrays.sort(counts);
        assertThat(sum / (double) counts.length).isBetween(8.5, 11.5);
        assertThat(counts[counts.length / 2]).as("median").isBetween(3, 6);
        assertThat(counts[counts.length - 1]).isGreaterThan(100);
    }

    @Test
    void theSameSeedWritesTheSameFiles() {
        new NationalDataSet(9).write(temp.resolve("a"), 2, 8, done -> { });
        new NationalDataSet(9).write(temp.resolve("b"), 2, 8, done -> { });
        assertThat(files(temp.resolve("b"))).isEqualTo(files(temp.resolve("a")));
    }

    private static int count(Database db, String sql) {
        return db.read(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    private static Map<String, String> files(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                try {
                    files.put(root.relativize(file).toString(), Files.readString(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
