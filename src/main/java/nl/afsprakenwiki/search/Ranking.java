package nl.afsprakenwiki.search;

import nl.afsprakenwiki.search.ParsedQuery.Alternative;
import nl.afsprakenwiki.search.ParsedQuery.Concept;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The whole query of a search, ranked rather than filtered: every agreement that matches at least
 * one concept is a hit, ordered first by how many concepts it matches (see {@link ConceptQueries}),
 * then by BM25F over title, headings, context and text, with a bonus for the query's words near
 * each other and, lightly, for agreements that other koppelzones adopted.
 */
final class Ranking {

    /** Neighbouring concepts within this many words of each other count as near. */
    private static final int NEAR = 8;
    private static final float NEAR_WEIGHT = 2f;
    private static final float ADOPTION_WEIGHT = 1f;
    /** Adoptions at which half the adoption bonus is reached. */
    private static final float ADOPTION_PIVOT = 2f;

    /** A concept as searched: its label and its queries. */
    record Searched(Concept concept, ConceptQueries.Built built) {
    }

    /**
     * @param query     the ranked query
     * @param matching  the same hits as {@link #query}, without what only scores them (nearness, the
     *                  complete tier, the adoption prior): for counting
     * @param complete  the hits of {@link #query} that have every meaningful concept, which outrank
     *                  all others; null for fewer than two concepts or when none of them is meaningful
     * @param concepts  the concepts that can be searched for, in order
     * @param highlight what to mark in titles and snippets
     */
    record Plan(Query query, Query matching, Query complete, List<Searched> concepts, Query highlight,
                float completeScore, Near near) {

        /** Whether a hit (scored by {@link #query}) has every meaningful concept. */
        boolean complete(float score) {
            return score >= completeScore;
        }

        /** Every analysed term of the concepts (as typed, with synonyms). */
        Set<String> terms() {
            Set<String> terms = new java.util.HashSet<>();
            concepts.forEach(searched -> terms.addAll(searched.built().terms()));
            return terms;
        }

        /** Agreements with every concept (to decide whether a spelling suggestion is worth making). */
        Query allConcepts() {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            concepts.forEach(searched -> all.add(searched.built().present(), Occur.MUST));
            return concepts.isEmpty() ? new MatchAllDocsQuery() : all.build();
        }
    }

    /**
     * The plan's {@code query} and {@code complete} without the bonus for words near each other, and
     * the most that bonus adds to a score (see {@link NearnessLast}). Only for a query whose nearness
     * finds no hit of its own.
     */
    record Near(Query query, Query complete, float most) {
    }

    private Ranking() {
    }

    static Plan plan(ParsedQuery parsed, ConceptQueries queries, Map<String, String> corrections,
                     ToDoubleFunction<Set<String>> share) {
        List<Searched> searched = new ArrayList<>();
        for (Concept concept : parsed.concepts()) {
            ConceptQueries.Built built = queries.build(concept, corrections, share);
            if (built != null) {
                searched.add(new Searched(concept, built));
            }
        }
        BooleanQuery.Builder core = new BooleanQuery.Builder();
        BooleanQuery.Builder matching = new BooleanQuery.Builder();
        BooleanQuery.Builder highlight = new BooleanQuery.Builder();
        for (Searched concept : searched) {
            if (concept.concept().required()) {
                // asked for explicitly (+woord, EN, "woordgroep"): the words themselves must occur
                core.add(concept.built().present(), Occur.FILTER);
                core.add(concept.built().ranked(), Occur.MUST);
                matching.add(concept.built().present(), Occur.FILTER);
                matching.add(concept.built().ranked(), Occur.FILTER);
            } else {
                core.add(concept.built().ranked(), Occur.SHOULD);
                matching.add(concept.built().ranked(), Occur.SHOULD);
            }
            highlight.add(concept.built().highlight(), Occur.SHOULD);
        }
        Query complete = complete(searched);
        float completeScore = Float.MAX_VALUE;
        if (complete != null) {
            completeScore = ConceptQueries.TIER * (searched.size() + 2);
            core.add(new BoostQuery(new ConstantScoreQuery(complete), completeScore), Occur.SHOULD);
        } else if (searched.size() == 1) {
            completeScore = ConceptQueries.TIER * searched.get(0).built().scale();
        }
        List<Query> nears = new ArrayList<>();
        boolean nearFinds = false;
        for (int i = 1; i < searched.size(); i++) {
            ConceptQueries.Built before = searched.get(i - 1).built();
            ConceptQueries.Built after = searched.get(i).built();
            Query near = near(before.terms(), after.terms());
            if (near != null) {
                // an interval query scores below its boost: the bonus is at most NEAR_WEIGHT
                nears.add(new BoostQuery(near, NEAR_WEIGHT));
                if (!before.alone() && !after.alone()) {
                    // words of two phrases near each other: possibly a hit that neither phrase has
                    matching.add(near, Occur.SHOULD);
                    nearFinds = true;
                }
            }
        }
        boolean excluding = false;
        for (Alternative alternative : parsed.excluded()) {
            Query excluded = queries.excluded(alternative);
            if (excluded != null) {
                core.add(excluded, Occur.MUST_NOT);
                matching.add(excluded, Occur.MUST_NOT);
                excluding = true;
            }
        }
        if (searched.isEmpty()) {
            // nothing to look for (no words, or only exclusions): every agreement, minus the excluded
            core.add(new MatchAllDocsQuery(), Occur.MUST);
            matching.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        if (searched.isEmpty() && !excluding) {
            return new Plan(new MatchAllDocsQuery(), new MatchAllDocsQuery(), null, List.of(), highlight.build(),
                    completeScore, null);
        }
        Query lessNear = withPrior(core.build());
        nears.forEach(near -> core.add(near, Occur.SHOULD));
        Query query = withPrior(core.build());
        Near near = nears.isEmpty() || nearFinds ? null
                : new Near(lessNear, onlyComplete(lessNear, complete), NEAR_WEIGHT * nears.size());
        return new Plan(query, matching.build(), onlyComplete(query, complete), List.copyOf(searched),
                highlight.build(), completeScore, near);
    }

    /** The query's hits with the small bonus for agreements that other koppelzones adopted. */
    private static Query withPrior(Query core) {
        return new BooleanQuery.Builder()
                .add(core, Occur.MUST)
                .add(FeatureField.newSaturationQuery(Fields.FEATURES, Fields.ADOPTIONS_FEATURE, ADOPTION_WEIGHT,
                        ADOPTION_PIVOT), Occur.SHOULD)
                .build();
    }

    private static Query onlyComplete(Query query, Query complete) {
        return complete == null ? null
                : new BooleanQuery.Builder().add(query, Occur.MUST).add(complete, Occur.FILTER).build();
    }

    /**
     * The agreements that have every meaningful concept of the query (its words, synonyms and forms;
     * not the common or weak words): they rank above everything else, whatever partial evidence
     * (related words, words apart, feedback) other agreements have. Null for fewer than two concepts.
     */
    private static Query complete(List<Searched> searched) {
        List<Searched> meaningful = searched.stream().filter(concept -> concept.built().scale() >= 1f).toList();
        if (searched.size() < 2 || meaningful.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        meaningful.forEach(concept -> all.add(concept.built().present(), Occur.MUST));
        return all.build();
    }

    /** Any word of one concept within {@link #NEAR} words of any word of the next, in the text. */
    private static Query near(Set<String> first, Set<String> second) {
        if (first.isEmpty() || second.isEmpty()) {
            return null;
        }
        return new IntervalQuery(Fields.BODY, Intervals.maxwidth(NEAR, Intervals.unordered(any(first), any(second))));
    }

    private static IntervalsSource any(Set<String> terms) {
        List<IntervalsSource> sources = terms.stream().map(Intervals::term).toList();
        return sources.size() == 1 ? sources.get(0) : Intervals.or(sources);
    }
}
