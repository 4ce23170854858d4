package nl.afsprakenwiki.multi;

import nl.afsprakenwiki.db.DatabaseServer;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestDisk;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the PostgreSQL server drops the wiki's connections (a restart, a failover), a read is tried again
 * on a new connection, and a save that lost its connection gets 503 with Retry-After and a message that
 * nothing was kept - never an internal error; and the wiki serves again by itself: its pools and its
 * change watch connect anew. Runs in
 * the PostgreSQL tier; SQLite in the data directory has no connection to lose.
 */
class DatabaseOutageTest {

    private static final List<String> PAGES = List.of("/", "/afspraken/1", "/api/v1/agreements", "/zoeken?q=wijkteam");

    @TempDir
    Path dir;

    @Test
    void droppedConnectionsAnswer503AndTheWikiRecoversByItself() throws Exception {
        Assumptions.assumeTrue(TestDisk.onPostgres(), "about PostgreSQL's connections: runs in the PostgreSQL tier");
        try (TestApp app = TestApp.startWithDemo(dir)) {
            DatabaseServer server = TestDisk.postgresFor(dir).orElseThrow();
            ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> readers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int offset = i;
                Thread reader = new Thread(() -> {
                    TestApp.Client client = app.newBrowser();
                    for (int n = offset; running.get(); n++) {
                        TestApp.Response response = client.get(PAGES.get(n % PAGES.size()));
                        answers.add(response.status() + " " + response.header("Retry-After") + " "
                                + (response.status() == 503 ? response.body() : ""));
                    }
                });
                readers.add(reader);
                reader.start();
            }
            TestApp.Client editor = app.bearer("beheerder");
            Thread writer = new Thread(() -> {
                for (int line = 1; running.get(); line++) {
                    TestApp.Response current = editor.get("/api/v1/agreements/1");
                    if (current.status() != 200) {
                        answers.add(current.status() + " " + current.header("Retry-After") + " " + current.body());
                        continue;
                    }
                    int base = current.json().get("revision").asInt();
                    TestApp.Response saved = editor.putJson("/api/v1/agreements/1", java.util.Map.of("title",
                            "Storing " + line, "body", "regel " + line, "baseRevision", base, "summary", "storing"));
                    answers.add(saved.status() + " " + saved.header("Retry-After") + " "
                            + (saved.status() == 503 ? saved.body() : ""));
                }
            });
            readers.add(writer);
            writer.start();
            Thread.sleep(300);
            // connections are dropped until a request has lost its own in flight (the first five rounds
            // usually do it; whether a save is on the wire at that moment is up to the scheduler)
            for (int round = 0; round < 100 && (round < 5 || answers.stream().noneMatch(DatabaseOutageTest::lost));
                 round++) {
                dropConnections(server);
                Thread.sleep(100);
            }
            Thread.sleep(300);
            running.set(false);
            for (Thread reader : readers) {
                reader.join(30_000);
            }
            assertThat(answers).as("every answer while connections were dropped").allSatisfy(answer ->
                    assertThat(answer.substring(0, 3)).isIn("200", "503"));
            // reads are tried again on another connection; a write that lost its connection is not (it was not kept)
            assertThat(answers).as("the requests that lost their connection").anyMatch(DatabaseOutageTest::lost);
            for (String page : PAGES) {
                assertThat(app.get(page).status()).as("%s afterwards (reads are tried again on a new connection)", page)
                        .isEqualTo(200);
            }
            assertThat(app.get("/api/v1/health").status()).isEqualTo(200);
            int base = editor.get("/api/v1/agreements/1").json().get("revision").asInt();
            assertThat(editor.putJson("/api/v1/agreements/1", java.util.Map.of("title", "Na de storing", "body", "weer bereikbaar",
                    "baseRevision", base, "summary", "na de storing")).status()).as("a save afterwards").isEqualTo(200);
        }
    }

    /** An answer to a request that lost its connection: 503, Retry-After, and that nothing was kept. */
    private static boolean lost(String answer) {
        return answer.startsWith("503 5 ") && answer.contains("niets verloren")
                && (answer.contains("/problemen/database-onbereikbaar") || answer.contains("De database is even niet bereikbaar"));
    }

    /**
     * Every connection dropped at once, each pooled one recently used (so the pool hands it out
     * unchecked): the first read that meets a dead one has the pool replace them all, and succeeds on
     * its next attempt - instead of meeting a dead connection on every attempt it has.
     */
    @Test
    void aReadRightAfterEveryConnectionWasDroppedSucceeds() throws Exception {
        Assumptions.assumeTrue(TestDisk.onPostgres(), "about PostgreSQL's connections: runs in the PostgreSQL tier");
        try (TestApp app = TestApp.start(dir)) {
            DatabaseServer server = TestDisk.postgresFor(dir).orElseThrow();
            for (int round = 0; round < 3; round++) {
                // eight reads at once: the read pool holds eight connections, all just used
                java.util.concurrent.CountDownLatch together = new java.util.concurrent.CountDownLatch(8);
                List<Thread> readers = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    Thread reader = new Thread(() -> app.db.read(handle -> {
                        together.countDown();
                        try {
                            together.await(10, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return handle.createQuery("SELECT 1").mapTo(Integer.class).one();
                    }));
                    readers.add(reader);
                    reader.start();
                }
                for (Thread reader : readers) {
                    reader.join(30_000);
                }
                dropConnections(server);
                Integer agreements = app.db.read(handle -> handle.createQuery("SELECT count(*) FROM agreement")
                        .mapTo(Integer.class).one());
                assertThat(agreements).as("round %d", round).isNotNegative();
            }
        }
    }

    /** Ends every other session on the wiki's database, as a restarting server does. */
    private static void dropConnections(DatabaseServer server) throws SQLException {
        try (Connection admin = DriverManager.getConnection(server.url(), server.credentials());
             Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND pid <> pg_backend_pid()");
        }
    }
}
