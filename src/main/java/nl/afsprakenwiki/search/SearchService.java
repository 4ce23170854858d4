package nl.afsprakenwiki.search;

import nl.afsprakenwiki.auth.Viewer;
import nl.afsprakenwiki.search.SearchRequest.Order;
import nl.afsprakenwiki.search.SearchResult.FacetValue;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.DrillSideways.DrillSidewaysResult;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Searching the index: the query as typed, the viewer's visibility, facets with drill-sideways
 * counts (choosing a municipality still shows how many the others have), highlighted snippets, and
 * a spelling correction when little or nothing is found.
 */
public final class SearchService {

    /** With fewer hits than this, a spelling correction is tried and offered. */
    private static final int FEW_HITS = 3;
    private static final int FACET_VALUES = 50;

    private final SearchIndex index;
    private final QueryText queries;
    private final Corrections corrections;
    private final Suggestions suggestions;
    private final SimilarAgreements similar;
    private final HitReader hits;
    private final FacetsConfig facetsConfig = Fields.facetsConfig();
    private volatile FacetState facetState;
    /**
     * Searches run at most one per core; more wait their turn, first come first served. A search is
     * pure CPU work, so running more at once only makes every one of them slower: with eight at once
     * on two cores, each takes four times as long, and the slowest ones most of all.
     */
    private final Semaphore turns = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    public SearchService(SearchIndex index) {
        this.index = index;
        Analyzers analyzers = index.analyzers();
        this.queries = new QueryText(analyzers.query(), analyzers.spell(), analyzers.synonymPhrases());
        this.corrections = new Corrections(analyzers.spell());
        this.suggestions = new Suggestions(analyzers.spell());
        this.similar = new SimilarAgreements(index, analyzers.index());
        this.hits = new HitReader(analyzers.index());
    }

    public SimilarAgreements similar() {
        return similar;
    }

    public List<Suggestions.Suggestion> suggest(String text, Viewer viewer) {
        return index.withSearcher(searcher -> suggestions.suggest(searcher, text, Visibility.filter(viewer)));
    }

    public SearchResult search(SearchRequest request, Viewer viewer) {
        turns.acquireUninterruptibly();
        try {
            return index.withSearcher(searcher -> {
                try {
                    return search(searcher, request, viewer);
                } catch (IOException e) {
                    throw new UncheckedIOException("search failed", e);
                }
            });
        } finally {
            turns.release();
        }
    }

    private SearchResult search(IndexSearcher searcher, SearchRequest request, Viewer viewer) throws IOException {
        QueryText.Parsed parsed = queries.parse(request.text());
        if (parsed.query() == null) {
            return SearchResult.empty(parsed.text(), parsed.notice());
        }
        Query visible = Visibility.filter(viewer);
        SearchResult result;
        try {
            result = run(searcher, parsed, request, visible);
        } catch (IndexSearcher.TooManyClauses e) {
            return SearchResult.empty(parsed.text(), "search.notice.tooComplex");
        }
        if (result.total() >= FEW_HITS || parsed.text().isEmpty()) {
            return result;
        }
        String corrected = corrections.correct(searcher.getIndexReader(), parsed.text());
        QueryText.Parsed alternative = corrected == null ? null : queries.parse(corrected);
        if (alternative == null || alternative.query() == null) {
            return result.total() > 0 ? result : relaxed(searcher, parsed, request, visible, result);
        }
        if (result.total() > 0) {
            // Offering the correction only needs to know that it finds more; counting is enough.
            long more = searcher.count(filtered(alternative.query(), request, visible));
            return more <= result.total() ? result : new SearchResult(result.query(), result.total(), result.hits(),
                    result.facets(), false, corrected, result.notice());
        }
        SearchResult better = run(searcher, alternative, request, visible);
        return better.total() == 0 ? relaxed(searcher, parsed, request, visible, result)
                : new SearchResult(better.query(), better.total(), better.hits(), better.facets(), true, parsed.text(),
                parsed.notice());
    }

    /** Nothing has all the words, nor a correction of them: what has all words but one, said so. */
    private SearchResult relaxed(IndexSearcher searcher, QueryText.Parsed parsed, SearchRequest request, Query visible,
                                 SearchResult nothing) throws IOException {
        Query relaxed = QueryText.relaxed(parsed.query());
        if (relaxed == null) {
            return nothing;
        }
        SearchResult most = run(searcher, new QueryText.Parsed(relaxed, parsed.text(), "search.notice.relaxed"),
                request, visible);
        return most.total() == 0 ? nothing : most;
    }

    /** The query text among what the viewer may find, narrowed by the chosen facet values. */
    private DrillDownQuery filtered(Query text, SearchRequest request, Query visible) {
        Query base = new BooleanQuery.Builder().add(text, Occur.MUST).add(visible, Occur.FILTER).build();
        DrillDownQuery drill = new DrillDownQuery(facetsConfig, base);
        for (String dimension : Fields.FACETS) {
            for (String value : request.filter(dimension)) {
                drill.add(dimension, value);
            }
        }
        return drill;
    }

    private SearchResult run(IndexSearcher searcher, QueryText.Parsed parsed, SearchRequest request, Query visible)
            throws IOException {
        DrillDownQuery drill = filtered(parsed.query(), request, visible);
        // Without words every score is the same: relevance means nothing, so newest first instead.
        Order order = parsed.text().isEmpty() && request.order() == Order.RELEVANCE ? Order.RECENT : request.order();
        Sort sort = switch (order) {
            case RELEVANCE -> null;
            case RECENT -> new Sort(new SortField(Fields.UPDATED, SortField.Type.LONG, true), SortField.FIELD_SCORE);
            // equally often adopted: best match first, and without words (equal scores) newest first
            case ADOPTED -> new Sort(new SortField(Fields.ADOPTIONS, SortField.Type.LONG, true),
                    SortField.FIELD_SCORE, new SortField(Fields.UPDATED, SortField.Type.LONG, true));
        };
        int topN = request.offset() + request.limit();
        SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
        TopDocs top;
        long total;
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        if (state == null) {
            // an empty index has no facet values to count
            top = sort == null ? searcher.search(drill, topN) : searcher.search(drill, topN, sort, true);
            total = searcher.count(drill);
        } else {
            DrillSidewaysResult found = new DrillSideways(searcher, facetsConfig, state)
                    .search(drill, null, null, topN, sort, true);
            top = found.hits;
            total = 0;
            for (FacetsCollector.MatchingDocs docs : found.drillDownFacetsCollector.getMatchingDocs()) {
                total += docs.totalHits;
            }
            for (FacetResult facet : found.facets.getAllDims(FACET_VALUES)) {
                if (facet != null) {
                    facets.put(facet.dim, values(facet, request.filter(facet.dim)));
                }
            }
        }
        for (String dimension : Fields.FACETS) {
            if (!facets.containsKey(dimension) && !request.filter(dimension).isEmpty()) {
                facets.put(dimension, values(null, request.filter(dimension)));
            }
        }
        return new SearchResult(parsed.text(), total, hits.read(searcher, parsed, top, request.offset()), facets, false,
                null, parsed.notice());
    }

    private static List<FacetValue> values(FacetResult facet, List<String> selected) {
        List<FacetValue> values = new ArrayList<>();
        if (facet != null) {
            for (LabelAndValue value : facet.labelValues) {
                values.add(new FacetValue(value.label, value.value.longValue(), selected.contains(value.label)));
            }
        }
        for (String chosen : selected) {
            if (values.stream().noneMatch(value -> value.value().equals(chosen))) {
                values.add(new FacetValue(chosen, 0, true));
            }
        }
        return values;
    }

    /** Facet ordinals per reader; building them costs, so once per reader, not per search. */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState current = facetState;
        if (current != null && current.reader() == reader) {
            return current.state();
        }
        synchronized (this) {
            current = facetState;
            if (current != null && current.reader() == reader) {
                return current.state();
            }
            SortedSetDocValuesReaderState state;
            try {
                state = reader.maxDoc() == 0 ? null : new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
            } catch (IllegalArgumentException e) {
                state = null;
            }
            facetState = new FacetState(reader, state);
            return state;
        }
    }
}
