package nl.afsprakenwiki.search;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drafts leave no trace for outsiders: everything a visitor's search returns - hits, their order and
 * scores, totals, facet counts, suggestions, spelling corrections and dates - is byte for byte the
 * same with and without members-only drafts holding a rare word, a new concept as well as a
 * herziening of a published agreement.
 */
class SearchSideChannelTest {

    private static final String X = "Koppelzone Xstad";
    private static final String Y = "Koppelzone Ystad";
    private static final String RARE = "pelikaanroute";

    @TempDir
    Path dir;

    private static final List<String> REQUESTS = List.of(
            "/api/v1/search?q=" + RARE,
            "/api/v1/search?q=pelikaanrote",
            "/api/v1/search?q=pelikaan",
            "/api/v1/search?q=warme+overdracht+huisarts",
            "/api/v1/search?q=overdracht&limit=100",
            "/api/v1/search?q=&sort=recent&limit=100",
            "/api/v1/search?q=overdracht&sort=adopted",
            "/api/v1/search?q=afspraak+" + RARE + "+wijkteam",
            "/api/v1/search/suggest?q=pelikaan",
            "/api/v1/search/suggest?q=pel",
            "/api/v1/search/suggest?q=warme+",
            "/zoeken?q=" + RARE,
            "/zoeken?q=overdracht+huisarts",
            "/zoeken?q=pelikaanrote");

    private static Map<String, String> visitorSees(TestApp app) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String request : REQUESTS) {
            TestApp.Response response = app.get(request);
            assertThat(response.status()).as(request).isEqualTo(200);
            seen.put(request, response.body());
        }
        return seen;
    }

    @Test
    void aVisitorsSearchIsTheSameWithAndWithoutDraftsHoldingARareWord() {
        try (TestApp app = TestApp.start(dir)) {
            String x = app.koppelzone(X, "Xstad");
            app.koppelzone(Y, "Ystad");
            long published = app.agreement(X, "Xstad", "overdracht-x", "Warme overdracht in Xstad", "bekrachtigd",
                    "De huisarts en het wijkteam maken afspraken over de warme overdracht en de pelikaan.");
            app.agreement(Y, "Ystad", "overdracht-y", "Overdracht in Ystad", "bekrachtigd",
                    "Het wijkteam draagt over aan de aanbieder; de huisarts hoort het binnen een week.");
            app.agreement(Y, "Ystad", "afspraak-y", "Een andere afspraak", "bekrachtigd",
                    "Over de wachtlijst en de overbruggingszorg, met de pelikaanzorg als voorbeeld.");
            app.account("marieke");
            app.member(x, "marieke", Role.PRAKTIJKEXPERT);
            app.awaitSearch();
            Map<String, String> before = visitorSees(app);

            long concept = app.agreement(X, "Xstad", "concept-x", "Pelikaanroute voor de huisarts", "concept",
                    "De " + RARE + " is een concept: warme overdracht via de huisarts en het wijkteam.");
            TestApp.Response herziening = app.bearer("marieke").putJson("/api/v1/agreements/" + published, Map.of(
                    "title", "Warme overdracht in Xstad (" + RARE + ")",
                    "body", "Nieuwe tekst: de " + RARE + " vervangt de warme overdracht door de huisarts.",
                    "baseRevision", 1));
            assertThat(herziening.status()).as(herziening.body()).isEqualTo(200);
            app.awaitSearch();

            // the drafts are there, for the member
            String member = app.bearer("marieke").get("/api/v1/search?q=" + RARE).body();
            assertThat(member).contains("\"id\":" + concept).contains("\"id\":" + published);

            Map<String, String> after = visitorSees(app);
            after.forEach((request, body) -> assertThat(body).as(request).isEqualTo(before.get(request)));
            assertThat(app.get("/api/v1/search?q=" + RARE).json().get("total").asLong()).isZero();
        }
    }

    @Test
    void aVisitorSeesTheDateOfTheRevisionTheyMayReadNotOfTheDraft() {
        try (TestApp app = TestApp.start(dir)) {
            String x = app.koppelzone(X, "Xstad");
            long published = app.agreement(X, "Xstad", "datum", "Afspraak met een datum", "bekrachtigd",
                    "Tekst over de reigerroute.");
            app.account("marieke");
            app.member(x, "marieke", Role.PRAKTIJKEXPERT);
            app.awaitSearch();
            String before = app.get("/api/v1/search?q=reigerroute").json().get("hits").get(0).get("updatedAt").asText();
            TestApp.Response saved = app.bearer("marieke").putJson("/api/v1/agreements/" + published, Map.of(
                    "title", "Afspraak met een datum", "body", "Tekst over de reigerroute, herzien.", "baseRevision", 1));
            assertThat(saved.status()).isEqualTo(200);
            app.awaitSearch();
            String after = app.get("/api/v1/search?q=reigerroute").json().get("hits").get(0).get("updatedAt").asText();
            assertThat(after).isEqualTo(before);
            String member = app.bearer("marieke").get("/api/v1/search?q=reigerroute").json().get("hits").get(0)
                    .get("updatedAt").asText();
            assertThat(member).isNotEqualTo(before);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
