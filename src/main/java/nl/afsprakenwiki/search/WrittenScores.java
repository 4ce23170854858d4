package nl.afsprakenwiki.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.similarities.Similarity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The scores of a few documents for an agreement's characteristic words, summed word by word as the
 * search sums its clauses ({@link LikeQuery}): each word scored with the searcher's similarity on the
 * public statistics, at the document's count of it and its field's length. Body words are counted
 * from the documents' kept term vectors ({@link WrittenWords}), words of other fields (the title)
 * from their postings in the documents' segments. What a kept list's check needs: whether any
 * agreement written since scores high enough to join it.
 */
final class WrittenScores {

    private WrittenScores() {
    }

    /**
     * Whether any of the documents {@code docs} of {@code searcher} (with {@code counts}, their body
     * words, in the same order) that {@code filter} matches scores at least {@code floor} for
     * {@code words}. {@code searcher} must score on statistics that do not depend on its own documents
     * (a {@link PublicStatisticsSearcher}): a word's statistics are asked for without its counts here.
     */
    static boolean anyReaches(IndexSearcher searcher, Query filter, List<LikeTerms.Word> words, int[] docs,
                              WrittenWords.Counts[] counts, float floor) throws IOException {
        for (float score : scores(searcher, filter, words, docs, counts)) {
            if (score >= floor) { // NaN never is
                return true;
            }
        }
        return false;
    }

    /**
     * Per document of {@code docs}, its score for {@code words}: NaN where {@code filter} does not
     * match it, 0 where none of the words is in it, infinite where its counts cannot be trusted (two
     * of its words share a hash).
     */
    static float[] scores(IndexSearcher searcher, Query filter, List<LikeTerms.Word> words, int[] docs,
                          WrittenWords.Counts[] counts) throws IOException {
        float[] passing = ScoresAt.of(searcher, filter, ScoreMode.COMPLETE_NO_SCORES, docs);
        float[] result = new float[docs.length];
        // the places of the documents to score, without boxing: a check goes through them once per word
        int[] scored = new int[docs.length];
        int many = 0;
        for (int i = 0; i < docs.length; i++) {
            if (Float.isNaN(passing[i])) {
                result[i] = Float.NaN;
            } else if (!counts[i].exact()) {
                result[i] = Float.POSITIVE_INFINITY;
            } else {
                scored[many++] = i;
            }
        }
        if (many == 0) {
            return result;
        }
        scored = Arrays.copyOf(scored, many);
        double[] scores = new double[docs.length];
        Scorers scorers = new Scorers(searcher, words);
        List<Integer> others = new ArrayList<>();
        for (int w = 0; w < words.size(); w++) {
            LikeTerms.Word word = words.get(w);
            if (!word.field().equals(Fields.BODY)) {
                others.add(w);
                continue;
            }
            long hash = WrittenWords.hash(word.term());
            for (int i : scored) {
                int count = counts[i].count(hash);
                if (count > 0) {
                    scores[i] += scorers.of(w).score(count, counts[i].bodyNorm());
                }
            }
        }
        if (!others.isEmpty()) {
            countInPostings(searcher, others, words, scorers, docs, scored, scores);
        }
        for (int i : scored) {
            result[i] = (float) scores[i];
        }
        return result;
    }

    /** Adds the scores of the words {@code others} (by place in {@code words}; without vectors), from their postings segment by segment. */
    private static void countInPostings(IndexSearcher searcher, List<Integer> others, List<LikeTerms.Word> words,
                                        Scorers scorers, int[] docs, int[] scored, double[] scores)
            throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        // the scored documents in document order, so each postings list is walked forward once per segment
        long[] order = new long[scored.length];
        for (int k = 0; k < order.length; k++) {
            int i = scored[k];
            order[k] = (long) docs[i] << 32 | i;
        }
        Arrays.sort(order);
        int start = 0;
        while (start < order.length) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex((int) (order[start] >>> 32), leaves));
            int end = start;
            while (end < order.length && (int) (order[end] >>> 32) < leaf.docBase + leaf.reader().maxDoc()) {
                end++;
            }
            for (int w : others) {
                LikeTerms.Word word = words.get(w);
                Terms terms = leaf.reader().terms(word.field());
                TermsEnum dictionary = terms == null ? null : terms.iterator();
                if (dictionary == null || !dictionary.seekExact(word.term())) {
                    continue;
                }
                PostingsEnum postings = dictionary.postings(null, PostingsEnum.FREQS);
                NumericDocValues norms = leaf.reader().getNormValues(word.field());
                for (int k = start; k < end; k++) {
                    int doc = (int) (order[k] >>> 32) - leaf.docBase;
                    if (postings.docID() < doc) {
                        postings.advance(doc);
                    }
                    if (postings.docID() == doc) {
                        long norm = norms == null ? 1L : norms.advanceExact(doc) ? norms.longValue() : 0L;
                        scores[(int) order[k]] += scorers.of(w).score(postings.freq(), norm);
                    }
                }
            }
            start = end;
        }
    }

    /** Each word's scorer, made when first needed: its boost relative to the best word, as in {@link LikeQuery}. */
    private static final class Scorers {
        private final IndexSearcher searcher;
        private final List<LikeTerms.Word> words;
        private final Similarity.SimScorer[] made;

        Scorers(IndexSearcher searcher, List<LikeTerms.Word> words) {
            this.searcher = searcher;
            this.words = words;
            this.made = new Similarity.SimScorer[words.size()];
        }

        Similarity.SimScorer of(int w) throws IOException {
            if (made[w] == null) {
                LikeTerms.Word word = words.get(w);
                Term term = new Term(word.field(), word.term());
                made[w] = searcher.getSimilarity().scorer(word.score() / words.get(0).score(),
                        searcher.collectionStatistics(word.field()), searcher.termStatistics(term, 1, 1));
            }
            return made[w];
        }
    }
}
