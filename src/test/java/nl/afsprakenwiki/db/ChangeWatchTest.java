package nl.afsprakenwiki.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change stamp moves past every commit, whichever watching connection is asked and whoever
 * committed (this process or another), and stays put while nothing is committed.
 */
class ChangeWatchTest {

    @TempDir
    Path dir;

    @Test
    void everyStampAfterACommitIsNewerThanEveryStampBeforeIt() throws Exception {
        try (Database db = Database.open(dir); Database other = Database.open(dir)) {
            long quiet = db.changeStamp();
            for (int i = 0; i < 10; i++) {
                assertThat(db.changeStamp()).as("nothing committed").isEqualTo(quiet);
            }
            long before = quiet;
            for (int round = 0; round < 20; round++) {
                Database committer = round % 2 == 0 ? db : other;
                committer.write(handle -> handle.execute("PRAGMA user_version = " + System.nanoTime() % 1000));
                long after = db.changeStamp();
                assertThat(after).isGreaterThan(before);
                // every watcher in turn, and concurrently: none answers a stamp from before the commit
                ExecutorService pool = Executors.newFixedThreadPool(8);
                try {
                    List<Future<Long>> stamps = new ArrayList<>();
                    for (int i = 0; i < 64; i++) {
                        stamps.add(pool.submit(db::changeStamp));
                    }
                    for (Future<Long> stamp : stamps) {
                        assertThat(stamp.get()).isGreaterThan(before);
                    }
                } finally {
                    pool.shutdown();
                }
                before = db.changeStamp();
            }
        }
    }
}
