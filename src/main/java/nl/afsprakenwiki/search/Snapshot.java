package nl.afsprakenwiki.search;

import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Viewer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.IndexSearcher;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One consistent view of both indexes: the public one (published agreements, their endorsed text)
 * and the one of current texts (every agreement as its koppelzone's members read it), refreshed
 * together so that a search never sees an agreement in one and not yet in the other.
 *
 * <p>Someone who may read no drafts searches the public index alone: nothing in it depends on a
 * draft. Members and beheerders search both, with the public index's statistics.
 */
final class Snapshot {

    /** How many generations' written documents one snapshot keeps for the checks it serves. */
    private static final int WRITTEN_KEPT = 8;

    private final DirectoryReader published;
    private final DirectoryReader current;
    private final IndexSearcher publicSearcher;
    private final IndexSearcher allSearcher;
    private final IndexSearcher currentSearcher;
    private final AtomicInteger references = new AtomicInteger(1);
    private final FacetTables facets;
    private final boolean publicFacets;
    private final boolean allFacets;
    private final Answers publicAnswers;
    private final PublicStatistics publicStatistics;
    private final long publicGeneration;
    private final long currentGeneration;
    /** The number of the newest segment of the current texts (see {@link KeptSimilar#newestSegment}). */
    private final long newestCurrentSegment;
    private final Snapshots origin;
    /** What was written since a kept answer's generation, looked up once for the checks of this snapshot (a few). */
    private final Map<List<Long>, KeptSimilar.Written> written = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Long>, KeptSimilar.Written> eldest) {
            return size() > WRITTEN_KEPT;
        }
    };

    /**
     * Takes over one reference to each reader. {@code publicAnswers}, {@code publicStatistics}: where
     * visitors' answers and the public statistics are kept while the public documents stay the same.
     * The generations name the documents each reader holds: the same number, the same documents.
     * {@code origin}: the snapshots this one is of.
     */
    Snapshot(Snapshots origin, DirectoryReader published, DirectoryReader current, FacetTables facets,
             Answers publicAnswers, PublicStatistics publicStatistics, long publicGeneration, long currentGeneration)
            throws IOException {
        this.origin = origin;
        this.published = published;
        this.publicGeneration = publicGeneration;
        this.currentGeneration = currentGeneration;
        this.publicAnswers = publicAnswers;
        this.publicStatistics = publicStatistics;
        this.current = current;
        this.facets = facets;
        this.publicFacets = FacetTables.hasValues(published);
        this.allFacets = publicFacets || FacetTables.hasValues(current);
        this.publicSearcher = new IndexSearcher(published);
        this.allSearcher = new PublicStatisticsSearcher(new MultiReader(new IndexReader[]{published, current}, false),
                publicSearcher, publicStatistics);
        this.currentSearcher = new PublicStatisticsSearcher(current, publicSearcher, publicStatistics);
        this.newestCurrentSegment = KeptSimilar.newestSegment(current);
    }

    DirectoryReader publicReader() {
        return published;
    }

    DirectoryReader currentReader() {
        return current;
    }

    /** The number of the newest segment of the current texts: what was written later is in a higher one. */
    long newestCurrentSegment() {
        return newestCurrentSegment;
    }

    /** Which documents the public reader holds: equal generations, equal documents. */
    long publicGeneration() {
        return publicGeneration;
    }

    /** Which documents the reader of current texts holds. */
    long currentGeneration() {
        return currentGeneration;
    }

    /**
     * The agreements whose current documents differ between generation {@code generation} of the
     * current reader and this snapshot's, or null when that is not known (too long ago, or another
     * opening of the index) or they are more than {@code most}.
     */
    Set<Long> currentChangedSince(long generation, int most) {
        return generation == currentGeneration ? Set.of() : origin.changedBetween(generation, currentGeneration, most);
    }

    /**
     * The agreements written since generation {@code generation} of the current texts and their
     * documents here, in segments numbered above {@code segment} (see {@link KeptSimilar.Written}):
     * the same for every kept answer of that generation, so looked up once per snapshot.
     */
    KeptSimilar.Written writtenSince(long generation, long segment) throws IOException {
        List<Long> key = List.of(generation, segment);
        synchronized (written) {
            KeptSimilar.Written kept = written.get(key);
            if (kept != null) {
                return kept;
            }
        }
        KeptSimilar.Written found = KeptSimilar.Written.of(this, generation, segment);
        synchronized (written) {
            written.put(key, found);
        }
        return found;
    }

    /** The body words of documents of the current texts, kept for every snapshot (see {@link WrittenWords}). */
    WrittenWords writtenWords() {
        return origin.writtenWords();
    }

    /** The public index's statistics, kept while its documents stay the same. */
    PublicStatistics publicStatistics() {
        return publicStatistics;
    }

    /** Answers to searches on the public index alone, kept while its documents stay the same. */
    Answers publicAnswers() {
        return publicAnswers;
    }

    /** The public index alone: for spelling and completions that must not see drafts. */
    IndexSearcher publicSearcher() {
        return publicSearcher;
    }

    /** Both indexes, scored on public statistics. */
    IndexSearcher allSearcher() {
        return allSearcher;
    }

    /**
     * The current texts alone, scored on public statistics: everything a beheerder may find (every
     * document of the current index and none of the public one), without a filter to step through.
     * A document scores here exactly as in {@link #allSearcher()}, and the current texts keep their
     * order, so equal scores fall the same way.
     */
    IndexSearcher currentSearcher() {
        return currentSearcher;
    }

    /**
     * Names the documents {@code searcher} (one of this snapshot's) searches, for what is kept about
     * them: equal names, equal documents (generations start at 1, so 0 stands for "not searched").
     * Null for another searcher.
     */
    Object documentsOf(IndexSearcher searcher) {
        record Documents(long publicGeneration, long currentGeneration) {
        }
        if (searcher == publicSearcher) {
            return new Documents(publicGeneration, 0);
        }
        if (searcher == allSearcher) {
            return new Documents(publicGeneration, currentGeneration);
        }
        return searcher == currentSearcher ? new Documents(0, currentGeneration) : null;
    }

    /** Where {@code viewer}'s searches run: the public index unless they may read some drafts. */
    IndexSearcher searcherFor(Viewer viewer) {
        return readsDrafts(viewer) ? allSearcher : publicSearcher;
    }

    static boolean readsDrafts(Viewer viewer) {
        return viewer.admin() || viewer.roles().keySet().stream().anyMatch(id -> viewer.can(Permission.READ_DRAFTS, id));
    }

    /** Where the facets of {@code searcher}'s hits (one of this snapshot's) are counted; null if none has any. */
    FacetTables facets(IndexSearcher searcher) {
        return (searcher == allSearcher ? allFacets : publicFacets) ? facets : null;
    }

    boolean tryIncRef() {
        while (true) {
            int count = references.get();
            if (count <= 0) {
                return false;
            }
            if (references.compareAndSet(count, count + 1)) {
                return true;
            }
        }
    }

    int refCount() {
        return references.get();
    }

    void decRef() throws IOException {
        if (references.decrementAndGet() == 0) {
            try {
                allSearcher.getIndexReader().close();
            } finally {
                try {
                    published.decRef();
                } finally {
                    current.decRef();
                }
            }
        }
    }
}
