package nl.afsprakenwiki.search;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.Keeper;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.privacy.TextGuard;
import nl.afsprakenwiki.text.Progress;
import org.apache.lucene.store.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The search indexes of agreements in the data directory (see {@link IndexFiles}). The database is
 * the only source of truth; the indexes remember (in their commit data) the highest change number
 * they have seen and catch up on everything after it - when told that something was committed,
 * every second when anything else (such as a command-line import) committed, and at start-up.
 * Anything in them can be rebuilt from the database with {@link #rebuild}.
 *
 * <p>A failed write (a full disk) leaves the indexes as of their last commit: the next catch-up opens
 * them afresh and indexes again from the change number committed there, so the index recovers by
 * itself once there is room. Until then it {@link #answers() does not answer}; searches read the last
 * good snapshot.
 */
public final class SearchIndex implements AutoCloseable {

    /** Raise when fields or analysis change: an index of another format is rebuilt at start-up. */
    static final String FORMAT = "8";
    public static final String FOLDER = "zoekindex";
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

    private final Database db;
    private final SearchStore store;
    private final IndexPass pass;
    private final Analyzers analyzers;
    private final Path folder;
    private final IndexStorage storage;
    private final ReentrantLock indexing = new ReentrantLock();
    private volatile OpenIndex open;
    private volatile long indexedSeq;
    private long committedSeq;
    private volatile boolean closed;
    /** A write failed: the next catch-up starts again from the last commit. */
    private volatile boolean broken;
    private volatile Keeper keeper;

    /** Thrown when another process (a running server, say) holds the index. */
    public static final class Locked extends RuntimeException {
        Locked(Path folder) {
            super("the search index in " + folder + " is in use by another process");
        }
    }

    private SearchIndex(Database db, Analyzers analyzers, MarkdownRenderer markdown, TextGuard guard, Path folder,
                        IndexStorage storage) {
        this.db = db;
        this.store = new SearchStore(guard);
        this.analyzers = analyzers;
        this.pass = new IndexPass(db, store, new ChangeWriter(new AgreementDocuments(markdown, analyzers.index())));
        this.folder = folder;
        this.storage = storage;
        this.open = openFiles();
        this.indexedSeq = open.committedSeq;
        this.committedSeq = indexedSeq;
    }

    /**
     * Opens (or creates) the index in {@code dataDir}; fails with {@link Locked} if another process has it.
     * {@code guard}: which experiences wait for a privacy confirmation (left out of the public count).
     */
    public static SearchIndex open(Path dataDir, Database db, Analyzers analyzers, MarkdownRenderer markdown,
                                   TextGuard guard) {
        return open(dataDir, db, analyzers, markdown, guard, IndexStorage.FILES);
    }

    /** As {@link #open(Path, Database, Analyzers, MarkdownRenderer, TextGuard)}, writing through {@code storage}. */
    static SearchIndex open(Path dataDir, Database db, Analyzers analyzers, MarkdownRenderer markdown, TextGuard guard,
                            IndexStorage storage) {
        return new SearchIndex(db, analyzers, markdown, guard, dataDir.resolve(FOLDER), storage);
    }

    private OpenIndex openFiles() {
        return OpenIndex.open(folder, storage, analyzers.index(), db.read(store::lastChange), analyzers.phrasesFingerprint());
    }

    /**
     * Replaces writers that failed by fresh ones on the last commit, and goes back to the change
     * number committed there. The old snapshots keep serving searches until the new ones are there.
     */
    private void reopen() throws IOException {
        OpenIndex old = open;
        LOG.info("reopening the search index after a failed write; it catches up from its last commit");
        old.files.rollback();
        open = openFiles();
        indexedSeq = open.committedSeq;
        committedSeq = indexedSeq;
        try {
            old.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing the failed search index", e);
        }
    }

    Analyzers analyzers() {
        return analyzers;
    }

    /** The folder of the index files, where what is derived from them is kept too. */
    Path folder() {
        return folder;
    }

    /** Starts keeping up with the database in the background; changes are searchable within a second. */
    public synchronized void start() {
        if (keeper == null) {
            keeper = new Keeper("search-indexer", "afspraken", db, IndexPass.GAP, this::catchUp);
            keeper.start();
        }
    }

    /** Something was committed: catch up now rather than at the next poll. */
    public void changed() {
        Keeper current = keeper;
        if (current != null) {
            current.changed();
        }
    }

    /**
     * Indexes every agreement changed since the last one the index has seen, and makes it searchable.
     * Returns how many agreements were (re)indexed.
     */
    public int catchUp(Progress progress) {
        return indexing("update", () -> indexChanges(progress));
    }

    /**
     * After a redaction (issue 17): indexes what changed and merges each index into one segment before
     * returning. A replaced document stays in its segment, deleted, until a merge; its terms stay in the
     * terms dictionary that suggestions and spelling corrections read. Merging drops them for good. It
     * costs seconds on a national index, once per redaction, which is rare.
     */
    public int expungeRemovedText() {
        return indexing("expunge removed text from", () -> {
            int done = indexChanges(Progress.NONE);
            open.mergeIntoOne();
            commit(indexedSeq);
            return done;
        });
    }

    /** Throws the index away and indexes every agreement again from the database. */
    public int rebuild(Progress progress) {
        return indexing("rebuild", () -> {
            open.deleteAll();
            // the public documents' fingerprints are looked up in the latest snapshot: it must be empty too
            open.refresh();
            indexedSeq = 0;
            int done = indexChanges(progress);
            if (done == 0) {
                // nothing to index: the emptied index still has to be committed and seen
                commit(0);
                open.refresh();
            }
            return done;
        });
    }

    private interface IndexWork {
        int run() throws IOException;
    }

    /**
     * Runs {@code work} holding the indexing lock, on writers that can write: after a failed write
     * the index is reopened first, and any failure marks it for reopening.
     */
    private int indexing(String what, IndexWork work) {
        indexing.lock();
        try {
            if (closed) {
                return 0;
            }
            if (broken || !open.writable()) {
                reopen();
            }
            int done = work.run();
            broken = false;
            return done;
        } catch (IOException | RuntimeException e) {
            broken = true;
            throw e instanceof IOException io ? new UncheckedIOException("cannot " + what + " the search index", io)
                    : (RuntimeException) e;
        } finally {
            indexing.unlock();
        }
    }

    /** Runs a pass from the last change indexed; the pass moves this index's change numbers as it goes. */
    private int indexChanges(Progress progress) throws IOException {
        return pass.run(open, indexedSeq, progress, new IndexPass.Positions() {
            @Override
            public void searchable(long seq) {
                indexedSeq = seq;
            }

            @Override
            public void commit(long seq) throws IOException {
                SearchIndex.this.commit(seq);
            }

            @Override
            public boolean closing() {
                return closed;
            }
        });
    }

    /** Waits until everything committed to the database so far is searchable. */
    public boolean awaitCurrent(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long target = db.read(store::lastChange);
        while (indexedSeq < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Keeper background = keeper;
            if (background == null) {
                catchUp(Progress.NONE);
            } else {
                background.hurry();
                LockSupport.parkNanos(10_000_000);
            }
        }
        return true;
    }

    /** The highest change number searchable now. */
    public long indexedChange() {
        return indexedSeq;
    }

    /** How many agreements the index holds. */
    public int documentCount() {
        return open.files.documentCount();
    }

    /** Whether the index is open and its last write succeeded: false while a full disk keeps it from writing. */
    public boolean answers() {
        return !closed && !broken && open.writable();
    }

    /** Size of the index on disk, in bytes. */
    public long sizeOnDisk() {
        return open.files.sizeOnDisk();
    }

    <T> T withSnapshot(Function<Snapshot, T> work) {
        try {
            return open.withSnapshot(work);
        } catch (AlreadyClosedException reopened) {
            // the index was reopened between reading the field and acquiring a snapshot
            return open.withSnapshot(work);
        }
    }

    private void commit(long seq) throws IOException {
        open.commit(seq);
        committedSeq = seq;
    }

    @Override
    public void close() {
        closed = true;
        if (keeper != null) {
            keeper.stop();
        }
        indexing.lock();
        try {
            if (!broken && open.writable() && indexedSeq != committedSeq) {
                commit(indexedSeq);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("committing the search index at close failed; it catches up at the next start: {}", e.toString());
        } finally {
            try {
                open.close();
            } catch (IOException e) {
                LOG.warn("closing the search index failed: {}", e.toString());
            }
            indexing.unlock();
        }
    }
}
