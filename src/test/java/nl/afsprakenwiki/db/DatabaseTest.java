package nl.afsprakenwiki.db;

import nl.afsprakenwiki.Services;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.agreements.AgreementInput;
import nl.afsprakenwiki.agreements.Revision;
import nl.afsprakenwiki.testing.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest {

    @TempDir
    Path dir;

    private static AgreementInput.Draft draft(String title) {
        return new AgreementInput.Draft(title, "Tekst van " + title,
                new AgreementInput.Details(Set.of("wijkteam-teststad"), Set.of(), null), "");
    }

    private long koppelzoneId(Services services) {
        return services.koppelzones().bySlug("koppelzone-test").orElseThrow().id();
    }

    @Test
    void theDatabaseUsesWalForeignKeysAndTheMigrations() {
        try (Database db = Database.open(dir)) {
            assertThat(db.<String>write(handle -> handle.createQuery("PRAGMA journal_mode").mapTo(String.class).one())).isEqualTo("wal");
            assertThat(db.<Integer>write(handle -> handle.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one())).isEqualTo(1);
            assertThat(db.<Integer>read(handle -> handle.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one())).isEqualTo(1);
            assertThat(db.<Integer>write(handle -> handle.createQuery("PRAGMA synchronous").mapTo(Integer.class).one())).isEqualTo(2);
            assertThat(db.<Integer>read(handle -> handle.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one())).isEqualTo(10_000);
            assertThat(db.<List<String>>read(handle -> handle.createQuery("SELECT version FROM flyway_schema_history WHERE success = 1")
                    .mapTo(String.class).list())).contains("001");
            assertThat(Files.exists(dir.resolve(Database.FILE_NAME))).isTrue();
        }
        // the tests' own databases (TestDisk): WAL without a flush per commit, safe against a killed process only
        try (Database db = Database.open(dir.resolve("tests"), Database.Durability.PROCESS_KILL)) {
            assertThat(db.<String>write(handle -> handle.createQuery("PRAGMA journal_mode").mapTo(String.class).one())).isEqualTo("wal");
            assertThat(db.<Integer>write(handle -> handle.createQuery("PRAGMA synchronous").mapTo(Integer.class).one())).isEqualTo(1);
        }
    }

    @Test
    void revisionsAndTheAuditLogCannotBeChangedOrDeleted() {
        try (TestApp app = TestApp.start(dir)) {
            app.koppelzone("Koppelzone Test", "Teststad");
            Services services = app.services;
            services.editing().create(koppelzoneId(services), draft("Eerste"), Author.system("Jan"));
            Database db = app.db;
            assertThatThrownBy(() -> db.write(handle -> handle.execute("UPDATE revision SET body = 'vervalst'")))
                    .hasMessageContaining("revisions are append-only");
            assertThatThrownBy(() -> db.write(handle -> handle.execute("DELETE FROM revision")))
                    .hasMessageContaining("revisions are append-only");
            assertThatThrownBy(() -> db.write(handle -> handle.execute("UPDATE audit_event SET actor = 'x'")))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> db.write(handle -> handle.execute("DELETE FROM audit_event")))
                    .hasMessageContaining("append-only");
            assertThat(db.<String>read(handle -> handle.createQuery("SELECT body FROM revision").mapTo(String.class).one()))
                    .isEqualTo("Tekst van Eerste");
            assertThat(db.<List<String>>read(handle -> handle.createQuery("SELECT action FROM audit_event ORDER BY id").mapTo(String.class).list()))
                    .containsExactly("import", "agreement.create");
        }
    }

    @Test
    void readersCannotWrite() {
        try (Database db = Database.open(dir)) {
            assertThatThrownBy(() -> db.read(handle -> handle.execute("INSERT INTO municipality (slug, name) VALUES ('x', 'X')")))
                    .hasMessageContaining("readonly");
        }
    }

    @Test
    void manyThreadsWritingAtOnceLoseNothing() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            app.koppelzone("Koppelzone Test", "Teststad");
            Services services = app.services;
            long koppelzone = koppelzoneId(services);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Revision>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String title = "Afspraak " + i;
                futures.add(pool.submit(() -> services.editing().create(koppelzone, draft(title), Author.system("T"))));
            }
            for (Future<Revision> future : futures) {
                assertThat(future.get(30, TimeUnit.SECONDS).number()).isEqualTo(1);
            }
            pool.shutdown();
            assertThat(services.agreements().list(null, null, TestApp.BEHEERDER)).hasSize(200);
            assertThat(app.db.<Integer>read(handle -> handle.createQuery("SELECT count(DISTINCT slug) FROM agreement").mapTo(Integer.class).one()))
                    .isEqualTo(200);
        }
    }

    @Test
    void aBackupWhileWritersAreBusyIsAConsistentDatabase() throws Exception {
        try (TestApp app = TestApp.start(dir.resolve("live"))) {
            app.koppelzone("Koppelzone Test", "Teststad");
            Services services = app.services;
            long koppelzone = koppelzoneId(services);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                for (int i = 0; running.get(); i++) {
                    services.editing().create(koppelzone, draft("Tijdens backup " + i), Author.system("T"));
                }
            });
            writer.start();
            Thread.sleep(300);
            Path backup = dir.resolve("kopie.db");
            app.db.backupTo(backup);
            running.set(false);
            writer.join();

            Jdbi copy = Jdbi.create("jdbc:sqlite:" + backup);
            assertThat(copy.<String, RuntimeException>withHandle(handle -> handle.createQuery("PRAGMA integrity_check").mapTo(String.class).one())).isEqualTo("ok");
            int agreements = copy.withHandle(handle -> handle.createQuery("SELECT count(*) FROM agreement").mapTo(Integer.class).one());
            int revisions = copy.withHandle(handle -> handle.createQuery("SELECT count(*) FROM revision").mapTo(Integer.class).one());
            assertThat(agreements).isPositive().isEqualTo(revisions);
            assertThatThrownBy(() -> app.db.backupTo(backup)).hasMessageContaining("bestaat al");
        }
        // the copy opens as a data directory of its own
        Path restored = Files.createDirectories(dir.resolve("restored"));
        Files.copy(dir.resolve("kopie.db"), restored.resolve(Database.FILE_NAME));
        try (Database db = Database.open(restored)) {
            Services services = Services.create(Settings.forTests(restored), db, Clock.systemUTC());
            assertThat(services.agreements().list(null, null, TestApp.BEHEERDER)).isNotEmpty();
        }
    }

    @Test
    void aFailedStatementNamesTheStatementButNeverItsBoundValuesSoNoLogHoldsWhatWasTyped() {
        try (Database db = Database.open(dir)) {
            String typed = "moeder Fatima de Vries, BSN 111222333";
            Throwable failed = org.assertj.core.api.Assertions.catchThrowable(() -> db.write(handle -> handle
                    .createUpdate("INSERT INTO municipality (slug, name) VALUES (:slug, :name)")
                    .bind("slug", "Met Hoofdletters").bind("name", typed).execute()));
            org.assertj.core.api.Assertions.assertThat(failed).isNotNull();
            String everything = failed.toString() + (failed.getCause() == null ? "" : failed.getCause().toString());
            org.assertj.core.api.Assertions.assertThat(everything).contains("INSERT INTO municipality")
                    .contains("CHECK").doesNotContain("Fatima").doesNotContain("111222333").doesNotContain("Met Hoofdletters");
        }
    }
}
