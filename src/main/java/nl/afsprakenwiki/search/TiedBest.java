package nl.afsprakenwiki.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The {@code limit} best hits of a search and every hit that scores the same as the last of them,
 * each with its agreement: so that the best can be taken by score and then by agreement, an order
 * that does not depend on where a merge of segments put the documents. (Lucene's top-hits collector
 * breaks ties by document number, and copies of one text in several municipalities score alike.)
 *
 * <p>With a floor, hits that score below it are not wanted at all, and the search is told so from
 * its first document: Lucene then skips the documents whose words cannot add up to the floor
 * instead of scoring every document that has any of them until {@code limit} hits are found - which,
 * when fewer than {@code limit} reach the floor, is never.
 */
final class TiedBest implements CollectorManager<TiedBest.Best, List<TiedBest.Hit>> {

    /** A hit: its document (in the searched reader), its score and its agreement. */
    record Hit(int doc, float score, long agreement) {
    }

    /** Best first; equal scores by agreement. */
    static final Comparator<Hit> ORDER = Comparator.comparingDouble((Hit hit) -> -hit.score())
            .thenComparingLong(Hit::agreement);

    private final int limit;
    private final float floor;

    TiedBest(int limit) {
        this(limit, Float.NEGATIVE_INFINITY);
    }

    /** The best hits that score at least {@code floor}. */
    TiedBest(int limit, float floor) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        if (Float.isNaN(floor)) {
            throw new IllegalArgumentException("the floor must be a number");
        }
        this.limit = limit;
        this.floor = floor;
    }

    @Override
    public Best newCollector() {
        return new Best(limit, floor);
    }

    /** The hits of every slice scoring at least the {@code limit}-th best of all, best first. */
    @Override
    public List<Hit> reduce(Collection<Best> collectors) {
        List<Hit> all = new ArrayList<>();
        for (Best best : collectors) {
            all.addAll(best.kept);
        }
        all.sort(ORDER);
        if (all.size() <= limit) {
            return all;
        }
        float last = all.get(limit - 1).score();
        int end = limit;
        while (end < all.size() && all.get(end).score() >= last) {
            end++;
        }
        return List.copyOf(all.subList(0, end));
    }

    /** One slice: every hit that could still be among the best or tie with the last of them. */
    static final class Best implements Collector {

        /** Hits that fell below the best are dropped once this many times {@code limit} were kept. */
        private static final int PRUNE_AT = 8;

        private final int limit;
        private final float floor;
        private final PriorityQueue<Float> scores = new PriorityQueue<>();
        private final List<Hit> kept = new ArrayList<>();
        /** When {@code kept} is pruned next: it doubles past what survived, so many equal scores cost no more than linear time. */
        private int pruneAt;

        private Best(int limit, float floor) {
            this.limit = limit;
            this.floor = floor;
            this.pruneAt = PRUNE_AT * limit;
        }

        /**
         * The lowest score still wanted: below the floor, or below the {@code limit}-th best, a hit can
         * neither be among them nor tie.
         */
        private float lowest() {
            return scores.size() < limit ? floor : Math.max(floor, scores.peek());
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            NumericDocValues agreements = DocValues.getNumeric(context.reader(), Fields.ID_ORDER);
            int base = context.docBase;
            return new LeafCollector() {
                private Scorable scorer;

                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    this.scorer = scorer;
                    if (lowest() > 0) {
                        // documents that score as much as the last of the best (or the floor) are still wanted
                        scorer.setMinCompetitiveScore(lowest());
                    }
                }

                @Override
                public void collect(int doc) throws IOException {
                    float score = scorer.score();
                    float lowest = lowest();
                    if (score < lowest) {
                        return;
                    }
                    long agreement = agreements.advanceExact(doc) ? agreements.longValue() : Long.MAX_VALUE;
                    if (kept.size() >= pruneAt) {
                        kept.removeIf(hit -> hit.score() < lowest);
                        pruneAt = Math.max(PRUNE_AT * limit, 2 * kept.size());
                    }
                    kept.add(new Hit(base + doc, score, agreement));
                    if (scores.size() < limit) {
                        scores.add(score);
                    } else if (score > lowest) {
                        scores.poll();
                        scores.add(score);
                    }
                    float raised = lowest();
                    if (raised > lowest && raised > 0) {
                        scorer.setMinCompetitiveScore(raised);
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.TOP_SCORES;
        }
    }
}
