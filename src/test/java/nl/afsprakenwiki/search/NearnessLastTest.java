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
 * A search by relevance of several words scores the bonus for words near each other last, for the
 * few hits that it could bring among the best. It must give exactly what scoring every hit with the
 * whole query gives: the same hits in the same order with the same scores, the same total and the
 * same facet counts - for two, three and four words, for visitors and for members, with a chosen
 * facet value, on the first page and the next, with and without feedback.
 */
class NearnessLastTest {

    private static final Viewer EVERYTHING = new Viewer(0L, "toets", "Toets", null, true, Map.of(), Viewer.Via.NONE);

    @RegisterExtension
    static final EvaluationWiki wiki = new EvaluationWiki();

    @Test
    void scoringNearnessLastChangesNothingInTheAnswer() {
        SearchIndex index = wiki.index();
        SearchService shortcuts = new SearchService(index, true);
        SearchService whole = new SearchService(index, false);
        Random random = new Random(23);
        List<String> words = new ArrayList<>();
        for (String query : Queries.mixed(new Random(7), 400)) {
            String text = Queries.request(query).text();
            if (text.matches("[\\p{L}'-]+")) {
                words.add(text);
            }
        }
        List<SearchRequest> requests = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int count = 2 + i % 3;
            List<String> picked = new ArrayList<>();
            for (int w = 0; w < count; w++) {
                picked.add(words.get(random.nextInt(words.size())));
            }
            String text = String.join(" ", picked);
            Map<String, List<String>> filters = i % 4 == 0 ? Map.of("party", List.of("huisarts")) : Map.of();
            requests.add(new SearchRequest(text, filters, SearchRequest.Order.RELEVANCE, 0, 10));
            requests.add(new SearchRequest(text, filters, SearchRequest.Order.RELEVANCE, 10, 10));
            // an operator: no feedback, so the depth is the page itself
            requests.add(new SearchRequest("+" + text, filters, SearchRequest.Order.RELEVANCE, 0, 5));
        }
        for (SearchRequest request : requests) {
            for (Viewer viewer : List.of(Viewer.ANONYMOUS, EVERYTHING)) {
                assertThat(shortcuts.search(request, viewer)).as("%s as %s", request, viewer.username())
                        .isEqualTo(whole.search(request, viewer));
            }
        }
        assertThat(whole.nearnessLastPasses()).isZero();
        assertThat(shortcuts.nearnessLastPasses()).as("searches that scored nearness last")
                .isGreaterThanOrEqualTo(requests.size());
    }
}
