package nl.afsprakenwiki.search;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.search.SearchRequest.Order;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How often an agreement was adopted by other koppelzones, in search: every hit carries the count
 * (only adoptions that are public themselves count), the results page shows it, results can be
 * sorted by it, and an index of the format before it is rebuilt at start-up.
 */
class SearchAdoptionTest {

    private static final String SOURCE = "Koppelzone Bronstad";
    private static final Pattern HIT_LINK = Pattern.compile("<h2 class=\"hit-title\"><a href=\"/afspraken/(\\d+)\"");

    @TempDir
    static Path dir;
    static TestApp app;
    static String sourceSlug;
    /** Gives every adopted agreement its own slug and municipality-free title. */
    static int adopters;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir.resolve("shared"));
        sourceSlug = app.koppelzone(SOURCE, "Bronstad");
        app.koppelzone("Koppelzone Astad", "Astad");
        app.koppelzone("Koppelzone Bstad", "Bstad");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** A source agreement in Bronstad, endorsed. */
    private static long source(String slug, String title) {
        return app.agreement(SOURCE, "Bronstad", slug, title, "bekrachtigd");
    }

    /**
     * An agreement in Astad or Bstad (by turns) with the given status, adopted from {@code sourceId}
     * the way the adopt feature stores it. Its title shares no word with the sources' titles.
     */
    private static long adoption(long sourceId, String status) {
        return adoption(app, sourceId, status);
    }

    private static long adoption(TestApp app, long sourceId, String status) {
        int n = ++adopters;
        String municipality = n % 2 == 0 ? "Astad" : "Bstad";
        long adoptedId = app.agreement("Koppelzone " + municipality, municipality, "overname-" + n,
                "Overname nummer " + n, status);
        app.db.write(handle -> handle.execute("INSERT INTO adoption (agreement_id, source_agreement_id, source_revision,"
                + " synced_revision, adopted_by, adopted_at) VALUES (?, ?, 1, 1, 'test', '2026-01-01T00:00:00Z')",
                adoptedId, sourceId));
        return adoptedId;
    }

    private static JsonNode search(TestApp.Client client, String query) {
        TestApp.Response response = client == null ? app.get("/api/v1/search?" + query)
                : client.get("/api/v1/search?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Agreement id → its hit's {@code adoptions}, in the order of the hits. */
    private static Map<Long, Integer> adoptions(JsonNode result) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        result.get("hits").forEach(hit -> {
            assertThat(hit.has("adoptions")).as(hit.toString()).isTrue();
            counts.put(hit.get("id").asLong(), hit.get("adoptions").asInt());
        });
        return counts;
    }

    private static String page(String query) {
        TestApp.Response response = app.get("/zoeken?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** The agreements on a results page, in their order. */
    private static List<Long> hitIds(String page) {
        List<Long> ids = new ArrayList<>();
        Matcher matcher = HIT_LINK.matcher(page);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }

    /** The HTML of one hit on a results page. */
    private static String hitOnPage(String page, long id) {
        for (String item : page.split("<li class=\"hit\">")) {
            if (item.contains("href=\"/afspraken/" + id + "\"")) {
                return item.substring(0, item.indexOf("</li>"));
            }
        }
        throw new AssertionError("agreement " + id + " is not on the page");
    }

    @Test
    void everyHitSaysHowOftenItsAgreementWasAdoptedInTheApiAndOnThePage() {
        long twice = source("kraanvogel-twee", "Kraanvogelafspraak met twee overnames");
        long once = source("kraanvogel-een", "Kraanvogelafspraak met een overname");
        long never = source("kraanvogel-nul", "Kraanvogelafspraak zonder overname");
        adoption(twice, "bekrachtigd");
        adoption(twice, "bekrachtigd");
        adoption(once, "bekrachtigd");
        app.awaitSearch();

        assertThat(adoptions(search(null, "q=kraanvogelafspraak")))
                .containsOnly(Map.entry(twice, 2), Map.entry(once, 1), Map.entry(never, 0));

        String page = page("q=kraanvogelafspraak");
        assertThat(hitOnPage(page, twice)).contains("2 keer overgenomen");
        assertThat(hitOnPage(page, once)).contains("1 keer overgenomen");
        assertThat(hitOnPage(page, never)).doesNotContain("overgenomen");
    }

    @Test
    void anAdoptionCountsOnlyWhileTheAdoptedAgreementIsPublic() {
        long source = source("pelikaan-bron", "Pelikaanafspraak");
        long draft = adoption(source, "concept");
        app.awaitSearch();
        // a concept adoption counts for nobody: the count must not give away a draft a visitor cannot read
        assertThat(adoptions(search(null, "q=pelikaanafspraak"))).containsExactly(Map.entry(source, 0));
        app.admin("beheerder-pelikaan");
        assertThat(adoptions(search(app.bearer("beheerder-pelikaan"), "q=pelikaanafspraak")))
                .containsEntry(source, 0);
        assertThat(hitOnPage(page("q=pelikaanafspraak"), source)).doesNotContain("overgenomen");

        app.db.write(handle -> handle.execute(
                "UPDATE agreement SET status = 'bekrachtigd', endorsed_revision = current_revision WHERE id = ?",
                draft));
        app.awaitSearch();
        assertThat(adoptions(search(null, "q=pelikaanafspraak"))).containsExactly(Map.entry(source, 1));
        assertThat(hitOnPage(page("q=pelikaanafspraak"), source)).contains("1 keer overgenomen");

        app.db.write(handle -> handle.execute("UPDATE agreement SET status = 'vervallen' WHERE id = ?", draft));
        app.awaitSearch();
        assertThat(adoptions(search(null, "q=pelikaanafspraak"))).containsExactly(Map.entry(source, 0));
    }

    @Test
    void membersWhoFindTheNewerDraftSeeTheSameCountAsVisitorsWhoFindTheEndorsedText() {
        long source = source("lepelaar-bron", "Lepelaarafspraak");
        adoption(source, "bekrachtigd");
        app.member(sourceSlug, "lotte", Role.PRAKTIJKEXPERT);
        TestApp.Client lotte = app.bearer("lotte");
        var saved = lotte.putJson("/api/v1/agreements/" + source, Map.of(
                "title", "Lepelaarafspraak (herzien)", "body", "Nieuwe tekst van de lepelaarafspraak.",
                "baseRevision", 1));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        app.awaitSearch();

        JsonNode visitor = search(null, "q=lepelaarafspraak").get("hits").get(0);
        assertThat(visitor.get("revision").asInt()).isEqualTo(1);
        assertThat(visitor.get("adoptions").asInt()).isEqualTo(1);
        JsonNode member = search(lotte, "q=lepelaarafspraak").get("hits").get(0);
        assertThat(member.get("revision").asInt()).isEqualTo(2);
        assertThat(member.get("adoptions").asInt()).isEqualTo(1);
    }

    @Test
    void sortingByAdoptionsPutsTheMostAdoptedFirstThenTheBestMatch() {
        // the shortest text matches best, and it was adopted least
        long never = source("ooievaar-nul", "Ooievaarafspraak");
        long once = source("ooievaar-een", "Ooievaarafspraak over de warme overdracht");
        long twice = source("ooievaar-twee", "Ooievaarafspraak over de warme overdracht bij een verhuizing naar elders");
        adoption(twice, "bekrachtigd");
        adoption(twice, "bekrachtigd");
        adoption(once, "bekrachtigd");
        app.awaitSearch();

        assertThat(adoptions(search(null, "q=ooievaarafspraak")).keySet()).containsExactlyInAnyOrder(never, once, twice);
        assertThat(adoptions(search(null, "q=ooievaarafspraak&sort=adopted")))
                .containsExactly(Map.entry(twice, 2), Map.entry(once, 1), Map.entry(never, 0));

        String page = page("q=ooievaarafspraak&sortering=overgenomen");
        assertThat(hitIds(page)).containsExactly(twice, once, never);
        assertThat(page).contains("<option value=\"overgenomen\" selected>");
        // links on the page (facets here) keep the order
        assertThat(page).containsPattern("href=\"/zoeken\\?q=ooievaarafspraak[^\"]*sortering=overgenomen");

        // without words: most adopted first as well, not newest first
        List<Integer> all = new ArrayList<>(adoptions(search(null, "q=&sort=adopted&limit=100")).values());
        assertThat(all).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(all.get(0)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anUnknownOrderStaysAClearErrorInTheApiAndRelevanceOnThePage() {
        TestApp.Response wrong = app.get("/api/v1/search?q=jeugd&sort=overgenomen");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("detail").asText()).contains("'sort'").contains("'adopted'")
                .contains("'overgenomen'");
        assertThat(page("q=jeugd&sortering=adopted")).contains("<option value=\"relevantie\" selected>");
    }

    @Test
    void anIndexOfTheFormatBeforeAdoptionsIsRebuiltAtStartUp(@TempDir Path own) throws IOException {
        Path data = own.resolve("data");
        long source;
        try (TestApp first = TestApp.start(data)) {
            first.koppelzone(SOURCE, "Bronstad");
            first.koppelzone("Koppelzone Astad", "Astad");
            first.koppelzone("Koppelzone Bstad", "Bstad");
            source = first.agreement(SOURCE, "Bronstad", "reiger-bron", "Reigerafspraak", "bekrachtigd");
            adoption(first, source, "bekrachtigd");
            first.awaitSearch();
        }
        // Make both indexes look like format 2 and up to date with the database: without a rebuild,
        // the agreement would never be indexed again, so it would not be found.
        assertThat(IndexCommits.replace(data, "format", "2")).containsOnly(SearchIndex.FORMAT);
        try (TestApp second = TestApp.start(data)) {
            second.awaitSearch();
            SearchResult result = second.services.search().service().search(
                    new SearchRequest("reigerafspraak", Map.of(), Order.ADOPTED, 0, 10), Viewer.ANONYMOUS);
            assertThat(result.hits()).singleElement().satisfies(hit -> {
                assertThat(hit.id()).isEqualTo(source);
                assertThat(hit.adoptions()).isEqualTo(1);
            });
        }
        assertThat(IndexCommits.read(data, "format")).containsOnly(SearchIndex.FORMAT);
    }
}
