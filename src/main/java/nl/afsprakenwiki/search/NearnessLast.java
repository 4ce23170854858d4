package nl.afsprakenwiki.search;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.ArrayUtil;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The best hits by relevance with the nearness bonus scored last. Matching the query's words near
 * each other reads positions, which is most of the cost of a search of two common words when every
 * agreement with both is checked. The bonus is bounded ({@link Ranking.Near#most}), so the best
 * hits can only come from the agreements that score, without it, within that bound of the
 * {@code depth}-th best; those few are scored again with the whole query. Same hits, same scores,
 * same order as scoring every agreement with the whole query.
 */
final class NearnessLast {

    private NearnessLast() {
    }

    /**
     * Collects, from the query without the bonus, every hit that could be among the best {@code depth}
     * once a bonus of at most {@code most} is added. {@code topScores}: the collector may let the
     * query skip what cannot get there (only when nothing else is collected alongside, such as facets).
     */
    static CollectorManager<Candidates, List<ScoreDoc>> candidates(int depth, float most, boolean topScores) {
        return new CollectorManager<>() {
            @Override
            public Candidates newCollector() {
                return new Candidates(depth, most, topScores);
            }

            @Override
            public List<ScoreDoc> reduce(Collection<Candidates> collectors) {
                Candidates all = new Candidates(depth, most, false);
                for (Candidates collector : collectors) {
                    for (int i = 0; i < collector.kept; i++) {
                        if (all.offer(collector.keptScores[i])) {
                            all.keep(collector.keptDocs[i], collector.keptScores[i], collector.keptIds[i]);
                        }
                    }
                }
                return all.result();
            }
        };
    }

    /**
     * The {@code depth} best of {@code candidates} by the whole query, {@code full}, as a search
     * sorted by score, then agreement, would give them (the sort values included).
     */
    static TopDocs best(IndexSearcher searcher, Query full, List<ScoreDoc> candidates, int depth, long total)
            throws IOException {
        float[] scores = ScoresAt.of(searcher, full, ScoreMode.COMPLETE,
                candidates.stream().mapToInt(hit -> hit.doc).toArray());
        List<FieldDoc> scored = new ArrayList<>(candidates.size());
        for (int i = 0; i < scores.length; i++) {
            ScoreDoc hit = candidates.get(i);
            if (Float.isNaN(scores[i])) {
                throw new IllegalStateException("a hit without the bonus is no hit with it: " + hit.doc);
            }
            scored.add(new FieldDoc(hit.doc, scores[i], new Object[]{scores[i], ((FieldDoc) hit).fields[0]}));
        }
        scored.sort(Comparator.comparingDouble((FieldDoc hit) -> -hit.score)
                .thenComparingLong(hit -> (Long) hit.fields[1]));
        List<FieldDoc> top = scored.subList(0, Math.min(depth, scored.size()));
        return new TopDocs(new TotalHits(total, TotalHits.Relation.EQUAL_TO), top.toArray(ScoreDoc[]::new));
    }

    /**
     * The hits that may still make the best, with their scores without the bonus and their agreement
     * (the order's tie-break), read as they are collected.
     */
    static final class Candidates implements Collector {
        private final int depth;
        private final float most;
        private final boolean topScores;
        /** The best {@code depth} scores so far, a min-heap. */
        private final float[] best;
        private int size;
        /**
         * Below this no hit can reach the best once the bonus is added: the {@code depth}-th best so
         * far minus the bonus, minus a margin for the rounding of sums of floats. Moves when the heap does.
         */
        private float floor = Float.NEGATIVE_INFINITY;
        private int[] keptDocs = new int[256];
        private float[] keptScores = new float[256];
        private long[] keptIds = new long[256];
        private int kept;

        Candidates(int depth, float most, boolean topScores) {
            this.depth = depth;
            this.most = most;
            this.topScores = topScores;
            this.best = new float[Math.max(1, depth)];
        }

        /** Whether a hit of this score may still make the best; then it is to be {@link #keep kept}. */
        boolean offer(float score) {
            if (size < depth) {
                best[size] = score;
                up(size++);
                if (size == depth) {
                    floor = floorBelow(best[0]);
                }
            } else if (score > best[0]) {
                best[0] = score;
                down();
                floor = floorBelow(best[0]);
            }
            return score >= floor;
        }

        private float floorBelow(float threshold) {
            return threshold - most - 8 * Math.ulp(Math.abs(threshold)) - 1e-5f;
        }

        void keep(int doc, float score, long id) {
            if (kept == keptDocs.length) {
                prune();
            }
            if (kept == keptDocs.length) {
                keptDocs = ArrayUtil.grow(keptDocs, kept + 1);
                keptScores = ArrayUtil.growExact(keptScores, keptDocs.length);
                keptIds = ArrayUtil.growExact(keptIds, keptDocs.length);
            }
            keptDocs[kept] = doc;
            keptScores[kept] = score;
            keptIds[kept++] = id;
        }

        private void prune() {
            int at = 0;
            for (int i = 0; i < kept; i++) {
                if (keptScores[i] >= floor) {
                    keptDocs[at] = keptDocs[i];
                    keptScores[at] = keptScores[i];
                    keptIds[at++] = keptIds[i];
                }
            }
            kept = at;
        }

        /** The kept hits, each with its agreement as its one sort value. */
        List<ScoreDoc> result() {
            prune();
            List<ScoreDoc> result = new ArrayList<>(kept);
            for (int i = 0; i < kept; i++) {
                result.add(new FieldDoc(keptDocs[i], keptScores[i], new Object[]{keptIds[i]}));
            }
            return result;
        }

        private void up(int at) {
            float value = best[at];
            while (at > 0 && best[(at - 1) / 2] > value) {
                best[at] = best[(at - 1) / 2];
                at = (at - 1) / 2;
            }
            best[at] = value;
        }

        private void down() {
            float value = best[0];
            int at = 0;
            while (2 * at + 1 < size) {
                int child = 2 * at + 1;
                if (child + 1 < size && best[child + 1] < best[child]) {
                    child++;
                }
                if (best[child] >= value) {
                    break;
                }
                best[at] = best[child];
                at = child;
            }
            best[at] = value;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            int base = context.docBase;
            NumericDocValues ids = DocValues.getNumeric(context.reader(), Fields.ID_ORDER);
            return new LeafCollector() {
                private Scorable scorer;
                private float told = Float.NEGATIVE_INFINITY;

                @Override
                public void setScorer(Scorable scorer) {
                    this.scorer = scorer;
                }

                @Override
                public void collect(int doc) throws IOException {
                    float score = scorer.score();
                    if (offer(score)) {
                        // documents come in order within a segment: its ids are read forward
                        keep(base + doc, score, ids.advanceExact(doc) ? ids.longValue() : 0L);
                    }
                    if (topScores && floor > told && floor > 0) {
                        told = floor;
                        scorer.setMinCompetitiveScore(Math.nextDown(floor));
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return topScores ? ScoreMode.TOP_SCORES : ScoreMode.COMPLETE;
        }
    }
}
