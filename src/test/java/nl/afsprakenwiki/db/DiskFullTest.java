package nl.afsprakenwiki.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A full disk, made real: SQLite's {@code max_page_count} caps the database file at its present size,
 * and SQLite then answers a growing write with SQLITE_FULL, as it does when the disk has no room.
 */
class DiskFullTest {

    @TempDir
    Path dir;

    /** Caps the database at the pages it has now: the next write that needs a new page fails. */
    static void fillDisk(Database db) {
        db.write(handle -> handle.createQuery("PRAGMA max_page_count = 1").mapTo(Long.class).one());
    }

    static void freeDisk(Database db) {
        db.write(handle -> handle.createQuery("PRAGMA max_page_count = 1073741823").mapTo(Long.class).one());
    }

    private static String text(int kilobytes) {
        return "vol ".repeat(kilobytes * 256);
    }

    @Test
    void aWriteOnAFullDiskKeepsNothingOfItsTransactionAndEverythingAcknowledgedBefore() {
        try (Database db = Database.open(dir)) {
            db.write(handle -> handle.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT)"));
            db.write(handle -> handle.execute("INSERT INTO filler (body) VALUES (?)", "bevestigd"));
            fillDisk(db);

            assertThatThrownBy(() -> db.write(handle -> {
                handle.execute("INSERT INTO filler (body) VALUES (?)", "klein");
                return handle.execute("INSERT INTO filler (body) VALUES (?)", text(200));
            })).isInstanceOf(DiskFull.class);

            assertThat(db.<java.util.List<String>>read(handle -> handle.createQuery("SELECT body FROM filler ORDER BY id")
                    .mapTo(String.class).list())).containsExactly("bevestigd");

            // the writer is not left inside a transaction: once there is room, writing works again
            freeDisk(db);
            db.write(handle -> handle.execute("INSERT INTO filler (body) VALUES (?)", text(200)));
            assertThat(db.<Integer>read(handle -> handle.createQuery("SELECT count(*) FROM filler").mapTo(Integer.class).one()))
                    .isEqualTo(2);
        }
    }

    @Test
    void otherFailuresOfAWriteAreNotTakenForAFullDisk() {
        try (Database db = Database.open(dir)) {
            assertThatThrownBy(() -> db.write(handle -> handle.execute("INSERT INTO no_such_table VALUES (1)")))
                    .isNotInstanceOf(DiskFull.class);
        }
    }

    @Test
    void aFullDiskIsRecognisedInTheWordsOfTheOperatingSystemWhereverItIsWrapped() {
        assertThat(DiskFull.causedBy(new IOException("No space left on device"))).isTrue();
        assertThat(DiskFull.causedBy(new RuntimeException(new FileSystemException("/data/x", null, "No space left on device"))))
                .isTrue();
        RuntimeException suppressing = new RuntimeException("closing failed");
        suppressing.addSuppressed(new IOException("Disk quota exceeded"));
        assertThat(DiskFull.causedBy(suppressing)).isTrue();
        assertThat(DiskFull.causedBy(new IOException("Permission denied"))).isFalse();
        assertThat(DiskFull.causedBy(null)).isFalse();
    }
}
