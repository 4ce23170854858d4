package nl.afsprakenwiki.db;

import nl.afsprakenwiki.text.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The thread that keeps derived data (the search index, the register of privacy findings) up with the
 * database: it catches up when told that this process committed, and every second when the
 * database's data version shows that anything else (a command-line import, say) committed - or, after
 * a failure (a full disk), every second until it succeeds. Its catch-up must write nothing when there
 * is nothing to do, or its own commit would wake it again.
 *
 * <p>A keeper may be given a gap: the least time from the end of one catch-up to the start of the
 * next. A commit after a quiet spell is caught up at once; under a stream of commits one catch-up
 * takes all that arrived during the gap, instead of one pass (and, for the search index, one new
 * segment and one new snapshot) per commit. Someone waiting for the derived data ({@link #hurry})
 * does not wait out the gap.
 */
public final class Keeper {

    /** The work: catch up with the database, reporting progress. */
    @FunctionalInterface
    public interface CatchUp {
        void run(Progress progress);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Keeper.class);
    private static final long POLL_MILLIS = 1_000;

    private final String name;
    private final String unit;
    private final CatchUp work;
    private final Database db;
    /** The least time, in nanoseconds, from the end of one catch-up to the start of the next (0: none). */
    private final long gapNanos;
    private final Object signal = new Object();
    private boolean signalled;
    /** Someone waits for the derived data: the next catch-up does not wait out the gap. Guarded by {@code signal}. */
    private boolean hurried;
    /**
     * When the last catch-up ended ({@link System#nanoTime}); guarded by {@code signal}. Before the first,
     * a gap ago: the first catch-up never waits.
     */
    private long lastEnd;
    private volatile boolean stopped;
    private Thread worker;

    /** {@code name}: the thread's and the log's; {@code unit}: what progress counts, in the log. */
    public Keeper(String name, String unit, Database db, CatchUp work) {
        this(name, unit, db, Duration.ZERO, work);
    }

    /** A keeper that leaves at least {@code gap} between the end of one catch-up and the start of the next. */
    public Keeper(String name, String unit, Database db, Duration gap, CatchUp work) {
        this.name = name;
        this.unit = unit;
        this.db = db;
        this.gapNanos = gap.toNanos();
        this.lastEnd = System.nanoTime() - gapNanos;
        this.work = work;
    }

    public void start() {
        db.afterCommit(this::changed);
        worker = new Thread(this::run, name);
        worker.setDaemon(true);
        worker.start();
    }

    public void changed() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    /** Something was committed and someone waits for it: catch up now, without waiting out the gap. */
    public void hurry() {
        synchronized (signal) {
            hurried = true;
            signalled = true;
            signal.notifyAll();
        }
    }

    /**
     * Stops after the batch at hand. No interrupt: a thread interrupted in the middle of file I/O
     * closes Lucene's channels (and invalidates the index lock).
     */
    public void stop() {
        stopped = true;
        changed();
        if (worker != null) {
            try {
                worker.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        boolean failing = false;
        long seenStamp = Long.MIN_VALUE;
        Progress progress = new LoggedProgress(unit);
        while (!stopped) {
            try {
                long stamp = db.changeStamp();
                if (stamp != seenStamp || failing) {
                    // the commits that arrive while the gap is waited out are this catch-up's too
                    if (!failing) {
                        settle();
                        if (stopped) {
                            return;
                        }
                    }
                    seenStamp = db.changeStamp();
                    try {
                        work.run(progress);
                    } finally {
                        ended();
                    }
                    if (failing) {
                        LOG.info("{}: caught up again", name);
                        failing = false;
                    }
                }
                synchronized (signal) {
                    if (!signalled && !stopped) {
                        signal.wait(POLL_MILLIS);
                    }
                    if (signalled) {
                        signalled = false;
                        seenStamp = Long.MIN_VALUE;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (stopped) {
                    return;
                }
                if (!DiskFull.causedBy(e)) {
                    // the exception names a file, a table or a lock; no keeper puts texts in its messages
                    LOG.error("{}: catching up failed; retrying in a second", name, e);
                } else if (!failing) {
                    LOG.warn("{}: the disk is full; behind, retrying every second ({})", name, e.toString());
                }
                failing = true;
                pause();
            }
        }
    }

    /**
     * Waits until the gap since the last catch-up has passed, unless someone hurries or the keeper
     * stops. The signals that arrive meanwhile are taken by the catch-up that follows.
     */
    private void settle() throws InterruptedException {
        synchronized (signal) {
            long wait;
            while (!hurried && !stopped && (wait = lastEnd + gapNanos - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(signal, wait);
            }
            hurried = false;
            signalled = false;
        }
    }

    private void ended() {
        synchronized (signal) {
            lastEnd = System.nanoTime();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Progress of a background catch-up in the server log, for the long ones only. */
    private static final class LoggedProgress implements Progress {
        private final String unit;
        private int lastLogged;

        LoggedProgress(String unit) {
            this.unit = unit;
        }

        @Override
        public void step(String phase, int done, int total) {
            if (total >= 1_000 && (done == total || done - lastLogged >= 10_000)) {
                LOG.info("{}: {}/{} {}", phase, done, total, unit);
                lastLogged = done == total ? 0 : done;
            }
        }
    }
}
