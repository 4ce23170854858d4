package nl.afsprakenwiki.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * One query looked up at a few given documents (a page's hits, the best few): each segment's scorer
 * walks forward through them in document order, instead of a search over every match.
 */
final class ScoresAt {

    private ScoresAt() {
    }

    /**
     * Per document of {@code docs} (in any order, as given), its score by {@code query}, or NaN where
     * the query does not match it; with a {@code mode} that needs no scores, 0 where it matches.
     */
    static float[] of(IndexSearcher searcher, Query query, ScoreMode mode, int[] docs) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), mode, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        // document order without boxing: each document with its place in the high and low half of a long
        long[] order = new long[docs.length];
        for (int i = 0; i < docs.length; i++) {
            order[i] = (long) docs[i] << 32 | i;
        }
        Arrays.sort(order);
        float[] scores = new float[docs.length];
        int leafIndex = -1;
        Scorer scorer = null;
        for (long entry : order) {
            int i = (int) entry;
            int index = ReaderUtil.subIndex(docs[i], leaves);
            LeafReaderContext leaf = leaves.get(index);
            if (index != leafIndex) {
                scorer = weight.scorer(leaf);
                leafIndex = index;
            }
            int doc = docs[i] - leaf.docBase;
            DocIdSetIterator matches = scorer == null ? null : scorer.iterator();
            boolean match = matches != null && (matches.docID() < doc ? matches.advance(doc) : matches.docID()) == doc;
            scores[i] = !match ? Float.NaN : mode.needsScores() ? scorer.score() : 0f;
        }
        return scores;
    }
}
