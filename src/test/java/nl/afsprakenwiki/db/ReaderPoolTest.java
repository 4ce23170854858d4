package nl.afsprakenwiki.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The read connections: as many readers at once as requests may be busy, and a wait beyond that. */
class ReaderPoolTest {

    @TempDir
    Path dir;

    @Test
    void asManyReadsAsRequestsMayBeBusyRunAtOnce() throws Exception {
        int readers = SqliteEngine.READERS;
        assertThat(readers).as("the load mix's 64 connections").isGreaterThanOrEqualTo(64);
        try (Database db = Database.open(dir)) {
            CountDownLatch allInside = new CountDownLatch(readers);
            ExecutorService threads = Executors.newFixedThreadPool(readers);
            try {
                List<Future<Boolean>> reads = new ArrayList<>();
                for (int i = 0; i < readers; i++) {
                    reads.add(threads.submit(() -> db.read(handle -> {
                        handle.createQuery("SELECT count(*) FROM agreement").mapTo(Integer.class).one();
                        allInside.countDown();
                        // every read holds its connection until all of them are inside a read
                        try {
                            return allInside.await(20, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return false;
                        }
                    })));
                }
                for (Future<Boolean> read : reads) {
                    assertThat(read.get(30, TimeUnit.SECONDS)).as("all reads were inside at once").isTrue();
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void aReaderBeyondTheLimitWaitsForAConnectionToComeBack() throws Exception {
        try (Database ignored = Database.open(dir)) {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            SQLiteDataSource source = new SQLiteDataSource(config);
            source.setUrl("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME));
            try (ReaderPool pool = new ReaderPool(source, 2)) {
                Connection first = pool.openConnection();
                Connection second = pool.openConnection();
                ExecutorService thread = Executors.newSingleThreadExecutor();
                try {
                    Future<Connection> third = thread.submit(pool::openConnection);
                    Thread.sleep(300);
                    assertThat(third.isDone()).as("no third connection is opened").isFalse();
                    pool.closeConnection(first);
                    assertThat(third.get(5, TimeUnit.SECONDS)).as("the one given back").isSameAs(first);
                    pool.closeConnection(second);
                } finally {
                    thread.shutdownNow();
                }
            }
        }
    }
}
