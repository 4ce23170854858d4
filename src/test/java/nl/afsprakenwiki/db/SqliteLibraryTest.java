package nl.afsprakenwiki.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The copy of SQLite's library in the data directory: written when missing, left alone when it is
 * the driver's own, replaced when it differs (another driver version, a torn write), and nothing is
 * written for a library the driver does not carry. (That the server loads it from there is checked
 * on the packaged jar, in {@code ReadmeRunIT}.)
 */
class SqliteLibraryTest {

    @TempDir
    Path dir;

    private static final String RESOURCE = LibraryLoaderUtil.getNativeLibResourcePath() + "/"
            + LibraryLoaderUtil.getNativeLibName();

    private static byte[] original() throws Exception {
        try (InputStream in = SqliteLibrary.class.getClassLoader().getResourceAsStream(RESOURCE.substring(1))) {
            assertThat(in).as("the driver carries a library for this platform").isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void writtenWhenMissingKeptWhenTheSameReplacedWhenDifferent() throws Exception {
        Path target = dir.resolve(SqliteLibrary.FOLDER).resolve(LibraryLoaderUtil.getNativeLibName());

        assertThat(SqliteLibrary.copied(RESOURCE, target)).isTrue();
        assertThat(Files.readAllBytes(target)).isEqualTo(original());

        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(target, old);
        assertThat(SqliteLibrary.copied(RESOURCE, target)).isTrue();
        assertThat(Files.getLastModifiedTime(target)).as("the same bytes: not written again").isEqualTo(old);

        byte[] torn = original();
        torn[torn.length / 2] ^= 1;
        Files.write(target, torn);
        Files.setLastModifiedTime(target, old);
        assertThat(SqliteLibrary.copied(RESOURCE, target)).isTrue();
        assertThat(Files.readAllBytes(target)).as("one byte off: replaced").isEqualTo(original());

        Files.write(target, new byte[] {1, 2, 3});
        assertThat(SqliteLibrary.copied(RESOURCE, target)).isTrue();
        assertThat(Files.readAllBytes(target)).as("another size: replaced").isEqualTo(original());
        try (var left = Files.list(target.getParent())) {
            assertThat(left).as("no half-written file left beside it").containsExactly(target);
        }
    }

    @Test
    void aLibraryTheDriverDoesNotCarryWritesNothing() throws Exception {
        Path target = dir.resolve(SqliteLibrary.FOLDER).resolve("libnone.so");
        assertThat(SqliteLibrary.copied("/org/sqlite/native/Nowhere/none/libnone.so", target)).isFalse();
        assertThat(dir.resolve(SqliteLibrary.FOLDER)).doesNotExist();
    }
}
