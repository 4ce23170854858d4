package nl.afsprakenwiki.privacy;

import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kinds of text a privacy confirmation may belong to are rows of {@code text_privacy_source} (V031), so a
 * new kind is one INSERT rather than a table rebuild: the rows are exactly {@link TextSource}'s codes, and an
 * unknown source is refused by the schema.
 */
class TextSourceSchemaTest {

    @TempDir
    Path dir;

    @Test
    void theSchemaKnowsExactlyTheTextSourcesAndRefusesAnyOther() {
        try (TestApp app = TestApp.start(dir)) {
            List<String> rows = app.db.read(handle -> handle.createQuery("SELECT code FROM text_privacy_source")
                    .mapTo(String.class).list());
            assertThat(rows).containsExactlyInAnyOrderElementsOf(Arrays.stream(TextSource.values()).map(TextSource::code).toList());
            assertThatThrownBy(() -> app.db.write(handle -> handle.execute("""
                    INSERT INTO text_privacy_confirmation (source, source_id, fingerprint, kind, confidence, at)
                    VALUES ('onbekend', 1, 'abc', 'naam', 'medium', '2026-01-01T00:00:00Z')""")))
                    .hasMessageContaining("unknown source");
        }
    }
}
