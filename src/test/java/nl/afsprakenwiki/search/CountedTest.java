package nl.afsprakenwiki.search;

import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.bench.Queries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a chosen facet value, a search counts its hits and their facet values while it collects
 * them ({@link Counted}) instead of through Lucene's drill sideways. It must give exactly what drill
 * sideways gives: the same hits in the same order with the same scores, the same total and the same
 * facet counts - for one word, several, a prefix, an exclusion, OR, a phrase and nothing at all, in
 * every order, for visitors and for members, on the first page and the next, and when feedback
 * widens the search with a second pass (which leaves out what the first one counted).
 */
class CountedTest {

    private static final Viewer EVERYTHING = new Viewer(0L, "toets", "Toets", null, true, Map.of(), Viewer.Via.NONE);

    @RegisterExtension
    static final EvaluationWiki wiki = new EvaluationWiki();

    @Test
    void countingWhileCollectingChangesNothingInTheAnswer() {
        SearchIndex index = wiki.index();
        SearchService counted = new SearchService(index, true);
        SearchService sideways = new SearchService(index, false);
        List<SearchRequest> requests = new ArrayList<>();
        requests.add(new SearchRequest("", Map.of(), SearchRequest.Order.RELEVANCE, 0, 10));
        requests.add(new SearchRequest("-wijkteam", Map.of(), SearchRequest.Order.RECENT, 0, 10));
        for (String query : Queries.mixed(new Random(19), 300)) {
            SearchRequest request = Queries.request(query);
            if (!request.filters().isEmpty()) {
                continue; // a chosen facet value: counted by drill sideways either way
            }
            requests.add(request);
            requests.add(new SearchRequest(request.text(), Map.of(), request.order(), 10, 10));
            SearchRequest.Order other = SearchRequest.Order.values()[requests.size() % SearchRequest.Order.values().length];
            requests.add(new SearchRequest(request.text(), Map.of(), other, 0, 10));
        }
        for (SearchRequest request : requests) {
            for (Viewer viewer : List.of(Viewer.ANONYMOUS, EVERYTHING)) {
                assertThat(counted.search(request, viewer)).as("%s as %s", request, viewer.username())
                        .isEqualTo(sideways.search(request, viewer));
            }
        }
        assertThat(requests).hasSizeGreaterThan(300);
    }
}
