package nl.afsprakenwiki.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pseudo-relevance feedback ("more like the best hits"): the {@link #TERMS} words that characterise
 * the {@link #DOCS} best hits - in at least two of them, frequent there, and neither rare nor common
 * in published text - form a weak extra concept. An agreement with at least {@link #MATCH} of them (all,
 * when there are fewer)
 * earns {@link #CREDIT} of a word in the ranking tiers, and each of them adds a little to its text
 * score. So a search finds agreements about the same thing written in other words ("een ander gezin
 * voor een kind zoeken" finds pleegzorg), while the words typed still rank first.
 *
 * <p>Only what the viewer may find is read, and word rarity comes from published text: a visitor's
 * feedback never draws on a draft.
 */
final class Feedback {

    static final int DOCS = 3;
    static final int TERMS = 20;
    static final int MATCH = 6;
    static final float CREDIT = 0.5f;
    static final float WEIGHT = 0.3f;
    /** A word must characterise at least this many of the best hits (of fewer, all). */
    private static final int AGREE = 2;
    /** Below this many published agreements, word rarity says too little to learn from. */
    private static final int MIN_PUBLISHED = 10;
    private static final int MIN_LENGTH = 4;

    /** A known phrase's joined term (see KnownPhrases): its words with a space between them. */
    private static boolean joined(BytesRef bytes) {
        for (int i = bytes.offset; i < bytes.offset + bytes.length; i++) {
            if (bytes.bytes[i] == ' ') {
                return true;
            }
        }
        return false;
    }

    private static boolean letters(String term) {
        for (int i = 0; i < term.length(); i++) {
            if (!Character.isLetter(term.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The extra concept learned from the first of {@code hits}, the best hits of a search (documents of
     * {@code searcher}), or null when there is nothing to learn from. {@code queryTerms} are left out.
     */
    Query expansion(IndexSearcher searcher, List<ScoreDoc> hits, IndexReader published, Set<String> queryTerms)
            throws IOException {
        int documents = published.numDocs();
        List<ScoreDoc> top = hits.subList(0, Math.min(DOCS, hits.size()));
        if (documents < MIN_PUBLISHED || top.isEmpty()) {
            return null;
        }
        // first the words and their share of each hit's text; the (costlier) rarity only of those
        // that characterise at least two of the hits
        Map<String, Double> frequency = new HashMap<>();
        Map<String, Integer> agreeing = new HashMap<>();
        TermVectors vectors = searcher.getIndexReader().termVectors();
        for (ScoreDoc hit : top) {
            Terms terms = vectors.get(hit.doc, Fields.BODY);
            if (terms == null) {
                continue;
            }
            // the text's length in words: a known phrase's joined term (see KnownPhrases) is no word of its own
            long words = terms.getSumTotalTermFreq();
            Map<String, Long> counts = new HashMap<>();
            TermsEnum each = terms.iterator();
            for (BytesRef bytes = each.next(); bytes != null; bytes = each.next()) {
                if (joined(bytes)) {
                    words -= each.totalTermFreq();
                    continue;
                }
                if (bytes.length < MIN_LENGTH) {
                    continue; // fewer bytes, so fewer letters: no need to decode it
                }
                String term = bytes.utf8ToString();
                if (term.length() >= MIN_LENGTH && letters(term) && !queryTerms.contains(term)) {
                    counts.put(term, each.totalTermFreq());
                }
            }
            double length = Math.max(1, words);
            counts.forEach((term, count) -> {
                frequency.merge(term, count / length, Double::sum);
                agreeing.merge(term, 1, Integer::sum);
            });
        }
        int agree = Math.min(top.size(), AGREE);
        Map<String, Double> weights = new HashMap<>();
        // in term order, which the terms enumerations move through fastest
        DocFreqs rarity = new DocFreqs(published);
        List<String> candidates = new ArrayList<>();
        agreeing.forEach((term, count) -> {
            if (count >= agree) {
                candidates.add(term);
            }
        });
        Collections.sort(candidates);
        Map<String, TermStates> found = new HashMap<>();
        for (String term : candidates) {
            TermStates states = rarity.states(Fields.BODY, term);
            int df = states.docFreq();
            if (df >= 2 && df <= documents * ConceptQueries.COMMON) {
                weights.put(term, frequency.get(term) * Math.log((double) documents / df));
                found.put(term, states);
            }
        }
        // a visitor searches the public reader itself: where its words are is known already
        boolean known = rarity.readerOf(searcher);
        List<Map.Entry<String, Double>> best = weights.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(TERMS).toList();
        if (best.isEmpty()) {
            return null;
        }
        double max = best.get(0).getValue();
        BooleanQuery.Builder scored = new BooleanQuery.Builder();
        for (Map.Entry<String, Double> entry : best) {
            Term word = new Term(Fields.BODY, entry.getKey());
            Query term = known ? new TermQuery(word, found.get(entry.getKey())) : new TermQuery(word);
            scored.add(new BoostQuery(term, (float) (entry.getValue() / max)), Occur.SHOULD);
        }
        // only agreements with several of the words are found through them: one shared word is chance
        scored.setMinimumNumberShouldMatch(Math.min(MATCH, best.size()));
        return new TierQuery(new BoostQuery(scored.build(), WEIGHT), ConceptQueries.TIER * CREDIT);
    }
}
