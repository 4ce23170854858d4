package nl.afsprakenwiki.admin;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.accounts.AccountService.NewAccount;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The beheerder's accounts at national scale: 300 accounts searched by name, username, e-mail address
 * and organisation, filtered by organisation, role and state, a page of 50 at a time; each account's
 * own page with its actions, and none that would harm the beheerder or leave the wiki without one.
 */
class AccountAdminTest {

    private static final Pattern ROW = Pattern.compile("<td><a href=\"/beheer/accounts/([a-z0-9._-]+)\">([^<]*)</a>");
    private static final Author TEST = Author.system("test");

    @TempDir
    static Path dir;
    static TestApp app;
    static TestApp.Client beheerder;
    static String x;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        x = app.koppelzone("Koppelzone Jeugd Xstad", "Xstad");
        // accounts without a password (single sign-on only) cost no hashing: 300 are made in a moment
        for (int i = 1; i <= 300; i++) {
            String username = "persoon%03d".formatted(i);
            app.services.accounts().create(new NewAccount(username, "Persoon %03d".formatted(i),
                    "p%03d@gemeente.example".formatted(i), i % 3 == 0 ? "wijkteam-xstad" : null, false, null), TEST);
            if (i % 10 == 0) {
                app.services.accounts().setDisabled(username, true, TEST);
            }
            if (i % 25 == 0) {
                app.member(x, username, Role.MANAGER);
            }
        }
        app.admin("beheerder");
        app.admin("tweede");
        app.member(x, "marieke", Role.PRAKTIJKEXPERT);
        app.services.tokens().createToken("marieke", "Koppeling intranet", TEST);
        beheerder = app.signIn("beheerder");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** The usernames listed on the page, in order. */
    private static List<String> listed(String query) {
        Response page = beheerder.get("/beheer/accounts" + query);
        assertThat(page.status()).isEqualTo(200);
        Matcher matcher = ROW.matcher(page.body());
        List<String> usernames = new ArrayList<>();
        while (matcher.find()) {
            usernames.add(matcher.group(1));
        }
        return usernames;
    }

    @Test
    void theListIsPagedByFiftySortedByNameWithTheTotalAndPageLinks() {
        Response first = beheerder.get("/beheer/accounts");
        // 300 people, marieke ("Test marieke") and two beheerders
        assertThat(first.body()).contains("Gevonden: 303. Pagina 1 van 7.")
                .contains("href=\"/beheer/accounts?pagina=2\"").contains("href=\"/beheer/accounts?pagina=7\"")
                .doesNotContain("?pagina=5\"");
        List<String> page1 = listed("");
        assertThat(page1).hasSize(50).startsWith("beheerder", "tweede", "persoon001").endsWith("persoon048");
        assertThat(listed("?pagina=2")).hasSize(50).startsWith("persoon049");
        assertThat(listed("?pagina=7")).containsExactly("persoon299", "persoon300", "marieke");
        assertThat(listed("?pagina=99")).as("past the end: the last page").containsExactly("persoon299", "persoon300",
                "marieke");
        assertThat(beheerder.get("/beheer/accounts?pagina=7").body()).doesNotContain("rel=\"next\"");

        TestApp.Client english = app.signIn("tweede");
        english.get("/taal/en");
        assertThat(english.get("/beheer/accounts?rol=manager").body()).contains("Found: 12. Page 1 of 1.")
                .contains("<option value=\"manager\" selected>Manager</option>").contains(">Blocked</span>");
    }

    @Test
    void oneFieldSearchesNameUsernameEmailAndOrganisation() {
        assertThat(listed("?zoek=Persoon+12")).containsExactly("persoon120", "persoon121", "persoon122",
                "persoon123", "persoon124", "persoon125", "persoon126", "persoon127", "persoon128", "persoon129");
        assertThat(listed("?zoek=persoon250")).containsExactly("persoon250");
        assertThat(listed("?zoek=p007%40gemeente")).containsExactly("persoon007");
        assertThat(beheerder.get("/beheer/accounts?zoek=Wijkteam+Xstad").body()).contains("Gevonden: 100.");
        assertThat(listed("?zoek=%25")).as("% is a character, not a wildcard").isEmpty();
        assertThat(beheerder.get("/beheer/accounts?zoek=niemand-zo").body()).contains("Geen accounts gevonden");
    }

    @Test
    void theFiltersCombineAndThePageLinksKeepThem() {
        assertThat(listed("?organisatie=wijkteam-xstad&status=geblokkeerd")).containsExactly("persoon030", "persoon060",
                "persoon090", "persoon120", "persoon150", "persoon180", "persoon210", "persoon240", "persoon270", "persoon300");
        assertThat(listed("?rol=manager")).containsExactly("persoon025", "persoon050", "persoon075", "persoon100",
                "persoon125", "persoon150", "persoon175", "persoon200", "persoon225", "persoon250", "persoon275", "persoon300");
        assertThat(listed("?rol=manager&status=actief&zoek=Persoon+2")).containsExactly("persoon225", "persoon275");
        assertThat(listed("?rol=beheerder")).containsExactly("beheerder", "tweede");
        assertThat(listed("?rol=praktijkexpert")).containsExactly("marieke");
        assertThat(listed("?rol=iets&status=wellicht&organisatie=")).as("unknown values filter nothing").hasSize(50);

        Response active = beheerder.get("/beheer/accounts?status=actief&zoek=Persoon");
        assertThat(active.body()).contains("Gevonden: 270. Pagina 1 van 6.")
                .contains("href=\"/beheer/accounts?pagina=2&amp;zoek=Persoon&amp;status=actief\"");
        assertThat(listed("?pagina=6&zoek=Persoon&status=actief")).hasSize(20).doesNotContain("persoon300");
    }

    @Test
    void eachAccountHasItsOwnPageWithMembershipsTokensAndActions() {
        Response page = beheerder.get("/beheer/accounts/marieke");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Test marieke</h1>").contains("Koppelzone Jeugd Xstad</a>: praktijkexpert")
                .contains("Koppeling intranet").contains("value=\"blokkeren\"").contains("value=\"beheerder\"")
                .contains("action=\"/beheer/accounts/marieke/gegevens\"").contains("action=\"/beheer/accounts/marieke/wachtwoord\"")
                .contains("href=\"/beheer/audit?persoon=marieke\"");
        assertThat(beheerder.get("/beheer/accounts/niemand").status()).isEqualTo(404);

        long token = app.services.tokens().tokens(app.services.accounts().byUsername("marieke").orElseThrow().id()).get(0).id();
        Response revoked = beheerder.submit("/beheer/accounts/marieke", "/beheer/accounts/marieke/tokens/" + token + "/intrekken",
                List.of());
        assertThat(revoked.header("Location")).isEqualTo("/beheer/accounts/marieke?melding=sleutel-ingetrokken");
        assertThat(beheerder.get("/beheer/accounts/marieke?melding=sleutel-ingetrokken").body())
                .contains("De API-sleutel is ingetrokken").doesNotContain("Trek sleutel Koppeling intranet in");

        Response blocked = beheerder.submit("/beheer/accounts/persoon001", "/beheer/accounts/persoon001/status",
                List.of(entry("action", "blokkeren")));
        assertThat(blocked.header("Location")).isEqualTo("/beheer/accounts/persoon001?melding=blokkeren");
        assertThat(beheerder.get("/beheer/accounts/persoon001").body()).contains("value=\"deblokkeren\"")
                .doesNotContain("value=\"blokkeren\"");
        beheerder.submit("/beheer/accounts/persoon001", "/beheer/accounts/persoon001/status", List.of(entry("action", "deblokkeren")));
        assertThat(app.services.accounts().byUsername("persoon001").orElseThrow().disabled()).isFalse();
    }

    @Test
    void theBeheerderIsNeverOfferedNorAllowedToHarmThemselves() {
        Response own = beheerder.get("/beheer/accounts/beheerder");
        assertThat(own.body()).contains("Dit is uw eigen account.").doesNotContain("value=\"blokkeren\"")
                .doesNotContain("value=\"geen-beheerder\"");
        assertThat(beheerder.get("/beheer/accounts/tweede").body()).as("another beheerder can lose the right")
                .contains("value=\"geen-beheerder\"").contains("value=\"blokkeren\"");

        for (String action : List.of("blokkeren", "geen-beheerder")) {
            Response refused = beheerder.submit("/beheer/accounts/beheerder", "/beheer/accounts/beheerder/status",
                    List.of(entry("action", action)));
            assertThat(refused.status()).as(action).isEqualTo(422);
            assertThat(refused.body()).contains("U kunt uw eigen account niet blokkeren")
                    .doesNotContain("value=\"" + action + "\"");
        }
        var account = app.services.accounts().byUsername("beheerder").orElseThrow();
        assertThat(account.admin()).isTrue();
        assertThat(account.disabled()).isFalse();
    }

    @Test
    void theLastActiveBeheerderKeepsTheRight() {
        TestApp local = TestApp.start(dir.resolve("alleen"));
        try (local) {
            local.admin("enige");
            local.admin("vertrokken");
            local.services.accounts().setDisabled("vertrokken", true, TEST);
            assertThatThrownBy(() -> local.services.accounts().setAdmin("enige", false, TEST))
                    .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.errors())
                            .anyMatch(error -> error.messageKey().equals("error.account.lastAdmin")));
            assertThat(local.services.accounts().byUsername("enige").orElseThrow().admin()).isTrue();
            // a blocked beheerder is no active one: taking their right leaves the wiki its beheerder
            local.services.accounts().setAdmin("vertrokken", false, TEST);
            assertThat(local.services.accounts().byUsername("vertrokken").orElseThrow().admin()).isFalse();

            local.account("nieuw");
            local.services.accounts().setAdmin("nieuw", true, TEST);
            local.services.accounts().setAdmin("enige", false, TEST);
            assertThat(local.services.accounts().byUsername("enige").orElseThrow().admin()).isFalse();
            assertThat(local.signIn("nieuw").get("/beheer/accounts/nieuw").body())
                    .contains("Dit is uw eigen account.");
        }
    }
}
