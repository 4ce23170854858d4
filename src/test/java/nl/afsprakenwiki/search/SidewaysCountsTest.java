package nl.afsprakenwiki.search;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.bench.Queries;
import nl.afsprakenwiki.search.SearchRequest.Order;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search narrowed by one value of one dimension takes that dimension's counts from a kept count of
 * the search without the choice. It must give exactly what Lucene's drill sideways gives: the same
 * hits in the same order with the same scores, the same total and the same facet counts, for every
 * dimension, with and without words, in every order, on the first page and the next, for visitors
 * and for members; and a count kept for one snapshot of the texts is never used for the next.
 */
class SidewaysCountsTest {

    private static final Viewer EVERYTHING = new Viewer(0L, "toets", "Toets", null, true, Map.of(), Viewer.Via.NONE);

    @RegisterExtension
    static final EvaluationWiki wiki = new EvaluationWiki();

    @TempDir
    Path dir;

    @Test
    void keptCountsChangeNothingInTheAnswer() {
        SearchIndex index = wiki.index();
        SearchService kept = new SearchService(index, true);
        SearchService sideways = new SearchService(index, false);
        SearchResult all = sideways.search(new SearchRequest("", Map.of(), Order.RELEVANCE, 0, 10), EVERYTHING);
        List<String> texts = new ArrayList<>(List.of("", "", ""));
        for (String query : Queries.mixed(new Random(5), 40)) {
            texts.add(Queries.request(query).text());
        }
        Random random = new Random(17);
        List<SearchRequest> requests = new ArrayList<>();
        for (Map.Entry<String, List<SearchResult.FacetValue>> facet : all.facets().entrySet()) {
            List<SearchResult.FacetValue> values = facet.getValue();
            for (int i = 0; i < 12; i++) {
                String value = values.get(random.nextInt(values.size())).value();
                String text = texts.get(random.nextInt(texts.size()));
                Order order = Order.values()[random.nextInt(Order.values().length)];
                Map<String, List<String>> chosen = Map.of(facet.getKey(), List.of(value));
                requests.add(new SearchRequest(text, chosen, order, 0, 10));
                requests.add(new SearchRequest(text, chosen, order, 10, 10));
                // two values of the dimension: still one dimension narrowed
                String other = values.get(random.nextInt(values.size())).value();
                requests.add(new SearchRequest(text, Map.of(facet.getKey(), List.of(value, other)), order, 0, 5));
            }
        }
        for (SearchRequest request : requests) {
            for (Viewer viewer : List.of(Viewer.ANONYMOUS, EVERYTHING)) {
                assertThat(kept.search(request, viewer)).as("%s as %s", request, viewer.username())
                        .isEqualTo(sideways.search(request, viewer));
            }
        }
        SidewaysCounts counts = kept.sidewaysCounts();
        assertThat(sideways.sidewaysCounts().counted() + sideways.sidewaysCounts().reused()).isZero();
        assertThat(counts.counted()).as("counts made").isPositive();
        assertThat(counts.reused()).as("kept counts used").isGreaterThan(counts.counted());
    }

    /**
     * Where feedback widens a narrowed search with a second pass, the chosen dimension's other values
     * count the agreements with the query's own words, as the same search without feedback (newest
     * first) counts them: what only feedback finds is counted for the chosen value alone, and nothing
     * twice. The chosen value counts every hit.
     */
    @Test
    void feedbackCountsForTheChosenValueAlone() {
        SearchService service = new SearchService(wiki.index(), true);
        SearchResult all = service.search(new SearchRequest("", Map.of(), Order.RELEVANCE, 0, 10), EVERYTHING);
        List<String> texts = new ArrayList<>();
        for (String query : Queries.mixed(new Random(9), 80)) {
            String text = Queries.request(query).text();
            if (text.matches("[\\p{L} ]+")) {
                texts.add(text);
            }
        }
        int widened = 0;
        for (String text : texts) {
            // dimensions of one value per agreement (of a theme, a hit of feedback counts for its other themes too)
            for (String dimension : List.of(Fields.FACET_MUNICIPALITY, Fields.FACET_REGION)) {
                for (SearchResult.FacetValue chosen : all.facets().get(dimension).subList(0, 3)) {
                    Map<String, List<String>> filter = Map.of(dimension, List.of(chosen.value()));
                    long before = service.widenedPasses();
                    SearchResult relevant = service.search(new SearchRequest(text, filter, Order.RELEVANCE, 0, 10),
                            Viewer.ANONYMOUS);
                    if (service.widenedPasses() == before) {
                        continue;
                    }
                    widened++;
                    SearchResult newest = service.search(new SearchRequest(text, filter, Order.RECENT, 0, 10),
                            Viewer.ANONYMOUS);
                    Map<String, Long> withFeedback = counts(relevant, dimension);
                    Map<String, Long> without = counts(newest, dimension);
                    assertThat(withFeedback.get(chosen.value())).as("%s in %s", text, chosen.value())
                            .isEqualTo(relevant.total());
                    for (Map.Entry<String, Long> value : withFeedback.entrySet()) {
                        if (!value.getKey().equals(chosen.value()) && without.containsKey(value.getKey())) {
                            assertThat(value.getValue()).as("%s in %s: %s", text, chosen.value(), value.getKey())
                                    .isEqualTo(without.get(value.getKey()));
                        }
                    }
                }
            }
        }
        assertThat(widened).as("narrowed searches that feedback widened").isGreaterThanOrEqualTo(10);
    }

    @Test
    void aNewSnapshotIsCountedAfresh() {
        try (TestApp app = TestApp.start(dir)) {
            app.account("lid");
            String astad = app.koppelzone("Koppelzone Astad", "Astad");
            app.koppelzone("Koppelzone Bdorp", "Bdorp");
            app.member(astad, "lid", Role.PRAKTIJKEXPERT);
            app.agreement("Koppelzone Astad", "Astad", "a1", "Overdracht in Astad", "bekrachtigd", "Warme overdracht.");
            app.agreement("Koppelzone Bdorp", "Bdorp", "b1", "Overdracht in Bdorp", "bekrachtigd", "Warme overdracht.");
            app.awaitSearch();
            Viewer member = app.services.accounts().viewer("lid").orElseThrow();
            SearchService service = new SearchService(app.services.search().index(), true);
            seen(service, member, 1, 1, 1);
            // a concept in Astad: a new snapshot of the current texts only, found by members of Astad alone
            app.agreement("Koppelzone Astad", "Astad", "a2", "Concept overdracht", "concept", "Warme overdracht.");
            app.awaitSearch();
            seen(service, member, 1, 1, 2);
            // published in Bdorp: new snapshots of both
            app.agreement("Koppelzone Bdorp", "Bdorp", "b2", "Nog een overdracht", "bekrachtigd", "Warme overdracht.");
            app.awaitSearch();
            seen(service, member, 2, 1, 2);
            // four searches in each of three snapshots; the visitors' second snapshot is still the first
            assertThat(service.sidewaysCounts().counted()).isEqualTo(10);
        }
    }

    /**
     * A listing of Astad and a search there, by a visitor and by the member: the counts of Bdorp, and
     * of Astad as each of them may see it.
     */
    private static void seen(SearchService service, Viewer member, long bdorp, long astadForVisitors,
                             long astadForMember) {
        for (String text : List.of("", "overdracht")) {
            assertThat(municipalities(service.search(inAstad(text), Viewer.ANONYMOUS))).as(text)
                    .containsEntry("Bdorp", bdorp).containsEntry("Astad", astadForVisitors);
            assertThat(municipalities(service.search(inAstad(text), member))).as(text)
                    .containsEntry("Bdorp", bdorp).containsEntry("Astad", astadForMember);
        }
    }

    private static SearchRequest inAstad(String text) {
        return new SearchRequest(text, Map.of(Fields.FACET_MUNICIPALITY, List.of("Astad")), Order.RELEVANCE, 0, 10);
    }

    private static Map<String, Long> municipalities(SearchResult result) {
        return counts(result, Fields.FACET_MUNICIPALITY);
    }

    private static Map<String, Long> counts(SearchResult result, String dimension) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (SearchResult.FacetValue value : result.facets().getOrDefault(dimension, List.of())) {
            counts.put(value.value(), value.count());
        }
        return counts;
    }
}
