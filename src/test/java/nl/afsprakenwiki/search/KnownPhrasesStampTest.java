package nl.afsprakenwiki.search;

import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.search.SearchRequest.Order;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index keeps the known phrases (several-word synonyms and related terms) as terms, so an index
 * built with other ones - a line added to synonyms.txt since - would miss them in the texts it holds.
 * Its commits say which set it was built with, and an index of another set is rebuilt at start-up.
 */
class KnownPhrasesStampTest {

    @TempDir
    Path dir;

    @Test
    void anIndexBuiltWithOtherKnownPhrasesIsRebuiltAtStartUp() throws Exception {
        Path data = dir.resolve("data");
        long id;
        try (TestApp first = TestApp.start(data)) {
            first.koppelzone("Koppelzone Jeugd Stempelstad", "Stempelstad");
            id = first.agreement("Koppelzone Jeugd Stempelstad", "Stempelstad", "lokaal-team-stempel",
                    "Warme overdracht door het lokaal team", "bekrachtigd");
            first.awaitSearch();
        }
        // as if built before a phrase was added: the commit says so, and nothing is in it
        List<String> built = IndexCommits.replace(data, OpenIndex.PHRASES_KEY, "other");
        String phrases = built.get(0);
        assertThat(built).allSatisfy(value -> assertThat(value).isNotBlank().isEqualTo(phrases));
        try (TestApp second = TestApp.start(data)) {
            second.awaitSearch();
            SearchResult result = second.services.search().service().search(
                    new SearchRequest("\"lokaal team\"", Map.of(), Order.RELEVANCE, 0, 10), Viewer.ANONYMOUS);
            assertThat(result.hits()).extracting(SearchResult.Hit::id).containsExactly(id);
        }
        assertThat(IndexCommits.read(data, OpenIndex.PHRASES_KEY)).containsOnly(phrases);
    }
}
