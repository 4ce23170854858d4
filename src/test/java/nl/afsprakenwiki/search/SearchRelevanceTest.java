package nl.afsprakenwiki.search;

import nl.afsprakenwiki.bench.RelevanceEvaluation;
import nl.afsprakenwiki.bench.RelevanceEvaluation.Evaluation;
import nl.afsprakenwiki.bench.RelevanceEvaluation.RelevanceSet;
import nl.afsprakenwiki.bench.RelevanceEvaluation.Report;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both relevance sets (graded judgments, see docs/SEARCH.md): the search must reach nDCG@10 0.88,
 * recall@10 0.85 and MRR 0.90, and beat a plain BM25 (StandardAnalyzer, OR of the words, the same
 * field weights) on the same texts by at least 0.07 on each.
 */
class SearchRelevanceTest {

    private static final double NDCG = 0.88;
    private static final double RECALL = 0.85;
    private static final double MRR = 0.90;
    private static final double ABOVE_BASELINE = 0.07;

    @TempDir
    Path work;

    @ParameterizedTest
    @EnumSource(RelevanceSet.class)
    void theSearchReachesItsTargetsAndBeatsPlainBm25Clearly(RelevanceSet set) {
        Evaluation evaluation = RelevanceEvaluation.run(work, set);
        Report search = evaluation.search();
        Report baseline = evaluation.baseline();
        assertThat(evaluation.judged()).hasSizeGreaterThanOrEqualTo(set == RelevanceSet.CORPUS ? 150 : 70);
        assertThat(search.ndcg()).as("nDCG@10 %.3f (BM25 %.3f)", search.ndcg(), baseline.ndcg())
                .isGreaterThanOrEqualTo(NDCG).isGreaterThanOrEqualTo(baseline.ndcg() + ABOVE_BASELINE);
        assertThat(search.recall()).as("recall@10 %.3f (BM25 %.3f)", search.recall(), baseline.recall())
                .isGreaterThanOrEqualTo(RECALL).isGreaterThanOrEqualTo(baseline.recall() + ABOVE_BASELINE);
        assertThat(search.mrr()).as("MRR %.3f (BM25 %.3f)", search.mrr(), baseline.mrr())
                .isGreaterThanOrEqualTo(MRR).isGreaterThanOrEqualTo(baseline.mrr() + ABOVE_BASELINE);
    }
}
