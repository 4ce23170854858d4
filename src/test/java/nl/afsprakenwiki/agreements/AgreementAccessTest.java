package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees and writes which agreement: drafts stay inside their koppelzone, visitors read the
 * endorsed text, roles count only in their own koppelzone, and revisions carry the real account.
 */
class AgreementAccessTest {

    private static final String X = "Koppelzone Jeugd Xstad";
    private static final String Y = "Koppelzone Jeugd Ystad";

    @TempDir
    static Path dir;
    static TestApp app;
    static String x;
    static String y;
    static long draft;
    static long endorsedInY;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        x = app.koppelzone(X, "Xstad");
        y = app.koppelzone(Y, "Ystad");
        draft = app.agreement(X, "Xstad", "geheim-concept", "Nog niet af", "concept");
        endorsedInY = app.agreement(Y, "Ystad", "afspraak-in-y", "Afspraak in Y", "bekrachtigd");
        app.account("marieke", "Marieke de Vries");
        app.member(x, "marieke", Role.PRAKTIJKEXPERT);
        app.member(x, "lezer", Role.LEZER);
        app.account("zonder-rol");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Map<String, Object> agreement(String title, String party) {
        return Map.of("title", title, "body", "Tekst van " + title + ".", "parties", List.of(party));
    }

    @Test
    void theHomePageCountsOnlyWhatTheViewerMayRead() {
        String zone = "Koppelzone Jeugd Zstad";
        String z = app.koppelzone(zone, "Zstad");
        app.agreement(zone, "Zstad", "concept-in-z", "Concept in Z", "concept");
        app.agreement(zone, "Zstad", "bekrachtigd-in-z", "Bekrachtigd in Z", "bekrachtigd");
        app.account("zita", "Zita Zwart");
        app.member(z, "zita", Role.PRAKTIJKEXPERT);
        String visitor = app.newBrowser().get("/").body();
        // the concept counts only for the koppelzone's members
        assertThat(card(visitor, zone)).contains("1 afspraak ·");
        assertThat(card(app.signIn("zita").get("/").body(), zone)).contains("2 afspraken ·");
        int before = total(visitor);
        app.agreement(zone, "Zstad", "nog-een-in-z", "Nog een in Z", "bekrachtigd");
        // a commit shows at once, not after a cache expires
        String after = app.newBrowser().get("/").body();
        assertThat(total(after)).isEqualTo(before + 1);
        assertThat(card(after, zone)).contains("2 afspraken ·");
    }

    /** The card of one koppelzone on the home page, up to the next card. */
    private static String card(String home, String koppelzone) {
        int at = home.indexOf(">" + koppelzone + "</a>");
        assertThat(at).as("card of %s", koppelzone).isPositive();
        int end = home.indexOf("</li>", at);
        return home.substring(at, end);
    }

    private static int total(String home) {
        java.util.regex.Matcher totals = java.util.regex.Pattern.compile("(\\d+) afspra(?:ak|ken) in").matcher(home);
        assertThat(totals.find()).as("the totals line").isTrue();
        return Integer.parseInt(totals.group(1));
    }

    @Test
    void aDraftDoesNotExistForVisitorsOrOtherKoppelzones() {
        for (TestApp.Client outsider : List.of(app.newBrowser(), app.signIn("zonder-rol"))) {
            assertThat(outsider.get("/afspraken/" + draft).status()).isEqualTo(404);
            assertThat(outsider.get("/afspraken/" + draft + "/geschiedenis").status()).isEqualTo(404);
            assertThat(outsider.get("/afspraken/" + draft + "/revisies/1").status()).isEqualTo(404);
            assertThat(outsider.get("/afspraken/" + draft + "/bewerken").status()).isIn(302, 404);
            assertThat(outsider.get("/api/v1/agreements/" + draft).status()).isEqualTo(404);
            assertThat(outsider.get("/api/v1/agreements/" + draft + "/revisions").status()).isEqualTo(404);
            assertThat(outsider.get("/api/v1/agreements?koppelzone=" + x).json().get("total").asInt()).isZero();
            assertThat(outsider.get("/koppelzones/" + x).body()).doesNotContain("Nog niet af");
            assertThat(outsider.get("/").body()).doesNotContain("Nog niet af");
        }
        TestApp.Client outsiderApi = app.bearer("zonder-rol");
        assertThat(outsiderApi.get("/api/v1/agreements/" + draft).status()).isEqualTo(404);
        assertThat(outsiderApi.get("/api/v1/agreements/" + draft + "/revisions").status()).isEqualTo(404);
        assertThat(outsiderApi.get("/api/v1/agreements?koppelzone=" + x).json().get("total").asInt()).isZero();
        // a missing agreement and a hidden one look exactly alike
        Response hidden = app.get("/api/v1/agreements/" + draft);
        Response missing = app.get("/api/v1/agreements/987654");
        assertThat(hidden.body().replace("/agreements/" + draft, "/agreements/ID"))
                .isEqualTo(missing.body().replace("/agreements/987654", "/agreements/ID"));
        // an anonymous write to it is also 404, not 401: its existence is not revealed
        assertThat(app.putJson("/api/v1/agreements/" + draft, Map.of("title", "x")).status()).isEqualTo(404);

        for (TestApp.Client member : List.of(app.signIn("lezer"), app.signIn("marieke"))) {
            assertThat(member.get("/afspraken/" + draft).status()).isEqualTo(200);
            assertThat(member.get("/api/v1/agreements/" + draft).json().get("title").asText()).isEqualTo("Nog niet af");
            assertThat(member.get("/koppelzones/" + x).body()).contains("Nog niet af");
        }
        assertThat(app.bearer("lezer").get("/api/v1/agreements/" + draft).status()).isEqualTo(200);
        // an API token is for the API: on the pages it counts for nothing
        assertThat(app.bearer("lezer").get("/afspraken/" + draft).status()).isEqualTo(404);
    }

    @Test
    void visitorsReadTheEndorsedRevisionWhileMembersWorkOnTheNextOne() {
        long id = app.agreement(X, "Xstad", "in-herziening", "Warme overdracht", "bekrachtigd");
        TestApp.Client expert = app.bearer("marieke");
        Response saved = expert.putJson("/api/v1/agreements/" + id, Map.of("title", "Warme overdracht (herzien)",
                "body", "Nieuwe tekst in herziening.", "baseRevision", 1));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        Response visitor = app.get("/api/v1/agreements/" + id);
        assertThat(visitor.status()).isEqualTo(200);
        assertThat(visitor.json().get("title").asText()).isEqualTo("Warme overdracht");
        assertThat(visitor.json().get("body").asText()).isEqualTo("Tekst van Warme overdracht.\n");
        assertThat(visitor.json().get("currentRevision").asInt()).isEqualTo(1);
        assertThat(app.get("/api/v1/agreements/" + id + "/revisions").json().get("total").asInt()).isEqualTo(1);
        assertThat(app.get("/api/v1/agreements/" + id + "/revisions/2").status()).isEqualTo(404);
        Response diff = app.get("/api/v1/agreements/" + id + "/diff?from=1&to=2");
        assertThat(diff.status()).as("as for any revision that does not exist").isEqualTo(400);
        assertThat(diff.json().get("detail").asText()).contains("tussen 1 en 1");
        assertThat(app.get("/afspraken/" + id).body()).contains("Tekst van Warme overdracht.")
                .doesNotContain("Nieuwe tekst in herziening");

        Response member = expert.get("/api/v1/agreements/" + id);
        assertThat(member.json().get("body").asText()).isEqualTo("Nieuwe tekst in herziening.");
        assertThat(member.json().get("currentRevision").asInt()).isEqualTo(2);
        assertThat(member.json().get("endorsedRevision").asInt()).isEqualTo(1);
        assertThat(app.signIn("lezer").get("/afspraken/" + id).body()).contains("Nieuwe tekst in herziening")
                .contains("nog niet is bekrachtigd");
    }

    @Test
    void aPraktijkexpertWritesInTheirOwnKoppelzoneOnly() {
        TestApp.Client expert = app.bearer("marieke");
        Response created = expert.postJson("/api/v1/koppelzones/" + x + "/agreements", agreement("Terugbellen", "wijkteam-xstad"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(expert.putJson("/api/v1/agreements/" + id, Map.of("title", "Terugbellen", "body", "Nieuw.",
                "baseRevision", 1)).status()).isEqualTo(200);
        assertThat(expert.postJson("/api/v1/agreements/" + id + "/restore", Map.of("revision", 1)).status()).isEqualTo(201);

        Response elsewhere = expert.postJson("/api/v1/koppelzones/" + y + "/agreements", agreement("Elders", "wijkteam-ystad"));
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.header("Content-Type")).startsWith("application/problem+json");
        assertThat(expert.putJson("/api/v1/agreements/" + endorsedInY, Map.of("title", "x", "body", "y", "baseRevision", 1))
                .status()).isEqualTo(403);
        assertThat(expert.postJson("/api/v1/agreements/" + endorsedInY + "/restore", Map.of("revision", 1)).status())
                .isEqualTo(403);
        assertThat(app.get("/api/v1/agreements/" + endorsedInY).json().get("currentRevision").asInt()).isEqualTo(1);

        TestApp.Client web = app.signIn("marieke");
        assertThat(web.get("/koppelzones/" + x + "/nieuw").status()).isEqualTo(200);
        assertThat(web.get("/koppelzones/" + y + "/nieuw").status()).isEqualTo(403);
        assertThat(web.get("/afspraken/" + endorsedInY + "/bewerken").status()).isEqualTo(403);
        assertThat(web.get("/afspraken/" + endorsedInY).body()).doesNotContain("/bewerken\"");
        assertThat(web.get("/koppelzones/" + y).body()).doesNotContain("/koppelzones/" + y + "/nieuw");
        assertThat(web.get("/koppelzones/" + x).body()).contains("/koppelzones/" + x + "/nieuw");
    }

    @Test
    void aLezerReadsDraftsButEveryWriteIsRefused() {
        TestApp.Client lezer = app.bearer("lezer");
        assertThat(lezer.get("/api/v1/agreements/" + draft).status()).isEqualTo(200);
        Response create = lezer.postJson("/api/v1/koppelzones/" + x + "/agreements", agreement("Mag niet", "wijkteam-xstad"));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.json().get("detail").asText()).isNotBlank();
        assertThat(lezer.putJson("/api/v1/agreements/" + draft, Map.of("title", "x", "body", "y", "baseRevision", 1))
                .status()).isEqualTo(403);
        TestApp.Client web = app.signIn("lezer");
        Response form = web.submit("/afspraken/" + draft, "/afspraken/" + draft + "/bewerken",
                List.of(entry("title", "x"), entry("body", "y"), entry("baseRevision", "1")));
        assertThat(form.status()).isEqualTo(403);
        assertThat(form.body()).contains("Geen toegang");
        assertThat(app.services.agreements().find(draft, TestApp.BEHEERDER).orElseThrow().currentRevision()).isEqualTo(1);
    }

    @Test
    void anonymousWritesAre401FromTheApiAndALoginRedirectFromPages() {
        Response api = app.postJson("/api/v1/koppelzones/" + x + "/agreements", agreement("Anoniem", "wijkteam-xstad"));
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        assertThat(app.withToken("aw_bestaat-niet").postJson("/api/v1/koppelzones/" + x + "/agreements",
                agreement("Anoniem", "wijkteam-xstad")).status()).isEqualTo(401);

        Response page = app.get("/koppelzones/" + x + "/nieuw");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).isEqualTo("/login?terug=%2Fkoppelzones%2F" + x + "%2Fnieuw");
        // a form sent after the session ended returns to the page it was on
        Response form = app.newBrowser().send("POST", "/koppelzones/" + x + "/afspraken", "application/x-www-form-urlencoded", "title=x",
                Map.of("Referer", app.baseUrl + "/koppelzones/" + x + "/nieuw"));
        assertThat(form.header("Location")).isEqualTo("/login?terug=%2Fkoppelzones%2F" + x + "%2Fnieuw");
    }

    @Test
    void apiWritesWithASessionNeedTheCsrfTokenAndWithABearerTokenDoNot() {
        TestApp.Client web = app.signIn("marieke");
        String path = "/api/v1/koppelzones/" + x + "/agreements";
        Response without = web.postJson(path, agreement("Zonder token", "wijkteam-xstad"));
        assertThat(without.status()).isEqualTo(403);
        assertThat(without.json().get("type").asText()).isEqualTo("/problemen/csrf");
        String csrf = web.csrfToken("/profiel");
        Response with = web.send("POST", path, "application/json", TestApp.json(agreement("Met token", "wijkteam-xstad")),
                Map.of("X-CSRF-Token", csrf));
        assertThat(with.status()).as(with.body()).isEqualTo(201);
        // the same token serves every tab and request of this browser: it does not rotate
        assertThat(web.send("POST", path, "application/json", TestApp.json(agreement("Nog een", "wijkteam-xstad")),
                Map.of("X-CSRF-Token", csrf)).status()).isEqualTo(201);
        assertThat(app.bearer("marieke").postJson(path, agreement("Met bearer", "wijkteam-xstad")).status()).isEqualTo(201);
    }

    @Test
    void revisionsCarryTheAccountThatWroteThem() {
        TestApp.Client expert = app.bearer("marieke");
        long id = expert.postJson("/api/v1/koppelzones/" + x + "/agreements", agreement("Auteur", "wijkteam-xstad"))
                .json().get("id").asLong();
        assertThat(expert.get("/api/v1/agreements/" + id).json().get("author").asText()).isEqualTo("Marieke de Vries");
        long accountId = app.services.accounts().byUsername("marieke").orElseThrow().id();
        Long author = app.db.read(handle -> handle.createQuery("SELECT author_account_id FROM revision WHERE agreement_id = :id")
                .bind("id", id).mapTo(Long.class).one());
        Long actor = app.db.read(handle -> handle.createQuery(
                "SELECT actor_account_id FROM audit_event WHERE action = 'agreement.create' AND target = :target")
                .bind("target", "agreement:" + id).mapTo(Long.class).one());
        assertThat(author).isEqualTo(accountId);
        assertThat(actor).isEqualTo(accountId);
        assertThat(app.signIn("marieke").get("/afspraken/" + id + "/geschiedenis").body()).contains("Marieke de Vries");
    }
}
