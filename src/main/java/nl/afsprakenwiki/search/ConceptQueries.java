package nl.afsprakenwiki.search;

import nl.afsprakenwiki.search.ParsedQuery.Alternative;
import nl.afsprakenwiki.search.ParsedQuery.Concept;
import nl.afsprakenwiki.search.ParsedQuery.Form;
import nl.afsprakenwiki.search.analysis.DutchAnalysis;
import nl.afsprakenwiki.search.analysis.KnownPhrases;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The Lucene queries of one concept. Every way of matching it has a credit and a weight: the words
 * as typed with their synonyms (credit 1, weight 1); a compound's halves written apart but near each
 * other, a spelling correction, the bare number of "18+" (credit 1, less weight); related terms
 * (half a credit, little weight); and for a concept of several words, each of its words on its own
 * (a share of the credit by how many of them occur). An agreement's score for the concept is that of
 * its best way: {@link #TIER} times the credit plus that way's BM25F score, so agreements with more
 * of the query's concepts always rank above those with fewer.
 *
 * <p>A concept that more than {@link #COMMON} of the published agreements contain says little about
 * what is wanted ("gezin", "samenwerking"): its credits are halved, so missing it costs half a tier.
 * A weak word (a function word such as "mag" or "krijgt") counts a quarter.
 */
final class ConceptQueries {

    /** Far above any text score: the number of concepts matched decides before anything else. */
    static final float TIER = 10_000f;
    /** Share of the published agreements above which a concept is common. */
    static final double COMMON = 0.25;
    /** The share of a tier that a weak word ("mag", "krijgt", "niks") counts for. */
    static final float WEAK = 0.25f;
    private static final float COMPOUND_WEIGHT = 0.7f;
    private static final float CORRECTION_WEIGHT = 0.8f;
    private static final float NUMBER_WEIGHT = 0.5f;
    private static final float RELATED_WEIGHT = 0.3f;
    private static final float RELATED_CREDIT = 0.5f;
    /** The words of a several-word concept found apart earn this share of its credit, spread over them. */
    private static final float APART_CREDIT = 0.8f;
    private static final float APART_WEIGHT = 0.5f;
    /** A compound's halves far apart (or only one of them) earn at most half a word, shared likewise. */
    private static final float HALVES_CREDIT = 0.5f;
    /**
     * A compound in fewer than this share of the published agreements is also searched as its halves
     * ("when the whole word is rare or absent"); a common one is found well enough as itself.
     */
    private static final double RARE = 0.05;
    /** A concept in the title, where an agreement says what it is about, earns this on top of its score. */
    private static final float TITLE_BONUS = 2f;
    private static final int MAX_PREFIX_TERMS = 64;

    /**
     * The parts of one concept's query; {@code terms} are its main single-word terms (for nearness),
     * {@code alone} whether each of them is searched on its own in every field (so an agreement with
     * one of them in its text is a hit of the concept).
     */
    record Built(Query ranked, Query present, Query highlight, Set<String> terms, float scale, boolean alone) {
    }

    /**
     * One way of matching, before tiering; {@code tiered} when the query already carries its own
     * tier score (the words of a several-word concept, each with its share).
     */
    private record Way(Query query, float credit, float weight, Set<String> terms, Query present, boolean tiered,
                       boolean alone) {

        static Way of(Query query, float credit, float weight, Set<String> terms) {
            return new Way(query, credit, weight, terms, query, false, true);
        }

        static Way of(Query query, float credit, float weight, Set<String> terms, boolean alone) {
            return new Way(query, credit, weight, terms, query, false, alone);
        }
    }

    private final Analyzer analyzer;
    private final Analyzer words;
    private final DutchAnalysis dutch;
    private final KnownPhrases known;

    ConceptQueries(Analyzers analyzers) {
        this.analyzer = analyzers.query();
        this.words = analyzers.spell();
        this.dutch = analyzers.dutch();
        this.known = dutch.knownPhrases();
    }

    /**
     * The concept's queries; {@code corrections} maps words that no readable text contains to the
     * word to search for instead, {@code share} tells which share of the published agreements
     * contain the most frequent of a set of terms. Null when nothing of it can be searched for.
     */
    Built build(Concept concept, Map<String, String> corrections, ToDoubleFunction<Set<String>> share) {
        List<Way> ways = new ArrayList<>();
        Set<String> terms = new LinkedHashSet<>();
        boolean alone = true;
        for (Alternative alternative : concept.alternatives()) {
            List<Way> found = ways(alternative, corrections, share);
            if (!found.isEmpty() && found.get(0).credit() >= 1f && !found.get(0).tiered()) {
                terms.addAll(found.get(0).terms()); // the words as typed (and their synonyms)
                alone &= found.get(0).alone();
            }
            ways.addAll(found);
        }
        if (ways.isEmpty()) {
            return null;
        }
        float scale = weak(concept) ? WEAK : !terms.isEmpty() && share.applyAsDouble(terms) > COMMON ? 0.5f : 1f;
        List<Query> ranked = new ArrayList<>();
        BooleanQuery.Builder present = new BooleanQuery.Builder();
        BooleanQuery.Builder highlight = new BooleanQuery.Builder();
        for (Way way : ways) {
            Query weighted = way.weight() == 1f ? way.query() : new BoostQuery(way.query(), way.weight());
            if (way.tiered()) {
                ranked.add(scale == 1f ? weighted : new BoostQuery(weighted, scale));
            } else {
                ranked.add(new TierQuery(weighted, TIER * way.credit() * scale));
            }
            if (way.credit() >= 1f) {
                present.add(way.present(), Occur.SHOULD);
            }
            highlight.add(FieldQueries.highlightTerms(way.terms()), Occur.SHOULD);
        }
        Query best = ranked.size() == 1 ? ranked.get(0) : new DisjunctionMaxQuery(ranked, 0f);
        return new Built(best, new ConstantScoreQuery(present.build()), highlight.build(), terms, scale, alone);
    }

    private boolean weak(Concept concept) {
        return !concept.required() && concept.alternatives().stream().allMatch(alternative ->
                alternative.form() == Form.WORDS && dutch.isWeakWord(alternative.text()));
    }

    /** The query for an excluded word or phrase: anything that matches it as typed, or null. */
    Query excluded(Alternative alternative) {
        Way way = alternative.form() == Form.PREFIX ? prefix(alternative.text()) : words(alternative.text(), 1f, 1f);
        return way == null ? null : way.query();
    }

    private List<Way> ways(Alternative alternative, Map<String, String> corrections,
                           ToDoubleFunction<Set<String>> share) {
        String text = alternative.text();
        if (alternative.form() == Form.PREFIX) {
            return List.of(prefix(text));
        }
        Way main = words(text, 1f, 1f);
        List<Way> ways = new ArrayList<>();
        if (main != null) {
            ways.add(main);
        }
        if (alternative.form() == Form.PHRASE) {
            return ways;
        }
        for (String single : main == null ? Set.<String>of() : main.terms()) {
            String bare = bareNumber(single);
            if (bare != null) {
                ways.add(Way.of(FieldQueries.combined(Set.of(bare)), 1f, NUMBER_WEIGHT, Set.of(bare)));
            }
        }
        String[] typed = text.strip().split("\\s+");
        if (typed.length == 1) {
            List<String> halves = dutch.compoundParts(text);
            double whole = main == null ? 0 : share.applyAsDouble(main.terms());
            if (halves.size() == 2 && whole < RARE) {
                ways.add(Way.of(FieldQueries.near(halves), 1f, COMPOUND_WEIGHT, Set.copyOf(halves), false));
                Way apart = apart(halves.toArray(String[]::new), Map.of(), share, HALVES_CREDIT);
                if (apart != null) {
                    ways.add(apart);
                }
            }
            String correction = corrections.get(text);
            Way corrected = correction == null ? null : words(correction, 1f, CORRECTION_WEIGHT);
            if (corrected != null) {
                ways.add(corrected);
            }
        } else {
            Way apart = apart(typed, corrections, share, APART_CREDIT);
            if (apart != null) {
                ways.add(apart);
            }
        }
        for (List<String> related : dutch.relatedTerms(text)) {
            List<Integer> positions = FieldQueries.positions(related.size());
            Query query = related.size() == 1 ? FieldQueries.combined(Set.of(related.get(0)))
                    : FieldQueries.phrase(related, positions, known.joined(related, positions));
            ways.add(Way.of(query, RELATED_CREDIT, RELATED_WEIGHT, Set.of()));
        }
        return ways;
    }

    /**
     * The words of a several-word concept each on its own ("licht verstandelijk gehandicapt" when the
     * text says "licht verstandelijke beperking"). Together they earn at most {@link #APART_CREDIT},
     * shared by how much each word says: its information content in published text (a word that no
     * published text has earns nothing, and a common word such as "team" or "jeugdzorg" says nothing
     * about which named thing is meant). The concept is present when all its words are.
     */
    private Way apart(String[] typed, Map<String, String> corrections, ToDoubleFunction<Set<String>> share,
                      float most) {
        List<Way> each = new ArrayList<>();
        List<Double> information = new ArrayList<>();
        for (String word : typed) {
            Way way = words(word, 1f, 1f);
            String correction = corrections.get(word);
            if (way == null && correction != null) {
                way = words(correction, 1f, CORRECTION_WEIGHT);
            }
            if (way != null) {
                each.add(way);
                double found = share.applyAsDouble(way.terms());
                information.add(found <= 0 || found > COMMON ? 0 : -Math.log(found));
            }
        }
        double total = information.stream().mapToDouble(Double::doubleValue).sum();
        if (each.size() < 2 || total <= 0) {
            return null;
        }
        // a word that says nothing is left out altogether: searching it would only cost time
        BooleanQuery.Builder shares = new BooleanQuery.Builder();
        Set<String> terms = new LinkedHashSet<>();
        for (int i = 0; i < each.size(); i++) {
            if (information.get(i) <= 0) {
                continue;
            }
            Way way = each.get(i);
            float credit = (float) (TIER * most * information.get(i) / total);
            shares.add(new TierQuery(new BoostQuery(way.query(), APART_WEIGHT), credit), Occur.SHOULD);
            terms.addAll(way.terms());
        }
        Query query = shares.build();
        return new Way(query, most, 1f, terms, query, true, true);
    }

    /** The analysed text: its single words as one BM25F term group, its phrases per field; null if nothing. */
    private Way words(String text, float credit, float weight) {
        TermGraph graph = TermGraph.of(analyzer, Fields.BODY, text);
        if (graph.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        if (!graph.singles().isEmpty()) {
            any.add(FieldQueries.combined(graph.singles()), Occur.SHOULD);
        }
        BooleanQuery.Builder title = new BooleanQuery.Builder();
        graph.singles().forEach(term -> title.add(new TermQuery(new Term(Fields.TITLE, term)), Occur.SHOULD));
        for (TermGraph.Phrase phrase : graph.phrases()) {
            String joined = known.joined(phrase.terms(), phrase.positions());
            any.add(FieldQueries.phrase(phrase.terms(), phrase.positions(), joined), Occur.SHOULD);
            title.add(FieldQueries.inField(Fields.TITLE, phrase.terms(), phrase.positions(), joined), Occur.SHOULD);
        }
        any.add(new BoostQuery(new ConstantScoreQuery(title.build()), TITLE_BONUS), Occur.SHOULD);
        Set<String> terms = new LinkedHashSet<>(graph.singles());
        if (terms.isEmpty()) {
            graph.phrases().forEach(phrase -> terms.addAll(phrase.terms()));
        }
        return Way.of(any.build(), credit, weight, terms, !graph.singles().isEmpty());
    }

    /** word*: completions in the weighted fields (prefixes are not stemmed, only folded). */
    private Way prefix(String text) {
        List<DutchAnalysis.Token> tokens = DutchAnalysis.tokens(words, Fields.SPELL, text);
        String prefix = tokens.isEmpty() ? text.toLowerCase(Locale.ROOT) : tokens.get(0).term();
        return Way.of(new PrefixQuery(new Term(Fields.WEIGHTED, prefix),
                new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_PREFIX_TERMS)), 1f, 1f, Set.of());
    }

    /** "18" for the analysis's "18plus" / "18min" (18+, 18-), otherwise null. */
    private static String bareNumber(String term) {
        int end = 0;
        while (end < term.length() && Character.isDigit(term.charAt(end))) {
            end++;
        }
        String sign = term.substring(end);
        return end > 0 && end <= 3 && (sign.equals("plus") || sign.equals("min")) ? term.substring(0, end) : null;
    }
}
