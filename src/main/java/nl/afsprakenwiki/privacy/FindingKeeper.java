package nl.afsprakenwiki.privacy;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.text.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread of a running server that keeps the {@link FindingRegister} up with the texts: after each
 * commit of this process, and every few seconds for commits of others (an import on the command line).
 * The first run after an upgrade scans the whole history; the log shows its progress.
 */
public final class FindingKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(FindingKeeper.class);
    private static final long POLL_MILLIS = 5_000;

    private final FindingRegister register;
    private final Database db;
    private final Object signal = new Object();
    private boolean signalled = true;
    private volatile boolean stopped;
    private Thread worker;

    public FindingKeeper(FindingRegister register, Database db) {
        this.register = register;
        this.db = db;
    }

    public void start() {
        db.afterCommit(this::changed);
        worker = new Thread(this::run, "privacy-register");
        worker.setDaemon(true);
        worker.setPriority(Thread.MIN_PRIORITY);
        worker.start();
    }

    /** Stops after the batch at hand. */
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

    private void changed() {
        synchronized (signal) {
            signalled = true;
            signal.notifyAll();
        }
    }

    private void run() {
        Progress progress = new LoggedProgress();
        while (!stopped) {
            try {
                synchronized (signal) {
                    if (!signalled) {
                        signal.wait(POLL_MILLIS);
                    }
                    signalled = false;
                }
                if (!stopped) {
                    register.catchUp(progress, null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (stopped) {
                    return;
                }
                // never the text: the exception names a table or a lock, not what was scanned
                LOG.warn("scanning texts for personal data failed; retrying in a few seconds ({})", e.getClass().getName());
            }
        }
    }

    /** Progress of a long catch-up (the first one after an upgrade) in the server log. */
    private static final class LoggedProgress implements Progress {
        private int lastLogged;

        @Override
        public void step(String phase, int done, int total) {
            if (total >= 1_000 && (done == total || done - lastLogged >= 10_000)) {
                LOG.info("{}: {}/{}", phase, done, total);
                lastLogged = done == total ? 0 : done;
            }
        }
    }
}
