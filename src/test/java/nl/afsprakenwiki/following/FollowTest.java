package nl.afsprakenwiki.following;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.text.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Following through the real pages and API: anyone signed in, also from another municipality,
 * follows a published agreement, a koppelzone or a theme, sees it on the profile and stops again;
 * drafts can neither be followed nor found out about through following.
 */
class FollowTest {

    private static final String X = "Koppelzone Jeugd Xstad";

    @TempDir
    static Path dir;
    static TestApp app;
    static String zone;
    static long published;
    static long draft;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.start(dir.resolve("data"));
        zone = app.koppelzone(X, "Xstad");
        Path folder = Files.createDirectories(dir.resolve("import"));
        Files.writeString(folder.resolve("terugbellen.md"), agreement("Terugbellen na aanmelding", "bekrachtigd", "wachttijd"));
        Files.writeString(folder.resolve("geheim.md"), agreement("Nog geheim concept", "concept", "alleen-concept"));
        app.services.importer().importFolder(folder, "test", Progress.NONE);
        published = id("terugbellen");
        draft = id("geheim");
        app.account("buiten");
        app.account("anders");
        app.account("nieuws");
        app.member(zone, "expert", Role.PRAKTIJKEXPERT);
    }

    private static String agreement(String title, String status, String theme) {
        return """
                ---
                title: %s
                municipality: Xstad
                koppelzone: %s
                parties:
                  - Wijkteam Xstad
                themes: [%s]
                status: %s
                author: Test
                ---
                Tekst van %s.
                """.formatted(title, X, theme, status, title);
    }

    private static long id(String slug) {
        return app.db.read(handle -> handle.createQuery("SELECT id FROM agreement WHERE slug = :s").bind("s", slug)
                .mapTo(Long.class).one());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void someoneFromElsewhereFollowsAnAgreementAKoppelzoneAndAThemeSeesThemOnTheProfileAndStops() {
        String page = "/afspraken/" + published;
        assertThat(app.newBrowser().get(page).body()).doesNotContain("/volgen\"");
        Response anonymous = app.newBrowser().postForm(page + "/volgen", List.of());
        assertThat(anonymous.status()).isIn(302, 303, 403);

        TestApp.Client buiten = app.signIn("buiten");
        String csrf = buiten.csrfToken(page);
        assertThat(buiten.get(page).body()).contains("action=\"" + page + "/volgen\"");
        Response followed = buiten.postForm(page + "/volgen", List.of(entry("csrf", csrf)));
        assertThat(followed.status()).isIn(302, 303);
        assertThat(followed.header("Location")).isEqualTo(page + "?melding=gevolgd");
        String after = buiten.get(page + "?melding=gevolgd").body();
        assertThat(after).contains("action=\"" + page + "/niet-meer-volgen\"").contains("U volgt deze afspraak.");

        String zonePage = "/koppelzones/" + zone;
        assertThat(buiten.postForm(zonePage + "/volgen", List.of(entry("csrf", csrf))).header("Location"))
                .isEqualTo(zonePage + "?melding=gevolgd");
        assertThat(buiten.get(zonePage + "?melding=gevolgd").body()).contains("U volgt deze koppelzone.")
                .contains("action=\"" + zonePage + "/niet-meer-volgen\"");

        String profile = buiten.get("/profiel").body();
        assertThat(profile).contains("<option value=\"wachttijd\">").doesNotContain("alleen-concept");
        assertThat(buiten.postForm("/profiel/volgen", List.of(entry("csrf", csrf), entry("thema", "wachttijd"))).status())
                .isIn(302, 303);
        profile = buiten.get("/profiel?melding=gevolgd").body();
        assertThat(profile).contains("Wat ik volg").contains("U volgt dit thema.")
                .contains("href=\"" + page + "\">Terugbellen na aanmelding</a>")
                .contains("href=\"" + zonePage + "\">" + X + "</a>")
                .contains("href=\"/zoeken?thema=wachttijd\">wachttijd</a>");

        JsonNode mine = app.bearer("buiten").get("/api/v1/me/follows").json().get("items");
        List<String> kinds = new ArrayList<>();
        mine.forEach(item -> kinds.add(item.get("kind").asText() + ":" + item.get("key").asText()));
        assertThat(kinds).containsExactlyInAnyOrder("afspraak:" + published, "koppelzone:" + zone, "thema:wachttijd");

        long account = app.services.accounts().byUsername("buiten").orElseThrow().id();
        assertThat(app.services.follows().followersOf(published)).containsExactly(account);
        assertThat(app.services.follows().followersOf(draft)).as("through the koppelzone; the teller checks reading")
                .containsExactly(account);

        assertThat(buiten.postForm("/profiel/niet-meer-volgen", List.of(entry("csrf", csrf), entry("soort", "koppelzone"),
                entry("sleutel", zone))).header("Location")).startsWith("/profiel?melding=niet-meer-gevolgd");
        assertThat(buiten.postForm(page + "/niet-meer-volgen", List.of(entry("csrf", csrf))).header("Location"))
                .isEqualTo(page + "?melding=niet-meer-gevolgd");
        assertThat(app.services.follows().followersOf(draft)).isEmpty();
        assertThat(app.services.follows().followersOf(published)).as("still through the theme").containsExactly(account);
        assertThat(buiten.get("/profiel").body()).doesNotContain("href=\"" + zonePage + "\">")
                .contains("href=\"/zoeken?thema=wachttijd\">wachttijd</a>");
    }

    @Test
    void draftsCannotBeFollowedOrFoundOutAboutAndTheApiIsIdempotent() {
        TestApp.Client api = app.bearer("anders");
        assertThat(api.putJson("/api/v1/agreements/" + draft + "/follow", Map.of()).status()).isEqualTo(404);
        Response draftTheme = api.putJson("/api/v1/themes/alleen-concept/follow", Map.of());
        assertThat(draftTheme.status()).isEqualTo(400);
        assertThat(draftTheme.body()).contains("Geen openbare afspraak heeft het thema");
        assertThat(api.putJson("/api/v1/themes/" + "t".repeat(61) + "/follow", Map.of()).status()).isEqualTo(400);
        assertThat(api.putJson("/api/v1/koppelzones/bestaat-niet/follow", Map.of()).status()).isEqualTo(404);

        assertThat(app.bearer("expert").putJson("/api/v1/agreements/" + draft + "/follow", Map.of()).json()
                .get("changed").asBoolean()).as("a member may follow the koppelzone's draft").isTrue();
        JsonNode first = api.putJson("/api/v1/themes/wachttijd/follow", Map.of()).json();
        JsonNode again = api.putJson("/api/v1/themes/wachttijd/follow", Map.of()).json();
        assertThat(first.get("following").asBoolean()).isTrue();
        assertThat(first.get("changed").asBoolean()).isTrue();
        assertThat(again.get("changed").asBoolean()).isFalse();
        JsonNode stopped = api.delete("/api/v1/themes/wachttijd/follow").json();
        assertThat(stopped.get("following").asBoolean()).isFalse();
        assertThat(stopped.get("changed").asBoolean()).isTrue();
        assertThat(api.delete("/api/v1/themes/wachttijd/follow").json().get("changed").asBoolean()).isFalse();
        assertThat(app.newBrowser().get("/api/v1/me/follows").status()).isEqualTo(401);
    }

    @Test
    void mijnOverzichtShowsWhatWasEndorsedLatelyAmongWhatOneFollowsAndNoDrafts() {
        TestApp.Client nieuws = app.signIn("nieuws");
        assertThat(nieuws.get("/mijn-overzicht").body()).doesNotContain("Nieuws over wat u volgt");
        assertThat(app.bearer("nieuws").putJson("/api/v1/koppelzones/" + zone + "/follow", Map.of()).status()).isEqualTo(200);

        String mine = nieuws.get("/mijn-overzicht").body();
        assertThat(mine).contains("Nieuws over wat u volgt")
                .contains("href=\"/afspraken/" + published + "\">Terugbellen na aanmelding</a>")
                .contains(X + ": revisie 1 bekrachtigd op")
                .doesNotContain("Nog geheim concept").doesNotContain("/afspraken/" + draft + "\"");
    }
}
