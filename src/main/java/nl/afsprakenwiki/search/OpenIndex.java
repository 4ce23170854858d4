package nl.afsprakenwiki.search;

import org.apache.lucene.analysis.Analyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One opening of the index files together with the snapshots searches read from them. When a write
 * fails (a full disk closes Lucene's writers for good) the whole opening is replaced by a fresh one,
 * which starts again from the last commit; what it remembers there says where to catch up from.
 */
final class OpenIndex implements AutoCloseable {

    private static final String SEQ_KEY = "change_seq";
    private static final String FORMAT_KEY = "format";
    private static final Logger LOG = LoggerFactory.getLogger(OpenIndex.class);

    final IndexFiles files;
    final Snapshots snapshots;
    /** The highest change number the opened indexes hold for certain. */
    final long committedSeq;

    private OpenIndex(IndexFiles files, long committedSeq) throws IOException {
        this.files = files;
        this.committedSeq = committedSeq;
        this.snapshots = new Snapshots(files.publicWriter, files.currentWriter, Fields.facetsConfig());
    }

    /**
     * Opens the indexes in {@code folder}; fails with {@link SearchIndex.Locked} if another process has
     * them. An index of another format, or one ahead of the database ({@code lastChange}: the
     * database was replaced by an older copy, a restored backup), is emptied to be built again.
     */
    static OpenIndex open(Path folder, IndexStorage storage, Analyzer analyzer, long lastChange) {
        IndexFiles files = IndexFiles.open(folder, storage, analyzer);
        try {
            long seq = agreedSeq(files.commitData());
            if (seq > lastChange) {
                LOG.info("the search index is ahead of the database (a restored backup?); it is rebuilt from the database");
                seq = -1;
            } else if (seq < 0 && files.hasDocuments()) {
                LOG.info("the search index has another format; it is rebuilt from the database");
            }
            if (seq < 0) {
                files.deleteAll();
                seq = 0;
                files.commit(data(0));
            }
            return new OpenIndex(files, seq);
        } catch (IOException | RuntimeException e) {
            try {
                files.close();
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot open the search index", io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * The change number both indexes have committed, or -1 when either is of another format. A commit
     * may have reached one index and failed on the other: the lower number is the one both hold.
     */
    private static long agreedSeq(List<Map<String, String>> commits) {
        long seq = Long.MAX_VALUE;
        for (Map<String, String> data : commits) {
            if (!SearchIndex.FORMAT.equals(data.get(FORMAT_KEY)) || !data.containsKey(SEQ_KEY)) {
                return -1;
            }
            seq = Math.min(seq, Long.parseLong(data.get(SEQ_KEY)));
        }
        return seq;
    }

    private static Map<String, String> data(long seq) {
        return Map.of(SEQ_KEY, Long.toString(seq), FORMAT_KEY, SearchIndex.FORMAT);
    }

    /** Makes everything indexed so far durable, remembering {@code seq} as the last change it holds. */
    void commit(long seq) throws IOException {
        files.commit(data(seq));
    }

    /** Runs {@code work} on the latest snapshot, which stays valid while it runs. */
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

    /** Merges each index into one segment and shows the result to searches. */
    void mergeIntoOne() throws IOException {
        files.forceMerge();
        snapshots.maybeRefreshBlocking();
    }

    /** Whether the writers can still write: Lucene closes them for good after a failure mid-write. */
    boolean writable() {
        return files.isOpen();
    }

    /**
     * Closes without committing: anything indexed after the last commit is dropped (and indexed again
     * by whoever opens the index next). Searches that hold a snapshot may finish with it.
     */
    @Override
    public void close() throws IOException {
        try {
            snapshots.close();
        } finally {
            files.close();
        }
    }
}
