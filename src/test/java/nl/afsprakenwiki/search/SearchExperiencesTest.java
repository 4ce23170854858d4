package nl.afsprakenwiki.search;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Met ervaringen" in search (issue 16, point 4): every hit carries its number of visible experiences,
 * the facet keeps only agreements with one, results sort by it, and adding or hiding an experience
 * reaches the index without anyone telling it.
 */
class SearchExperiencesTest {

    private static final String ZONE = "Koppelzone Zoekstad";

    @TempDir
    static Path dir;
    static TestApp app;
    static String slug;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        slug = app.koppelzone(ZONE, "Zoekstad");
        app.member(slug, "voorzitter", Role.VOORZITTER);
        app.account("elders");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static long agreement(String slugPart, String title) {
        return app.agreement(ZONE, "Zoekstad", slugPart, title, "bekrachtigd");
    }

    private static long experience(long agreement, String text) {
        TestApp.Response added = app.bearer("elders").postJson("/api/v1/agreements/" + agreement + "/experiences",
                Map.of("body", text, "adopted", false));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().get("id").asLong();
    }

    private static JsonNode search(String query) {
        TestApp.Response response = app.get("/api/v1/search?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Agreement id → its hit's {@code experiences}, in the order of the hits. */
    private static Map<Long, Integer> experiences(JsonNode result) {
        Map<Long, Integer> counts = new LinkedHashMap<>();
        result.get("hits").forEach(hit -> counts.put(hit.get("id").asLong(), hit.get("experiences").asInt()));
        return counts;
    }

    @Test
    void theFacetAndTheOrderFindAgreementsWithExperiencesAndHidingOneTakesItOut() {
        long none = agreement("kwartel-nul", "Kwartelafspraak");
        long one = agreement("kwartel-een", "Kwartelafspraak over de warme overdracht");
        long two = agreement("kwartel-twee", "Kwartelafspraak over de warme overdracht bij een verhuizing");
        experience(one, "Werkt bij ons");
        long hideMe = experience(two, "Werkt ook bij ons");
        experience(two, "En bij ons");
        app.awaitSearch();

        assertThat(experiences(search("q=kwartelafspraak"))).containsOnly(Map.entry(none, 0), Map.entry(one, 1),
                Map.entry(two, 2));
        assertThat(experiences(search("q=kwartelafspraak&sort=experiences")))
                .containsExactly(Map.entry(two, 2), Map.entry(one, 1), Map.entry(none, 0));
        JsonNode filtered = search("q=kwartelafspraak&experiences=met");
        assertThat(experiences(filtered).keySet()).containsExactlyInAnyOrder(one, two);
        assertThat(search("q=kwartelafspraak").at("/facets/experiences/met").asInt()).isEqualTo(2);

        String page = app.get("/zoeken?q=kwartelafspraak&ervaringen=met&sortering=ervaringen").body();
        assertThat(hitIds(page)).containsExactly(two, one);
        assertThat(page).contains("2 ervaringen", "1 ervaring", "met ervaringen",
                "<option value=\"ervaringen\" selected>");

        TestApp.Response hidden = app.bearer("voorzitter").postJson("/api/v1/agreements/" + two + "/experiences/"
                + hideMe + "/hide", Map.of("reason", "Niet over deze afspraak"));
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(200);
        app.awaitSearch();
        assertThat(experiences(search("q=kwartelafspraak&sort=experiences")))
                .containsExactly(Map.entry(one, 1), Map.entry(two, 1), Map.entry(none, 0));
    }

    /**
     * Issue 12 point 3 and issue 17 point 5: an experience with an unconfirmed medium finding (a first
     * name) is for the koppelzone's members only, so the public count, the facet and the order leave it
     * out - a visitor's answers stay byte for byte the same - while members count it; once its writer
     * confirms it, the public count rises without anyone reindexing.
     */
    @Test
    void anExperienceWaitingForAPrivacyConfirmationIsNotCountedForThePublicUntilConfirmed() {
        long seen = agreement("patrijs-een", "Patrijsafspraak");
        long waiting = agreement("patrijs-twee", "Patrijsafspraak over de warme overdracht");
        experience(seen, "Werkt bij ons");
        app.awaitSearch();
        List<String> requests = List.of("/api/v1/search?q=patrijsafspraak",
                "/api/v1/search?q=patrijsafspraak&sort=experiences", "/api/v1/search?q=patrijsafspraak&experiences=met",
                "/zoeken?q=patrijsafspraak", "/zoeken?q=patrijsafspraak&sortering=ervaringen",
                "/zoeken?q=patrijsafspraak&ervaringen=met");
        Map<String, String> before = new LinkedHashMap<>();
        requests.forEach(request -> before.put(request, app.get(request).body()));

        String path = "/api/v1/agreements/" + waiting + "/experiences";
        List<String> fingerprints = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (String text : List.of("Bij ons belde het wijkteam moeder Fatima al na twee dagen.",
                "Vader Mohammed kreeg binnen een week een gesprek.")) {
            TestApp.Response added = app.bearer("elders").postJson(path, Map.of("body", text, "adopted", false));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            assertThat(added.json().get("pending").asBoolean()).isTrue();
            fingerprints.add(added.json().at("/warnings/0/fingerprint").asText());
            ids.add(added.json().get("id").asLong());
        }
        app.awaitSearch();

        // the visitor's answers (hits, counts, order, facets; API and page) are exactly as before
        requests.forEach(request -> assertThat(app.get(request).body()).as(request).isEqualTo(before.get(request)));
        assertThat(experiences(search("q=patrijsafspraak&sort=experiences")))
                .containsExactly(Map.entry(seen, 1), Map.entry(waiting, 0));
        assertThat(app.get("/zoeken?q=patrijsafspraak").body()).containsOnlyOnce("1 ervaring")
                .doesNotContain("2 ervaringen");
        // a member of the koppelzone sees the pending experiences on the page, and so in the count
        JsonNode member = app.bearer("voorzitter").get("/api/v1/search?q=patrijsafspraak&sort=experiences").json();
        assertThat(experiences(member)).containsExactly(Map.entry(waiting, 2), Map.entry(seen, 1));

        TestApp.Response confirmed = app.bearer("elders").postJson(path + "/" + ids.get(0) + "/privacy-confirmations",
                Map.of("fingerprints", List.of(fingerprints.get(0)), "reason", "Een verzonnen naam"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        app.awaitSearch();
        assertThat(experiences(search("q=patrijsafspraak"))).containsOnly(Map.entry(seen, 1), Map.entry(waiting, 1));

        confirmed = app.bearer("elders").postJson(path + "/" + ids.get(1) + "/privacy-confirmations",
                Map.of("fingerprints", List.of(fingerprints.get(1)), "reason", "Een verzonnen naam"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        app.awaitSearch();
        assertThat(experiences(search("q=patrijsafspraak&sort=experiences")))
                .containsExactly(Map.entry(waiting, 2), Map.entry(seen, 1));
        String page = app.get("/zoeken?q=patrijsafspraak&sortering=ervaringen").body();
        assertThat(hitIds(page)).containsExactly(waiting, seen);
        assertThat(page).contains("2 ervaringen", "1 ervaring");
    }

    /**
     * An e-mail address is a medium finding unless its domain is listed for one of the koppelzone's
     * parties: listing it makes a waiting experience public, and the index recounts it by itself (V032).
     * A redaction of an experience's text renumbers its agreement too.
     */
    @Test
    void listingTheDomainOfAPartyOrARedactionReachesThePublicCountByItself() {
        long agreement = agreement("grutto-een", "Grutto-afspraak");
        long quiet = agreement("grutto-twee", "Grutto-afspraak zonder ervaringen");
        TestApp.Response added = app.bearer("elders").postJson("/api/v1/agreements/" + agreement + "/experiences",
                Map.of("body", "Mail ons via m.devries@gruttodorp.nl voor het draaiboek.", "adopted", false));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("pending").asBoolean()).isTrue();
        long id = added.json().get("id").asLong();
        app.awaitSearch();
        assertThat(experiences(search("q=grutto-afspraak"))).containsOnly(Map.entry(agreement, 0), Map.entry(quiet, 0));
        long quietBefore = changeSeq(quiet);

        long before = changeSeq(agreement);
        app.db.write(handle -> {
            long organisation = handle.createQuery("""
                            SELECT organisation_id FROM agreement_party WHERE agreement_id = :agreement LIMIT 1
                            """).bind("agreement", agreement).mapTo(Long.class).one();
            long koppelzone = handle.createQuery("SELECT koppelzone_id FROM agreement WHERE id = :id")
                    .bind("id", agreement).mapTo(Long.class).one();
            handle.createUpdate("""
                            INSERT OR IGNORE INTO koppelzone_party (koppelzone_id, organisation_id, joined_on)
                            VALUES (:koppelzone, :organisation, '2026-01-01')
                            """).bind("koppelzone", koppelzone).bind("organisation", organisation).execute();
            return handle.createUpdate("""
                            INSERT INTO organisation_email_domain (organisation_id, domain, position)
                            VALUES (:organisation, 'gruttodorp.nl', 0)
                            """).bind("organisation", organisation).execute();
        });
        assertThat(changeSeq(agreement)).isGreaterThan(before);
        app.awaitSearch();
        assertThat(app.get("/api/v1/agreements/" + agreement + "/experiences").body()).contains("gruttodorp.nl");
        assertThat(experiences(search("q=grutto-afspraak"))).containsOnly(Map.entry(agreement, 1), Map.entry(quiet, 0));
        assertThat(changeSeq(quiet)).as("an agreement without experiences is left alone").isEqualTo(quietBefore);

        before = changeSeq(agreement);
        app.db.write(handle -> {
            handle.execute("INSERT INTO redaction_pending_text (source, source_id) VALUES ('experience', ?)", id);
            handle.execute("UPDATE experience SET body = '[verwijderd: persoonsgegeven]' WHERE id = ?", id);
            return handle.execute("DELETE FROM redaction_pending_text WHERE source = 'experience' AND source_id = ?", id);
        });
        assertThat(changeSeq(agreement)).isGreaterThan(before);
    }

    private static long changeSeq(long agreement) {
        return app.db.read(handle -> handle.createQuery("SELECT change_seq FROM agreement WHERE id = :id")
                .bind("id", agreement).mapTo(Long.class).one());
    }

    @Test
    void anUnknownValueOfTheFacetIsAClearErrorInTheApi() {
        TestApp.Response wrong = app.get("/api/v1/search?q=jeugd&experiences=veel");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("detail").asText()).contains("'veel'", "'experiences'", "met");
        TestApp.Response sort = app.get("/api/v1/search?q=jeugd&sort=ervaringen");
        assertThat(sort.status()).isEqualTo(400);
        assertThat(sort.json().get("detail").asText()).contains("'experiences'");
    }

    private static List<Long> hitIds(String page) {
        List<Long> ids = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("<h2 class=\"hit-title\"><a href=\"/afspraken/(\\d+)\"").matcher(page);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }
}
