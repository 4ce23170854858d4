package nl.afsprakenwiki.search;

import nl.afsprakenwiki.search.SimilarAgreements.Similar;
import nl.afsprakenwiki.text.IndexedFile;
import org.apache.lucene.util.BytesRef;
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
        try (SimilarListWriter writer = new SimilarListWriter(file, stamp, false)) {
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

    private static final List<LikeTerms.Word> WORDS = List.of(
            new LikeTerms.Word(Fields.BODY, new BytesRef("overdracht"), 3.25f),
            new LikeTerms.Word(Fields.TITLE, new BytesRef("één"), 1.5f),
            new LikeTerms.Word(Fields.BODY, new BytesRef(new byte[] {0, (byte) 0xff, 7}), Float.MIN_VALUE));

    @Test
    void listsWithChecksReadBackAsWritten() throws IOException {
        Path path = dir.resolve("concepten");
        SimilarListFile.Checked full = new SimilarListFile.Checked(FULL, "tilburg", 12.5f, WORDS);
        // an agreement without words to compare: no municipality, no words, nothing listed
        SimilarListFile.Checked none = new SimilarListFile.Checked(List.of(), null, 0f, null);
        SimilarListFile.Checked wordless = new SimilarListFile.Checked(FULL.subList(0, 1), "súdwest-fryslân", 0.5f, List.of());
        try (SimilarListWriter writer = new SimilarListWriter(path, "concepten", true)) {
            writer.add(9, full);
            writer.add(4, none);
            writer.add(30, wordless);
            assertThatThrownBy(() -> writer.add(5, FULL)).as("a list without its checks")
                    .isInstanceOf(IllegalStateException.class);
            writer.finish();
        }
        SimilarListFile file = SimilarListFile.open(path);
        assertThat(file.checks()).isTrue();
        assertThat(file.checked(9)).isEqualTo(full);
        assertThat(file.checked(4)).isEqualTo(none);
        assertThat(file.checked(30)).isEqualTo(wordless);
        assertThat(file.get(9)).isEqualTo(FULL);
        assertThat(file.checked(5)).isNull();
        assertThat(SimilarListFile.open(write("stempel")).checked(40)).as("a visitors' file has no checks").isNull();

        byte[] whole = Files.readAllBytes(path);
        for (int cut : new int[] {whole.length / 3, whole.length / 2, whole.length - 13}) {
            Files.write(path, Arrays.copyOf(whole, cut));
            assertThatThrownBy(() -> SimilarListFile.open(path)).as("cut at %d", cut)
                    .isInstanceOf(IndexedFile.Unreadable.class);
        }
    }

    @Test
    void anUnfinishedWriteLeavesNothing() throws IOException {
        Path file = dir.resolve("lijsten");
        try (SimilarListWriter writer = new SimilarListWriter(file, "stempel", false)) {
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
                    .isInstanceOf(IndexedFile.Unreadable.class);
        }
        byte[] otherFormat = whole.clone();
        otherFormat[7]++;
        Files.write(file, otherFormat);
        assertThatThrownBy(() -> SimilarListFile.open(file)).isInstanceOf(IndexedFile.Unreadable.class);
        // a damaged length of the stamp (right after the magic number and the format): refused, not allocated
        byte[] damagedLength = whole.clone();
        damagedLength[8] = 0x7f;
        Files.write(file, damagedLength);
        assertThatThrownBy(() -> SimilarListFile.open(file)).isInstanceOf(IndexedFile.Unreadable.class)
                .hasMessageContaining("its stamp does not fit the file");
        byte[] damagedIndex = whole.clone();
        // the last agreement's id (before the last offset and the trailer) made smaller than the one before it
        damagedIndex[whole.length - 12 - 8 - 1] = 1;
        Files.write(file, damagedIndex);
        assertThatThrownBy(() -> SimilarListFile.open(file)).isInstanceOf(IndexedFile.Unreadable.class);
    }
}
