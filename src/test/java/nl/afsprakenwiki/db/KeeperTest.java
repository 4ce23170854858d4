package nl.afsprakenwiki.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A keeper catches up after commits; with a gap it takes a stream of commits in few catch-ups, a
 * commit after a quiet spell at once, and a hurried one without waiting out the gap; stopped while it
 * waits out the gap, it stops at once without another catch-up. Real SQLite commits wake it (through
 * {@link Database#afterCommit}).
 */
class KeeperTest {

    @TempDir
    Path dir;

    /** Each catch-up's change stamp, as the keeper's work sees it when it starts. */
    private final BlockingQueue<Long> passes = new LinkedBlockingQueue<>();

    /** What a test does once its keeper has caught up for the first time (at its start). */
    private interface Scenario {
        void run(Database db, Keeper keeper) throws Exception;
    }

    /**
     * Opens a database, starts a keeper with {@code gap} that records its catch-ups in {@link #passes},
     * waits for the first one (at the start), runs {@code scenario} and stops the keeper.
     */
    private void afterTheFirstCatchUp(Duration gap, Scenario scenario) throws Exception {
        try (Database db = Database.open(dir)) {
            Keeper keeper = new Keeper("test-keeper", "rows", db, gap, progress -> passes.add(db.changeStamp()));
            keeper.start();
            try {
                assertThat(passes.poll(30, TimeUnit.SECONDS)).as("the first catch-up, at the start").isNotNull();
                scenario.run(db, keeper);
            } finally {
                keeper.stop();
            }
        }
    }

    private static void commit(Database db) {
        db.write(handle -> handle.execute("PRAGMA user_version = " + (System.nanoTime() % 1000 + 1)));
    }

    @Test
    void aStreamOfCommitsIsCaughtUpInFewPassesAndNothingIsLeftBehind() throws Exception {
        Duration gap = Duration.ofMillis(500);
        afterTheFirstCatchUp(gap, (db, keeper) -> {
            long started = System.nanoTime();
            int commits = 40;
            for (int i = 0; i < commits; i++) {
                commit(db);
            }
            long took = System.nanoTime() - started;
            long last = db.changeStamp();
            // the last commit is caught up too, at most a gap (and a pass) later
            Long seen;
            int count = 0;
            do {
                seen = passes.poll(30, TimeUnit.SECONDS);
                assertThat(seen).as("a catch-up after the last commit").isNotNull();
                count++;
            } while (seen < last);
            // one pass may start right after the first commit; after that, at most one per gap
            long allowed = 2 + took / gap.toNanos();
            assertThat((long) count).as("catch-ups for %d commits in %d ms", commits, took / 1_000_000)
                    .isLessThanOrEqualTo(allowed).isLessThan(commits);
        });
    }

    @Test
    void aCommitAfterAQuietSpellIsCaughtUpWithoutWaitingOutTheGap() throws Exception {
        Duration gap = Duration.ofMillis(1_500);
        afterTheFirstCatchUp(gap, (db, keeper) -> {
            Thread.sleep(gap.toMillis() + 200);
            commit(db);
            long committed = db.changeStamp();
            Long seen = passes.poll(gap.toMillis() - 300, TimeUnit.MILLISECONDS);
            assertThat(seen).as("caught up well within the gap after a quiet spell").isNotNull()
                    .isGreaterThanOrEqualTo(committed);
        });
    }

    @Test
    void aHurriedCatchUpDoesNotWaitOutTheGap() throws Exception {
        afterTheFirstCatchUp(Duration.ofHours(1), (db, keeper) -> {
            commit(db);
            long committed = db.changeStamp();
            assertThat(passes.poll(500, TimeUnit.MILLISECONDS)).as("within the gap after a catch-up, a commit waits").isNull();
            keeper.hurry();
            assertThat(passes.poll(30, TimeUnit.SECONDS)).as("hurried").isNotNull().isGreaterThanOrEqualTo(committed);
        });
    }

    @Test
    void aKeeperStoppedWhileWaitingOutTheGapStopsWithoutAnotherCatchUp() throws Exception {
        afterTheFirstCatchUp(Duration.ofHours(1), (db, keeper) -> {
            commit(db);
            // the keeper now waits out the gap for this commit
            assertThat(passes.poll(300, TimeUnit.MILLISECONDS)).isNull();
            long stopping = System.nanoTime();
            keeper.stop();
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).as("stopped at once, not after the gap or the join's time-out")
                    .isLessThan(Duration.ofSeconds(20));
            assertThat(passes.poll(300, TimeUnit.MILLISECONDS)).as("no catch-up after stop").isNull();
        });
    }
}
