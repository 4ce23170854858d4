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
 * A search by relevance whose agreements with every meaningful concept fill the page and its
 * reranking takes its best hits from those alone and counts the rest without scores. It must give
 * exactly what scoring every hit gives: the same hits in the same order with the same scores, the
 * same total and the same facet counts, for visitors and for members, with and without a chosen
 * facet value, with and without feedback, on the first page and the next.
 */
class SplitPassTest {

    private static final Viewer EVERYTHING = new Viewer(0L, "toets", "Toets", null, true, Map.of(), Viewer.Via.NONE);

    @RegisterExtension
    static final EvaluationWiki wiki = new EvaluationWiki();

    @Test
    void splittingTheFirstPassChangesNothingInTheAnswer() {
        SearchIndex index = wiki.index();
        SearchService split = new SearchService(index, true);
        SearchService whole = new SearchService(index, false);
        List<SearchRequest> requests = new ArrayList<>();
        for (String query : Queries.mixed(new Random(11), 400)) {
            SearchRequest request = Queries.request(query);
            if (!request.text().matches("[^ *\\-]+ [^ *\\-]+")) {
                continue; // one word, a prefix or an exclusion: never split
            }
            requests.add(request);
            // the second page: its own page and depth
            requests.add(new SearchRequest(request.text(), request.filters(), request.order(), 10, 10));
            // with an operator feedback is off, so the depth is the page itself: five
            requests.add(new SearchRequest("+" + request.text(), request.filters(), request.order(), 0, 5));
        }
        int compared = 0;
        for (SearchRequest request : requests) {
            for (Viewer viewer : List.of(Viewer.ANONYMOUS, EVERYTHING)) {
                long before = split.splitPasses();
                SearchResult answer = split.search(request, viewer);
                if (split.splitPasses() > before) {
                    compared++;
                    assertThat(answer).as("%s as %s", request, viewer.username())
                            .isEqualTo(whole.search(request, viewer));
                }
            }
        }
        assertThat(whole.splitPasses()).isZero();
        assertThat(compared).as("searches whose first pass was split").isGreaterThanOrEqualTo(30);
    }
}
