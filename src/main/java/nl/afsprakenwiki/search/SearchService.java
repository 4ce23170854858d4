package nl.afsprakenwiki.search;

import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.search.SearchRequest.Order;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Searching: the query as typed, read into concepts and ranked (see {@link Ranking}), among what
 * the viewer may find, with facets and drill-sideways counts (choosing a municipality still shows
 * how many the others have), highlighted snippets, the words each hit lacks, and spelling help.
 */
public final class SearchService {

    /** With fewer hits that have all the words than this, a spelling suggestion is looked for. */
    private static final int FEW_HITS = 3;
    private static final int FACET_VALUES = 50;
    /** What {@link #warmUp} searches for: the word every working agreement is about. */
    private static final String WARM_UP_WORD = "afspraken";

    private final SearchIndex index;
    private final QueryText queries;
    private final ConceptQueries concepts;
    private final Corrections corrections;
    private final Suggestions suggestions;
    private final SimilarAgreements similar;
    private final HitReader hits;
    private final Retrieval retrieval;
    private final FacetsConfig facetsConfig = Fields.facetsConfig();
    /**
     * Searches run at most one per core; more wait their turn, first come first served. A search is
     * pure CPU work, so running more at once only makes every one of them slower: with eight at once
     * on two cores, each takes four times as long, and the slowest ones most of all.
     */
    private final Semaphore turns = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    public SearchService(SearchIndex index) {
        this(index, true);
    }

    /** {@code shortcuts}: see {@link Retrieval#Retrieval}; off only to compare. */
    SearchService(SearchIndex index, boolean shortcuts) {
        this.index = index;
        Analyzers analyzers = index.analyzers();
        this.queries = new QueryText(analyzers.spell(), analyzers.synonymPhrases());
        this.concepts = new ConceptQueries(analyzers);
        this.corrections = new Corrections(analyzers);
        Cards cards = new Cards();
        this.suggestions = new Suggestions(analyzers.spell(), cards);
        this.similar = new SimilarAgreements(index, analyzers.dutch().textAnalyzer(), true, cards);
        this.hits = new HitReader(analyzers.index());
        this.retrieval = new Retrieval(facetsConfig, new Feedback(), shortcuts);
    }

    /** How many searches found their best hits among those with every concept (see {@link Retrieval#first}). */
    long splitPasses() {
        return retrieval.splits();
    }

    /** How many searches feedback widened with a second pass (for tests). */
    long widenedPasses() {
        return retrieval.widenedPasses();
    }

    /** The counting of searches narrowed by a chosen facet value (for tests). */
    SidewaysCounts sidewaysCounts() {
        return retrieval.sideways();
    }

    /** How many first passes scored nearness last (see {@link Retrieval#ranked}). */
    long nearnessLastPasses() {
        return retrieval.nearnessLast();
    }

    public SimilarAgreements similar() {
        return similar;
    }

    /**
     * Which state of the published texts a visitor's answers come from: it changes when, and only
     * when, the public index does. What a page shows from the index (similar agreements) is kept
     * no longer than this stays the same.
     */
    public long publicGeneration() {
        return index.withSnapshot(Snapshot::publicGeneration);
    }

    /**
     * Runs this process's first searches now, as a visitor, so that the first person to search does
     * not wait for what the first search builds once: the public index's facet tables, the classes of
     * the search path and the compiled code of its loops (together about half a second on two cores).
     * The answers are a visitor's answers to a listing of everything and to a word of every
     * agreement, kept as such; nothing else is recorded.
     */
    public void warmUp() {
        search(new SearchRequest("", Map.of(), Order.RELEVANCE, 0, 10), Viewer.ANONYMOUS);
        search(new SearchRequest(WARM_UP_WORD, Map.of(), Order.RELEVANCE, 0, 10), Viewer.ANONYMOUS);
        suggest(WARM_UP_WORD.substring(0, 4), Viewer.ANONYMOUS);
    }

    public List<Suggestions.Suggestion> suggest(String text, Viewer viewer) {
        return index.withSnapshot(snapshot -> suggestions.suggest(snapshot, text, viewer));
    }

    public SearchResult search(SearchRequest request, Viewer viewer) {
        return index.withSnapshot(snapshot -> {
            if (Snapshot.readsDrafts(viewer)) {
                return inTurn(snapshot, request, viewer);
            }
            // a visitor's answer depends on the request and the public index alone: a kept one
            // needs no turn
            return snapshot.publicAnswers().get(request, () -> inTurn(snapshot, request, viewer));
        });
    }

    private SearchResult inTurn(Snapshot snapshot, SearchRequest request, Viewer viewer) {
        turns.acquireUninterruptibly();
        try {
            return searchNow(snapshot, request, viewer);
        } finally {
            turns.release();
        }
    }

    private SearchResult searchNow(Snapshot snapshot, SearchRequest request, Viewer viewer) {
        try {
            return search(snapshot, request, viewer);
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    private SearchResult search(Snapshot snapshot, SearchRequest request, Viewer viewer) throws IOException {
        IndexSearcher searcher = snapshot.searcherFor(viewer);
        Query visible = Visibility.filter(viewer);
        Vocabulary vocabulary = new Vocabulary(snapshot, searcher, visible);
        ParsedQuery parsed = queries.parse(request.text(), word -> vocabulary.texts(word) > 0);
        if (parsed.isEmpty() && parsed.excluded().isEmpty() && !parsed.text().isEmpty()) {
            return SearchResult.empty(parsed.text(), parsed.notice());
        }
        Map<String, String> corrected = corrections.forUnknownWords(parsed, vocabulary);
        Ranking.Plan plan = Ranking.plan(parsed, concepts, corrected, new PublicShare(snapshot.publicReader()));
        if (plan.concepts().isEmpty() && parsed.excluded().isEmpty() && !parsed.text().isEmpty()) {
            return SearchResult.empty(parsed.text(), "search.notice.onlyCommonWords");
        }
        Ran ran;
        try {
            // a search with operators ("woordgroep", +woord, -woord, OF) gets exactly what it asks for
            ran = run(snapshot, searcher, plan, parsed, request, visible, parsed.plainWords());
        } catch (IndexSearcher.TooManyClauses e) {
            return SearchResult.empty(parsed.text(), "search.notice.tooComplex");
        }
        SearchResult result = ran.result();
        if (!corrected.isEmpty()) {
            String text = parsed.text();
            for (Map.Entry<String, String> correction : corrected.entrySet()) {
                text = Corrections.replace(text, correction.getKey(), correction.getValue());
            }
            return new SearchResult(text, result.total(), result.hits(), result.facets(), true, parsed.text(),
                    result.notice());
        }
        if (plan.concepts().isEmpty() || withEveryConcept(plan, ran) >= FEW_HITS
                || searcher.count(filtered(plan.allConcepts(), request, visible)) >= FEW_HITS) {
            return result;
        }
        String suggestion = corrections.suggestion(parsed, vocabulary);
        return suggestion == null ? result : new SearchResult(result.query(), result.total(), result.hits(),
                result.facets(), false, suggestion, result.notice());
    }

    /**
     * How many hits have every concept, as far as the search already knows, so that counting them
     * all is only needed when fewer than {@link #FEW_HITS} are known: for several concepts the hits
     * on the page that lack none; for one concept the query's own best hits that have its words
     * (their score reaches the concept's full tier; a hit of related words only does not).
     */
    private static long withEveryConcept(Ranking.Plan plan, Ran ran) {
        return plan.concepts().size() == 1 ? ran.complete()
                : ran.result().hits().stream().filter(hit -> hit.missing().isEmpty()).count();
    }

    /** A search's result and how many of its best hits have every meaningful concept. */
    private record Ran(SearchResult result, long complete) {
    }

    /** The query among what the viewer may find, narrowed by the chosen facet values. */
    private DrillDownQuery filtered(Query query, SearchRequest request, Query visible) {
        Query base = new BooleanQuery.Builder().add(query, Occur.MUST).add(visible, Occur.FILTER).build();
        DrillDownQuery drill = new DrillDownQuery(facetsConfig, base);
        for (String dimension : Fields.FACETS) {
            for (String value : request.filter(dimension)) {
                drill.add(dimension, value);
            }
        }
        return drill;
    }

    private Ran run(Snapshot snapshot, IndexSearcher searcher, Ranking.Plan plan, ParsedQuery parsed,
                             SearchRequest request, Query visible, boolean learn) throws IOException {
        // Without words every score is the same: relevance means nothing, so newest first instead.
        Order order = plan.concepts().isEmpty() && request.order() == Order.RELEVANCE ? Order.RECENT : request.order();
        // equal scores (or dates) always come in the same order: by agreement
        SortField byId = new SortField(Fields.ID_ORDER, SortField.Type.LONG);
        Sort sort = switch (order) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, byId);
            case RECENT -> new Sort(new SortField(Fields.UPDATED, SortField.Type.LONG, true), SortField.FIELD_SCORE, byId);
            // equally often adopted: best match first, and without words (equal scores) newest first
            case ADOPTED -> new Sort(new SortField(Fields.ADOPTIONS, SortField.Type.LONG, true),
                    SortField.FIELD_SCORE, new SortField(Fields.UPDATED, SortField.Type.LONG, true), byId);
            case EXPERIENCES -> new Sort(new SortField(Fields.EXPERIENCES, SortField.Type.LONG, true),
                    SortField.FIELD_SCORE, new SortField(Fields.UPDATED, SortField.Type.LONG, true), byId);
        };
        Retrieval.Found found = retrieval.run(snapshot, searcher, plan, query -> filtered(query, request, visible), sort,
                request.offset() + request.limit(), learn && order == Order.RELEVANCE, request.filters());
        List<ScoreDoc> page = found.top().subList(Math.min(request.offset(), found.top().size()), found.top().size());
        return new Ran(new SearchResult(parsed.text(), found.total(), hits.read(searcher, plan, page), found.facets(),
                false, null, parsed.notice()), found.complete());
    }

}
