package nl.afsprakenwiki.accounts;

import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** Signing in and out through the real login form, pac4j and the accounts in SQLite. */
class SignInTest {

    @TempDir
    Path dir;
    private TestApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private TestApp start() {
        app = TestApp.start(dir);
        app.account("marieke", "Marieke de Vries");
        return app;
    }

    private static String cookie(Response response, String name) {
        List<String> cookies = response.headers().getOrDefault("set-cookie", List.of());
        return cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
    }

    private static String cookieValue(String setCookie) {
        return setCookie == null ? null : setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    @Test
    void theLoginPageIsDutchAndAFailedLoginKeepsTheUsernameAndSaysWhy() {
        start();
        Response page = app.get("/login");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Inloggen</h1>").contains("autocomplete=\"current-password\"")
                .contains("action=\"/callback?client_name=FormClient\"").doesNotContain("Inloggen met SSO");

        TestApp.Client browser = app.newBrowser();
        Response failed = browser.signIn("marieke", "verkeerd wachtwoord");
        assertThat(failed.status()).isIn(302, 303);
        assertThat(failed.header("Location")).startsWith("/login?").contains("username=marieke");
        assertThat(browser.get(failed.header("Location")).body())
                .contains("Deze combinatie van gebruikersnaam en wachtwoord klopt niet").contains("value=\"marieke\"");
        assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void signingInGivesANewHttpOnlySessionAndReturnsToThePageThatAskedForIt() {
        start();
        TestApp.Client browser = app.newBrowser();
        // a page that needs an account sends the visitor to the login page, remembering where they were
        Response profile = browser.get("/profiel");
        assertThat(profile.status()).isEqualTo(302);
        assertThat(profile.header("Location")).isEqualTo("/login?terug=%2Fprofiel");

        // a failed attempt already has a session (pac4j keeps the destination in it)
        Response failed = browser.submit("/login?terug=/profiel", "/callback?client_name=FormClient",
                List.of(entry("username", "marieke"), entry("password", "fout"), entry("terug", "/profiel")));
        String before = cookieValue(cookie(failed, "aw_sessie"));
        assertThat(before).isNotNull();

        Response signedIn = browser.submit("/login?terug=/profiel", "/callback?client_name=FormClient",
                List.of(entry("username", "Marieke"), entry("password", TestApp.PASSWORD), entry("terug", "/profiel")));
        assertThat(signedIn.status()).isIn(302, 303);
        assertThat(signedIn.header("Location")).isEqualTo("/profiel");
        String session = cookie(signedIn, "aw_sessie");
        assertThat(session).as("a new session id at login").isNotNull().contains("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContain("Secure");
        assertThat(cookieValue(session)).isNotEqualTo(before);
        assertThat(browser.get("/profiel").body()).contains("Marieke de Vries").contains("marieke@test.invalid");

        // the old session id is worthless
        TestApp.Client replay = app.newBrowser();
        Response old = replay.send("GET", "/api/v1/me", null, null, Map.of("Cookie", "aw_sessie=" + before));
        assertThat(old.status()).isEqualTo(401);
    }

    @Test
    void cookiesAreSecureWhenTheSettingSaysTheSiteIsServedOverHttps() {
        Settings plain = Settings.forTests(dir);
        app = TestApp.start(new Settings(0, dir, false, "127.0.0.1", true, false, "", java.util.Optional.empty(),
                PasswordHashing.STANDARD));
        app.account("marieke");
        Response login = app.newBrowser().get("/login");
        String csrfCookie = cookie(login, "aw_csrf");
        assertThat(csrfCookie).contains("Secure").contains("HttpOnly");
        // a browser sends Secure cookies over https only; this test speaks http, so it sends it by hand
        String token = login.body().replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
        Response signedIn = app.newBrowser().send("POST", "/callback?client_name=FormClient",
                "application/x-www-form-urlencoded", "username=marieke&password=" + TestApp.PASSWORD + "&csrf=" + token,
                Map.of("Cookie", "aw_csrf=" + cookieValue(csrfCookie)));
        assertThat(signedIn.header("Location")).isEqualTo("/");
        assertThat(cookie(signedIn, "aw_sessie")).contains("Secure").contains("HttpOnly");
        assertThat(plain.secureCookies()).isFalse();
    }

    @Test
    void behindATrustedProxyHttpsAtTheProxyMakesTheCookiesSecure() {
        app = TestApp.start(Settings.forTests(dir).withTrustProxy(true));
        app.account("marieke");
        Map<String, String> proxied = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "::FFFF:203.0.113.5");
        TestApp.Client browser = app.newBrowser();
        Response login = browser.send("GET", "/login", null, null, proxied);
        String csrfCookie = cookie(login, "aw_csrf");
        assertThat(csrfCookie).contains("Secure");
        String token = login.body().replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
        Map<String, String> withCookie = new java.util.HashMap<>(proxied);
        withCookie.put("Cookie", "aw_csrf=" + cookieValue(csrfCookie));
        Response signedIn = app.newBrowser().send("POST", "/callback?client_name=FormClient", "application/x-www-form-urlencoded",
                "username=marieke&password=" + TestApp.PASSWORD + "&csrf=" + token, withCookie);
        assertThat(cookie(signedIn, "aw_sessie")).contains("Secure").contains("HttpOnly");
        // the address the proxy saw, IPv4-mapped IPv6, is recorded as the IPv4 address it is
        String details = app.db.read(handle -> handle.createQuery("SELECT details FROM audit_event WHERE action = 'login'")
                .mapTo(String.class).one());
        assertThat(details).contains("\"address\":\"203.0.113.5\"");
    }

    @Test
    void onlyLocalDestinationsAreFollowedAfterSigningIn() {
        start();
        for (String destination : List.of("https://evil.example/", "//evil.example", "/\\evil.example")) {
            TestApp.Client browser = app.newBrowser();
            Response signedIn = browser.submit("/login", "/callback?client_name=FormClient",
                    List.of(entry("username", "marieke"), entry("password", TestApp.PASSWORD), entry("terug", destination)));
            assertThat(signedIn.header("Location")).as(destination).isEqualTo("/");
        }
    }

    @Test
    void signingOutEndsTheSessionForGood() {
        start();
        TestApp.Client browser = app.newBrowser();
        String session = cookieValue(cookie(browser.signIn("marieke", TestApp.PASSWORD), "aw_sessie"));
        assertThat(session).isNotNull();
        Response me = browser.get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("authenticatedWith").asText()).isEqualTo("session");

        // signing out is a form with the CSRF token; without it nothing happens
        assertThat(browser.postForm("/logout", List.of()).status()).isEqualTo(403);
        assertThat(browser.get("/api/v1/me").status()).isEqualTo(200);

        Response out = browser.submit("/profiel", "/logout", List.of());
        assertThat(out.status()).isIn(302, 303);
        assertThat(out.header("Location")).isEqualTo("/?melding=uitgelogd");
        assertThat(browser.get("/?melding=uitgelogd").body()).contains("U bent uitgelogd.").contains("href=\"/login");
        assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(app.newBrowser().send("GET", "/api/v1/me", null, null, Map.of("Cookie", "aw_sessie=" + session))
                .status()).as("the old session id is invalidated").isEqualTo(401);
        assertThat(audit("logout")).isEqualTo(1);
    }

    @Test
    void theSixthFailedLoginWithinFifteenMinutesIsAnswered429InDutch() {
        start();
        TestApp.Client browser = app.newBrowser();
        for (int i = 0; i < 5; i++) {
            assertThat(browser.signIn("marieke", "poging " + i).status()).isIn(302, 303);
        }
        Response sixth = browser.signIn("marieke", "poging 6");
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.header("Retry-After")).matches("\\d+");
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(sixth.body()).contains("Er zijn te veel mislukte inlogpogingen gedaan. Probeer het opnieuw na ")
                .contains("value=\"marieke\"");
        // while blocked even the right password does not get in (and is not checked at all)
        assertThat(app.newBrowser().signIn("marieke", TestApp.PASSWORD).status()).isEqualTo(429);
        assertThat(audit("login.failed")).isEqualTo(5);
    }

    @Test
    void theThrottleOutlivesARestartAndForgetsWhatIsOlderThanFifteenMinutes() {
        start();
        for (int i = 0; i < 5; i++) {
            app.newBrowser().signIn("marieke", "poging " + i);
        }
        // a pasted text as username is counted too (by its SHA-256), not refused by the database
        assertThat(app.newBrowser().signIn("x".repeat(5_000), "geraden").status()).isEqualTo(429);
        app.close();

        app = TestApp.start(dir);
        assertThat(app.newBrowser().signIn("marieke", TestApp.PASSWORD).status()).as("still blocked after a restart")
                .isEqualTo(429);
        app.db.write(handle -> handle.execute("UPDATE login_failure SET at = at - ?", 15 * 60 * 1000 + 1));
        assertThat(app.newBrowser().signIn("marieke", TestApp.PASSWORD).header("Location")).isEqualTo("/");
        // the next failure clears what is older than the window
        app.newBrowser().signIn("marieke", "nog een poging");
        int kept = app.db.read(handle -> handle.createQuery("SELECT count(*) FROM login_failure").mapTo(Integer.class).one());
        assertThat(kept).as("the new failure, for the account and the address").isEqualTo(2);
    }

    @Test
    void failuresAreCountedPerClientAddressAcrossAccounts() {
        start();
        for (String username : List.of("a", "b", "c", "d", "e")) {
            app.newBrowser().signIn(username, "geraden");
        }
        // another account from the same address is refused too
        assertThat(app.newBrowser().signIn("marieke", TestApp.PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void forwardedForIsIgnoredWithoutAProxyAndTrustedWithOne() {
        app = TestApp.start(dir);
        app.account("marieke");
        for (int i = 0; i < 5; i++) {
            signInFrom(app, "geraden-" + i, "198.51.100." + i);
        }
        // without the proxy setting a made-up X-Forwarded-For does not escape the address limit
        assertThat(signInFrom(app, "marieke", "203.0.113.9").status()).isEqualTo(429);
        app.close();

        app = TestApp.start(Settings.forTests(dir).withTrustProxy(true));
        for (int i = 0; i < 5; i++) {
            signInFrom(app, "geraden-" + i, "198.51.100.7");
        }
        assertThat(signInFrom(app, "marieke", "198.51.100.7").status()).as("same address behind the proxy").isEqualTo(429);
        assertThat(signInFrom(app, "marieke", "203.0.113.9").status()).as("another address behind the proxy").isIn(302, 303);
    }

    private static Response signInFrom(TestApp app, String username, String address) {
        TestApp.Client browser = app.newBrowser();
        String csrf = browser.csrfToken("/login");
        return browser.send("POST", "/callback?client_name=FormClient", "application/x-www-form-urlencoded",
                "username=" + username + "&password=" + (username.equals("marieke") ? TestApp.PASSWORD : "fout") + "&csrf=" + csrf,
                Map.of("X-Forwarded-For", address));
    }

    @Test
    void aDisabledAccountCannotSignInAndLosesItsSessionAndTokens() {
        start();
        TestApp.Client browser = app.signIn("marieke");
        TestApp.Client api = app.bearer("marieke");
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);

        app.services.accounts().setDisabled("marieke", true, Author.system("test"));

        assertThat(browser.get("/api/v1/me").status()).as("the open session ends").isEqualTo(401);
        assertThat(browser.get("/profiel").status()).isEqualTo(302);
        assertThat(api.get("/api/v1/me").status()).as("tokens stop working").isEqualTo(401);
        Response again = app.newBrowser().signIn("marieke", TestApp.PASSWORD);
        assertThat(again.header("Location")).startsWith("/login?");

        app.services.accounts().setDisabled("marieke", false, Author.system("test"));
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(app.newBrowser().signIn("marieke", TestApp.PASSWORD).header("Location")).isEqualTo("/");
    }

    @Test
    void aPasswordChangeNeedsTheCurrentPasswordAndTheNewOneTwice() {
        start();
        TestApp.Client browser = app.signIn("marieke");
        Response wrong = browser.submit("/profiel", "/profiel/wachtwoord", List.of(entry("current", "niet het wachtwoord"),
                entry("password", "een nieuw wachtwoord"), entry("passwordAgain", "een nieuw wachtwoord")));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("Het huidige wachtwoord klopt niet.");

        Response differ = browser.submit("/profiel", "/profiel/wachtwoord", List.of(entry("current", TestApp.PASSWORD),
                entry("password", "een nieuw wachtwoord"), entry("passwordAgain", "een ander wachtwoord")));
        assertThat(differ.status()).isEqualTo(422);
        assertThat(differ.body()).contains("De twee wachtwoorden zijn niet gelijk.");

        Response tooShort = browser.submit("/profiel", "/profiel/wachtwoord", List.of(entry("current", TestApp.PASSWORD),
                entry("password", "kort"), entry("passwordAgain", "kort")));
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.body()).contains("Het wachtwoord moet minstens 12 tekens lang zijn.");

        Response changed = browser.submit("/profiel", "/profiel/wachtwoord", List.of(entry("current", TestApp.PASSWORD),
                entry("password", "een nieuw wachtwoord"), entry("passwordAgain", "een nieuw wachtwoord")));
        assertThat(changed.header("Location")).isEqualTo("/profiel?melding=wachtwoord");
        assertThat(browser.get("/profiel?melding=wachtwoord").body()).contains("Uw wachtwoord is gewijzigd.");

        assertThat(app.newBrowser().signIn("marieke", TestApp.PASSWORD).header("Location")).startsWith("/login?");
        assertThat(app.newBrowser().signIn("marieke", "een nieuw wachtwoord").header("Location")).isEqualTo("/");
        // only an Argon2id hash is stored
        String hash = app.db.read(handle -> handle.createQuery("SELECT password_hash FROM account WHERE username = 'marieke'")
                .mapTo(String.class).one());
        assertThat(hash).startsWith("$argon2id$").doesNotContain("een nieuw wachtwoord");
    }

    @Test
    void peopleCorrectTheirOwnNameAndEmailAndTheBeheerderAlsoTheirOrganisation() {
        start();
        TestApp.Client browser = app.signIn("marieke");
        Response invalid = browser.submit("/profiel", "/profiel/gegevens", List.of(entry("displayName", " "),
                entry("email", "geen adres")));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("Vul een naam in van hoogstens 100 tekens.").contains("value=\"geen adres\"");
        Response saved = browser.submit("/profiel", "/profiel/gegevens", List.of(entry("displayName", "Marieke de Vries-Jansen"),
                entry("email", "m.devries@horizon.example")));
        assertThat(saved.header("Location")).isEqualTo("/profiel?melding=gegevens");
        assertThat(browser.get("/profiel?melding=gegevens").body()).contains("Uw gegevens zijn opgeslagen.")
                .contains("Marieke de Vries-Jansen").contains("m.devries@horizon.example");

        app.koppelzone("Koppelzone Jeugd Teststad", "Teststad");
        app.admin("beheerder");
        Response byAdmin = app.signIn("beheerder").submit("/beheer/accounts", "/beheer/accounts/marieke/gegevens",
                List.of(entry("displayName", "Marieke de Vries"), entry("email", "m.devries@horizon.example"),
                        entry("organisation", "wijkteam-teststad")));
        assertThat(byAdmin.header("Location")).isEqualTo("/beheer/accounts/marieke?melding=gewijzigd");
        Account account = app.services.accounts().byUsername("marieke").orElseThrow();
        assertThat(account.displayName()).isEqualTo("Marieke de Vries");
        assertThat(account.organisation().slug()).isEqualTo("wijkteam-teststad");
        assertThat(audit("account.updated")).isEqualTo(2);
    }

    @Test
    void theAuditLogRecordsLoginsWithoutPasswords() {
        start();
        app.newBrowser().signIn("marieke", "geheim-fout-wachtwoord");
        app.signIn("marieke");
        assertThat(audit("login")).isEqualTo(1);
        assertThat(audit("login.failed")).isEqualTo(1);
        List<String> events = app.db.read(handle -> handle.createQuery("SELECT action || ' ' || actor || ' ' || details FROM audit_event")
                .mapTo(String.class).list());
        String all = String.join("\n", events);
        assertThat(all).doesNotContain("geheim-fout-wachtwoord").doesNotContain(TestApp.PASSWORD);
        Long accountId = app.db.read(handle -> handle.createQuery("SELECT actor_account_id FROM audit_event WHERE action = 'login'")
                .mapTo(Long.class).one());
        assertThat(accountId).isEqualTo(app.services.accounts().byUsername("marieke").orElseThrow().id());
    }

    @Test
    void theFirstStartLinkMakesOneBeheerderOnce() {
        app = TestApp.start(dir);
        String link = app.services.firstStart().path();
        assertThat(app.get("/setup/verkeerd").status()).isEqualTo(404);
        Response page = app.get(link);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Eerste beheerder aanmaken");

        TestApp.Client browser = app.newBrowser();
        Response mismatch = browser.submit(link, link, List.of(entry("username", "anne"), entry("displayName", "Anne"),
                entry("email", "anne@gemeente.example"), entry("password", "een lang wachtwoord"), entry("passwordAgain", "anders")));
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.body()).contains("De twee wachtwoorden zijn niet gelijk.").contains("value=\"anne\"");

        Response made = browser.submit(link, link, List.of(entry("username", "Anne"), entry("displayName", "Anne"),
                entry("email", "anne@gemeente.example"), entry("password", "een lang wachtwoord"),
                entry("passwordAgain", "een lang wachtwoord")));
        assertThat(made.header("Location")).isEqualTo("/login?melding=account&username=anne");
        assertThat(app.services.accounts().byUsername("anne").orElseThrow().admin()).isTrue();
        assertThat(app.get(link).status()).as("the link works once").isEqualTo(404);
        assertThat(app.newBrowser().signIn("anne", "een lang wachtwoord").header("Location")).isEqualTo("/");
    }

    private long audit(String action) {
        return app.db.read(handle -> handle.createQuery("SELECT count(*) FROM audit_event WHERE action = :action")
                .bind("action", action).mapTo(Long.class).one());
    }
}
