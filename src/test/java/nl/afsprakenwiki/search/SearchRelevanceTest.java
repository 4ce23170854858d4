package nl.afsprakenwiki.search;

import nl.afsprakenwiki.bench.RelevanceEvaluation;
import nl.afsprakenwiki.bench.RelevanceEvaluation.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relevance test set (graded judgments over the demo corpus, see docs/SEARCH.md): the Dutch
 * analysis must beat a plain StandardAnalyzer clearly, on the same documents through the same code.
 */
class SearchRelevanceTest {

    @TempDir
    Path work;

    @Test
    void theDutchAnalysisBeatsAPlainStandardAnalyzerClearly() {
        List<Report> reports = RelevanceEvaluation.run(work);
        Report dutch = reports.get(0);
        Report standard = reports.get(1);
        assertThat(dutch.perQuery()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(dutch.ndcg()).as("nDCG@10 Dutch %.3f vs Standard %.3f", dutch.ndcg(), standard.ndcg())
                .isGreaterThanOrEqualTo(standard.ndcg() + 0.10);
        assertThat(dutch.recall()).isGreaterThan(standard.recall());
        assertThat(dutch.mrr()).isGreaterThan(standard.mrr());
    }
}
