package nl.afsprakenwiki.search;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Lost een waardelek op" in search (issue 18, point 4), with the real app, SQLite and Lucene. A leak
 * is visible inside its koppelzone only until the voorzitter publishes it solved with its agreement:
 * until then, an outsider's search is byte for byte the same as before the leak was linked (hits,
 * totals, facet counts), while a member of the koppelzone finds the agreement with the filter. After
 * publishing, the index catches up by itself (the change number of V028) and everyone finds it.
 */
class SearchLeaksTest {

    private static final String ZONE = "Koppelzone Kraanstad";

    @TempDir
    Path dir;

    /** What a visitor (and a signed-in non-member) asks; the answers must not move when a leak is linked. */
    private static final List<String> REQUESTS = List.of(
            "/api/v1/search?q=kraanvogelafspraak",
            "/api/v1/search?q=kraanvogelafspraak&leaks=ja",
            "/api/v1/search?q=&leaks=ja&limit=100",
            "/api/v1/search?q=&sort=recent&limit=100",
            "/api/v1/search?q=overdracht&limit=100",
            "/zoeken?q=kraanvogelafspraak",
            "/zoeken?q=kraanvogelafspraak&waardelek=ja");

    /** The API's answers to a signed-in client (its pages carry per-session tokens). */
    private static Map<String, String> answers(TestApp.Client client) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String request : REQUESTS.stream().filter(request -> request.startsWith("/api/")).toList()) {
            TestApp.Response response = client.get(request);
            assertThat(response.status()).as(request).isEqualTo(200);
            seen.put(request, response.body());
        }
        return seen;
    }

    private static Map<String, String> answers(TestApp app) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String request : REQUESTS) {
            TestApp.Response response = app.get(request);
            assertThat(response.status()).as(request).isEqualTo(200);
            seen.put(request, response.body());
        }
        return seen;
    }

    private static List<Long> ids(JsonNode result) {
        List<Long> ids = new ArrayList<>();
        result.get("hits").forEach(hit -> ids.add(hit.get("id").asLong()));
        return ids;
    }

    @Test
    void anUnpublishedSolvedLeakIsFoundByMembersOnlyAndByEveryoneOnceTheVoorzitterPublishesIt() {
        try (TestApp app = TestApp.start(dir)) {
            String zone = app.koppelzone(ZONE, "Kraanstad");
            app.koppelzone("Koppelzone Elders", "Elders");
            long solving = app.agreement(ZONE, "Kraanstad", "kraan-overdracht", "Kraanvogelafspraak over de overdracht",
                    "bekrachtigd", "De warme overdracht tussen wijkteam en aanbieder, binnen een week.");
            long other = app.agreement(ZONE, "Kraanstad", "kraan-wachttijd", "Kraanvogelafspraak over de wachttijd",
                    "bekrachtigd", "Overbrugging tijdens de wachttijd en de overdracht daarna.");
            TestApp.Client chair = app.bearer(app.member(zone, "vera", Role.VOORZITTER, "wijkteam-kraanstad"));
            TestApp.Client expert = app.bearer(app.member(zone, "marieke", Role.PRAKTIJKEXPERT,
                    "jeugdhulp-de-brug-kraanstad"));
            TestApp.Client outsider = app.bearer(app.member("koppelzone-elders", "olaf", Role.PRAKTIJKEXPERT));
            app.awaitSearch();
            Map<String, String> visitorBefore = answers(app);
            Map<String, String> outsiderBefore = answers(outsider);
            assertThat(app.get("/api/v1/search?q=kraanvogelafspraak&leaks=ja").json().get("total").asLong()).isZero();

            TestApp.Response reported = expert.postJson("/api/v1/koppelzones/" + zone + "/leaks", Map.of(
                    "parties", List.of("wijkteam-kraanstad", "jeugdhulp-de-brug-kraanstad"), "moment", "overdracht",
                    "title", "Dossier komt niet mee bij de overdracht", "description", "Het gezin vertelt alles opnieuw.",
                    "frequency", "maandelijks"));
            assertThat(reported.status()).as(reported.body()).isEqualTo(201);
            long leak = reported.json().get("id").asLong();
            long seqBefore = changeSeq(app, solving);
            TestApp.Response solved = chair.send("PATCH", "/api/v1/leaks/" + leak, "application/json",
                    TestApp.json(Map.of("status", "opgelost", "agreements", List.of(solving))));
            assertThat(solved.status()).as(solved.body()).isEqualTo(200);
            assertThat(changeSeq(app, solving)).as("linking and solving bump the agreement").isGreaterThan(seqBefore);
            app.awaitSearch();

            // a member of the koppelzone sees the unpublished leak, so finds the agreement with the filter
            JsonNode member = expert.get("/api/v1/search?q=kraanvogelafspraak&leaks=ja").json();
            assertThat(ids(member)).containsExactly(solving);
            assertThat(member.get("hits").get(0).get("leaks").asInt()).isEqualTo(1);
            assertThat(expert.get("/api/v1/search?q=kraanvogelafspraak").json().at("/facets/leaks/ja").asInt()).isEqualTo(1);
            String memberPage = app.signIn("marieke").get("/zoeken?q=kraanvogelafspraak&waardelek=ja").body();
            assertThat(memberPage).contains("/afspraken/" + solving + "\"").doesNotContain("/afspraken/" + other + "\"")
                    .contains("lost 1 waardelek op").contains("checked")
                    .doesNotContain("type=\"hidden\" name=\"waardelek\"");

            // outsiders: nothing changed at all, not even a count
            answers(app).forEach((request, body) -> assertThat(body).as(request).isEqualTo(visitorBefore.get(request)));
            answers(outsider).forEach((request, body) -> assertThat(body).as(request).isEqualTo(outsiderBefore.get(request)));

            // the voorzitter publishes the solved leak: the index catches up without a reindex
            TestApp.Response published = chair.send("PATCH", "/api/v1/leaks/" + leak, "application/json",
                    "{\"published\":true}");
            assertThat(published.status()).as(published.body()).isEqualTo(200);
            app.awaitSearch();
            JsonNode visitor = app.get("/api/v1/search?q=kraanvogelafspraak&leaks=ja").json();
            assertThat(ids(visitor)).containsExactly(solving);
            assertThat(visitor.get("hits").get(0).get("leaks").asInt()).isEqualTo(1);
            assertThat(app.get("/api/v1/search?q=kraanvogelafspraak").json().at("/facets/leaks/ja").asInt()).isEqualTo(1);
            assertThat(ids(outsider.get("/api/v1/search?q=kraanvogelafspraak&leaks=ja").json())).containsExactly(solving);
            String page = app.get("/zoeken?q=kraanvogelafspraak&waardelek=ja").body();
            assertThat(page).contains("/afspraken/" + solving + "\"").doesNotContain("/afspraken/" + other + "\"")
                    .contains("lost 1 waardelek op").contains("Lost een waardelek op");

            // back to "in behandeling" unpublishes it: outsiders lose it again, by themselves
            TestApp.Response reopened = chair.send("PATCH", "/api/v1/leaks/" + leak, "application/json",
                    "{\"status\":\"in_behandeling\"}");
            assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
            app.awaitSearch();
            assertThat(app.get("/api/v1/search?q=kraanvogelafspraak&leaks=ja").json().get("total").asLong()).isZero();
            assertThat(ids(expert.get("/api/v1/search?q=kraanvogelafspraak&leaks=ja").json())).containsExactly(solving);
        }
    }

    @Test
    void unlinkingALeakTakesTheAgreementOutOfTheFilterByItself() {
        try (TestApp app = TestApp.start(dir)) {
            String zone = app.koppelzone(ZONE, "Kraanstad");
            long agreement = app.agreement(ZONE, "Kraanstad", "kraan-los", "Kraanvogelafspraak om los te koppelen",
                    "bekrachtigd");
            TestApp.Client chair = app.bearer(app.member(zone, "vera", Role.VOORZITTER, "wijkteam-kraanstad"));
            TestApp.Response reported = chair.postJson("/api/v1/koppelzones/" + zone + "/leaks", Map.of(
                    "parties", List.of("wijkteam-kraanstad", "huisartsen-kraanstad"), "moment", "toeleiding",
                    "title", "Verwijzing blijft liggen", "description", "Niemand pakt de verwijzing op.",
                    "frequency", "wekelijks"));
            assertThat(reported.status()).as(reported.body()).isEqualTo(201);
            long leak = reported.json().get("id").asLong();
            assertThat(chair.send("PATCH", "/api/v1/leaks/" + leak, "application/json",
                    TestApp.json(Map.of("agreements", List.of(agreement)))).status()).isEqualTo(200);
            app.awaitSearch();
            assertThat(ids(chair.get("/api/v1/search?q=&leaks=ja").json())).containsExactly(agreement);

            long seqBefore = changeSeq(app, agreement);
            app.db.write(handle -> handle.execute("DELETE FROM leak_agreement WHERE leak_id = ?", leak));
            assertThat(changeSeq(app, agreement)).isGreaterThan(seqBefore);
            app.awaitSearch();
            assertThat(chair.get("/api/v1/search?q=&leaks=ja").json().get("total").asLong()).isZero();
        }
    }

    @Test
    void anUnknownValueIsAProblemInTheApiAndLeftOutWithANoticeOnThePage() {
        try (TestApp app = TestApp.start(dir)) {
            TestApp.Response api = app.get("/api/v1/search?q=jeugd&leaks=nee");
            assertThat(api.status()).isEqualTo(400);
            assertThat(api.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.json().get("detail").asText()).contains("'nee'", "'leaks'", "ja");
            TestApp.Response page = app.get("/zoeken?q=jeugd&waardelek=nee");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Niet elk filter kon worden gebruikt")
                    .contains("'nee' is geen geldige waarde voor 'waardelek'")
                    .contains("<label for=\"waardelek\" class=\"inline-label\">Lost een waardelek op</label>");
            assertThat(app.get("/zoeken?q=jeugd&waardelek=" + "x".repeat(10_000)).status()).as("never a 5xx").isLessThan(500);
        }
    }

    private static long changeSeq(TestApp app, long agreement) {
        return app.db.read(handle -> handle.createQuery("SELECT change_seq FROM agreement WHERE id = :id")
                .bind("id", agreement).mapTo(Long.class).one());
    }
}
