package nl.afsprakenwiki.search;

import nl.afsprakenwiki.search.SimilarAgreements.Similar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file of lists found ahead reads back exactly as written, and refuses whatever is not such a file whole. */
class SimilarListFileTest {

    @TempDir
    Path dir;

    private static final List<Similar> FULL = List.of(
            new Similar(7, "Warme overdracht na verblijf", "'s-Hertogenbosch", "Koppelzone Jeugd", "bekrachtigd"),
            new Similar(3, "Één regisseur – ‘samen’ 🙂", "Súdwest-Fryslân", null, "ter_bekrachtiging"),
            new Similar(12, "", "Tilburg", "", "vervallen"));

    private Path write(String stamp) throws IOException {
        Path file = dir.resolve("lijsten");
        try (SimilarListFile.Writer writer = new SimilarListFile.Writer(file, stamp)) {
            // ids in any order; an empty list is a list too
            writer.add(40, FULL);
            writer.add(2, List.of());
            writer.add(17, FULL.subList(1, 2));
            writer.finish();
        }
        return file;
    }

    @Test
    void listsReadBackAsWritten() throws IOException {
        SimilarListFile file = SimilarListFile.open(write("stempel één"));
        assertThat(file.stamp()).isEqualTo("stempel één");
        assertThat(file.size()).isEqualTo(3);
        assertThat(file.get(40)).isEqualTo(FULL);
        assertThat(file.get(2)).isEmpty();
        assertThat(file.get(17)).isEqualTo(FULL.subList(1, 2));
        assertThat(file.get(1)).as("an agreement without a list").isNull();
        assertThat(file.get(41)).isNull();
        assertThat(Files.list(dir)).as("no unfinished file left").hasSize(1);
    }

    @Test
    void anUnfinishedWriteLeavesNothing() throws IOException {
        Path file = dir.resolve("lijsten");
        try (SimilarListFile.Writer writer = new SimilarListFile.Writer(file, "stempel")) {
            writer.add(1, FULL);
        }
        assertThat(Files.list(dir)).isEmpty();
    }

    @Test
    void whatIsNotAWholeListFileIsRefused() throws IOException {
        Path file = write("stempel");
        byte[] whole = Files.readAllBytes(file);
        for (int cut : new int[] {0, 3, 8, 20, whole.length / 2, whole.length - 1}) {
            Files.write(file, Arrays.copyOf(whole, cut));
            assertThatThrownBy(() -> SimilarListFile.open(file)).as("cut at %d", cut)
                    .isInstanceOf(SimilarListFile.Unreadable.class);
        }
        byte[] otherFormat = whole.clone();
        otherFormat[7]++;
        Files.write(file, otherFormat);
        assertThatThrownBy(() -> SimilarListFile.open(file)).isInstanceOf(SimilarListFile.Unreadable.class);
        // a damaged length of the stamp (right after the magic number and the format): refused, not allocated
        byte[] damagedLength = whole.clone();
        damagedLength[8] = 0x7f;
        Files.write(file, damagedLength);
        assertThatThrownBy(() -> SimilarListFile.open(file)).isInstanceOf(SimilarListFile.Unreadable.class)
                .hasMessageContaining("a length beyond the file");
        byte[] damagedIndex = whole.clone();
        // the last agreement's id (before the last offset and the trailer) made smaller than the one before it
        damagedIndex[whole.length - 12 - 8 - 1] = 1;
        Files.write(file, damagedIndex);
        assertThatThrownBy(() -> SimilarListFile.open(file)).isInstanceOf(SimilarListFile.Unreadable.class);
    }
}
