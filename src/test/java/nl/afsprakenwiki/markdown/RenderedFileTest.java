package nl.afsprakenwiki.markdown;

import nl.afsprakenwiki.markdown.MarkdownRenderer.LinkedFile;
import nl.afsprakenwiki.text.IndexedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The file of HTML rendered ahead: read back as written, an entry only for the text it was rendered
 * from, and nothing of a cut or damaged file shown.
 */
class RenderedFileTest {

    @TempDir
    Path dir;

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    private Path written(String... bodies) throws IOException {
        Path path = dir.resolve("ahead.html");
        try (RenderedWriter writer = new RenderedWriter(path, "stamp")) {
            // in an order other than the ids'
            for (int i = bodies.length - 1; i >= 0; i--) {
                assertThat(writer.add(100 + i, RenderedFile.key(bodies[i], Map.of()), markdown.render(bodies[i]))).isTrue();
            }
            writer.finish();
        }
        return path;
    }

    @Test
    void readsBackEveryEntryForItsOwnTextOnly() throws IOException {
        String[] bodies = {"# Eén\n\nDe **wijkteam**medewerker belt binnen twee dagen.", "", "- [x] klaar\n- [ ] open",
                "| a | b |\n|---|---|\n| 1 | 2 |\n\n" + "lange tekst ".repeat(5_000)};
        RenderedFile file = RenderedFile.open(written(bodies));

        assertThat(file.stamp()).isEqualTo("stamp");
        assertThat(file.size()).isEqualTo(bodies.length);
        for (int i = 0; i < bodies.length; i++) {
            long key = RenderedFile.key(bodies[i], Map.of());
            assertThat(file.contains(100 + i)).isTrue();
            assertThat(file.has(100 + i, key)).isTrue();
            assertThat(file.get(100 + i, key)).isEqualTo(markdown.render(bodies[i]));
        }
        assertThat(file.contains(99)).isFalse();
        assertThat(file.get(104, RenderedFile.key("", Map.of()))).isNull();
        // the stored text changed (a redaction): not served from here, and counted
        long other = RenderedFile.key(bodies[0] + " [weggelakt]", Map.of());
        assertThat(file.has(100, other)).isFalse();
        assertThat(file.get(100, other)).isNull();
        assertThat(file.stale()).isEqualTo(1);
    }

    @Test
    void aTextsKeyDependsOnItsFilesOnlyWhereItLinksThem() {
        Map<String, LinkedFile> one = Map.of("schema.png", new LinkedFile("/afspraken/1/revisies/1/bijlagen/schema.png", true));
        Map<String, LinkedFile> other = Map.of("schema.png", new LinkedFile("/afspraken/1/revisies/2/bijlagen/schema.png", true));
        String plain = "Geen bijlagen hier.";
        String linking = "Zie ![Schema](bijlage:schema.png).";

        assertThat(RenderedFile.key(plain, one)).isEqualTo(RenderedFile.key(plain, other));
        assertThat(RenderedFile.key(linking, one)).isNotEqualTo(RenderedFile.key(linking, other));
        assertThat(RenderedFile.key(linking, one)).isNotEqualTo(RenderedFile.key(plain, one));
        assertThat(RenderedFile.codeStamp()).hasSize(64).isEqualTo(RenderedFile.codeStamp());
    }

    @Test
    void aCutOrDamagedFileShowsNothingWrong() throws IOException {
        String body = "De jeugdconsulent meldt het gezin aan bij de zorgaanbieder. ".repeat(40);
        // written last to first: the long text (revision 101) is the file's first entry
        Path path = written("Tweede tekst.", body);
        long key = RenderedFile.key(body, Map.of());
        byte[] whole = Files.readAllBytes(path);

        Files.write(path, java.util.Arrays.copyOf(whole, whole.length - 5));
        assertThatThrownBy(() -> RenderedFile.open(path)).isInstanceOf(IndexedFile.Unreadable.class);

        Files.write(path, whole);
        try (RandomAccessFile raw = new RandomAccessFile(path.toFile(), "rw")) {
            // a byte in the middle of the first entry's deflated HTML
            int stamp = "stamp".length();
            raw.seek(3L * Integer.BYTES + stamp + 2L * Integer.BYTES + 40);
            int b = raw.read();
            raw.seek(3L * Integer.BYTES + stamp + 2L * Integer.BYTES + 40);
            raw.write(b ^ 0x5a);
        }
        RenderedFile damaged = RenderedFile.open(path);
        assertThat(damaged.get(101, key)).isNull();
        assertThat(damaged.get(100, RenderedFile.key("Tweede tekst.", Map.of()))).isEqualTo(markdown.render("Tweede tekst."));

        Files.write(path, "niet een bestand van weergaven".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> RenderedFile.open(path)).isInstanceOf(IndexedFile.Unreadable.class);
    }

    @Test
    void theRendererReadsTheFileOnlyForTheTextItWasRenderedFrom() throws IOException {
        String body = "Na de aanmelding belt het **wijkteam** binnen twee werkdagen.";
        Path path = dir.resolve("one.html");
        try (RenderedWriter writer = new RenderedWriter(path, "stamp")) {
            // HTML no renderer would make, so a view that shows it read the file
            writer.add(7, RenderedFile.key(body, Map.of()), "<p>uit het bestand</p>");
            writer.finish();
        }
        MarkdownRenderer viewing = new MarkdownRenderer();
        viewing.useAhead(RenderedFile.open(path));

        assertThat(viewing.renderRevision(7, body, Map.of())).isEqualTo("<p>uit het bestand</p>");
        assertThat(viewing.fromAhead()).isEqualTo(1);
        String redacted = "Na de aanmelding belt het [weggelakt] binnen twee werkdagen.";
        MarkdownRenderer after = new MarkdownRenderer();
        after.useAhead(RenderedFile.open(path));
        assertThat(after.renderRevision(7, redacted, Map.of())).isEqualTo(markdown.render(redacted));
        assertThat(after.fromAhead()).isZero();
    }
}
