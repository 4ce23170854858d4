package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.Services;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.testing.TestDisk;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.text.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.IdentityHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An import holds no agreement texts between checking a folder and writing it: each file is read
 * again while it is written, so twice as many files do not need twice the memory (only their
 * outlines, a few hundred characters each, are kept), and a file that changes in between refuses
 * the whole import rather than writing what was never checked.
 */
class ImportMemoryTest {

    /** Each agreement's text: about 50 KB. */
    private static final int PARAGRAPHS = 600;

    @TempDir
    Path temp;

    @Test
    void whatIsKeptBetweenCheckingAndWritingHoldsNoTexts() throws Exception {
        long few = keptCharacters(folder("few", 8));
        long many = keptCharacters(folder("many", 16));
        // twice the files keep twice their outlines (names, titles, parties), never their texts
        assertThat(many).as("characters kept for 16 files (8 files: %d)", few).isLessThan(2 * few + 1_000)
                .isLessThan(16 * 1_000);
        assertThat(PARAGRAPHS * paragraph(0).length()).as("one file's text").isGreaterThan(40_000);
    }

    @Test
    void aFileChangedBetweenCheckingAndWritingRefusesTheWholeImport() throws Exception {
        Path folder = folder("changing", 3);
        Path changed = folder.resolve("utrecht/afspraak-2.md");
        try (Database db = TestDisk.open(temp.resolve("data"))) {
            Services services = Services.create(Settings.forTests(temp.resolve("data")), db, Clock.systemUTC(),
                    TestDisk.INDEX);
            Progress changing = (phase, done, total) -> {
                if (phase.equals("schrijven") && done == 1) {
                    append(changed, "\nEen zin die niemand heeft gecontroleerd.\n");
                }
            };
            assertThatExceptionOfType(ImportFailed.class)
                    .isThrownBy(() -> services.importer().importFolder(folder, "test", changing))
                    .satisfies(failed -> assertThat(failed.problems())
                            .containsExactly("utrecht/afspraak-2.md: het bestand is tijdens de import gewijzigd"));
            int stored = db.read(handle -> handle.createQuery("select count(*) from agreement").mapTo(Integer.class).one());
            assertThat(stored).isZero();
        }
    }

    /** Every character of every string the checked folder holds on to until it is written. */
    private static long keptCharacters(Path folder) throws Exception {
        ImportReader.Result read = new ImportReader(folder, new MarkdownRenderer(), Progress.NONE,
                new nl.afsprakenwiki.privacy.PrivacyDetector(java.time.Clock.systemUTC()),
                nl.afsprakenwiki.privacy.KnownParties.NONE).read();
        assertThat(read.problems()).isEmpty();
        return characters(read.set(), new IdentityHashMap<>());
    }

    private static long characters(Object value, Map<Object, Boolean> seen) throws Exception {
        if (value == null || seen.put(value, true) != null) {
            return 0;
        }
        if (value instanceof CharSequence text) {
            return text.length();
        }
        if (value instanceof Path path) {
            return path.toString().length();
        }
        long total = 0;
        if (value instanceof Iterable<?> items) {
            for (Object item : items) {
                total += characters(item, seen);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                total += characters(component.getAccessor().invoke(value), seen);
            }
        }
        return total; // numbers, dates, enums: no text
    }

    private Path folder(String name, int agreements) throws IOException {
        Path folder = temp.resolve(name);
        for (int i = 1; i <= agreements; i++) {
            StringBuilder text = new StringBuilder("""
                    ---
                    title: Afspraak %d over de overdracht
                    municipality: Utrecht
                    koppelzone: Koppelzone %s
                    parties:
                      - Buurtteam Utrecht
                      - Jeugdhulp De Brug
                    ---
                    """.formatted(i, name));
            for (int p = 0; p < PARAGRAPHS; p++) {
                text.append(paragraph(i * PARAGRAPHS + p));
            }
            Path file = folder.resolve("utrecht/afspraak-" + i + ".md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        }
        return folder;
    }

    private static String paragraph(int number) {
        return "Het buurtteam belt de aanbieder binnen vijf werkdagen na de aanmelding (" + (1_000_000 + number)
                + ").\n\n";
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, Files.readString(file) + text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
