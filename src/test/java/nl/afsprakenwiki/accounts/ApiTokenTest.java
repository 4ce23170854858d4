package nl.afsprakenwiki.accounts;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** API tokens made and revoked on the profile page: shown once, stored as a hash, last use shown. */
class ApiTokenTest {

    private static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token\"[^>]*value=\"(aw_[A-Za-z0-9_-]+)\"");

    @TempDir
    Path dir;
    private TestApp app;
    private String koppelzone;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        koppelzone = app.koppelzone("Koppelzone Jeugd Teststad", "Teststad");
        app.account("marieke", "Marieke de Vries");
        app.member(koppelzone, "marieke", Role.PRAKTIJKEXPERT);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aTokenIsShownOnceWorksAsBearerShowsItsLastUseAndStopsWhenRevoked() {
        TestApp.Client browser = app.signIn("marieke");
        assertThat(browser.get("/profiel").body()).contains("U hebt nog geen API-sleutels.");

        Response created = browser.submit("/profiel", "/profiel/tokens", List.of(entry("label", "Koppeling intranet")));
        assertThat(created.status()).isEqualTo(201);
        Matcher matcher = NEW_TOKEN.matcher(created.body());
        assertThat(matcher.find()).as(created.body()).isTrue();
        String token = matcher.group(1);
        assertThat(created.body()).contains("Kopieer deze sleutel nu").contains("Koppeling intranet");
        assertThat(browser.get("/profiel").body()).as("shown once").doesNotContain(token).contains("Nog nooit");

        // only a SHA-256 of the token is stored
        List<String> stored = app.db.read(handle -> handle.createQuery("SELECT token_hash FROM api_token").mapTo(String.class).list());
        assertThat(stored).hasSize(1).noneMatch(hash -> hash.contains(token) || token.contains(hash));

        TestApp.Client api = app.withToken(token);
        Response me = api.get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asText()).isEqualTo("marieke");
        assertThat(me.json().get("authenticatedWith").asText()).isEqualTo("token");
        assertThat(me.json().get("memberships").get(0).get("role").asText()).isEqualTo("praktijkexpert");
        assertThat(api.postJson("/api/v1/koppelzones/" + koppelzone + "/agreements", Map.of("title", "Via de API",
                "body", "Tekst.", "parties", List.of("wijkteam-teststad"))).status()).isEqualTo(201);
        assertThat(browser.get("/profiel").body()).as("last use shown").doesNotContain("Nog nooit");

        // a token is no session: it does not open the pages of its owner
        assertThat(api.get("/profiel").status()).isEqualTo(302);

        long id = app.db.read(handle -> handle.createQuery("SELECT id FROM api_token").mapTo(Long.class).one());
        Response revoked = browser.submit("/profiel", "/profiel/tokens/" + id + "/intrekken", List.of());
        assertThat(revoked.header("Location")).isEqualTo("/profiel?melding=ingetrokken");
        assertThat(browser.get("/profiel?melding=ingetrokken").body()).contains("De API-sleutel is ingetrokken")
                .contains("Ingetrokken op");
        assertThat(api.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(audit("token.created")).isEqualTo(1);
        assertThat(audit("token.revoked")).isEqualTo(1);
    }

    @Test
    void nobodyRevokesSomeoneElsesTokenAndMalformedTokensAre401() {
        String token = app.services.tokens().createToken("marieke", "eigen", nl.afsprakenwiki.access.Author.system("test")).token();
        long id = app.db.read(handle -> handle.createQuery("SELECT id FROM api_token").mapTo(Long.class).one());
        app.account("piet");
        TestApp.Client piet = app.signIn("piet");
        assertThat(piet.submit("/profiel", "/profiel/tokens/" + id + "/intrekken", List.of()).status()).isEqualTo(404);
        assertThat(app.withToken(token).get("/api/v1/me").status()).isEqualTo(200);

        for (String header : List.of("Bearer", "Bearer ", "Bearer aw_", "Basic bWFyaWVrZTp4", "Bearer " + token + "x",
                "Bearer " + "a".repeat(5000))) {
            Response response = app.newBrowser().send("GET", "/api/v1/me", null, null, Map.of("Authorization", header));
            assertThat(response.status()).as(header.length() > 60 ? header.substring(0, 60) : header).isEqualTo(401);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        Response label = piet.submit("/profiel", "/profiel/tokens", List.of(entry("label", "x".repeat(81))));
        assertThat(label.status()).isEqualTo(422);
        assertThat(label.body()).contains("Geef de sleutel een naam van hoogstens 80 tekens.");
    }

    private long audit(String action) {
        return app.db.read(handle -> handle.createQuery("SELECT count(*) FROM audit_event WHERE action = :action")
                .bind("action", action).mapTo(Long.class).one());
    }
}
