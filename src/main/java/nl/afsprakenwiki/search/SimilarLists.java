package nl.afsprakenwiki.search;

import nl.afsprakenwiki.search.SimilarAgreements.Similar;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Visitors' "vergelijkbare afspraken" for every published agreement, found ahead of the views.
 *
 * <p>A visitor's list depends on the public index alone, and that changes only when something is
 * published or withdrawn. At national scale most agreement views are an agreement's first since the
 * server started, and each of those searched for its list (with a beheerder's lists, 35 % of the
 * request threads' samples under the national load mix). So a background thread finds the lists of all published agreements for the
 * public index as it is, writes them to a file in the search folder ({@link SimilarListFile}), and
 * from then on a visitor's list is read from there. The file is named by a stamp of the public
 * index's documents (its segments' unique ids and deletions, and the format of the lists): until a
 * file for the public documents a visitor reads is complete, the list is searched for as before, so
 * no visitor ever gets a list of other documents than the ones they search. After a publication the
 * lists are found again; after a restart, an unchanged index finds its file.
 *
 * <p>The thread works at most half the time (it sleeps as long as it worked), so the requests keep
 * most of the cores; a pass over the national data set (26,624 published agreements) takes about a
 * minute of CPU. Before a file is used, a sample of its lists is compared with a fresh search: a
 * file from code that finds lists differently is found again rather than shown.
 */
final class SimilarLists implements AutoCloseable {

    static final String FOLDER = "vergelijkbaar";
    private static final Logger LOG = LoggerFactory.getLogger(SimilarLists.class);
    private static final long POLL_MILLIS = 1_000;
    /** After a failure (a full disk, say), a pass is tried again this much later: each costs the better part of a minute of CPU. */
    private static final long RETRY_MILLIS = TimeUnit.MINUTES.toMillis(10);

    /** Finds one visitor's list the way a view would: agreement {@code doc} of the public index. */
    @FunctionalInterface
    interface Finder {
        Found find(Snapshot snapshot, int doc, Cards cards) throws IOException;
    }

    /** A found list and the agreement it is of. */
    record Found(long agreement, List<Similar> similar) {
    }

    /** Which file serves which generation of the public index (null: none does, search). */
    private record Bound(long generation, SimilarListFile file) {
    }

    private final SearchIndex index;
    private final Finder finder;
    /** Beheerders' lists among drafts, kept up by the same thread once visitors' lists serve. */
    private final DraftLists drafts;
    private final Path folder;
    private final Object signal = new Object();
    private volatile Bound bound;
    private volatile boolean stopped;
    private Thread worker;
    private long passes;

    SimilarLists(SearchIndex index, Finder finder, DraftLists.Finder draftFinder) {
        this.index = index;
        this.finder = finder;
        this.drafts = new DraftLists(index, draftFinder, () -> stopped);
        this.folder = index.folder().resolve(FOLDER);
    }

    /** Beheerders' lists among drafts. */
    DraftLists drafts() {
        return drafts;
    }

    /**
     * Agreement {@code id}'s list for a visitor reading {@code snapshot}, or null when it is not
     * found ahead (no file for these public documents yet): then it is searched for.
     */
    List<Similar> get(Snapshot snapshot, long id) {
        Bound now = bound;
        if (now == null || now.file() == null || now.generation() != snapshot.publicGeneration()) {
            return null;
        }
        return now.file().get(id);
    }

    /** How many passes found lists (for tests). */
    synchronized long passes() {
        return passes;
    }

    /** Starts the background thread. */
    synchronized void start() {
        if (worker == null && !stopped) {
            worker = new Thread(this::run, "similar-lists");
            worker.setDaemon(true);
            worker.start();
        }
    }

    /** Wakes the thread from its wait (to stop). */
    private void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void run() {
        while (!stopped) {
            long wait = POLL_MILLIS;
            try {
                if (keepUp(true)) {
                    drafts.keepUp(true);
                }
            } catch (AlreadyClosedException e) {
                // the index is being reopened after a failed write, or closed: look again later
            } catch (RuntimeException e) {
                LOG.warn("finding similar agreements ahead failed; they are searched for on each first view until it works: {}",
                        e.toString());
                wait = RETRY_MILLIS;
            }
            synchronized (signal) {
                if (!stopped) {
                    try {
                        signal.wait(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /**
     * Makes the lists serve the public index as it is now: binds the file made for it (on disk,
     * checked on a sample), or finds all lists and writes that file. {@code paced}: sleep as long as
     * the work took (the background thread); tests run it unpaced. Returns whether lists now serve.
     */
    boolean keepUp(boolean paced) {
        return index.withSnapshot(snapshot -> {
            try {
                return keepUp(snapshot, paced);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private boolean keepUp(Snapshot snapshot, boolean paced) throws IOException {
        Bound now = bound;
        long generation = snapshot.publicGeneration();
        if (now != null && now.generation() == generation) {
            return now.file() != null;
        }
        String stamp = SimilarListPass.stamp(snapshot.publicReader());
        if (stamp == null) {
            bound = new Bound(generation, null);
            return false;
        }
        if (now != null && now.file() != null && now.file().stamp().equals(stamp)) {
            // the same documents under a new generation (the index was reopened)
            bound = new Bound(generation, now.file());
            return true;
        }
        SimilarListPass pass = new SimilarListPass(index, (writer, at, doc, cards) -> {
            Found found = finder.find(at, doc, cards);
            writer.add(found.agreement(), found.similar());
        }, () -> stopped, "for visitors");
        SimilarListPass.Outcome outcome = pass.openOrRun(snapshot, snapshot.publicReader(), folder, stamp, false, paced,
                (found, doc, cards) -> {
                    Found fresh = finder.find(snapshot, doc, cards);
                    return fresh.similar().equals(found.get(fresh.agreement()));
                });
        if (outcome.file() == null) {
            return false;
        }
        if (outcome.found()) {
            synchronized (this) {
                passes++;
            }
        }
        bound = new Bound(generation, outcome.file());
        return true;
    }

    /** Stops the background thread after the list at hand. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            stopped = true;
            running = worker;
        }
        wake();
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
