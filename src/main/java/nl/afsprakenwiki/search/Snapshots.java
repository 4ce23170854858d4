package nl.afsprakenwiki.search;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ReferenceManager;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out {@link Snapshot}s of the two indexes and refreshes them after indexing, like Lucene's
 * SearcherManager does for one index: a search holds on to the snapshot it started with.
 *
 * <p>It also remembers, for its latest {@value #REMEMBERED} writes, which agreements' current
 * documents each new generation of the current reader changed ({@link #changedBetween}), so that an
 * answer found in an older generation can be checked against what changed since instead of being
 * searched again. Writes, not refreshes, are counted: under the national load mix the current reader
 * refreshes several times a second, and remembering its last 1,024 refreshes (as it once did) forgot
 * in under two minutes what a beheerder's similar agreements needed to be checked, so most were
 * searched again.
 */
final class Snapshots extends ReferenceManager<Snapshot> {

    /**
     * Generations are unique in the process, not only in one opening of the files: after a failed
     * write the index is opened afresh, and what was kept under an old opening's generation must
     * never be taken for the new one's.
     */
    private static final AtomicLong GENERATIONS = new AtomicLong();
    /** How many writes of agreements to the current reader are remembered (at ten a second, nearly two hours). */
    static final int REMEMBERED = 65_536;

    private final IndexWriter publicWriter;
    private final IndexWriter currentWriter;
    /** Shared by every snapshot: most of their segments are the same. */
    private final FacetTables facets = new FacetTables();
    /** Shared by every snapshot: the documents a check asks about are the same for many generations. */
    private final WrittenWords writtenWords = new WrittenWords();
    /** The writes remembered, oldest first, as a ring: the agreement and the generation that showed it. */
    private final long[] writtenAgreements;
    private final long[] writtenIn;
    private int oldest;
    private int writes;
    /** What changed since a generation is known from this generation on (a rebuild and forgotten writes move it). */
    private long knownFrom;
    /** What the refresh under way shows that the current reader did not (set by {@link #refresh}). */
    private Set<Long> pending;

    Snapshots(IndexWriter publicWriter, IndexWriter currentWriter) throws IOException {
        this(publicWriter, currentWriter, REMEMBERED);
    }

    /** Remembering the last {@code remembered} writes (fewer only in tests). */
    Snapshots(IndexWriter publicWriter, IndexWriter currentWriter, int remembered) throws IOException {
        this.publicWriter = publicWriter;
        this.currentWriter = currentWriter;
        this.writtenAgreements = new long[remembered];
        this.writtenIn = new long[remembered];
        current = new Snapshot(this, DirectoryReader.open(publicWriter), DirectoryReader.open(currentWriter), facets,
                new Answers(), new PublicStatistics(), GENERATIONS.incrementAndGet(), GENERATIONS.incrementAndGet());
        knownFrom = current.currentGeneration();
    }

    /**
     * Shows what was written to the writers. {@code written}: the agreements whose documents were
     * written since the last refresh (they are all that can differ between the current readers
     * before and after; a merge changes segments, not documents), or null when that is not known
     * (everything was deleted, for a rebuild). Only the indexing thread refreshes.
     */
    synchronized void refresh(Set<Long> written) throws IOException {
        pending = written == null ? null : Set.copyOf(written);
        try {
            maybeRefreshBlocking();
        } finally {
            pending = null;
        }
    }

    /** The body words of documents of the current texts, as the checks of kept lists need them. */
    WrittenWords writtenWords() {
        return writtenWords;
    }

    /**
     * The agreements whose current documents changed from generation {@code from} of the current
     * reader to generation {@code to} (a later one), or null when that is no longer known or they
     * are more than {@code most}.
     */
    Set<Long> changedBetween(long from, long to, int most) {
        Set<Long> changed = new HashSet<>();
        synchronized (writtenIn) {
            if (from < knownFrom || from > to) {
                return null;
            }
            // newest first, back to the first write after from
            for (int i = writes - 1; i >= 0; i--) {
                int at = (oldest + i) % writtenIn.length;
                long generation = writtenIn[at];
                if (generation <= from) {
                    break;
                }
                if (generation <= to && changed.add(writtenAgreements[at]) && changed.size() > most) {
                    return null;
                }
            }
        }
        return changed;
    }

    /** Remembers that generation {@code generation} of the current reader showed {@code written} (null: not known which). */
    private void remember(long generation, Set<Long> written) {
        synchronized (writtenIn) {
            if (written == null) {
                oldest = 0;
                writes = 0;
                knownFrom = generation;
                return;
            }
            for (long agreement : written) {
                if (writes == writtenIn.length) {
                    // the oldest write is forgotten: from before it, what changed is no longer known
                    knownFrom = Math.max(knownFrom, writtenIn[oldest]);
                    oldest = (oldest + 1) % writtenIn.length;
                    writes--;
                }
                int at = (oldest + writes) % writtenIn.length;
                writtenAgreements[at] = agreement;
                writtenIn[at] = generation;
                writes++;
            }
        }
    }

    @Override
    protected void decRef(Snapshot reference) throws IOException {
        reference.decRef();
    }

    @Override
    protected Snapshot refreshIfNeeded(Snapshot old) throws IOException {
        DirectoryReader published = DirectoryReader.openIfChanged(old.publicReader(), publicWriter);
        DirectoryReader current = DirectoryReader.openIfChanged(old.currentReader(), currentWriter);
        if (published == null && current == null) {
            return null;
        }
        if (published == null) {
            published = old.publicReader();
            published.incRef();
        }
        if (current == null) {
            current = old.currentReader();
            current.incRef();
        }
        // a visitor's answer depends on the public documents alone: while they are the same (only
        // drafts changed, or only the commit data of a catch-up), the kept answers are the ones a new
        // search would give, so they stay (SearchAnswersTest, SearchSideChannelTest); so do the public
        // statistics every search among drafts scores on (PublicStatisticsTest)
        boolean samePublic = sameDocuments(old.publicReader(), published);
        long publicGeneration = samePublic ? old.publicGeneration() : GENERATIONS.incrementAndGet();
        long currentGeneration = old.currentGeneration();
        if (!sameDocuments(old.currentReader(), current)) {
            currentGeneration = GENERATIONS.incrementAndGet();
            remember(currentGeneration, pending);
        }
        return new Snapshot(this, published, current, facets, samePublic ? old.publicAnswers() : new Answers(),
                samePublic ? old.publicStatistics() : new PublicStatistics(), publicGeneration, currentGeneration);
    }

    /**
     * Whether two readers hold the same documents: the same segments with the same deletions. A
     * reader reopened after a commit that changed only the commit data is such a reader. (The
     * indexes never update doc values in place, which would change a segment but not its core.)
     */
    static boolean sameDocuments(DirectoryReader a, DirectoryReader b) {
        if (a == b) {
            return true;
        }
        List<LeafReaderContext> x = a.leaves();
        List<LeafReaderContext> y = b.leaves();
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            LeafReader l = x.get(i).reader();
            LeafReader m = y.get(i).reader();
            IndexReader.CacheHelper lc = l.getCoreCacheHelper();
            IndexReader.CacheHelper mc = m.getCoreCacheHelper();
            if (lc == null || mc == null || lc.getKey() != mc.getKey() || l.numDeletedDocs() != m.numDeletedDocs()) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected boolean tryIncRef(Snapshot reference) {
        return reference.tryIncRef();
    }

    @Override
    protected int getRefCount(Snapshot reference) {
        return reference.refCount();
    }
}
