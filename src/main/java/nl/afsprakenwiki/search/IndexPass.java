package nl.afsprakenwiki.search;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.text.Progress;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * One pass of {@link SearchIndex} over the agreements changed after a change number: read from the database in
 * batches, written to the index, committed now and then, and merged into one segment after a bulk load.
 */
final class IndexPass {

    /**
     * The least time between two passes of the background indexer. A save after a quiet spell is
     * indexed at once; under a stream of saves (the mixed load commits a draft about ten times a
     * second) one pass takes those of this long, so they share one refresh of the index (a new
     * segment flushed, a new snapshot opened, its kept answers checked) instead of one each. Within
     * the second that {@link SearchIndex#start} promises. docs/BENCHMARKS.md, "Saves indexed together".
     */
    static final Duration GAP = Duration.ofMillis(400);
    private static final int BATCH = 500;
    private static final int COMMIT_EVERY = 10_000;
    /** After indexing this many at once (an import, a rebuild), the indexes are merged into one segment. */
    private static final int BULK = 10_000;

    /** How far a pass has come, as the index that runs it records it. */
    interface Positions {

        /** Everything up to change {@code seq} is searchable now. */
        void searchable(long seq);

        /** Commits the index as having seen every change up to {@code seq}. */
        void commit(long seq) throws IOException;

        /** The index is closing: the pass stops after the batch at hand. */
        boolean closing();
    }

    private final Database db;
    private final SearchStore store;
    private final ChangeWriter changes;

    IndexPass(Database db, SearchStore store, ChangeWriter changes) {
        this.db = db;
        this.store = store;
        this.changes = changes;
    }

    /** Indexes into {@code index} every agreement changed after {@code from}; how many that were. */
    int run(OpenIndex index, long from, Progress progress, Positions positions) throws IOException {
        long seq = from;
        int total = db.read(handle -> store.countChangedAfter(handle, from));
        if (total == 0) {
            return 0;
        }
        int done = 0;
        int sinceCommit = 0;
        while (true) {
            long after = seq;
            List<IndexedAgreement> batch = db.read(handle -> store.changedAfter(handle, after, BATCH));
            if (batch.isEmpty() || positions.closing()) {
                break;
            }
            if (index.refreshBefore(batch)) {
                positions.searchable(seq);
            }
            changes.write(batch, index);
            seq = batch.get(batch.size() - 1).changeSeq();
            done += batch.size();
            sinceCommit += batch.size();
            if (sinceCommit >= COMMIT_EVERY) {
                positions.commit(seq);
                sinceCommit = 0;
            }
            if (index.written(batch)) {
                positions.searchable(seq);
            }
            progress.step("zoekindex bijwerken", done, Math.max(total, done));
        }
        index.refresh();
        positions.searchable(seq);
        if (done >= BULK && !positions.closing()) {
            // Fewer segments make every search cheaper (facet ordinals, term lookups); after a
            // bulk load merging costs a few seconds once, against every search after it.
            progress.step("zoekindex samenvoegen", 0, 1);
            index.mergeIntoOne();
            progress.step("zoekindex samenvoegen", 1, 1);
        }
        positions.commit(seq);
        return done;
    }
}
