package nl.afsprakenwiki.search;

import nl.afsprakenwiki.search.SearchRequest.Order;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Kept answers are bounded by their estimated bytes, the least recently asked going first. */
class AnswersTest {

    private static SearchRequest request(int n) {
        return new SearchRequest("woord" + n, Map.of(), Order.RELEVANCE, 0, 10);
    }

    /** An answer of {@code hits} hits with passages of 300 characters and a facet of 50 values. */
    private static SearchResult answer(int hits) {
        List<SearchResult.Hit> found = new ArrayList<>();
        for (int i = 0; i < hits; i++) {
            found.add(new SearchResult.Hit(i, "Titel " + i, "Titel " + i, "x".repeat(300), "koppelzone", "Koppelzone",
                    "Tilburg", "bekrachtigd", 3, Instant.EPOCH, 0, 0, List.of("woord"), 1f, 0));
        }
        List<SearchResult.FacetValue> values = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            values.add(new SearchResult.FacetValue("Gemeente " + i, i, false));
        }
        return new SearchResult("woord", hits, found, Map.of("gemeente", values), false, null, null);
    }

    @Test
    void anAnswersEstimateGrowsWithWhatItHolds() {
        long small = answer(1).estimatedBytes();
        long large = answer(10).estimatedBytes();
        assertThat(small).isGreaterThan(50 * 40);
        // nine more hits, each with a passage of 300 characters
        assertThat(large - small).isGreaterThan(9 * 300);
    }

    @Test
    void answersAreKeptUpToTheirBytesTheLeastRecentlyAskedGoingFirst() {
        long each = answer(10).estimatedBytes();
        Answers answers = new Answers(each * 5 + each / 2);
        AtomicInteger searches = new AtomicInteger();
        for (int n = 0; n < 5; n++) {
            answers.get(request(n), () -> {
                searches.incrementAndGet();
                return answer(10);
            });
        }
        assertThat(answers.size()).isEqualTo(5);
        // asking the first again keeps it; a sixth pushes out the second, the least recently asked
        answers.get(request(0), () -> {
            searches.incrementAndGet();
            return answer(10);
        });
        assertThat(searches).hasValue(5);
        answers.get(request(5), () -> answer(10));
        assertThat(answers.size()).isEqualTo(5);
        answers.get(request(0), () -> {
            throw new AssertionError("the first was asked recently and is kept");
        });
        answers.get(request(1), () -> {
            searches.incrementAndGet();
            return answer(10);
        });
        assertThat(searches).as("the second was searched again").hasValue(6);
    }
}
