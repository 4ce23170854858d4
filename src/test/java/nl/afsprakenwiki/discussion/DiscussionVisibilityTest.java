package nl.afsprakenwiki.discussion;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's "must hold": a comment on a draft is invisible to non-members on every channel — page,
 * API, search and feeds. The discussion is members-only for public agreements too (docs/PERMISSIONS.md,
 * "Discussion"), so outsiders neither see nor find a comment on either.
 */
class DiscussionVisibilityTest {

    private static final String X = "Koppelzone Jeugd Zwijgstad";
    private static final String DRAFT_WORD = "kwispeltaart";
    private static final String PUBLIC_WORD = "zeepkistrace";

    @TempDir
    static Path dir;
    static TestApp app;
    static String zone;
    static long draft;
    static long published;
    static long draftComment;
    static long publicComment;
    static List<TestApp.Client> outsiders;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        zone = app.koppelzone(X, "Zwijgstad");
        String other = app.koppelzone("Koppelzone Jeugd Elders", "Elders");
        draft = app.agreement(X, "Zwijgstad", "stil-concept", "Stil concept", "concept", "Een alinea.\n\nNog een alinea.");
        published = app.agreement(X, "Zwijgstad", "openbaar", "Openbare afspraak", "bekrachtigd", "Openbare tekst.");
        app.member(zone, "expert", Role.PRAKTIJKEXPERT);
        app.member(other, "elders", Role.VOORZITTER);
        app.account("zonder-rol");
        app.admin("beheerder");
        TestApp.Client expert = app.bearer("expert");
        draftComment = expert.postJson("/api/v1/agreements/" + draft + "/comments", Map.of("text", "Over de " + DRAFT_WORD
                + ".", "block", 1)).json().get("id").asLong();
        publicComment = expert.postJson("/api/v1/agreements/" + published + "/comments", Map.of("text", "Over de "
                + PUBLIC_WORD + ".")).json().get("id").asLong();
        outsiders = List.of(app.newBrowser(), app.signIn("zonder-rol"), app.signIn("elders"));
        app.awaitSearch();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aCommentOnADraftIsNotFoundOnAnyPageOrApiCallOfAnOutsider() {
        for (TestApp.Client outsider : outsiders) {
            for (String path : List.of("/afspraken/" + draft, "/afspraken/" + draft + "/discussie",
                    "/opmerkingen/" + draftComment + "/bewerken", "/api/v1/agreements/" + draft + "/comments")) {
                Response response = outsider.get(path);
                assertThat(response.status()).as(path).isEqualTo(404);
                assertThat(response.body()).as(path).doesNotContain(DRAFT_WORD);
            }
            assertThat(outsider.putJson("/api/v1/comments/" + draftComment, Map.of("text", "x")).status()).isEqualTo(404);
            assertThat(outsider.postJson("/api/v1/comments/" + draftComment + "/resolve", Map.of()).status()).isEqualTo(404);
            assertThat(outsider.postJson("/api/v1/agreements/" + draft + "/comments", Map.of("text", "x")).status()).isEqualTo(404);
        }
        assertThat(app.signIn("beheerder").get("/afspraken/" + draft + "/discussie").body()).contains(DRAFT_WORD);
        assertThat(app.signIn("expert").get("/afspraken/" + draft).body()).contains(DRAFT_WORD);
    }

    @Test
    void thePublicAgreementShowsOutsidersNoDiscussionAndItsApiRefusesThem() {
        for (TestApp.Client outsider : outsiders) {
            Response page = outsider.get("/afspraken/" + published);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).doesNotContain(PUBLIC_WORD).doesNotContain("id=\"discussie\"");
            assertThat(outsider.get("/afspraken/" + published + "/discussie").body()).doesNotContain(PUBLIC_WORD);
            assertThat(outsider.get("/api/v1/agreements/" + published + "/comments").status()).isIn(401, 403);
            assertThat(outsider.putJson("/api/v1/comments/" + publicComment, Map.of("text", "x")).status()).isEqualTo(404);
        }
        assertThat(app.newBrowser().get("/afspraken/" + published + "/discussie").header("Location")).startsWith("/login?terug=");
        assertThat(app.signIn("zonder-rol").get("/afspraken/" + published + "/discussie").status()).isEqualTo(403);
    }

    @Test
    void commentTextIsNeverFoundBySearchNotEvenByAMember() {
        for (String word : List.of(DRAFT_WORD, PUBLIC_WORD)) {
            for (TestApp.Client someone : List.of(app.newBrowser(), app.bearer("zonder-rol"), app.bearer("expert"))) {
                Response found = someone.get("/api/v1/search?q=" + word);
                assertThat(found.status()).isEqualTo(200);
                assertThat(found.json().get("total").asInt()).as(word).isZero();
                assertThat(someone.get("/zoeken?q=" + word).body()).as(word).doesNotContain("<mark>" + word);
            }
        }
        assertThat(app.get("/api/v1/search?q=openbare").json().get("total").asInt()).as("the search itself works").isPositive();
    }

    @Test
    void noFeedCarriesACommentAndTheDraftsFeedDoesNotExistForOutsiders() {
        for (String feed : List.of("/feeds/bekrachtigd.atom", "/koppelzones/" + zone + "/feed.atom",
                "/afspraken/" + published + "/feed.atom")) {
            Response response = app.get(feed);
            assertThat(response.status()).as(feed).isEqualTo(200);
            assertThat(response.body()).as(feed).contains("Openbare afspraak").doesNotContain(PUBLIC_WORD).doesNotContain(DRAFT_WORD);
        }
        assertThat(app.get("/afspraken/" + draft + "/feed.atom").status()).isEqualTo(404);
    }
}
