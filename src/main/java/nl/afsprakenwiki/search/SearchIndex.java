package nl.afsprakenwiki.search;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.transfer.Progress;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The Lucene index of agreements in the data directory: one IndexWriter and a SearcherManager. The
 * database is the only source of truth; the index remembers (in its commit data) the highest change
 * number it has seen and catches up on everything after it - when told that something was
 * committed, every second when anything else (such as a command-line import) committed, and at
 * start-up. Anything in it can be rebuilt from the database with {@link #rebuild}.
 */
public final class SearchIndex implements AutoCloseable {

    /** Raise when fields or analysis change: an index of another format is rebuilt at start-up. */
    static final String FORMAT = "3";
    public static final String FOLDER = "zoekindex";
    private static final String SEQ_KEY = "change_seq";
    private static final String FORMAT_KEY = "format";
    private static final int BATCH = 500;
    private static final int COMMIT_EVERY = 10_000;
    /** After indexing this many at once (an import, a rebuild), the index is merged into one segment. */
    private static final int BULK = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

    private final Database db;
    private final SearchStore store = new SearchStore();
    private final AgreementDocuments documents;
    private final Analyzers analyzers;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
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

    private SearchIndex(Database db, Analyzers analyzers, MarkdownRenderer markdown, Directory directory,
                        IndexWriter writer) throws IOException {
        this.db = db;
        this.analyzers = analyzers;
        this.documents = new AgreementDocuments(markdown);
        this.directory = directory;
        this.writer = writer;
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        boolean sameFormat = FORMAT.equals(data.get(FORMAT_KEY)) && data.containsKey(SEQ_KEY);
        // An index ahead of its database means the database was replaced by an older copy (a restored
        // backup): the index may hold agreements that no longer exist, so it starts over.
        boolean ahead = sameFormat && Long.parseLong(data.get(SEQ_KEY)) > db.read(store::lastChange);
        if (sameFormat && !ahead) {
            indexedSeq = Long.parseLong(data.get(SEQ_KEY));
        } else {
            if (ahead) {
                LOG.info("the search index is ahead of the database (a restored backup?); it is rebuilt from the database");
            } else if (writer.getDocStats().numDocs > 0) {
                LOG.info("the search index has another format ({}); it is rebuilt from the database",
                        data.getOrDefault(FORMAT_KEY, "unknown"));
            }
            writer.deleteAll();
            indexedSeq = 0;
            commit(0);
        }
        committedSeq = indexedSeq;
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens (or creates) the index in {@code dataDir}; fails with {@link Locked} if another process has it. */
    public static SearchIndex open(Path dataDir, Database db, Analyzers analyzers, MarkdownRenderer markdown) {
        Path folder = dataDir.resolve(FOLDER);
        Directory directory = null;
        try {
            directory = FSDirectory.open(folder);
            IndexWriterConfig config = new IndexWriterConfig(analyzers.index());
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            config.setRAMBufferSizeMB(48);
            config.setCommitOnClose(false);
            return new SearchIndex(db, analyzers, markdown, directory, new IndexWriter(directory, config));
        } catch (LockObtainFailedException e) {
            closeQuietly(directory);
            throw new Locked(folder);
        } catch (IOException e) {
            closeQuietly(directory);
            throw new UncheckedIOException("cannot open the search index in " + folder, e);
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
            int total = db.read(h -> store.countChangedAfter(h, start));
            if (total == 0) {
                return 0;
            }
            int done = 0;
            int sinceCommit = 0;
            while (true) {
                long after = seq;
                List<IndexedAgreement> batch = db.read(h -> store.changedAfter(h, after, BATCH));
                if (batch.isEmpty() || closed) {
                    break;
                }
                // Analysis is the expensive part and IndexWriter takes documents from several threads.
                (batch.size() > 8 ? batch.parallelStream() : batch.stream()).forEach(this::write);
                seq = batch.get(batch.size() - 1).changeSeq();
                done += batch.size();
                sinceCommit += batch.size();
                if (sinceCommit >= COMMIT_EVERY) {
                    commit(seq);
                    sinceCommit = 0;
                }
                searchers.maybeRefreshBlocking();
                indexedSeq = seq;
                progress.step("zoekindex bijwerken", done, Math.max(total, done));
            }
            if (done >= BULK && !closed) {
                // Fewer segments make every search cheaper (facet ordinals, term lookups); after a
                // bulk load merging costs a few seconds once, against every search after it.
                progress.step("zoekindex samenvoegen", 0, 1);
                writer.forceMerge(1);
                searchers.maybeRefreshBlocking();
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
            writer.deleteAll();
            indexedSeq = 0;
            int done = catchUp(progress);
            if (done == 0) {
                // nothing to index: the emptied index still has to be committed and seen
                commit(0);
                searchers.maybeRefreshBlocking();
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

    public int documentCount() {
        return writer.getDocStats().numDocs;
    }

    public boolean answers() {
        return !closed && writer.isOpen();
    }

    /** Size of the index on disk, in bytes. */
    public long sizeOnDisk() {
        try {
            long size = 0;
            for (String file : directory.listAll()) {
                size += directory.fileLength(file);
            }
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T withSearcher(Function<IndexSearcher, T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the search index", e);
        }
    }

    private void write(IndexedAgreement agreement) {
        Term current = new Term(Fields.KEY, Fields.key(Fields.KIND_CURRENT, agreement.id()));
        Term published = new Term(Fields.KEY, Fields.key(Fields.KIND_PUBLIC, agreement.id()));
        try {
            // Deletes apply to documents added before them, so the order matters: first remove what
            // there was under either key, then add the new document(s).
            writer.deleteDocuments(published);
            if (AgreementDocuments.shared(agreement)) {
                writer.updateDocument(current, documents.both(agreement));
            } else {
                writer.updateDocument(current, documents.current(agreement));
                if (agreement.published()) {
                    writer.addDocument(documents.published(agreement));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index agreement " + agreement.id(), e);
        }
    }

    private void commit(long seq) throws IOException {
        writer.setLiveCommitData(Map.of(SEQ_KEY, Long.toString(seq), FORMAT_KEY, FORMAT).entrySet());
        writer.commit();
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
            searchers.close();
            if (writer.isOpen()) {
                if (indexedSeq != committedSeq) {
                    commit(indexedSeq);
                }
                writer.close();
            }
            directory.close();
        } catch (IOException e) {
            LOG.warn("closing the search index failed: {}", e.toString());
        } finally {
            indexing.unlock();
        }
    }

    private static void closeQuietly(Directory directory) {
        if (directory != null) {
            try {
                directory.close();
            } catch (IOException ignored) {
                // already failing; the first error is the one reported
            }
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
