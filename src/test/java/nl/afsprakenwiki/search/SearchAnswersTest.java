package nl.afsprakenwiki.search;

import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor's answer is kept until the public index changes: asked again it is the same answer, not
 * a new search; a draft leaves it in place; anything published since is found; members' searches
 * (which read drafts) are never kept.
 */
class SearchAnswersTest {

    @TempDir
    Path dir;

    private static SearchRequest request(String text) {
        return new SearchRequest(text, Map.of(), SearchRequest.Order.RELEVANCE, 0, 10);
    }

    @Test
    void aVisitorsAnswerIsKeptUntilThePublicIndexChanges() {
        try (TestApp app = TestApp.start(dir)) {
            app.koppelzone("Koppelzone Xstad", "Xstad");
            app.agreement("Koppelzone Xstad", "Xstad", "overdracht", "Warme overdracht", "bekrachtigd",
                    "De huisarts en het wijkteam maken afspraken over de warme overdracht.");
            app.awaitSearch();
            SearchService search = app.services.search().service();

            SearchResult first = search.search(request("overdracht"), Viewer.ANONYMOUS);
            assertThat(first.total()).isEqualTo(1);
            assertThat(search.search(request("overdracht"), Viewer.ANONYMOUS)).isSameAs(first);
            assertThat(search.search(new SearchRequest("overdracht", Map.of(), SearchRequest.Order.RECENT, 0, 10),
                    Viewer.ANONYMOUS)).isNotSameAs(first);
            assertThat(search.search(request("overdracht"), TestApp.BEHEERDER))
                    .isNotSameAs(search.search(request("overdracht"), TestApp.BEHEERDER));

            app.agreement("Koppelzone Xstad", "Xstad", "overdracht-concept", "Overdracht in concept", "concept",
                    "Een concept over de overdracht, alleen voor de leden van de koppelzone.");
            app.awaitSearch();
            assertThat(search.search(request("overdracht"), Viewer.ANONYMOUS))
                    .as("a draft changes nothing a visitor finds: the kept answer stays").isSameAs(first);
            assertThat(search.search(request("overdracht"), TestApp.BEHEERDER).total()).isEqualTo(2);

            app.agreement("Koppelzone Xstad", "Xstad", "overdracht-2", "Overdracht aan de aanbieder", "bekrachtigd",
                    "Het wijkteam draagt de overdracht over aan de aanbieder.");
            app.awaitSearch();
            SearchResult after = search.search(request("overdracht"), Viewer.ANONYMOUS);
            assertThat(after).isNotSameAs(first);
            assertThat(after.total()).isEqualTo(2);
            assertThat(after.hits().stream().map(SearchResult.Hit::title).toList())
                    .containsExactlyInAnyOrderElementsOf(List.of("Warme overdracht", "Overdracht aan de aanbieder"));
        }
    }

    @Test
    void theWarmUpBuildsWhatTheFirstSearchWouldAndChangesNoAnswer() {
        try (TestApp app = TestApp.start(dir)) {
            SearchService search = app.services.search().service();
            search.warmUp(); // a new wiki: nothing to find, nothing to fail on

            app.koppelzone("Koppelzone Xstad", "Xstad");
            app.agreement("Koppelzone Xstad", "Xstad", "overdracht", "Warme overdracht", "bekrachtigd",
                    "De huisarts en het wijkteam maken afspraken over de warme overdracht.");
            app.agreement("Koppelzone Xstad", "Xstad", "overdracht-concept", "Overdracht in concept", "concept",
                    "Een concept over de afspraken, alleen voor de leden van de koppelzone.");
            app.awaitSearch();
            int tablesBefore = app.services.search().index().withSnapshot(s -> s.facets(s.publicSearcher()).size());
            search.warmUp();
            int tablesAfter = app.services.search().index().withSnapshot(s -> s.facets(s.publicSearcher()).size());
            assertThat(tablesAfter).as("the public index's facet tables are built before anyone searches")
                    .isGreaterThan(tablesBefore);

            SearchResult everything = search.search(request(""), Viewer.ANONYMOUS);
            assertThat(everything.total()).as("a visitor's listing: the published agreement only").isEqualTo(1);
            assertThat(search.search(request("afspraken"), Viewer.ANONYMOUS).hits())
                    .extracting(SearchResult.Hit::title).containsExactly("Warme overdracht");
            assertThat(search.search(request("afspraken"), TestApp.BEHEERDER).total())
                    .as("a member's search is not a visitor's kept answer").isEqualTo(2);
        }
    }
}
