package nl.afsprakenwiki.db;

import nl.afsprakenwiki.text.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that keeps derived data (the search index, the register of privacy findings) up with the
 * database: it catches up when told that this process committed, and every second when the
 * database's data version shows that anything else (a command-line import, say) committed - or, after
 * a failure (a full disk), every second until it succeeds. Its catch-up must write nothing when there
 * is nothing to do, or its own commit would wake it again.
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
    private final Object signal = new Object();
    private boolean signalled;
    private volatile boolean stopped;
    private Thread worker;

    /** {@code name}: the thread's and the log's; {@code unit}: what progress counts, in the log. */
    public Keeper(String name, String unit, Database db, CatchUp work) {
        this.name = name;
        this.unit = unit;
        this.db = db;
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
                    seenStamp = stamp;
                    work.run(progress);
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
