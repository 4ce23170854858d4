package nl.afsprakenwiki.search;

import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches the documents a previous pass did not find, given what it collected: a filter that costs
 * a bit lookup per candidate instead of evaluating that pass's query again. Valid only on the reader
 * the pass searched.
 */
final class NotAlreadyFound extends Query {

    private final Map<Integer, FixedBitSet> found = new HashMap<>();

    NotAlreadyFound(List<FacetsCollector.MatchingDocs> matching) throws IOException {
        for (FacetsCollector.MatchingDocs docs : matching) {
            FixedBitSet bits = new FixedBitSet(docs.context.reader().maxDoc());
            DocIdSetIterator iterator = docs.bits.iterator();
            if (iterator != null) {
                bits.or(iterator);
            }
            found.put(docs.context.ord, bits);
        }
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) {
                FixedBitSet seen = found.get(context.ord);
                int maxDoc = context.reader().maxDoc();
                DocIdSetIterator all = DocIdSetIterator.all(maxDoc);
                TwoPhaseIterator unseen = new TwoPhaseIterator(all) {
                    @Override
                    public boolean matches() {
                        return seen == null || !seen.get(all.docID());
                    }

                    @Override
                    public float matchCost() {
                        return 1;
                    }
                };
                return new ConstantScoreScorer(this, score(), scoreMode, unseen);
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return false;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "not already found";
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
