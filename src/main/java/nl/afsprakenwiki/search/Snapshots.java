package nl.afsprakenwiki.search;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ReferenceManager;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out {@link Snapshot}s of the two indexes and refreshes them after indexing, like Lucene's
 * SearcherManager does for one index: a search holds on to the snapshot it started with.
 *
 * <p>It also remembers, for its latest refreshes, which agreements' current documents each new
 * generation of the current reader changed ({@link #changedBetween}), so that an answer found in
 * an older generation can be checked against what changed since instead of being searched again.
 */
final class Snapshots extends ReferenceManager<Snapshot> {

    /**
     * Generations are unique in the process, not only in one opening of the files: after a failed
     * write the index is opened afresh, and what was kept under an old opening's generation must
     * never be taken for the new one's.
     */
    private static final AtomicLong GENERATIONS = new AtomicLong();
    /** How many refreshes of the current reader are remembered (at a refresh a second, minutes). */
    private static final int REMEMBERED = 1_024;

    /** A generation of the current reader: the one it followed and the agreements written in between (null: unknown). */
    private record Step(long previous, Set<Long> written) {
    }

    private final IndexWriter publicWriter;
    private final IndexWriter currentWriter;
    /** Shared by every snapshot: most of their segments are the same. */
    private final FacetTables facets = new FacetTables();
    private final Map<Long, Step> steps = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Step> eldest) {
            return size() > REMEMBERED;
        }
    };
    /** What the refresh under way shows that the current reader did not (set by {@link #refresh}). */
    private Set<Long> pending;

    Snapshots(IndexWriter publicWriter, IndexWriter currentWriter) throws IOException {
        this.publicWriter = publicWriter;
        this.currentWriter = currentWriter;
        current = new Snapshot(this, DirectoryReader.open(publicWriter), DirectoryReader.open(currentWriter), facets,
                new Answers(), GENERATIONS.incrementAndGet(), GENERATIONS.incrementAndGet());
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

    /**
     * The agreements whose current documents changed from generation {@code from} of the current
     * reader to generation {@code to} (a later one), or null when that is no longer known or they
     * are more than {@code most}.
     */
    Set<Long> changedBetween(long from, long to, int most) {
        Set<Long> changed = new HashSet<>();
        long at = to;
        synchronized (steps) {
            while (at != from) {
                Step step = steps.get(at);
                if (step == null || step.written() == null || step.previous() < from) {
                    return null;
                }
                changed.addAll(step.written());
                if (changed.size() > most) {
                    return null;
                }
                at = step.previous();
            }
        }
        return changed;
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
        // search would give, so they stay (SearchAnswersTest, SearchSideChannelTest)
        boolean samePublic = sameDocuments(old.publicReader(), published);
        long publicGeneration = samePublic ? old.publicGeneration() : GENERATIONS.incrementAndGet();
        long currentGeneration = old.currentGeneration();
        if (!sameDocuments(old.currentReader(), current)) {
            currentGeneration = GENERATIONS.incrementAndGet();
            synchronized (steps) {
                steps.put(currentGeneration, new Step(old.currentGeneration(), pending));
            }
        }
        return new Snapshot(this, published, current, facets, samePublic ? old.publicAnswers() : new Answers(),
                publicGeneration, currentGeneration);
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
