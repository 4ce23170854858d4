package nl.afsprakenwiki.search;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search respects visibility: text that exists only in a draft is found by members of its koppelzone
 * and beheerders, never by visitors or members of other koppelzones - not in hits, suggestions,
 * spelling corrections or similar agreements.
 */
class SearchVisibilityTest {

    private static final String X = "Koppelzone Xstad";
    private static final String Y = "Koppelzone Ystad";

    @TempDir
    static Path dir;
    static TestApp app;
    static long draft;
    static long revised;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        String x = app.koppelzone(X, "Xstad");
        String y = app.koppelzone(Y, "Ystad");
        draft = app.agreement(X, "Xstad", "geheim-concept", "Zebrapadoverleg in concept", "concept");
        app.agreement(Y, "Ystad", "afspraak-in-y", "Afspraak in Y over zebrapaden", "bekrachtigd");
        revised = app.agreement(X, "Xstad", "in-herziening", "Warme overdracht", "bekrachtigd");
        app.account("marieke");
        app.member(x, "marieke", Role.PRAKTIJKEXPERT);
        app.account("yvonne");
        app.member(y, "yvonne", Role.PRAKTIJKEXPERT);
        app.admin("beheer");
        var saved = app.bearer("marieke").putJson("/api/v1/agreements/" + revised, Map.of(
                "title", "Warme overdracht (herzien)", "body", "Nieuwe tekst over de flamingoprocedure.",
                "baseRevision", 1));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        app.awaitSearch();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static long total(TestApp.Client client, String query) {
        JsonNode result = (client == null ? app.get("/api/v1/search?q=" + query)
                : client.get("/api/v1/search?q=" + query)).json();
        return result.get("total").asLong();
    }

    @Test
    void aDraftIsFoundOnlyByMembersOfItsKoppelzoneAndBeheerders() {
        assertThat(total(null, "zebrapadoverleg")).isZero();
        assertThat(total(app.bearer("yvonne"), "zebrapadoverleg")).isZero();
        assertThat(total(app.bearer("marieke"), "zebrapadoverleg")).isEqualTo(1);
        assertThat(total(app.bearer("beheer"), "zebrapadoverleg")).isEqualTo(1);
    }

    @Test
    void visitorsFindTheEndorsedTextNotTheNewerDraft() {
        assertThat(total(null, "flamingoprocedure")).isZero();
        assertThat(total(null, "%22warme+overdracht%22")).isEqualTo(1);
        JsonNode hit = app.get("/api/v1/search?q=overdracht").json().get("hits").get(0);
        assertThat(hit.get("title").asText()).isEqualTo("Warme overdracht");
        assertThat(hit.get("revision").asInt()).isEqualTo(1);

        assertThat(total(app.bearer("marieke"), "flamingoprocedure")).isEqualTo(1);
        JsonNode mine = app.bearer("marieke").get("/api/v1/search?q=overdracht").json().get("hits").get(0);
        assertThat(mine.get("title").asText()).isEqualTo("Warme overdracht (herzien)");
        // members see each agreement once, not once per version
        assertThat(total(app.bearer("marieke"), "overdracht")).isEqualTo(1);
    }

    @Test
    void draftTitlesAndWordsLeakThroughNoSuggestionOrCorrection() {
        assertThat(app.get("/api/v1/search/suggest?q=zebrapado").body()).doesNotContain("concept")
                .doesNotContain("zebrapadoverleg");
        assertThat(app.get("/api/v1/search/suggest?q=flamingo").json().get("suggestions")).isEmpty();
        JsonNode corrected = app.get("/api/v1/search?q=flamingoprocedur").json();
        assertThat(corrected.get("total").asLong()).isZero();
        assertThat(corrected.toString()).doesNotContain("flamingoprocedure");
        assertThat(app.bearer("marieke").get("/api/v1/search/suggest?q=zebrapad").body()).contains("Zebrapadoverleg");
    }

    @Test
    void facetCountsCountOnlyWhatTheViewerMayFind() {
        JsonNode visitor = app.get("/api/v1/search?q=").json().get("facets");
        assertThat(visitor.get("status").size()).isEqualTo(1);
        assertThat(visitor.get("status").get("bekrachtigd").asLong()).isEqualTo(2);
        assertThat(visitor.get("municipality").get("Xstad").asLong()).isEqualTo(1);
        JsonNode member = app.bearer("marieke").get("/api/v1/search?q=").json().get("facets");
        assertThat(member.get("status").get("concept").asLong()).isEqualTo(1);
        assertThat(member.get("municipality").get("Xstad").asLong()).isEqualTo(2);
    }

    @Test
    void theResultsPageShowsOnlyWhatTheVisitorMaySee() {
        String page = app.get("/zoeken?q=zebrapaden").body();
        assertThat(page).contains("Afspraak in Y over").doesNotContain("Zebrapadoverleg in concept");
    }
}
