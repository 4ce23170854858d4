package nl.afsprakenwiki.search;

import org.apache.lucene.analysis.Analyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One opening of the index files together with the snapshots searches read from them. When a write
 * fails (a full disk closes Lucene's writers for good) the whole opening is replaced by a fresh one,
 * which starts again from the last commit; what it remembers there says where to catch up from.
 */
final class OpenIndex implements AutoCloseable {

    private static final String SEQ_KEY = "change_seq";
    private static final String FORMAT_KEY = "format";
    /** The known phrases the index holds as terms (see {@code KnownPhrases#fingerprint}). */
    static final String PHRASES_KEY = "known_phrases";
    private static final Logger LOG = LoggerFactory.getLogger(OpenIndex.class);
    /** During a bulk load, searches see the progress every this many agreements. */
    private static final int REFRESH_EVERY = 5_000;

    final IndexFiles files;
    final Snapshots snapshots;
    /** The highest change number the opened indexes hold for certain. */
    final long committedSeq;
    private final String phrases;
    /** Agreements written since the last refresh (only the indexing thread touches it). */
    private final Set<Long> unseen = new HashSet<>();
    /** Whether everything was deleted since the last refresh: then which agreements changed is not known. */
    private boolean emptied;

    private OpenIndex(IndexFiles files, long committedSeq, String phrases) throws IOException {
        this.files = files;
        this.committedSeq = committedSeq;
        this.phrases = phrases;
        this.snapshots = new Snapshots(files.publicWriter, files.currentWriter);
    }

    /**
     * Opens the indexes in {@code folder}; fails with {@link SearchIndex.Locked} if another process has
     * them. An index of another format or built with other known phrases ({@code phrases}: a
     * several-word entry of synonyms.txt or related.txt was added or changed), or one ahead of the
     * database ({@code lastChange}: the database was replaced by an older copy, a restored backup), is
     * emptied to be built again.
     */
    static OpenIndex open(Path folder, IndexStorage storage, Analyzer analyzer, long lastChange, String phrases) {
        IndexFiles files = IndexFiles.open(folder, storage, analyzer);
        try {
            long seq = agreedSeq(files.commitData(), phrases);
            if (seq > lastChange) {
                LOG.info("the search index is ahead of the database (a restored backup?); it is rebuilt from the database");
                seq = -1;
            } else if (seq < 0 && files.hasDocuments()) {
                LOG.info("the search index has another format or other known phrases; it is rebuilt from the database");
            }
            if (seq < 0) {
                files.deleteAll();
                seq = 0;
                files.commit(data(0, phrases));
            }
            return new OpenIndex(files, seq, phrases);
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
    private static long agreedSeq(List<Map<String, String>> commits, String phrases) {
        long seq = Long.MAX_VALUE;
        for (Map<String, String> data : commits) {
            if (!SearchIndex.FORMAT.equals(data.get(FORMAT_KEY)) || !phrases.equals(data.get(PHRASES_KEY))
                    || !data.containsKey(SEQ_KEY)) {
                return -1;
            }
            seq = Math.min(seq, Long.parseLong(data.get(SEQ_KEY)));
        }
        return seq;
    }

    private static Map<String, String> data(long seq, String phrases) {
        return Map.of(SEQ_KEY, Long.toString(seq), FORMAT_KEY, SearchIndex.FORMAT, PHRASES_KEY, phrases);
    }

    /** Makes everything indexed so far durable, remembering {@code seq} as the last change it holds. */
    void commit(long seq) throws IOException {
        files.commit(data(seq, phrases));
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

    /**
     * Before writing {@code batch}: when one of its agreements was written since the last refresh
     * (it changed again meanwhile), refreshes first, because its public fingerprint is read from the
     * latest snapshot. Returns whether it refreshed.
     */
    boolean refreshBefore(List<IndexedAgreement> batch) throws IOException {
        if (batch.stream().anyMatch(agreement -> unseen.contains(agreement.id()))) {
            refresh();
            return true;
        }
        return false;
    }

    /**
     * After writing {@code batch}: refreshes when {@link #REFRESH_EVERY} agreements were written since
     * the last refresh. Returns whether it refreshed. A bulk load so shows its progress now and then
     * instead of after every batch: each refresh flushes small segments that have to be merged later.
     */
    boolean written(List<IndexedAgreement> batch) throws IOException {
        batch.forEach(agreement -> unseen.add(agreement.id()));
        if (unseen.size() >= REFRESH_EVERY) {
            refresh();
            return true;
        }
        return false;
    }

    /** Shows everything written so far to searches, and which agreements that changed. */
    void refresh() throws IOException {
        snapshots.refresh(emptied ? null : unseen);
        unseen.clear();
        emptied = false;
    }

    /** Deletes every document, to index everything again. */
    void deleteAll() throws IOException {
        files.deleteAll();
        emptied = true;
    }

    /** Merges each index into one segment and shows the result to searches. */
    void mergeIntoOne() throws IOException {
        files.forceMerge();
        refresh();
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
