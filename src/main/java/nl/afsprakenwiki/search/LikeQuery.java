package nl.afsprakenwiki.search;

import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.Similarity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The query of an agreement's characteristic words in one searcher (see {@link SimilarAgreements}). */
final class LikeQuery {

    private LikeQuery() {
    }

    /** The query of an agreement's characteristic words, and the score of the agreement itself for it. */
    record Like(Query query, float selfScore) {
    }

    /**
     * The query of the characteristic {@code words} in {@code searcher}, weighted by their rarity in
     * published text. Each word's statistics in {@code searcher} are looked up once for both uses, with
     * one dictionary walk per segment and field (words in term order) rather than a fresh one per word.
     * When the agreement's own document {@code ownDoc} is in {@code searcher} (else -1), its score for
     * its own words - what likeness is measured against - is computed on the way from its own postings
     * and length with the searcher's similarity, as the search would score it, instead of by a second
     * search.
     */
    static Like of(IndexSearcher searcher, List<LikeTerms.Word> words, int ownDoc) throws IOException {
        return of(searcher, words, ownDoc, null);
    }

    /**
     * The same query, able to match in the segments {@code within} only (null: all); it scores
     * there as the whole query does, since every score uses the public index's statistics. For
     * looking up a few documents of those segments without a dictionary walk through all others.
     */
    static Like of(IndexSearcher searcher, List<LikeTerms.Word> words, int ownDoc, Set<LeafReaderContext> within)
            throws IOException {
        float best = words.get(0).score();
        List<LikeTerms.Word> inTermOrder = new ArrayList<>(words);
        inTermOrder.sort(Comparator.comparing(LikeTerms.Word::field).thenComparing(LikeTerms.Word::term));
        IndexReaderContext top = searcher.getTopReaderContext();
        Map<LikeTerms.Word, TermStates> states = new HashMap<>();
        for (LikeTerms.Word word : inTermOrder) {
            states.put(word, new TermStates(top));
        }
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext own = ownDoc < 0 ? null : leaves.get(ReaderUtil.subIndex(ownDoc, leaves));
        int ownInLeaf = own == null ? -1 : ownDoc - own.docBase;
        // how often each word occurs in the agreement itself, and the length of its field, read on the way
        Map<LikeTerms.Word, long[]> ownCounts = new HashMap<>();
        for (LeafReaderContext leaf : leaves) {
            if (within != null && !within.contains(leaf) && leaf != own) {
                continue;
            }
            String field = null;
            TermsEnum dictionary = null;
            long norm = 1L;
            for (LikeTerms.Word word : inTermOrder) {
                if (!word.field().equals(field)) {
                    field = word.field();
                    Terms terms = leaf.reader().terms(field);
                    dictionary = terms == null ? null : terms.iterator();
                    if (leaf == own) {
                        NumericDocValues norms = leaf.reader().getNormValues(field);
                        norm = norms != null && norms.advanceExact(ownInLeaf) ? norms.longValue() : 1L;
                    }
                }
                if (dictionary == null || !dictionary.seekExact(word.term())) {
                    continue;
                }
                states.get(word).register(dictionary.termState(), leaf.ord, dictionary.docFreq(), dictionary.totalTermFreq());
                if (leaf == own) {
                    PostingsEnum postings = dictionary.postings(null, PostingsEnum.FREQS);
                    if (postings.advance(ownInLeaf) == ownInLeaf) {
                        ownCounts.put(word, new long[] {postings.freq(), norm});
                    }
                }
            }
        }
        // the agreement's own score, once every leaf has added its counts to the statistics
        double self = 0;
        for (LikeTerms.Word word : inTermOrder) {
            long[] counts = ownCounts.get(word);
            if (counts != null) {
                self += scorer(searcher, word, states.get(word), word.score() / best).score(counts[0], counts[1]);
            }
        }
        BooleanQuery.Builder like = new BooleanQuery.Builder();
        for (LikeTerms.Word word : words) {
            Term term = new Term(word.field(), word.term());
            like.add(new BoostQuery(new TermQuery(term, states.get(word)), word.score() / best), Occur.SHOULD);
        }
        return new Like(like.build(), (float) self);
    }

    /** How the search scores {@code word} with {@code boost}: the searcher's similarity on its statistics. */
    private static Similarity.SimScorer scorer(IndexSearcher searcher, LikeTerms.Word word, TermStates states,
                                               float boost) throws IOException {
        CollectionStatistics collection = searcher.collectionStatistics(word.field());
        TermStatistics term = searcher.termStatistics(new Term(word.field(), word.term()), states.docFreq(),
                states.totalTermFreq());
        return searcher.getSimilarity().scorer(boost, collection, term);
    }
}
