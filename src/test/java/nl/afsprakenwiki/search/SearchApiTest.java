package nl.afsprakenwiki.search;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/search} and the suggestions, over HTTP on the demo wiki with its real index. */
class SearchApiTest {

    @TempDir
    static java.nio.file.Path dir;
    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.startWithDemo(dir.resolve("data"));
        app.awaitSearch();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static JsonNode search(String query) {
        TestApp.Response response = app.get("/api/v1/search?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<Long> ids(JsonNode result) {
        List<Long> ids = new ArrayList<>();
        result.get("hits").forEach(hit -> ids.add(hit.get("id").asLong()));
        return ids;
    }

    @Test
    void aPlainWordFindsAgreementsWithHighlightedSnippetsAndFacets() {
        JsonNode result = search(q("huisarts"));
        assertThat(result.get("total").asLong()).isGreaterThan(2);
        JsonNode hit = result.get("hits").get(0);
        assertThat(hit.get("snippet").asText()).contains("<mark>");
        assertThat(hit.get("url").asText()).isEqualTo("/afspraken/" + hit.get("id").asLong());
        assertThat(result.get("facets").get("municipality")).isNotEmpty();
        assertThat(result.get("facets").get("theme")).isNotEmpty();
        assertThat(result.get("facets").get("party")).isNotEmpty();
        // as in DESIGN.md §8: {facet: {value: count}}
        long sum = 0;
        for (JsonNode count : result.get("facets").get("status")) {
            sum += count.asLong();
        }
        assertThat(sum).isEqualTo(result.get("total").asLong());
        assertThat(result.get("facets").get("status").get("bekrachtigd").asLong()).isEqualTo(sum);
    }

    @Test
    void theTitleWeighsMoreThanTheText() {
        JsonNode result = search(q("crisisbedden"));
        assertThat(result.get("hits").get(0).get("title").asText().toLowerCase()).contains("crisisbedden");
    }

    @Test
    void facetsCombineAndKeepCountsForTheOtherValuesOfTheirDimension() {
        JsonNode all = search(q("jeugd"));
        String municipality = all.get("facets").get("municipality").fieldNames().next();
        long expected = all.get("facets").get("municipality").get(municipality).asLong();
        JsonNode one = search(q("jeugd") + "&municipality=" + URLEncoder.encode(municipality, StandardCharsets.UTF_8));
        assertThat(one.get("total").asLong()).isEqualTo(expected);
        one.get("hits").forEach(hit -> assertThat(hit.get("municipality").asText()).isEqualTo(municipality));
        // drill sideways: the other municipalities are still offered with their own counts
        assertThat(one.get("facets").get("municipality").size()).isEqualTo(all.get("facets").get("municipality").size());
        assertThat(one.get("selected").get("municipality").get(0).asText()).isEqualTo(municipality);

        String theme = one.get("facets").get("theme").fieldNames().next();
        long themeCount = one.get("facets").get("theme").get(theme).asLong();
        JsonNode both = search(q("jeugd") + "&municipality=" + URLEncoder.encode(municipality, StandardCharsets.UTF_8)
                + "&theme=" + URLEncoder.encode(theme, StandardCharsets.UTF_8));
        assertThat(both.get("total").asLong()).isEqualTo(themeCount).isLessThanOrEqualTo(expected);
    }

    @Test
    void twoValuesOfOneFacetAreAlternatives() {
        JsonNode all = search(q("jeugd"));
        JsonNode municipalities = all.get("facets").get("municipality");
        var names = municipalities.fieldNames();
        String first = names.next();
        String second = names.next();
        JsonNode either = search(q("jeugd") + "&municipality=" + URLEncoder.encode(first, StandardCharsets.UTF_8)
                + "&municipality=" + URLEncoder.encode(second, StandardCharsets.UTF_8));
        assertThat(either.get("total").asLong())
                .isEqualTo(municipalities.get(first).asLong() + municipalities.get(second).asLong());
    }

    @Test
    void resultsCanBeSortedByLastChangeAndPaged() {
        JsonNode recent = search(q("jeugd") + "&sort=recent&limit=5");
        List<Instant> times = new ArrayList<>();
        recent.get("hits").forEach(hit -> times.add(Instant.parse(hit.get("updatedAt").asText())));
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonNode page2 = search(q("jeugd") + "&sort=recent&limit=5&offset=5");
        assertThat(ids(page2)).doesNotContainAnyElementsOf(ids(recent));
        assertThat(page2.get("total").asLong()).isEqualTo(recent.get("total").asLong());
    }

    private static String body(long id) {
        JsonNode agreement = app.get("/api/v1/agreements/" + id).json();
        return (agreement.get("title").asText() + " " + agreement.get("body").asText()).toLowerCase();
    }

    @Test
    void anExcludedWordRemovesEveryAgreementThatHasIt() {
        JsonNode without = search(q("jeugd -huisarts") + "&limit=100");
        assertThat(without.get("total").asLong()).isPositive().isLessThan(search(q("jeugd")).get("total").asLong());
        ids(without).forEach(id -> assertThat(body(id)).doesNotContain("huisarts"));
        JsonNode notWord = search(q("jeugd NIET huisarts") + "&limit=100");
        assertThat(ids(notWord)).isEqualTo(ids(without));
    }

    @Test
    void requiredWordsAndAlternativesKeepTheirMeaning() {
        long huisarts = search(q("+huisarts")).get("total").asLong();
        long crisis = search(q("+crisis")).get("total").asLong();
        search(q("+huisarts") + "&limit=100").get("hits")
                .forEach(hit -> assertThat(body(hit.get("id").asLong())).contains("huisarts"));
        long either = search(q("huisarts OF crisis")).get("total").asLong();
        assertThat(either).isGreaterThanOrEqualTo(Math.max(huisarts, crisis)).isLessThanOrEqualTo(huisarts + crisis);
        assertThat(search(q("huisarts OR crisis")).get("total").asLong()).isEqualTo(either);
        JsonNode both = search(q("huisarts EN crisis") + "&limit=100");
        assertThat(both.get("total").asLong()).isPositive().isLessThanOrEqualTo(Math.min(huisarts, crisis));
        ids(both).forEach(id -> assertThat(body(id)).contains("huisarts").contains("crisis"));
        assertThat(search(q("+huisarts +crisis")).get("total").asLong()).isEqualTo(both.get("total").asLong());
    }

    @Test
    void withoutOperatorsEveryAgreementWithOneOfTheWordsIsAHitAndThoseWithAllComeFirst() {
        long huisarts = search(q("+huisarts")).get("total").asLong();
        JsonNode both = search(q("huisarts crisis") + "&limit=100");
        assertThat(both.get("total").asLong()).isGreaterThanOrEqualTo(huisarts);
        long withAll = search(q("huisarts EN crisis")).get("total").asLong();
        List<JsonNode> hits = new ArrayList<>();
        both.get("hits").forEach(hits::add);
        for (int i = 0; i < hits.size(); i++) {
            boolean complete = hits.get(i).get("missing").isEmpty();
            assertThat(complete).as("hit %d of %d with all words", i, withAll).isEqualTo(i < withAll);
        }
        hits.subList((int) withAll, hits.size()).forEach(hit -> assertThat(hit.get("missing").toString())
                .containsAnyOf("huisarts", "crisis"));
    }

    @Test
    void anExactPhraseIsNarrowerThanItsWords() {
        long words = search(q("warme overdracht")).get("total").asLong();
        long phrase = search(q("\"warme overdracht\"")).get("total").asLong();
        assertThat(phrase).isPositive().isLessThanOrEqualTo(words);
        search(q("\"warme overdracht\"") + "&limit=100").get("hits").forEach(hit ->
                assertThat(body(hit.get("id").asLong())).containsPattern("warme\\s+(overdracht|overgang)"));
    }

    @Test
    void oddInputGetsAnAnswerNeverAnError() {
        for (String odd : List.of("\"wijkteam", "*", "**", ":", "a:b", "(jeugd", "jeugd)", "-", "|", "~", "\"\"",
                "OR", "jeugd OR", "\\", "%", "<script>alert(1)</script>", "jeugd~2", "\"a\"~3", "+jeugd+",
                "x".repeat(2_000), "jeugd ".repeat(400), "🙂 jeugd", "de het een")) {
            TestApp.Response response = app.get("/api/v1/search?" + q(odd));
            assertThat(response.status()).as(odd).isEqualTo(200);
            assertThat(response.json().has("total")).isTrue();
        }
        assertThat(search(q("x".repeat(2_000))).get("notice").asText()).contains("lang");
        assertThat(search(q("de het een")).get("notice").asText()).contains("veelvoorkomende");
    }

    @Test
    void anEmptyQueryListsEverythingVisibleNewestFirst() {
        JsonNode all = search("q=");
        assertThat(all.get("total").asLong()).isEqualTo(app.get("/api/v1/agreements").json().get("total").asLong());
    }

    @Test
    void aWordNoTextHasIsAlsoSearchedAsTheNearestWordThatOneHasAndSaidSo() {
        JsonNode result = search(q("wijkteem"));
        assertThat(result.get("correctedFrom").asText()).isEqualTo("wijkteem");
        assertThat(result.get("query").asText()).isEqualTo("wijkteam");
        assertThat(result.get("total").asLong()).isPositive();
        JsonNode twoTypos = search(q("huisartsenpraktjik"));
        assertThat(twoTypos.get("query").asText()).isEqualTo("huisartsenpraktijk");
        assertThat(twoTypos.get("total").asLong()).isPositive();
        JsonNode inAlternatives = search(q("crisisbedden OR wijkteem"));
        assertThat(inAlternatives.get("query").asText()).isEqualTo("crisisbedden OR wijkteam");
        assertThat(inAlternatives.get("total").asLong()).isGreaterThan(search(q("+crisisbedden")).get("total").asLong());
        String page = app.get("/zoeken?" + q("crisisbedden OR wijkteem")).body();
        assertThat(page).contains("crisisbedden OR wijkteam");
    }

    @Test
    void aSwapOfTwoLettersIsOneTypingError() {
        JsonNode result = search(q("overdrahct"));
        assertThat(result.get("query").asText()).isEqualTo("overdracht");
        assertThat(result.get("total").asLong()).isPositive();
    }

    @Test
    void aRealWordThatNoAgreementUsesIsNotCorrected() {
        JsonNode result = search(q("stelling"));
        assertThat(result.get("correctedFrom").isNull()).isTrue();
        assertThat(result.get("query").asText()).isEqualTo("stelling");
    }

    @Test
    void aHitThatLacksAWordSaysWhich() {
        JsonNode result = search(q("crisisbedden zwaluwstaartmodel"));
        assertThat(result.get("total").asLong()).isPositive();
        JsonNode first = result.get("hits").get(0);
        assertThat(first.get("title").asText().toLowerCase()).contains("crisisbed");
        assertThat(first.get("missing").get(0).asText()).isEqualTo("zwaluwstaartmodel");
        assertThat(search(q("xqzvwpt")).get("total").asLong()).isZero();
        String page = app.get("/zoeken?" + q("crisisbedden zwaluwstaartmodel")).body();
        assertThat(page).contains("Mist: zwaluwstaartmodel").doesNotContain("op één na");
    }

    @Test
    void badParametersGetAProblemWithAPreciseDetail() {
        TestApp.Response limit = app.get("/api/v1/search?q=jeugd&limit=abc");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.header("Content-Type")).startsWith("application/problem+json");
        assertThat(limit.json().get("detail").asText()).contains("'limit'").contains("abc");
        TestApp.Response sort = app.get("/api/v1/search?q=jeugd&sort=alfabet");
        assertThat(sort.status()).isEqualTo(400);
        assertThat(sort.json().get("detail").asText()).contains("'sort'");
        assertThat(app.get("/api/v1/search?q=jeugd&offset=-1").status()).isEqualTo(400);
        assertThat(app.get("/api/v1/search?q=jeugd&limit=101").status()).isEqualTo(400);
        TestApp.Response status = app.get("/api/v1/search?q=jeugd&status=x");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.json().get("detail").asText()).contains("'status'").contains("bekrachtigd");
        TestApp.Response party = app.get("/api/v1/search?q=jeugd&party=y");
        assertThat(party.status()).isEqualTo(400);
        assertThat(party.json().get("detail").asText()).contains("'party'").contains("lokaal_team");
    }

    @Test
    void suggestionsOfferTitlesAndFrequentWords() {
        JsonNode suggestions = app.get("/api/v1/search/suggest?q=huisarts").json().get("suggestions");
        assertThat(suggestions.findValuesAsText("type")).contains("title", "term");
        suggestions.forEach(s -> {
            if (s.get("type").asText().equals("title")) {
                assertThat(s.get("text").asText().toLowerCase()).contains("huisarts");
                assertThat(s.get("id").asLong()).isPositive();
            } else {
                assertThat(s.get("text").asText()).startsWith("huisarts");
            }
        });
        assertThat(app.get("/api/v1/search/suggest?q=").json().get("suggestions")).isEmpty();
        assertThat(app.get("/api/v1/search/suggest?q=" + "x".repeat(500)).status()).isEqualTo(200);
    }

    @Test
    void theHealthCheckIncludesTheIndex() {
        assertThat(app.get("/api/v1/health").json().get("status").asText()).isEqualTo("ok");
    }
}
