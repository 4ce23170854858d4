package nl.afsprakenwiki.auth;

import com.nimbusds.jose.JOSEObjectType;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.accounts.Account;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.testing.TestApp.Client;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestApp;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenID Connect single sign-on end to end: the real application, pac4j's OidcClient and a real
 * identity provider (mock-oauth2-server) on loopback. The browser is driven by hand, one redirect at a
 * time, so every hop (authorize, callback, destination) is checked.
 */
class SingleSignOnTest {

    private static final String ISSUER = "gemeente";
    private static final String CLIENT_ID = "afsprakenwiki";
    private static final String LABEL = "Inloggen via Gemeente Teststad";
    private static final String SSO_REFUSED_NL = "Inloggen via de eigen organisatie lukte niet: er is geen account aan deze inlog gekoppeld.";
    private static final String SSO_FAILED_NL = "Inloggen via de eigen organisatie is niet gelukt of afgebroken.";

    @TempDir
    Path dir;
    private MockOAuth2Server idp;
    private TestApp app;
    /** The identity provider's side of the browser: it only needs to follow the authorize hop. */
    private final HttpClient idpBrowser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() {
        idp = new MockOAuth2Server();
        idp.start();
        app = TestApp.start(Settings.forTests(dir).withOidc(new OidcSettings(idp.wellKnownUrl(ISSUER).toString(),
                CLIENT_ID, "geheim", "openid profile email", "preferred_username", "email", LABEL)));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        idp.shutdown();
    }

    // --- linking an existing account ------------------------------------------------------------

    @Test
    void existingAccountWithSameEmailIsLinkedAndThenFoundBySubject() {
        app.account("marieke", "Marieke de Vries");
        int accountsBefore = app.services.accounts().all().size();

        Client browser = app.newBrowser();
        Response end = signInThroughIdp(browser, "/koppelzones", "sub-marieke-1",
                claims("mdevries", "Marieke@Test.Invalid", "M. de Vries (gemeente)"));
        assertThat(end.status()).isEqualTo(302);
        assertThat(end.header("Location")).isEqualTo("/koppelzones");

        Response me = browser.get("/api/v1/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().path("username").asText()).isEqualTo("marieke");
        assertThat(me.json().path("name").asText()).isEqualTo("Marieke de Vries");
        assertThat(me.json().path("authenticatedWith").asText()).isEqualTo("session");

        Account linked = app.services.accounts().byUsername("marieke").orElseThrow();
        assertThat(linked.oidcSubject()).isEqualTo("sub-marieke-1");
        assertThat(linked.lastLoginAt()).isNotNull();
        assertThat(app.services.accounts().all()).hasSize(accountsBefore);
        assertThat(audit("account.sso-linked")).singleElement()
                .satisfies(event -> assertThat(event.target()).isEqualTo("account:marieke"));

        // the identity provider now reports another address: the link by subject still holds
        Client later = app.newBrowser();
        Response again = signInThroughIdp(later, "/", "sub-marieke-1",
                claims("mdevries", "m.devries@elders.invalid", "Marieke de Vries"));
        assertThat(again.status()).isEqualTo(302);
        assertThat(again.header("Location")).isEqualTo("/");
        assertThat(later.get("/api/v1/me").json().path("username").asText()).isEqualTo("marieke");
        assertThat(app.services.accounts().all()).hasSize(accountsBefore);
        assertThat(app.services.accounts().byUsername("marieke").orElseThrow().oidcSubject()).isEqualTo("sub-marieke-1");
    }

    @Test
    void anAccountAlreadyLinkedToAnotherSubjectIsNotTakenOverThroughItsEmail() {
        app.account("marieke", "Marieke de Vries");
        Client first = app.newBrowser();
        signInThroughIdp(first, "/", "sub-marieke-1", claims("marieke", "marieke@test.invalid", "Marieke"));
        assertThat(first.get("/api/v1/me").json().path("username").asText()).isEqualTo("marieke");

        // someone else at the identity provider claims the same address
        Client other = app.newBrowser();
        Response end = signInThroughIdp(other, "/", "sub-indringer", claims("marieke", "marieke@test.invalid", "Indringer"));
        assertThat(end.header("Location")).isEqualTo("/login?fout=sso");
        assertThat(other.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(app.services.accounts().byUsername("marieke").orElseThrow().oidcSubject()).isEqualTo("sub-marieke-1");
    }

    // --- refusal --------------------------------------------------------------------------------

    @Test
    void unknownPersonIsRefusedWhenAccountsAreNotCreated() {
        app.account("marieke", "Marieke de Vries");
        assertThat(app.services.ssoAccounts().autoCreateOnSso()).isFalse();
        int accountsBefore = app.services.accounts().all().size();

        Client browser = app.newBrowser();
        Response end = signInThroughIdp(browser, "/koppelzones", "sub-onbekend",
                claims("onbekend", "onbekend@gemeente.invalid", "Onbekende Medewerker"));
        assertThat(end.status()).isEqualTo(302);
        assertThat(end.header("Location")).isEqualTo("/login?fout=sso");

        Response page = browser.get("/login?fout=sso");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(SSO_REFUSED_NL).contains("role=\"alert\"");

        assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(app.services.accounts().all()).hasSize(accountsBefore);
        assertThat(app.services.accounts().byUsername("onbekend")).isEmpty();
        assertThat(audit("login.failed")).singleElement()
                .satisfies(event -> assertThat(event.target()).isEqualTo("sso:sub-onbekend"));
        assertThat(audit("login")).isEmpty();
    }

    // --- creating accounts ----------------------------------------------------------------------

    @Test
    void newAccountIsCreatedFromTheClaimsWhenTheBeheerderAllowsIt() throws Exception {
        app.services.ssoAccounts().setAutoCreateOnSso(true, Author.system("test"));

        Client browser = app.newBrowser();
        Response end = signInThroughIdp(browser, "/", "sub-jan", claims("  Jan.De-Vries ", "jan.devries@gemeente.invalid",
                "Jan de Vries"));
        assertThat(end.status()).isEqualTo(302);
        assertThat(end.header("Location")).isEqualTo("/");

        Response me = browser.get("/api/v1/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().path("username").asText()).isEqualTo("jan.de-vries");
        assertThat(me.json().path("name").asText()).isEqualTo("Jan de Vries");
        assertThat(me.json().path("email").asText()).isEqualTo("jan.devries@gemeente.invalid");
        assertThat(me.json().path("beheerder").asBoolean()).isFalse();

        Account created = app.services.accounts().byUsername("jan.de-vries").orElseThrow();
        assertThat(created.oidcSubject()).isEqualTo("sub-jan");
        assertThat(created.hasPassword()).isFalse();
        assertThat(created.admin()).isFalse();
        assertThat(created.lastLoginAt()).isNotNull();

        assertThat(audit("account.created")).singleElement().satisfies(event -> {
            assertThat(event.target()).isEqualTo("account:jan.de-vries");
            assertThat(event.details()).contains("\"via\":\"sso\"").contains("sub-jan");
        });
        assertThat(audit("login")).singleElement().satisfies(event -> {
            assertThat(event.actorUsername()).isEqualTo("jan.de-vries");
            assertThat(event.target()).isEqualTo("account:jan.de-vries");
            assertThat(event.details()).contains("\"method\":\"sso\"");
        });
        // the same stored in the table itself
        String details = app.db.read(handle -> handle.createQuery(
                        "SELECT details FROM audit_event WHERE action = 'login' AND target = :t")
                .bind("t", "account:jan.de-vries").mapTo(String.class).one());
        String method = new com.fasterxml.jackson.databind.ObjectMapper().readTree(details).get("method").asText();
        assertThat(method).isEqualTo("sso");

        // a second login finds the created account and creates nothing new
        int accounts = app.services.accounts().all().size();
        Client later = app.newBrowser();
        signInThroughIdp(later, "/", "sub-jan", claims("jan.de-vries", "jan.devries@gemeente.invalid", "Jan de Vries"));
        assertThat(later.get("/api/v1/me").json().path("username").asText()).isEqualTo("jan.de-vries");
        assertThat(app.services.accounts().all()).hasSize(accounts);
    }

    @Test
    void createdAccountGetsAFreeUsernameWhenThePreferredOneIsTaken() {
        app.account("piet", "Piet Bestaand");
        app.services.ssoAccounts().setAutoCreateOnSso(true, Author.system("test"));

        Client browser = app.newBrowser();
        signInThroughIdp(browser, "/", "sub-andere-piet", claims("Piet", "piet@gemeente.invalid", "Piet Anders"));

        Response me = browser.get("/api/v1/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().path("username").asText()).isEqualTo("piet-2");
        assertThat(me.json().path("name").asText()).isEqualTo("Piet Anders");
        assertThat(app.services.accounts().byUsername("piet").orElseThrow().oidcSubject()).isNull();
    }

    // --- disabled accounts ----------------------------------------------------------------------

    @Test
    void disabledLinkedAccountCannotSignInThroughSso() {
        app.account("marieke", "Marieke de Vries");
        Client first = app.newBrowser();
        signInThroughIdp(first, "/", "sub-marieke", claims("marieke", "marieke@test.invalid", "Marieke"));
        assertThat(first.get("/api/v1/me").status()).isEqualTo(200);

        app.services.accounts().setDisabled("marieke", true, Author.system("test"));
        // the session that was open ends at once
        assertThat(first.get("/api/v1/me").status()).isEqualTo(401);

        Client browser = app.newBrowser();
        Response end = signInThroughIdp(browser, "/", "sub-marieke", claims("marieke", "marieke@test.invalid", "Marieke"));
        assertThat(end.header("Location")).isEqualTo("/login?fout=sso");
        assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(audit("login")).hasSize(1);
    }

    @Test
    void disabledUnlinkedAccountIsNeitherLinkedNorReplacedByANewOne() {
        app.account("marieke", "Marieke de Vries");
        app.services.accounts().setDisabled("marieke", true, Author.system("test"));
        app.services.ssoAccounts().setAutoCreateOnSso(true, Author.system("test"));
        int accountsBefore = app.services.accounts().all().size();

        Client browser = app.newBrowser();
        Response end = signInThroughIdp(browser, "/", "sub-marieke", claims("marieke", "marieke@test.invalid", "Marieke"));
        assertThat(end.header("Location")).isEqualTo("/login?fout=sso");
        assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(app.services.accounts().byUsername("marieke").orElseThrow().oidcSubject()).isNull();
        assertThat(app.services.accounts().all()).hasSize(accountsBefore);
    }

    // --- session and destination ----------------------------------------------------------------

    @Test
    void sessionIdChangesAtTheSsoLogin() {
        app.account("marieke", "Marieke de Vries");
        Client browser = app.newBrowser();
        idp.enqueueCallback(callback("sub-marieke", claims("marieke", "marieke@test.invalid", "Marieke")));

        Response start = browser.get("/login/sso?terug=" + encode("/koppelzones"));
        String before = sessionCookie(start).orElseThrow(() -> new AssertionError("no session at the start of SSO"));
        Response callback = browser.get(throughIdp(start));
        assertThat(callback.header("Location")).isEqualTo("/koppelzones");
        String after = sessionCookie(callback).orElseThrow(() -> new AssertionError("no new session cookie at the callback"));
        assertThat(after).isNotEqualTo(before);

        assertThat(browser.get("/api/v1/me").json().path("username").asText()).isEqualTo("marieke");
        // the session id from before the login is worth nothing; the new one is the login
        Client attacker = app.newBrowser();
        assertThat(attacker.send("GET", "/api/v1/me", null, null, Map.of("Cookie", "aw_sessie=" + before)).status())
                .isEqualTo(401);
        assertThat(attacker.send("GET", "/api/v1/me", null, null, Map.of("Cookie", "aw_sessie=" + after)).status())
                .isEqualTo(200);
    }

    @Test
    void destinationIsHonouredOnlyForLocalPaths() {
        app.account("marieke", "Marieke de Vries");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("/koppelzones?pagina=2", "/koppelzones?pagina=2");
        expected.put("https://evil.example/phish", "/");
        expected.put("//evil.example/phish", "/");
        expected.put("/\\evil.example", "/");
        expected.put("", "/");
        for (var entry : expected.entrySet()) {
            Client browser = app.newBrowser();
            Response end = signInThroughIdp(browser, entry.getKey(), "sub-marieke",
                    claims("marieke", "marieke@test.invalid", "Marieke"));
            assertThat(end.status()).as(entry.getKey()).isEqualTo(302);
            assertThat(end.header("Location")).as(entry.getKey()).isEqualTo(entry.getValue());
            assertThat(browser.get("/api/v1/me").status()).as(entry.getKey()).isEqualTo(200);
        }
        // without terug at all
        Client browser = app.newBrowser();
        idp.enqueueCallback(callback("sub-marieke", claims("marieke", "marieke@test.invalid", "Marieke")));
        Response end = browser.get(throughIdp(browser.get("/login/sso")));
        assertThat(end.header("Location")).isEqualTo("/");
    }

    // --- the login page -------------------------------------------------------------------------

    @Test
    void loginPageShowsTheSsoButtonWithTheConfiguredLabel() {
        Response page = app.get("/login?terug=" + encode("/koppelzones"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(LABEL).contains("href=\"/login/sso?terug=%2Fkoppelzones\"");

        Response plain = app.newBrowser().get("/login");
        assertThat(plain.body()).contains(LABEL).contains("href=\"/login/sso?terug=\"");
    }

    @Test
    void withoutOidcThereIsNoSsoButtonAndNoSsoEndpoint(@TempDir Path otherDir) {
        try (TestApp plain = TestApp.start(Settings.forTests(otherDir))) {
            Response page = plain.get("/login");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).doesNotContain("/login/sso").doesNotContain(LABEL);
            assertThat(plain.get("/login/sso").status()).isEqualTo(404);
        }
    }

    // --- failed round trips ---------------------------------------------------------------------

    @Test
    void callbackWithoutTheSessionsStateOrWithAUsedCodeSendsBackToTheLoginPage() {
        app.account("marieke", "Marieke de Vries");
        Client browser = app.newBrowser();
        idp.enqueueCallback(callback("sub-marieke", claims("marieke", "marieke@test.invalid", "Marieke")));
        String back = throughIdp(browser.get("/login/sso?terug=" + encode("/koppelzones")));

        // the answer arrives in another browser (or after the session expired): no pac4j state there
        Client other = app.newBrowser();
        Response foreign = other.get(back);
        assertThat(foreign.status()).as(foreign.body()).isEqualTo(302);
        assertThat(foreign.header("Location")).isEqualTo("/login?fout=sso-mislukt");
        assertThat(other.get("/login?fout=sso-mislukt").body()).contains(SSO_FAILED_NL);
        assertThat(other.get("/api/v1/me").status()).isEqualTo(401);

        // the right browser still gets in with it
        Response ok = browser.get(back);
        assertThat(ok.header("Location")).isEqualTo("/koppelzones");
        assertThat(browser.get("/api/v1/me").json().path("username").asText()).isEqualTo("marieke");

        // back button / reload: the code was used; no error page, and the login stays
        Response again = browser.get(back);
        assertThat(again.status()).as(again.body()).isEqualTo(302);
        assertThat(again.header("Location")).isEqualTo("/login?fout=sso-mislukt");
        assertThat(browser.get("/login?fout=sso-mislukt").header("Location")).isEqualTo("/");
        assertThat(browser.get("/api/v1/me").json().path("username").asText()).isEqualTo("marieke");
    }

    @Test
    void cancellingAtTheIdentityProviderSendsBackToTheLoginPage() {
        Client browser = app.newBrowser();
        String authorize = browser.get("/login/sso?terug=" + encode("/koppelzones")).header("Location");
        String state = authorize.replaceAll(".*[?&]state=([^&]+).*", "$1");

        Response end = browser.get("/callback?client_name=OidcClient&error=access_denied&state=" + state);
        assertThat(end.status()).as(end.body()).isEqualTo(302);
        assertThat(end.header("Location")).isEqualTo("/login?fout=sso-mislukt");
        assertThat(browser.get("/login?fout=sso-mislukt").body()).contains(SSO_FAILED_NL);
        assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void callbackForNoKnownClientIsABadRequest() {
        assertThat(app.get("/callback").status()).isEqualTo(400);
        assertThat(app.get("/callback?client_name=Onbekend&code=x&state=y").status()).isEqualTo(400);
    }

    // --- helpers --------------------------------------------------------------------------------

    /**
     * One full round trip: the SSO button, the identity provider (which issues a code for the enqueued
     * person at once), and the callback in the same browser. Returns the callback's answer.
     */
    private Response signInThroughIdp(Client browser, String terug, String subject, Map<String, Object> claims) {
        idp.enqueueCallback(callback(subject, claims));
        Response start = browser.get("/login/sso?terug=" + encode(terug));
        Response end = browser.get(throughIdp(start));
        assertThat(end.status()).as(end.body()).isEqualTo(302);
        return end;
    }

    /** Follows the redirect to the identity provider's authorize end point; returns the callback path it sends back. */
    private String throughIdp(Response start) {
        assertThat(start.status()).as(start.body()).isEqualTo(302);
        String authorize = start.header("Location");
        assertThat(authorize).startsWith(idp.authorizationEndpointUrl(ISSUER).toString())
                .contains("client_id=" + CLIENT_ID).contains("state=").contains("code_challenge=")
                .contains("redirect_uri=" + encode(app.baseUrl + "/callback"));
        try {
            HttpResponse<String> answer = idpBrowser.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
            String back = answer.headers().firstValue("Location").orElseThrow();
            assertThat(back).startsWith(app.baseUrl + "/callback?").contains("code=").contains("state=");
            return back.substring(app.baseUrl.length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static DefaultOAuth2TokenCallback callback(String subject, Map<String, Object> claims) {
        return new DefaultOAuth2TokenCallback(ISSUER, subject, JOSEObjectType.JWT.getType(), List.of(CLIENT_ID), claims, 3600);
    }

    private static Map<String, Object> claims(String preferredUsername, String email, String name) {
        return Map.of("preferred_username", preferredUsername, "email", email, "name", name);
    }

    private List<AuditLog.Event> audit(String action) {
        return app.services.audit().search(new AuditLog.Filter(null, null, null, null, action), 100, 0).stream()
                .filter(event -> event.action().equals(action)).toList();
    }

    /** The value of the session cookie this response sets, if any. */
    private static Optional<String> sessionCookie(Response response) {
        return response.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(e -> e.getValue().stream())
                .filter(cookie -> cookie.startsWith("aw_sessie="))
                .map(cookie -> cookie.substring("aw_sessie=".length()).split(";", 2)[0])
                .filter(value -> !value.isEmpty())
                .reduce((first, last) -> last);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
