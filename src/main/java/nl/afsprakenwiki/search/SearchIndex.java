package nl.afsprakenwiki.search;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.text.Progress;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The search indexes of agreements in the data directory (see {@link IndexFiles}). The database is
 * the only source of truth; the indexes remember (in their commit data) the highest change number
 * they have seen and catch up on everything after it - when told that something was committed,
 * every second when anything else (such as a command-line import) committed, and at start-up.
 * Anything in them can be rebuilt from the database with {@link #rebuild}.
 */
public final class SearchIndex implements AutoCloseable {

    /** Raise when fields or analysis change: an index of another format is rebuilt at start-up. */
    static final String FORMAT = "4";
    public static final String FOLDER = "zoekindex";
    private static final String SEQ_KEY = "change_seq";
    private static final String FORMAT_KEY = "format";
    private static final int BATCH = 500;
    private static final int COMMIT_EVERY = 10_000;
    /** After indexing this many at once (an import, a rebuild), the indexes are merged into one segment. */
    private static final int BULK = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

    private final Database db;
    private final SearchStore store = new SearchStore();
    private final AgreementDocuments documents;
    private final Analyzers analyzers;
    private final IndexFiles files;
    private final Snapshots snapshots;
    private final ReentrantLock indexing = new ReentrantLock();
    private volatile long indexedSeq;
    private long committedSeq;
    private volatile boolean closed;
    private volatile IndexKeeper keeper;

    /** Thrown when another process (a running server, say) holds the index. */
    public static final class Locked extends RuntimeException {
        Locked(Path folder) {
            super("the search index in " + folder + " is in use by another process");
        }
    }

    private SearchIndex(Database db, Analyzers analyzers, MarkdownRenderer markdown, IndexFiles files)
            throws IOException {
        this.db = db;
        this.analyzers = analyzers;
        this.documents = new AgreementDocuments(markdown, analyzers.index());
        this.files = files;
        Map<String, String> data = files.commitData();
        boolean sameFormat = FORMAT.equals(data.get(FORMAT_KEY)) && data.containsKey(SEQ_KEY);
        // An index ahead of its database means the database was replaced by an older copy (a restored
        // backup): the index may hold agreements that no longer exist, so it starts over.
        boolean ahead = sameFormat && Long.parseLong(data.get(SEQ_KEY)) > db.read(store::lastChange);
        if (sameFormat && !ahead) {
            indexedSeq = Long.parseLong(data.get(SEQ_KEY));
        } else {
            if (ahead) {
                LOG.info("the search index is ahead of the database (a restored backup?); it is rebuilt from the database");
            } else if (files.hasDocuments()) {
                LOG.info("the search index has another format ({}); it is rebuilt from the database",
                        data.getOrDefault(FORMAT_KEY, "unknown"));
            }
            files.deleteAll();
            indexedSeq = 0;
            commit(0);
        }
        committedSeq = indexedSeq;
        this.snapshots = new Snapshots(files.publicWriter, files.currentWriter, Fields.facetsConfig());
    }

    /** Opens (or creates) the index in {@code dataDir}; fails with {@link Locked} if another process has it. */
    public static SearchIndex open(Path dataDir, Database db, Analyzers analyzers, MarkdownRenderer markdown) {
        IndexFiles files = IndexFiles.open(dataDir.resolve(FOLDER), analyzers.index());
        try {
            return new SearchIndex(db, analyzers, markdown, files);
        } catch (IOException | RuntimeException e) {
            try {
                files.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot open the search index", io);
            }
            throw (RuntimeException) e;
        }
    }

    Analyzers analyzers() {
        return analyzers;
    }

    /** Starts keeping up with the database in the background; changes are searchable within a second. */
    public synchronized void start() {
        if (keeper == null) {
            keeper = new IndexKeeper(this, db);
            keeper.start();
        }
    }

    /** Something was committed: catch up now rather than at the next poll. */
    public void changed() {
        IndexKeeper current = keeper;
        if (current != null) {
            current.changed();
        }
    }

    /**
     * Indexes every agreement changed since the last one the index has seen, and makes it searchable.
     * Returns how many agreements were (re)indexed.
     */
    public int catchUp(Progress progress) {
        indexing.lock();
        try {
            long seq = indexedSeq;
            long start = seq;
            int total = db.read(handle -> store.countChangedAfter(handle, start));
            if (total == 0) {
                return 0;
            }
            int done = 0;
            int sinceCommit = 0;
            while (true) {
                long after = seq;
                List<IndexedAgreement> batch = db.read(handle -> store.changedAfter(handle, after, BATCH));
                if (batch.isEmpty() || closed) {
                    break;
                }
                Snapshot before = snapshots.acquire();
                try {
                    // Analysis is the expensive part and IndexWriter takes documents from several threads.
                    // Analysis is the expensive part and IndexWriter takes documents from several threads.
                    (batch.size() > 8 ? batch.parallelStream() : batch.stream())
                            .forEach(agreement -> apply(prepare(agreement, before.publicSearcher())));
                } finally {
                    snapshots.release(before);
                }
                seq = batch.get(batch.size() - 1).changeSeq();
                done += batch.size();
                sinceCommit += batch.size();
                if (sinceCommit >= COMMIT_EVERY) {
                    commit(seq);
                    sinceCommit = 0;
                }
                snapshots.maybeRefreshBlocking();
                indexedSeq = seq;
                progress.step("zoekindex bijwerken", done, Math.max(total, done));
            }
            if (done >= BULK && !closed) {
                // Fewer segments make every search cheaper (facet ordinals, term lookups); after a
                // bulk load merging costs a few seconds once, against every search after it.
                progress.step("zoekindex samenvoegen", 0, 1);
                files.forceMerge();
                snapshots.maybeRefreshBlocking();
                progress.step("zoekindex samenvoegen", 1, 1);
            }
            commit(seq);
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the search index", e);
        } finally {
            indexing.unlock();
        }
    }

    /** Throws the index away and indexes every agreement again from the database. */
    public int rebuild(Progress progress) {
        indexing.lock();
        try {
            files.deleteAll();
            // the public documents' fingerprints are looked up in the latest snapshot: it must be empty too
            snapshots.maybeRefreshBlocking();
            indexedSeq = 0;
            int done = catchUp(progress);
            if (done == 0) {
                // nothing to index: the emptied index still has to be committed and seen
                commit(0);
                snapshots.maybeRefreshBlocking();
            }
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rebuild the search index", e);
        } finally {
            indexing.unlock();
        }
    }

    /** Waits until everything committed to the database so far is searchable. */
    public boolean awaitCurrent(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long target = db.read(store::lastChange);
        while (indexedSeq < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            if (keeper == null) {
                catchUp(Progress.NONE);
            } else {
                changed();
                sleepQuietly(10);
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
        return files.documentCount();
    }

    public boolean answers() {
        return !closed && files.isOpen();
    }

    /** Size of the index on disk, in bytes. */
    public long sizeOnDisk() {
        try {
            return files.sizeOnDisk();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T withSnapshot(Function<Snapshot, T> work) {
        try {
            Snapshot snapshot = snapshots.acquire();
            try {
                return work.apply(snapshot);
            } finally {
                snapshots.release(snapshot);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
    }

    /** What indexing one agreement changes: its current document, and its public one if that changed. */
    private record Change(long id, Document current, Document published, boolean unpublished) {
    }

    /**
     * The current text always goes to its index. The public document is only rewritten when what
     * it holds changed: an unchanged rewrite would still leave a deleted copy behind, which counts
     * in the statistics until merged - and would let a draft show in the public index's numbers.
     */
    private Change prepare(IndexedAgreement agreement, IndexSearcher published) {
        try {
            String indexed = fingerprint(published,
                    new Term(Fields.KEY, Fields.key(Fields.KIND_PUBLIC, agreement.id())));
            boolean publicChanged = agreement.published()
                    && !AgreementDocuments.fingerprint(agreement).equals(indexed);
            Document[] docs = documents.documents(agreement, publicChanged);
            return new Change(agreement.id(), docs[0], docs[1], !agreement.published() && indexed != null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index agreement " + agreement.id(), e);
        }
    }

    private void apply(Change change) {
        try {
            write(change);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index agreement " + change.id(), e);
        }
    }

    private void write(Change change) throws IOException {
        files.currentWriter.updateDocument(new Term(Fields.KEY, Fields.key(Fields.KIND_CURRENT, change.id())),
                change.current());
        Term publicKey = new Term(Fields.KEY, Fields.key(Fields.KIND_PUBLIC, change.id()));
        if (change.published() != null) {
            files.publicWriter.updateDocument(publicKey, change.published());
        } else if (change.unpublished()) {
            files.publicWriter.deleteDocuments(publicKey);
        }
    }

    /** The fingerprint of the public document under {@code key}, or null when there is none. */
    private static String fingerprint(IndexSearcher published, Term key) throws IOException {
        TopDocs found = published.search(new TermQuery(key), 1);
        if (found.scoreDocs.length == 0) {
            return null;
        }
        Document doc = published.storedFields().document(found.scoreDocs[0].doc, Set.of(Fields.FINGERPRINT));
        String fingerprint = doc.get(Fields.FINGERPRINT);
        return fingerprint == null ? "" : fingerprint;
    }

    private void commit(long seq) throws IOException {
        files.commit(Map.of(SEQ_KEY, Long.toString(seq), FORMAT_KEY, FORMAT));
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
            snapshots.close();
            if (files.isOpen() && indexedSeq != committedSeq) {
                commit(indexedSeq);
            }
            files.close();
        } catch (IOException e) {
            LOG.warn("closing the search index failed: {}", e.toString());
        } finally {
            indexing.unlock();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
