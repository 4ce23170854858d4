package nl.afsprakenwiki.search;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ranked retrieval through the API, on agreements written for each rule: agreements with all the
 * words first, those missing one still found and saying which, compounds, numbers, verb forms and
 * synonyms meeting on both sides, spelling with swaps and a member's own drafts, readable snippets.
 */
class RankedRetrievalTest {

    private static final String A = "Koppelzone Astad";
    private static final String B = "Koppelzone Bstad";
    private static final String C = "Koppelzone Cstad";
    private static final String[] WORDS = {"wachtlijst", "overbruggingszorg", "huisarts", "verwijzers"};

    @TempDir
    static Path dir;
    static TestApp app;
    static long complete;
    static final Map<String, Long> lacking = new LinkedHashMap<>();
    static long draft;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        String a = app.koppelzone(A, "Astad");
        app.koppelzone(B, "Bstad");
        app.koppelzone(C, "Cstad");
        complete = app.agreement(A, "Astad", "alles", "Afspraak over de route", "bekrachtigd",
                "De wachtlijst, de overbruggingszorg, de huisarts en de verwijzers komen hier samen.");
        for (int missing = 0; missing < WORDS.length; missing++) {
            List<String> present = new ArrayList<>(List.of(WORDS));
            present.remove(missing);
            lacking.put(WORDS[missing], app.agreement(B, "Bstad", "zonder-" + WORDS[missing],
                    "Afspraak " + (missing + 1) + " over de route", "bekrachtigd",
                    "Hier gaat het om de " + String.join(", de ", present) + "."));
        }
        // Each word alone, many times: the agreements with three of the four words must still win.
        for (int i = 0; i < 12; i++) {
            app.agreement(C, "Cstad", "los-" + i, "Losse afspraak " + i, "bekrachtigd",
                    "Over de " + WORDS[i % WORDS.length] + " en verder over iets anders: zwaluwnest nummer " + i + ".");
        }
        for (int i = 0; i < 30; i++) {
            app.agreement(C, "Cstad", "vulling-" + i, "Vulling " + i, "bekrachtigd",
                    "Een afspraak over vervoer, roosters en vergaderingen, deel " + i + ".");
        }
        // two birds: in most texts far apart, in three longer ones side by side
        for (int i = 0; i < 12; i++) {
            app.agreement(C, "Cstad", "ver-" + i, "Vogels " + i, "bekrachtigd",
                    "De ooievaar komt in het voorjaar terug naar het dorp bij de rivier, en veel later de reiger.");
        }
        for (int i = 0; i < 3; i++) {
            app.agreement(C, "Cstad", "dichtbij-" + i, "Vogels dichtbij " + i, "bekrachtigd",
                    "De ooievaar en de reiger komen in het voorjaar terug naar het dorp bij de rivier, met nog "
                            + "veel meer vogels die daar ook graag broeden in de wilgen en het riet langs de oevers.");
        }
        app.agreement(A, "Astad", "dyslexie", "Leesproblemen op school", "bekrachtigd",
                "Bij vermoeden van dyslexie volgt onderzoek naar dyslexie door een gespecialiseerde aanbieder.");
        app.agreement(A, "Astad", "wachtlijsten", "Wie helpt er intussen", "bekrachtigd",
                "Het lokale team biedt bemiddeling bij wachtlijsten van aanbieders.");
        app.agreement(A, "Astad", "twaalf", "Terugvaloptie", "bekrachtigd",
                "Na afsluiting kan het gezin binnen twaalf maanden terugkomen zonder nieuwe aanmelding.");
        app.agreement(A, "Astad", "volwassen", "Overgang naar volwassenenzorg", "bekrachtigd",
                "Voor jongeren van 18+ en voor iedere 18-jarige maken we een perspectiefplan.");
        app.agreement(A, "Astad", "toetsen", "Beoordeling van aanvragen", "bekrachtigd",
                "Elke aanvraag wordt getoetst door de gedragswetenschapper; een afgekeurd verzoek krijgt uitleg.");
        app.agreement(A, "Astad", "vo", "Jeugdhulp op het voortgezet onderwijs", "bekrachtigd",
                "De zorgcoördinator en de jeugdprofessional werken samen in de klas.");
        app.agreement(A, "Astad", "kopjes", "Waar de hulp lekt", "bekrachtigd", """
                ## Waardelek

                In de keten verdwijnt de ijsvogelcasus uit beeld.

                ## Afspraken

                1. Niemand sluit af zonder overdracht.
                """);
        app.agreement(A, "Astad", "verzuim", "Schoolverzuim", "bekrachtigd",
                "Bij schoolverzuim belt de leerplichtambtenaar binnen een week.");
        draft = app.agreement(A, "Astad", "kraanvogel", "Concept met een zeldzaam woord", "concept",
                "Het kraanvogelprotocol is nog niet vastgesteld.");
        app.account("anna");
        app.member(a, "anna", Role.PRAKTIJKEXPERT);
        app.awaitSearch();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static JsonNode search(TestApp.Client client, String query) {
        String path = "/api/v1/search?limit=20&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
        TestApp.Response response = client == null ? app.get(path) : client.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<Long> ids(JsonNode result) {
        List<Long> ids = new ArrayList<>();
        result.get("hits").forEach(hit -> ids.add(hit.get("id").asLong()));
        return ids;
    }

    private static JsonNode hit(JsonNode result, long id) {
        for (JsonNode hit : result.get("hits")) {
            if (hit.get("id").asLong() == id) {
                return hit;
            }
        }
        throw new AssertionError("agreement " + id + " not among the hits: " + result);
    }

    @Test
    void agreementsLackingOneOfFourWordsAreInTheTopTenAndSayWhichWordTheyLack() {
        JsonNode result = search(null, String.join(" ", WORDS));
        List<Long> top = ids(result).subList(0, 10);
        assertThat(top.get(0)).isEqualTo(complete);
        assertThat(top.subList(1, 5)).containsExactlyInAnyOrderElementsOf(lacking.values());
        assertThat(hit(result, complete).get("missing")).isEmpty();
        lacking.forEach((word, id) -> assertThat(hit(result, id).get("missing").get(0).asText()).isEqualTo(word));
    }

    @Test
    void aWordThatTenAgreementsShareGivesTenHitsWhateverElseIsTyped() {
        JsonNode result = search(null, "zwaluwnest kwartelkoninginnenbeleid");
        assertThat(result.get("total").asLong()).isGreaterThanOrEqualTo(12);
        assertThat(result.get("hits").size()).isGreaterThanOrEqualTo(10);
    }

    @Test
    void aWordEndingInAStarFindsTheWordsThatBeginWithItInTitleAndText() {
        assertThat(ids(search(null, "ijsvogel*"))).containsExactly(id("kopjes"));
        assertThat(ids(search(null, "leesprobl*"))).containsExactly(id("dyslexie"));
        assertThat(ids(search(null, "schoolverz*")).get(0)).isEqualTo(id("verzuim"));
        assertThat(ids(search(null, "zwaluwnes*"))).hasSize(12);
    }

    @Test
    void wordsNearEachOtherRankFirstEvenOnTheFirstPageOfAFew() {
        // the words side by side outweigh a shorter text; with operators the depth is the page itself,
        // so only a bonus scored for every agreement that could reach the page puts them there
        String path = "/api/v1/search?limit=3&q=" + URLEncoder.encode("+ooievaar +reiger", StandardCharsets.UTF_8);
        TestApp.Response response = app.get(path);
        assertThat(response.status()).isEqualTo(200);
        assertThat(ids(response.json())).containsExactlyInAnyOrder(id("dichtbij-0"), id("dichtbij-1"), id("dichtbij-2"));
        assertThat(response.json().get("total").asInt()).isEqualTo(15);
    }

    @Test
    void aCompoundAlsoFindsItsPartsWrittenApart() {
        assertThat(ids(search(null, "dyslexieonderzoek")).get(0)).isEqualTo(id("dyslexie"));
        assertThat(ids(search(null, "wachtlijstbemiddeling"))).contains(id("wachtlijsten"));
    }

    @Test
    void numbersMeetWrittenAsWordsOrDigits() {
        assertThat(ids(search(null, "12 maanden")).get(0)).isEqualTo(id("twaalf"));
        assertThat(ids(search(null, "achttien jaar"))).contains(id("volwassen"));
        assertThat(ids(search(null, "18e verjaardag"))).contains(id("volwassen"));
    }

    @Test
    void nounsInIngAndParticiplesMeetTheirVerb() {
        assertThat(ids(search(null, "toetsing")).get(0)).isEqualTo(id("toetsen"));
        assertThat(ids(search(null, "afkeuren")).get(0)).isEqualTo(id("toetsen"));
    }

    @Test
    void middelbareSchoolMeetsVoortgezetOnderwijs() {
        assertThat(ids(search(null, "middelbare school")).get(0)).isEqualTo(id("vo"));
    }

    @Test
    void aHeadingAndTheSentenceAfterItReadAsTwoInASnippet() {
        JsonNode result = search(null, "ijsvogelcasus");
        String snippet = hit(result, id("kopjes")).get("snippet").asText();
        assertThat(snippet).contains("Waardelek \u2014 In de keten").contains("<mark>ijsvogelcasus</mark>");
    }

    @Test
    void aSwapOfTwoLettersIsOneTypingError() {
        JsonNode result = search(null, "schoolverzium");
        assertThat(result.get("query").asText()).isEqualTo("schoolverzuim");
        assertThat(ids(result).get(0)).isEqualTo(id("verzuim"));
    }

    @Test
    void aMembersCorrectionsDrawOnTheDraftsTheyMayReadAndNoOneElsesDo() {
        JsonNode member = search(app.bearer("anna"), "kraanvogelprotocl");
        assertThat(member.get("query").asText()).isEqualTo("kraanvogelprotocol");
        assertThat(ids(member)).contains(draft);
        JsonNode visitor = search(null, "kraanvogelprotocl");
        assertThat(visitor.toString()).doesNotContain("kraanvogelprotocol");
        assertThat(ids(visitor)).doesNotContain(draft);
    }

    private static long id(String slug) {
        return app.db.read(handle -> handle.createQuery("SELECT id FROM agreement WHERE slug = :slug").bind("slug", slug)
                .mapTo(Long.class).one());
    }
}
