package nl.afsprakenwiki.search;

import nl.afsprakenwiki.text.Memo;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * One search's hits, their number and their facet counts, where a chosen value of a dimension does
 * not narrow that dimension's own counts (Lucene's drill sideways).
 *
 * <p>Most narrowed searches choose one value of one dimension: a municipality's agreements, a search
 * within a municipality or a theme, endorsed agreements only. Then that dimension's counts are those
 * of the search without the choice, which is the same for every value chosen: the 342 municipalities'
 * listings share one count of every agreement per municipality, and a search narrowed to one
 * municipality shares the count of the whole search with every other municipality. Lucene's drill
 * sideways scores every agreement the search without the choice finds, each time, to count them; here
 * such counts are kept per snapshot of the index, named by its generations (equal generations, equal
 * documents: a count is never older than the texts searched), and the narrowed search itself is a
 * plain search of the few it finds. Same hits, scores, order and counts either way
 * ({@code SidewaysCountsTest}).
 */
final class SidewaysCounts {

    /** Kept counts; a municipality's is some 350 values, about 20 KB. */
    private static final int KEPT = 128;

    /**
     * What a search found: the collector's {@code result}, the hits ({@code matching}, per segment),
     * their number and, per dimension, how many have each value.
     */
    record Counted<R>(R result, List<FacetsCollector.MatchingDocs> matching, long total,
                      Map<String, Map<String, Long>> counts) {
    }

    /**
     * A search narrowed by one {@code dimension} (with one or more chosen values) in the
     * {@code documents} named by {@link Snapshot#documentsOf}.
     */
    record Narrowed(String dimension, Object documents) {

        /**
         * The one dimension among {@code chosen} (dimension → values) with a chosen value; null if not
         * one, or if the documents have no name.
         */
        static Narrowed of(Map<String, List<String>> chosen, Object documents) {
            String only = null;
            for (String dimension : Fields.FACETS) {
                if (!chosen.getOrDefault(dimension, List.of()).isEmpty()) {
                    if (only != null) {
                        return null;
                    }
                    only = dimension;
                }
            }
            return only == null || documents == null ? null : new Narrowed(only, documents);
        }
    }

    private record Key(Object documents, Query base, String dimension) {
    }

    private final FacetsConfig facetsConfig;
    private final boolean keep;
    private final Memo<Key, Map<String, Long>> kept = new Memo<>(KEPT);
    private final LongAdder asked = new LongAdder();
    private final LongAdder counted = new LongAdder();

    /** {@code keep}: whether searches narrowed by one dimension count as above; off only to compare (tests). */
    SidewaysCounts(FacetsConfig facetsConfig, boolean keep) {
        this.facetsConfig = facetsConfig;
        this.keep = keep;
    }

    /** How many narrowed searches used a kept count of their dimension. */
    long reused() {
        return asked.sum() - counted.sum();
    }

    /** How many counts of a dimension without its choice were made to be kept. */
    long counted() {
        return counted.sum();
    }

    /**
     * {@code query}'s hits collected by {@code manager}, counted; {@code narrowed}: how the query is
     * narrowed, or null to count the whole way (Lucene's drill sideways).
     */
    <R> Counted<R> search(IndexSearcher searcher, FacetTables tables, DrillDownQuery query,
                          CollectorManager<?, R> manager, Narrowed narrowed) throws IOException {
        if (!keep || narrowed == null || query.getDrillDownQueries().length != 1) {
            DrillSideways.ConcurrentDrillSidewaysResult<R> found = new Sideways(searcher).search(query, manager);
            List<FacetsCollector.MatchingDocs> matching = found.drillDownFacetsCollector.getMatchingDocs();
            return new Counted<>(found.collectorResult, matching, total(matching), counts(tables, found));
        }
        Counted<R> found = plain(searcher, tables, query, manager);
        found.counts().put(narrowed.dimension(), without(searcher, tables,
                new Key(narrowed.documents(), query.getBaseQuery(), narrowed.dimension())));
        return found;
    }

    /**
     * {@code query}'s hits collected by {@code manager}, every dimension counted over them, also one
     * with a chosen value (for the chosen values only).
     */
    static <R> Counted<R> plain(IndexSearcher searcher, FacetTables tables, DrillDownQuery query,
                                CollectorManager<?, R> manager) throws IOException {
        Object[] both = searcher.search(query, new MultiCollectorManager(new FacetsCollectorManager(), manager));
        List<FacetsCollector.MatchingDocs> matching = ((FacetsCollector) both[0]).getMatchingDocs();
        @SuppressWarnings("unchecked")
        R result = (R) both[1];
        return new Counted<>(result, matching, total(matching), tables.count(matching));
    }

    /** The key's dimension's counts over its base query's hits (counted without scores), kept. */
    private Map<String, Long> without(IndexSearcher searcher, FacetTables tables, Key key) {
        asked.increment();
        return kept.of(key, () -> {
            counted.increment();
            try {
                FacetsCollector all = searcher.search(key.base(), new FacetsCollectorManager());
                return Map.copyOf(tables.count(all.getMatchingDocs(), key.dimension())
                        .getOrDefault(key.dimension(), Map.of()));
            } catch (IOException e) {
                throw new UncheckedIOException("counting " + key.dimension() + " failed", e);
            }
        });
    }

    /**
     * Lucene's drill sideways, counted with the {@link FacetTables} instead of Lucene's doc-values
     * counting.
     */
    private final class Sideways extends DrillSideways {

        Sideways(IndexSearcher searcher) {
            super(searcher, facetsConfig, (SortedSetDocValuesReaderState) null);
        }

        @Override
        protected Facets buildFacetsResult(FacetsCollector drillDowns, FacetsCollector[] drillSideways,
                                           String[] drillSidewaysDims) {
            return null;
        }
    }

    private static long total(List<FacetsCollector.MatchingDocs> matching) {
        long total = 0;
        for (FacetsCollector.MatchingDocs docs : matching) {
            total += docs.totalHits;
        }
        return total;
    }

    /** Each dimension counted over the hits, except that a narrowed one is counted as if it were not. */
    private static Map<String, Map<String, Long>> counts(FacetTables tables, DrillSideways.DrillSidewaysResult found)
            throws IOException {
        Map<String, Map<String, Long>> counts = tables.count(found.drillDownFacetsCollector.getMatchingDocs());
        for (int i = 0; found.drillSidewaysDims != null && i < found.drillSidewaysDims.length; i++) {
            String dim = found.drillSidewaysDims[i];
            counts.put(dim, tables.count(found.drillSidewaysFacetsCollector[i].getMatchingDocs(), dim)
                    .getOrDefault(dim, Map.of()));
        }
        return counts;
    }
}
