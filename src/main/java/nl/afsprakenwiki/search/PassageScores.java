package nl.afsprakenwiki.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score, computed without its per-passage hash of terms: that hash allocates a
 * 32 KB block for every candidate sentence of every hit, the largest single share of what a search
 * allocated (docs/BENCHMARKS.md, issue 12). A passage has a handful of matches, so finding a term
 * among the ones seen before is a short scan. The sum runs over the distinct terms in the order of
 * their first match, as Lucene's does, so every score is the same to the last bit.
 */
final class PassageScores extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] inDoc = passage.getMatchTermFreqsInDoc();
        int[] first = new int[matches];
        int[] inPassage = new int[matches];
        int distinct = 0;
        for (int i = 0; i < matches; i++) {
            int seen = 0;
            while (seen < distinct && !terms[first[seen]].equals(terms[i])) {
                seen++;
            }
            if (seen == distinct) {
                first[distinct++] = i;
            }
            inPassage[seen]++;
        }
        double score = 0d;
        for (int i = 0; i < distinct; i++) {
            score += tf(inPassage[i], passage.getLength()) * weight(contentLength, inDoc[first[i]]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }
}
