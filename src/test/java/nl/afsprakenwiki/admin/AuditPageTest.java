package nl.afsprakenwiki.admin;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The beheerder's audit log page: every kind of event as a readable sentence with links to what it is
 * about, filtered by person, koppelzone, action and period, a page at a time, with the details
 * behind a disclosure and client addresses written as people read them.
 */
class AuditPageTest {

    private static final Pattern ROW = Pattern.compile(
            "<tr data-action=\"([^\"]*)\">\\s*<td class=\"audit-time\">[^<]*</td>\\s*<td class=\"audit-sentence\">(.*?)</td>",
            Pattern.DOTALL);

    @TempDir
    static Path dir;
    static TestApp app;
    static TestApp.Client beheerder;
    static String x;
    static String y;
    static long agreementX;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        // older than everything below: 60 events of a script, for paging
        for (int i = 0; i < 60; i++) {
            app.services.audit().recordNow(Author.system("nachtscript"), "logout", "account:nachtscript", Map.of());
        }
        // a record from before addresses were normalised, and an action this version does not know
        app.services.audit().recordNow(Author.system("oud"), "login.failed", "account:oud",
                Map.of("address", "0:0:0:0:0:0:0:1"));
        app.services.audit().recordNow(Author.system("oud"), "iets.nieuws", "ding:7", Map.of("teller", 3));
        x = app.koppelzone("Koppelzone Jeugd Xstad", "Xstad");
        y = app.koppelzone("Koppelzone Jeugd Ystad", "Ystad");
        app.account("marieke", "Marieke de Vries");
        app.member(x, "marieke", Role.PRAKTIJKEXPERT);
        app.account("erik", "Erik Scholten");
        app.member(y, "erik", Role.PRAKTIJKEXPERT);
        app.admin("beheerder");

        TestApp.Client marieke = app.signIn("marieke");
        String csrf = marieke.csrfToken("/profiel");
        agreementX = marieke.send("POST", "/api/v1/koppelzones/" + x + "/agreements", "application/json", TestApp.json(Map.of(
                "title", "Warme overdracht", "body", "Tekst.", "parties", List.of("wijkteam-xstad"))),
                Map.of("X-CSRF-Token", csrf)).json().get("id").asLong();
        marieke.send("PUT", "/api/v1/agreements/" + agreementX, "application/json", TestApp.json(Map.of(
                "title", "Warme overdracht", "body", "Tekst, aangevuld.", "baseRevision", 1, "summary", "aanvulling")),
                Map.of("X-CSRF-Token", csrf));
        marieke.submit("/profiel", "/profiel/tokens", List.of(entry("label", "Test")));
        marieke.submit("/profiel", "/logout", List.of());
        app.bearer("erik").postJson("/api/v1/koppelzones/" + y + "/agreements", Map.of(
                "title", "Afspraak Y", "body", "Tekst.", "parties", List.of("wijkteam-ystad")));
        app.newBrowser().signIn("erik", "fout wachtwoord");
        beheerder = app.signIn("beheerder");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static List<String> rows(String query) {
        return rows(beheerder, query);
    }

    /** "action: sentence" of each row on the page, the sentence as text. */
    private static List<String> rows(TestApp.Client client, String query) {
        Response page = client.get("/beheer/audit" + query);
        assertThat(page.status()).isEqualTo(200);
        Matcher matcher = ROW.matcher(page.body());
        List<String> rows = new ArrayList<>();
        while (matcher.find()) {
            rows.add(matcher.group(1) + ": " + matcher.group(2).replaceAll("<[^>]+>", "").replace("&#39;", "'").strip());
        }
        return rows;
    }

    @Test
    void everyEventIsASentenceNewestFirst() {
        List<String> all = rows("");
        assertThat(all).contains("login: Marieke de Vries logde in",
                "agreement.create: Marieke de Vries maakte Warme overdracht aan",
                "agreement.save: Marieke de Vries wijzigde Warme overdracht (revisie 2)",
                "token.created: Marieke de Vries maakte de API-sleutel Test voor Marieke de Vries",
                "logout: Marieke de Vries logde uit",
                "agreement.create: Erik Scholten maakte Afspraak Y aan",
                "login.failed: Mislukte inlogpoging voor Erik Scholten",
                "login: Beheerder beheerder logde in",
                "membership.set: test gaf Marieke de Vries de rol praktijkexpert in Koppelzone Jeugd Xstad",
                "account.created: test maakte het account Marieke de Vries aan");
        assertThat(all.indexOf("agreement.create: Erik Scholten maakte Afspraak Y aan")).as("newest first")
                .isLessThan(all.indexOf("agreement.create: Marieke de Vries maakte Warme overdracht aan"));
    }

    @Test
    void subjectsLinkWhereTheyExistAndUnknownActionsStillRead() {
        String body = beheerder.get("/beheer/audit?persoon=marieke&actie=agreement.save").body();
        assertThat(body).contains("<a href=\"/beheer/accounts/marieke\">Marieke de Vries</a> wijzigde <a href=\"/afspraken/"
                + agreementX + "\"><em>Warme overdracht</em></a> (revisie 2)");
        assertThat(rows("?persoon=oud")).containsExactly("iets.nieuws: oud: iets.nieuws (7)",
                "login.failed: Mislukte inlogpoging voor oud");
    }

    @Test
    void theDetailsAreALabelledListBehindADisclosureWithReadableAddresses() {
        String body = beheerder.get("/beheer/audit?persoon=oud").body();
        assertThat(body).contains("<details class=\"audit-details\">").contains("<dt>IP-adres</dt><dd>::1</dd>")
                .contains("<dt>teller</dt><dd>3</dd>").doesNotContain("0:0:0:0:0:0:0:1").doesNotContain("{&#34;");
        String logins = beheerder.get("/beheer/audit?actie=login").body();
        assertThat(logins).contains("<dt>Manier van inloggen</dt><dd>wachtwoord</dd>")
                .containsPattern("<dt>IP-adres</dt><dd>(127\\.0\\.0\\.1|::1)</dd>").doesNotContain("0:0:0:0:0:0:0:1");
        String saves = beheerder.get("/beheer/audit?actie=agreement.save").body();
        assertThat(saves).contains("<dt>Revisie</dt><dd>2</dd>").contains("<dt>Gebaseerd op revisie</dt><dd>1</dd>");
    }

    @Test
    void theFiltersCombine() {
        assertThat(rows("?persoon=marieke")).isNotEmpty().allMatch(row -> row.contains(": Marieke de Vries "));
        assertThat(rows("?persoon=Scholten")).containsExactly("agreement.create: Erik Scholten maakte Afspraak Y aan");
        assertThat(rows("?persoon=erik")).as("name or username").containsExactly(
                "login.failed: Mislukte inlogpoging voor Erik Scholten", "agreement.create: Erik Scholten maakte Afspraak Y aan");
        assertThat(rows("?koppelzone=" + x)).contains("agreement.create: Marieke de Vries maakte Warme overdracht aan")
                .noneMatch(row -> row.contains("Erik"));
        assertThat(rows("?koppelzone=" + y + "&actie=agreement.create"))
                .containsExactly("agreement.create: Erik Scholten maakte Afspraak Y aan");
        assertThat(rows("?actie=login.failed")).containsExactly("login.failed: Mislukte inlogpoging voor Erik Scholten",
                "login.failed: Mislukte inlogpoging voor oud");
        assertThat(rows("?actie=login")).as("one action, not every code that starts alike")
                .allMatch(row -> row.startsWith("login: "));
        assertThat(beheerder.get("/beheer/audit?actie=agreement.save").body())
                .contains("<option value=\"agreement.save\" selected>Afspraak gewijzigd</option>");

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        assertThat(rows("?van=" + today + "&tot=" + today + "&persoon=marieke")).hasSameSizeAs(rows("?persoon=marieke"));
        assertThat(rows("?tot=" + today.minusDays(1))).isEmpty();
        assertThat(rows("?van=" + today.plusDays(1))).isEmpty();
        assertThat(beheerder.get("/beheer/audit?tot=" + today.minusDays(1)).body()).contains("Geen gebeurtenissen gevonden");
        // odd input is ignored, never an error
        assertThat(beheerder.get("/beheer/audit?van=gisteren&pagina=-3&koppelzone=onbekend&persoon=%25_%5C&actie=%00").status())
                .isEqualTo(200);
        assertThat(rows("?persoon=%25")).as("% is a character, not a wildcard").isEmpty();
    }

    @Test
    void itIsPagedAndThePageLinksKeepTheFilter() {
        assertThat(rows("?persoon=nachtscript")).hasSize(50).allMatch(row -> row.equals("logout: nachtscript logde uit"));
        assertThat(beheerder.get("/beheer/audit?persoon=nachtscript").body())
                .contains("href=\"/beheer/audit?pagina=2&amp;persoon=nachtscript\"").doesNotContain("rel=\"prev\"");
        assertThat(rows("?persoon=nachtscript&pagina=2")).hasSize(10);
        assertThat(beheerder.get("/beheer/audit?persoon=nachtscript&pagina=2").body())
                .contains("href=\"/beheer/audit?pagina=1&amp;persoon=nachtscript\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void theEnglishPageSpeaksEnglish() {
        TestApp.Client english = app.signIn("beheerder");
        english.get("/taal/en");
        assertThat(rows(english, "?persoon=marieke&actie=agreement.save"))
                .containsExactly("agreement.save: Marieke de Vries changed Warme overdracht (revision 2)");
        assertThat(english.get("/beheer/audit?persoon=oud").body()).contains("<dt>IP address</dt><dd>::1</dd>");
    }

    @Test
    void onlyTheBeheerderSeesIt() {
        assertThat(app.signIn("marieke").get("/beheer/audit").status()).isEqualTo(403);
        assertThat(app.get("/beheer/audit").status()).isEqualTo(302);
    }
}
