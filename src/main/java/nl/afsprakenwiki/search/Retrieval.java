package nl.afsprakenwiki.search;

import nl.afsprakenwiki.search.SearchResult.FacetValue;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHitCountCollectorManager;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The passes of one search over the index. First the query's own concepts: the best hits, how many
 * there are and their facet counts. Then, for a search by relevance in plain words, {@link Feedback}
 * learns from the best hits and its words reorder them. When fewer than a page of them have every
 * meaningful word, a second, narrow pass also finds the agreements that only feedback's words match;
 * the best of both are ranked together exactly as one query of both would rank them, and counted
 * together. Doing it in this order reads the expensive query once.
 */
final class Retrieval {

    /** Beyond the page, how many more of the first pass are ranked again with feedback. */
    private static final int RERANKED = 50;
    /**
     * Feedback widens a search (finds agreements that only its words match) when fewer than this
     * many of the first pass's best have every meaningful word of the query.
     */
    private static final int PAGE = 10;

    /**
     * What was found: the best {@code top} hits in order, the number of hits, facet counts, and how
     * many of the query's own best hits (before feedback) have every meaningful concept.
     */
    record Found(List<ScoreDoc> top, long total, Map<String, List<FacetValue>> facets, long complete) {
    }

    private final SidewaysCounts sideways;
    private final Feedback feedback;
    private final boolean shortcuts;
    private final LongAdder splits = new LongAdder();
    private final LongAdder nearLast = new LongAdder();
    private final LongAdder widened = new LongAdder();

    /**
     * {@code shortcuts}: whether the first pass may be split (see {@link #first}) and nearness scored
     * last (see {@link #ranked}); off only to compare (tests).
     */
    Retrieval(FacetsConfig facetsConfig, Feedback feedback, boolean shortcuts) {
        this.sideways = new SidewaysCounts(facetsConfig, shortcuts);
        this.feedback = feedback;
        this.shortcuts = shortcuts;
    }

    /** The counting of searches narrowed by a chosen facet value. */
    SidewaysCounts sideways() {
        return sideways;
    }

    /** How many first passes were split (see {@link #first}). */
    long splits() {
        return splits.sum();
    }

    /** How many searches feedback widened with a second pass (see {@link #widened}). */
    long widenedPasses() {
        return widened.sum();
    }

    /** How many first passes scored nearness last (see {@link #ranked}). */
    long nearnessLast() {
        return nearLast.sum();
    }

    /**
     * @param filtered the query among what the viewer may find, narrowed by the chosen facet values
     * @param sort     the order; for relevance: score, then agreement
     * @param learn    whether feedback may widen this search (relevance order, plain words)
     */
    Found run(Snapshot snapshot, IndexSearcher searcher, Ranking.Plan plan, Function<Query, DrillDownQuery> filtered,
              Sort sort, int top, boolean learn, Map<String, List<String>> chosen) throws IOException {
        FacetTables tables = snapshot.facets(searcher);
        boolean feedbackPossible = learn && tables != null;
        int page = feedbackPossible ? Math.max(top, PAGE) : top;
        SidewaysCounts.Narrowed narrowed = SidewaysCounts.Narrowed.of(chosen, snapshot.documentsOf(searcher));
        Pass first = first(searcher, tables, plan, filtered, sort, page, feedbackPossible ? page + RERANKED : top,
                narrowed);
        Query expansion = feedbackPossible
                ? feedback.expansion(searcher, List.of(first.hits().scoreDocs), snapshot.publicReader(), plan.terms())
                : null;
        long complete = Arrays.stream(first.hits().scoreDocs).limit(PAGE + RERANKED)
                .filter(hit -> plan.complete(hit.score)).count();
        if (expansion == null) {
            return new Found(List.of(first.hits().scoreDocs).subList(0, Math.min(top, first.hits().scoreDocs.length)),
                    first.total(), FacetTables.lists(first.facets(), null, chosen), complete);
        }
        List<ScoreDoc> ranked = new ArrayList<>(withExpansion(searcher, expansion, first.hits().scoreDocs));
        Pass second = null;
        if (complete < PAGE) {
            // too few agreements with every meaningful word: feedback also finds what only its words match
            Query only = new BooleanQuery.Builder().add(expansion, Occur.MUST)
                    .add(new NotAlreadyFound(first.matching()), Occur.FILTER).build();
            second = widened(searcher, tables, filtered.apply(only), sort, top);
            ranked.addAll(List.of(second.hits().scoreDocs));
        }
        ranked.sort(Comparator.comparingDouble((ScoreDoc hit) -> -hit.score).thenComparingLong(Retrieval::agreement));
        return new Found(ranked.subList(0, Math.min(top, ranked.size())),
                first.total() + (second == null ? 0 : second.total()),
                FacetTables.lists(first.facets(), second == null ? null : second.facets(), chosen), complete);
    }

    private record Pass(TopDocs hits, long total, Map<String, Map<String, Long>> facets,
                        List<FacetsCollector.MatchingDocs> matching) {
    }

    /**
     * Feedback's second pass, of what only its words find: its {@code top} best hits, counted over
     * them alone. So a value of a chosen dimension other than the chosen ones counts the agreements
     * with the query's own words (the first pass's count) and of this pass's hits only those that have
     * it too (a hit's other themes), not what feedback, learnt from the chosen ones' best hits, would
     * find elsewhere; and nothing is counted twice.
     */
    private Pass widened(IndexSearcher searcher, FacetTables tables, DrillDownQuery query, Sort sort, int top)
            throws IOException {
        widened.increment();
        return best(SidewaysCounts.plain(searcher, tables, query, topFields(searcher, sort, top)), sort);
    }

    /**
     * The query's own pass: its {@code depth} best hits. Ordered by relevance, agreements with every
     * meaningful concept outrank all others, also after feedback's reranking (its credit is far below
     * the complete tier); when there are at least {@code page} of them, the page is made of them alone.
     * Then the best are found among them (a conjunction, quick to walk; all of them when fewer than
     * {@code depth}) and the hits are counted without scores, instead of scoring every agreement that
     * shares one word with the query. Same page, scores, order and counts either way.
     */
    private Pass first(IndexSearcher searcher, FacetTables tables, Ranking.Plan plan,
                       Function<Query, DrillDownQuery> filtered, Sort sort, int page, int depth,
                       SidewaysCounts.Narrowed narrowed) throws IOException {
        if (!shortcuts || plan.complete() == null || tables == null || sort.getSort()[0] != SortField.FIELD_SCORE) {
            return ranked(searcher, tables, plan, filtered, sort, depth, narrowed);
        }
        Ranking.Near near = byRelevance(sort) ? plan.near() : null;
        TopDocs best = near == null ? searcher.search(filtered.apply(plan.complete()), depth, sort, false)
                : NearnessLast.best(searcher, filtered.apply(plan.complete()), searcher.search(
                        filtered.apply(near.complete()), NearnessLast.candidates(depth, near.most(), true)), depth, 0);
        if (best.scoreDocs.length < page) {
            // fewer than a page have every concept: the rest come from the lower tiers
            return ranked(searcher, tables, plan, filtered, sort, depth, narrowed);
        }
        withScores(best, sort);
        splits.increment();
        SidewaysCounts.Counted<Integer> counted = sideways.search(searcher, tables, filtered.apply(plan.matching()),
                new TotalHitCountCollectorManager(), narrowed);
        return new Pass(best, counted.total(), counted.counts(), counted.matching());
    }

    /**
     * The query's {@code depth} best hits, counted; ordered by relevance, the bonus for words near
     * each other is scored for the few hits it could bring among the best only ({@link NearnessLast}).
     */
    private Pass ranked(IndexSearcher searcher, FacetTables tables, Ranking.Plan plan,
                        Function<Query, DrillDownQuery> filtered, Sort sort, int depth,
                        SidewaysCounts.Narrowed narrowed) throws IOException {
        Ranking.Near near = plan.near();
        if (!shortcuts || near == null || tables == null || !byRelevance(sort)) {
            return pass(searcher, tables, filtered.apply(plan.query()), sort, depth, narrowed);
        }
        nearLast.increment();
        SidewaysCounts.Counted<List<ScoreDoc>> found = sideways.search(searcher, tables,
                filtered.apply(near.query()), NearnessLast.candidates(depth, near.most(), false), narrowed);
        TopDocs hits = NearnessLast.best(searcher, filtered.apply(plan.query()), found.result(), depth, found.total());
        return new Pass(hits, found.total(), found.counts(), found.matching());
    }

    /** Whether {@code sort} is the order by relevance: score, then agreement. */
    private static boolean byRelevance(Sort sort) {
        SortField[] fields = sort.getSort();
        return fields.length == 2 && fields[0] == SortField.FIELD_SCORE && Fields.ID_ORDER.equals(fields[1].getField());
    }

    private Pass pass(IndexSearcher searcher, FacetTables tables, DrillDownQuery query, Sort sort,
                      int top, SidewaysCounts.Narrowed narrowed) throws IOException {
        if (tables == null) {
            // an index without facet values yet (empty) has nothing to count
            TopDocs hits = searcher.search(query, top, sort, true);
            return new Pass(hits, searcher.count(query), Map.of(), List.of());
        }
        // no second scoring of the best hits (Lucene's doDocScores): every order here sorts on the
        // score too, so the collector already has it
        return best(sideways.search(searcher, tables, query, topFields(searcher, sort, top), narrowed), sort);
    }

    /** A pass of the best hits in {@code sort}'s order, each with its score. */
    private static Pass best(SidewaysCounts.Counted<TopFieldDocs> found, Sort sort) {
        withScores(found.result(), sort);
        return new Pass(found.result(), found.total(), found.counts(), found.matching());
    }

    /** The {@code top} best in {@code sort}'s order, as Lucene's drill sideways collects them. */
    private static TopFieldCollectorManager topFields(IndexSearcher searcher, Sort sort, int top) {
        int limit = Math.max(1, searcher.getIndexReader().maxDoc());
        return new TopFieldCollectorManager(sort, Math.min(top, limit), null, Integer.MAX_VALUE,
                searcher.getSlices().length > 1);
    }

    /** Each hit's score from its sort values (every order here sorts on the score too). */
    private static void withScores(TopDocs hits, Sort sort) {
        int scoreField = Arrays.asList(sort.getSort()).indexOf(SortField.FIELD_SCORE);
        for (ScoreDoc hit : hits.scoreDocs) {
            hit.score = (Float) ((FieldDoc) hit).fields[scoreField];
        }
    }

    /** The first pass's hits with the feedback's score added, as one query of both would score them. */
    private static List<ScoreDoc> withExpansion(IndexSearcher searcher, Query expansion, ScoreDoc[] hits)
            throws IOException {
        float[] extra = ScoresAt.of(searcher, expansion, ScoreMode.COMPLETE,
                Arrays.stream(hits).mapToInt(hit -> hit.doc).toArray());
        List<ScoreDoc> scored = new ArrayList<>(hits.length);
        for (int i = 0; i < hits.length; i++) {
            float added = Float.isNaN(extra[i]) ? 0 : extra[i];
            scored.add(new FieldDoc(hits[i].doc, hits[i].score + added, ((FieldDoc) hits[i]).fields));
        }
        return scored;
    }

    /** The agreement of a hit sorted by score and agreement (its last sort value). */
    private static long agreement(ScoreDoc hit) {
        Object[] fields = ((FieldDoc) hit).fields;
        return (Long) fields[fields.length - 1];
    }
}
