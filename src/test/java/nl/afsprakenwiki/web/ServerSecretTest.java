package nl.afsprakenwiki.web;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.testing.TestDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signing key lives in the database: every instance and every backup has the same one. */
class ServerSecretTest {

    @TempDir
    Path dir;

    private static String storedKey(Database db) {
        return db.read(handle -> handle.createQuery("SELECT value FROM instance_setting WHERE key = 'signing_key'")
                .mapTo(String.class).one());
    }

    @Test
    void aNewDatabaseGetsARandomKeyThatEveryStartAndEveryInstanceSharesAndNoFile() {
        try (Database db = TestDisk.open(dir.resolve("data"))) {
            String first = ServerSecret.loadOrCreate(dir.resolve("data"), db).sign("purpose:1");
            assertThat(Base64.getDecoder().decode(storedKey(db))).hasSize(32);
            // another instance on the same database (its own data directory) signs alike
            assertThat(ServerSecret.loadOrCreate(dir.resolve("elsewhere"), db).sign("purpose:1")).isEqualTo(first);
            assertThat(ServerSecret.loadOrCreate(dir.resolve("data"), db).sign("purpose:2")).isNotEqualTo(first);
        }
        assertThat(dir.resolve("data").resolve("secret.key")).doesNotExist();
        try (Database db = TestDisk.open(dir.resolve("data"))) {
            assertThat(ServerSecret.loadOrCreate(dir.resolve("data"), db).sign("purpose:1")).as("after a restart")
                    .isNotEmpty().isEqualTo(new ServerSecret(Base64.getDecoder().decode(storedKey(db))).sign("purpose:1"));
        }
    }

    @Test
    void aDataDirectoryFromBeforeKeepsItsKeySoLinksAlreadyMailedStillWork() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        byte[] old = new byte[32];
        old[0] = 7;
        Files.writeString(data.resolve("secret.key"), Base64.getEncoder().encodeToString(old) + "\n");
        try (Database db = TestDisk.open(data)) {
            assertThat(ServerSecret.loadOrCreate(data, db).sign("afmelden:1")).isEqualTo(new ServerSecret(old).sign("afmelden:1"));
            assertThat(storedKey(db)).isEqualTo(Base64.getEncoder().encodeToString(old));
            // from now on the database's key counts, whatever the file says
            Files.writeString(data.resolve("secret.key"), Base64.getEncoder().encodeToString(new byte[32]));
            assertThat(ServerSecret.loadOrCreate(data, db).sign("afmelden:1")).isEqualTo(new ServerSecret(old).sign("afmelden:1"));
        }
    }

    @Test
    void aKeyTooShortOrNotBase64IsAClearErrorAtStart() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("secret.key"), Base64.getEncoder().encodeToString(new byte[16]));
        try (Database db = TestDisk.open(data)) {
            assertThatThrownBy(() -> ServerSecret.loadOrCreate(data, db)).hasMessageContaining("shorter than 256 bits");
            db.write(handle -> handle.execute("INSERT INTO instance_setting (key, value) VALUES ('signing_key', 'geen sleutel!')"));
            assertThatThrownBy(() -> ServerSecret.loadOrCreate(data, db)).hasMessageContaining("does not hold a base64 key");
        }
    }
}
