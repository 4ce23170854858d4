package nl.afsprakenwiki.auth;

import nl.afsprakenwiki.accounts.AccountSessions;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.text.Hashes;
import org.eclipse.jetty.session.SessionData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Login sessions live in the database (issue 19): they outlive a restart, a logout or a password change
 * ends them at once, and the database never holds a session id, only its SHA-256.
 */
class StoredSessionsTest {

    @TempDir
    Path dir;

    private TestApp app;

    @AfterEach
    void close() {
        if (app != null) {
            app.close();
        }
    }

    private static String sessionCookie(TestApp.Client browser) {
        return browser.cookies().stream().filter(cookie -> cookie.getName().equals("aw_sessie"))
                .map(java.net.HttpCookie::getValue).findFirst().orElseThrow();
    }

    /** /api/v1/me with only this session cookie: who it signs in, or the status. */
    private static String me(TestApp app, String session) {
        Response me = app.newBrowser().send("GET", "/api/v1/me", null, null, Map.of("Cookie", "aw_sessie=" + session));
        return me.status() == 200 ? me.json().get("username").asText() : String.valueOf(me.status());
    }

    private List<Map<String, Object>> rows() {
        return app.db.read(handle -> handle.createQuery("SELECT id_sha256, username, expiry, attributes FROM web_session")
                .mapToMap().list());
    }

    @Test
    void aSessionOutlivesARestartOfTheServer() {
        app = TestApp.start(dir);
        app.account("marieke");
        String session = sessionCookie(app.signIn("marieke"));
        assertThat(me(app, session)).isEqualTo("marieke");
        app.close();

        app = TestApp.start(dir);
        assertThat(me(app, session)).as("signed in after the restart, on a new server").isEqualTo("marieke");
        String other = (session.charAt(0) == 'A' ? "B" : "A") + session.substring(1);
        assertThat(me(app, other)).isEqualTo("401");
    }

    @Test
    void theDatabaseHoldsTheHashOfASessionIdNeverTheIdItself() {
        app = TestApp.start(dir);
        app.account("marieke");
        String session = sessionCookie(app.signIn("marieke"));
        String id = session.contains(".") ? session.substring(0, session.lastIndexOf('.')) : session;

        List<Map<String, Object>> rows = rows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("id_sha256")).isEqualTo(Hashes.sha256(id));
        assertThat(rows.get(0).get("username")).isEqualTo("marieke");
        assertThat(new String((byte[]) rows.get(0).get("attributes"), StandardCharsets.ISO_8859_1)).doesNotContain(id);
    }

    @Test
    void aLogoutEndsTheSessionInTheDatabase() {
        app = TestApp.start(dir);
        app.account("marieke");
        TestApp.Client browser = app.signIn("marieke");
        String session = sessionCookie(browser);
        assertThat(rows()).hasSize(1);

        assertThat(browser.submit("/profiel", "/logout", List.of()).status()).isIn(302, 303);
        assertThat(rows()).as("no row left of the session").isEmpty();
        assertThat(me(app, session)).isEqualTo("401");
    }

    @Test
    void aPasswordChangeEndsTheAccountsOtherSessionsButNotTheOneThatChangedIt() {
        app = TestApp.start(dir);
        app.account("marieke");
        app.account("jan");
        TestApp.Client here = app.signIn("marieke");
        String elsewhere = sessionCookie(app.signIn("marieke"));
        String colleague = sessionCookie(app.signIn("jan"));

        Response changed = here.submit("/profiel", "/profiel/wachtwoord", List.of(entry("current", TestApp.PASSWORD),
                entry("password", "een nieuw wachtwoord"), entry("passwordAgain", "een nieuw wachtwoord")));
        assertThat(changed.header("Location")).isEqualTo("/profiel?melding=wachtwoord");
        assertThat(here.get("/profiel?melding=wachtwoord").body())
                .contains("Uw wachtwoord is gewijzigd. Waar u verder nog was ingelogd, bent u uitgelogd.");
        assertThat(me(app, sessionCookie(here))).isEqualTo("marieke");
        assertThat(me(app, elsewhere)).as("the other browser of the account").isEqualTo("401");
        assertThat(me(app, colleague)).as("another account's session").isEqualTo("jan");
        String details = app.db.read(handle -> handle.createQuery(
                "SELECT details FROM audit_event WHERE action = 'account.password'").mapTo(String.class).one());
        assertThat(details).contains("\"sessionsEnded\":1");

        // a refused change ends nothing
        TestApp.Client another = app.newBrowser();
        assertThat(another.signIn("marieke", "een nieuw wachtwoord").header("Location")).isEqualTo("/");
        String again = sessionCookie(another);
        Response refused = here.submit("/profiel", "/profiel/wachtwoord", List.of(entry("current", "fout"),
                entry("password", "nog een wachtwoord!"), entry("passwordAgain", "nog een wachtwoord!")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(me(app, again)).isEqualTo("marieke");
    }

    @Test
    void aBeheerderWhoSetsAPasswordEndsEverySessionOfThatAccount() {
        app = TestApp.start(dir);
        app.account("marieke");
        app.admin("beheer");
        String marieke = sessionCookie(app.signIn("marieke"));
        TestApp.Client beheerder = app.signIn("beheer");

        Response set = beheerder.submit("/beheer/accounts/marieke", "/beheer/accounts/marieke/wachtwoord",
                List.of(entry("password", "een nieuw wachtwoord")));
        assertThat(set.header("Location")).isEqualTo("/beheer/accounts/marieke?melding=wachtwoord");
        assertThat(me(app, marieke)).isEqualTo("401");
        assertThat(me(app, sessionCookie(beheerder))).isEqualTo("beheer");
    }

    @Test
    void anExpiredSessionSignsNobodyInAndIsDeleted() {
        app = TestApp.start(dir);
        app.account("marieke");
        String session = sessionCookie(app.signIn("marieke"));
        app.db.write(handle -> handle.execute("UPDATE web_session SET expiry = ?", System.currentTimeMillis() - 1_000));

        assertThat(me(app, session)).isEqualTo("401");
        AccountSessions sessions = new AccountSessions(app.db);
        sessions.deleteExpired(System.currentTimeMillis());
        assertThat(rows()).isEmpty();
    }

    @Test
    void aSessionEndedWhileARequestRanIsNotBroughtBackByThatRequest() throws Exception {
        app = TestApp.start(dir);
        AccountSessions sessions = new AccountSessions(app.db);
        AccountSessions.Stored stored = new AccountSessions.Stored("marieke", 1, 2, 1, 1, Long.MAX_VALUE, 60_000, 2,
                new byte[]{1, 2, 3});
        sessions.insert("sessie-1", stored);
        assertThat(sessions.exists("sessie-1", 3)).isTrue();
        assertThat(sessions.delete("sessie-1")).isTrue();

        assertThat(sessions.update("sessie-1", stored)).isFalse();
        assertThat(sessions.exists("sessie-1", 3)).isFalse();
        assertThat(rows()).isEmpty();

        // the same through Jetty's store: a session saved before is only updated, a new one inserted
        StoredSessions store = new StoredSessions(sessions);
        SessionData data = new SessionData("sessie-2", "/", "0.0.0.0", 1, 2, 1, 60_000);
        data.setAttribute("terug", "/profiel");
        store.doStore("sessie-2", data, 5);
        assertThat(rows()).as("saved before, ended meanwhile: stays ended").isEmpty();
        store.doStore("sessie-2", data, 0);
        assertThat(store.doExists("sessie-2")).isTrue();
        assertThat(rows()).hasSize(1);
    }
}
