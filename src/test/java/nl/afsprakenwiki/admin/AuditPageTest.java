package nl.afsprakenwiki.admin;

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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** The beheerder's audit log page: every kind of event, filtered by person, koppelzone, date and action. */
class AuditPageTest {

    private static final Pattern ROW = Pattern.compile(
            "<tr>\\s*<td>[^<]*</td>\\s*<td>([^<]*)(?:<span[^>]*>[^<]*</span>)?</td>\\s*<td><code>([^<]*)</code>");

    @TempDir
    static Path dir;
    static TestApp app;
    static TestApp.Client beheerder;
    static String x;
    static String y;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        x = app.koppelzone("Koppelzone Jeugd Xstad", "Xstad");
        y = app.koppelzone("Koppelzone Jeugd Ystad", "Ystad");
        app.account("marieke", "Marieke de Vries");
        app.member(x, "marieke", Role.PRAKTIJKEXPERT);
        app.account("erik", "Erik Scholten");
        app.member(y, "erik", Role.PRAKTIJKEXPERT);
        app.admin("beheerder");

        TestApp.Client marieke = app.signIn("marieke");
        String csrf = marieke.csrfToken("/profiel");
        marieke.send("POST", "/api/v1/koppelzones/" + x + "/agreements", "application/json", TestApp.json(Map.of(
                "title", "Afspraak X", "body", "Tekst.", "parties", List.of("wijkteam-xstad"))), Map.of("X-CSRF-Token", csrf));
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

    /** (actor, action) of each row on the page. */
    private static List<String> rows(String query) {
        Response page = beheerder.get("/beheer/audit" + query);
        assertThat(page.status()).isEqualTo(200);
        Matcher matcher = ROW.matcher(page.body());
        List<String> rows = new java.util.ArrayList<>();
        while (matcher.find()) {
            rows.add(matcher.group(1).strip() + " " + matcher.group(2));
        }
        return rows;
    }

    @Test
    void everyKindOfEventIsThereNewestFirst() {
        List<String> all = rows("");
        assertThat(all).contains("Marieke de Vries login", "Marieke de Vries agreement.create", "Marieke de Vries token.created",
                "Marieke de Vries logout", "Erik Scholten agreement.create", "erik login.failed", "Beheerder beheerder login",
                "test membership.set", "test account.created");
        assertThat(all.indexOf("Erik Scholten agreement.create")).as("newest first")
                .isLessThan(all.indexOf("Marieke de Vries agreement.create"));
    }

    @Test
    void theFiltersCombine() {
        assertThat(rows("?persoon=marieke")).isNotEmpty().allMatch(row -> row.startsWith("Marieke de Vries"));
        assertThat(rows("?persoon=Scholten")).containsExactly("Erik Scholten agreement.create");
        assertThat(rows("?persoon=erik")).as("name or username").containsExactly("erik login.failed", "Erik Scholten agreement.create");
        assertThat(rows("?koppelzone=" + x)).contains("Marieke de Vries agreement.create", "test membership.set")
                .noneMatch(row -> row.startsWith("Erik"));
        assertThat(rows("?koppelzone=" + y + "&actie=agreement")).containsExactly("Erik Scholten agreement.create");
        assertThat(rows("?actie=login.failed")).containsExactly("erik login.failed");

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        assertThat(rows("?van=" + today + "&tot=" + today)).hasSameSizeAs(rows(""));
        assertThat(rows("?tot=" + today.minusDays(1))).isEmpty();
        assertThat(rows("?van=" + today.plusDays(1))).isEmpty();
        assertThat(beheerder.get("/beheer/audit?tot=" + today.minusDays(1)).body()).contains("Geen gebeurtenissen gevonden");
        // odd input is ignored, never an error
        assertThat(beheerder.get("/beheer/audit?van=gisteren&pagina=-3&koppelzone=onbekend&persoon=%25_%5C").status())
                .isEqualTo(200);
        assertThat(rows("?persoon=%25")).as("% is a character, not a wildcard").isEmpty();
    }

    @Test
    void onlyTheBeheerderSeesIt() {
        assertThat(app.signIn("marieke").get("/beheer/audit").status()).isEqualTo(403);
        assertThat(app.get("/beheer/audit").status()).isEqualTo(302);
    }
}
