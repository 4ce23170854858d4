package nl.afsprakenwiki.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.Objects;

/**
 * A query's score plus a constant: how a concept's tier is added to its text score. Unlike a
 * function score it tells the collector how high a score can get (the constant plus a bound on the
 * text score), so that collecting the ten best skips every agreement that matches too few concepts
 * to reach them - most of them, for a query of several words.
 */
final class TierQuery extends Query {

    /**
     * Above any text score one concept can earn: BM25F is below its idf (at most about 12 for a
     * million agreements), a phrase below the sum of its words' idf times the title weight, plus
     * the title bonus. A bound that is too low would only slow collection down, never change a score.
     */
    static final float MAX_TEXT_SCORE = 1_000f;

    private final Query inner;
    private final float constant;

    TierQuery(Query inner, float constant) {
        this.inner = Objects.requireNonNull(inner);
        this.constant = constant;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = inner.rewrite(searcher);
        return rewritten == inner ? this : new TierQuery(rewritten, constant);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight weight = inner.createWeight(searcher, scoreMode, boost);
        if (!scoreMode.needsScores()) {
            return weight;
        }
        float added = constant * boost;
        float bound = MAX_TEXT_SCORE * boost;
        return new Weight(this) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                Scorer scorer = weight.scorer(context);
                return scorer == null ? null : new Tiered(this, scorer, added, bound);
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                Explanation explanation = weight.explain(context, doc);
                if (!explanation.isMatch()) {
                    return explanation;
                }
                return Explanation.match(explanation.getValue().floatValue() + added, "tier plus text score, sum of:",
                        Explanation.match(added, "tier"), explanation);
            }

            @Override
            public Matches matches(LeafReaderContext context, int doc) throws IOException {
                return weight.matches(context, doc);
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return weight.isCacheable(context);
            }
        };
    }

    private static final class Tiered extends Scorer {
        private final Scorer scorer;
        private final float added;
        private final float bound;

        Tiered(Weight weight, Scorer scorer, float added, float bound) {
            super(weight);
            this.scorer = scorer;
            this.added = added;
            this.bound = bound;
        }

        @Override
        public int docID() {
            return scorer.docID();
        }

        @Override
        public DocIdSetIterator iterator() {
            return scorer.iterator();
        }

        @Override
        public TwoPhaseIterator twoPhaseIterator() {
            return scorer.twoPhaseIterator();
        }

        @Override
        public int advanceShallow(int target) throws IOException {
            return scorer.advanceShallow(target);
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            return added + Math.min(bound, scorer.getMaxScore(upTo));
        }

        @Override
        public float score() throws IOException {
            return added + scorer.score();
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        inner.visit(visitor.getSubVisitor(Occur.MUST, this));
    }

    @Override
    public String toString(String field) {
        return "tier(" + inner.toString(field) + ", +" + constant + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && inner.equals(((TierQuery) other).inner)
                && constant == ((TierQuery) other).constant;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), inner, constant);
    }
}
