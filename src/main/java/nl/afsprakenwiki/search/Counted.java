package nl.afsprakenwiki.search;

import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.FilterScorable;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A search's hits counted while they are collected: how many there are, how many have each facet
 * value ({@link FacetTables}), and which they are (a bit set per segment, for {@link NotAlreadyFound}),
 * beside what another collector makes of them (the best hits). For a search without a chosen facet
 * value this is what Lucene's drill sideways with its facets collector gives, without the sorted
 * lists of document numbers it builds per segment and the second walk over them to count.
 *
 * @param <C> the other collector; null for counting alone
 */
final class Counted<C extends Collector, R> implements CollectorManager<Counted.Counting<C>, Counted.Result<R>> {

    /** What was counted, and the other collector's result (null when there was none). */
    record Result<R>(R collected, long total, Map<String, Map<String, Long>> counts,
                     List<FacetsCollector.MatchingDocs> matching) {
    }

    private final FacetTables tables;
    private final CollectorManager<C, R> other;

    private Counted(FacetTables tables, CollectorManager<C, R> other) {
        this.tables = tables;
        this.other = other;
    }

    /** Counts the hits beside {@code other}'s collecting. */
    static <C extends Collector, R> Counted<C, R> beside(FacetTables tables, CollectorManager<C, R> other) {
        return new Counted<>(tables, other);
    }

    /** Counts the hits, and nothing else. */
    static Counted<Collector, Void> only(FacetTables tables) {
        return new Counted<>(tables, null);
    }

    @Override
    public Counting<C> newCollector() throws IOException {
        return new Counting<>(tables, other == null ? null : other.newCollector());
    }

    @Override
    public Result<R> reduce(Collection<Counting<C>> collectors) throws IOException {
        List<C> others = new ArrayList<>();
        List<FacetTables.Segment> segments = new ArrayList<>();
        List<FacetsCollector.MatchingDocs> matching = new ArrayList<>();
        long total = 0;
        for (Counting<C> collector : collectors) {
            if (collector.other != null) {
                others.add(collector.other);
            }
            segments.addAll(collector.segments);
            matching.addAll(collector.matching);
            total += collector.total;
        }
        return new Result<>(other == null ? null : other.reduce(others), total, FacetTables.counts(segments),
                List.copyOf(matching));
    }

    /** One slice's collector: the other collector's, with every hit counted first. */
    static final class Counting<C extends Collector> implements Collector {
        private final FacetTables tables;
        private final C other;
        private final List<FacetTables.Segment> segments = new ArrayList<>();
        private final List<FacetsCollector.MatchingDocs> matching = new ArrayList<>();
        private long total;

        private Counting(FacetTables tables, C other) {
            this.tables = tables;
            this.other = other;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            LeafCollector leaf = other == null ? null : other.getLeafCollector(context);
            FacetTables.Segment segment = tables.segment(context.reader());
            if (segment != null) {
                segments.add(segment);
            }
            FixedBitSet found = new FixedBitSet(context.reader().maxDoc());
            return new LeafCollector() {
                private int hits;

                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    if (leaf != null) {
                        // every hit is counted: the other collector may not let the query skip any
                        leaf.setScorer(new FilterScorable(scorer) {
                        });
                    }
                }

                @Override
                public void collect(int doc) throws IOException {
                    hits++;
                    found.set(doc);
                    if (segment != null) {
                        segment.add(doc);
                    }
                    if (leaf != null) {
                        leaf.collect(doc);
                    }
                }

                @Override
                public void finish() throws IOException {
                    total += hits;
                    matching.add(new FacetsCollector.MatchingDocs(context, new BitDocIdSet(found, hits), hits, null));
                    if (leaf != null) {
                        leaf.finish();
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return other == null || !other.scoreMode().needsScores() ? ScoreMode.COMPLETE_NO_SCORES
                    : ScoreMode.COMPLETE;
        }
    }
}
