package nl.afsprakenwiki.search;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.DiskFull;
import nl.afsprakenwiki.text.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that keeps the index up with the database: it catches up when told that this process
 * committed, and every second when the database's data version shows that anything else (a
 * command-line import, say) committed - or, after a failure (a full disk), every second until it
 * succeeds.
 */
final class IndexKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(IndexKeeper.class);
    private static final long POLL_MILLIS = 1_000;

    private final SearchIndex index;
    private final Database db;
    private final Object signal = new Object();
    private boolean signalled;
    private volatile boolean stopped;
    private Thread worker;

    IndexKeeper(SearchIndex index, Database db) {
        this.index = index;
        this.db = db;
    }

    void start() {
        db.afterCommit(this::changed);
        worker = new Thread(this::run, "search-indexer");
        worker.setDaemon(true);
        worker.start();
    }

    void changed() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    /**
     * Stops after the batch at hand. No interrupt: a thread interrupted in the middle of file I/O
     * closes Lucene's channels (and invalidates the index lock).
     */
    void stop() {
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
        Progress progress = new LoggedProgress();
        while (!stopped) {
            try {
                long stamp = db.changeStamp();
                if (stamp != seenStamp || failing) {
                    seenStamp = stamp;
                    index.catchUp(progress);
                    if (failing) {
                        LOG.info("the search index is writable again and caught up");
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
                    LOG.error("keeping the search index up to date failed; retrying in a second", e);
                } else if (!failing) {
                    LOG.warn("the disk is full: the search index is behind and retries every second ({})", e.toString());
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
        private int lastLogged;

        @Override
        public void step(String phase, int done, int total) {
            if (total >= 1_000 && (done == total || done - lastLogged >= 10_000)) {
                LOG.info("{}: {}/{} afspraken", phase, done, total);
                lastLogged = done == total ? 0 : done;
            }
        }
    }
}
