package nl.afsprakenwiki.endorsements;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** The lifecycle pages through real HTTP: forms with CSRF, Dutch messages next to fields, what each person sees. */
class LifecyclePagesTest {

    @TempDir
    Path dir;
    private TestApp app;
    private String koppelzone;
    private long id;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        koppelzone = app.koppelzone("Koppelzone Jeugd Teststad", "Teststad");
        app.member(koppelzone, "marieke", Role.PRAKTIJKEXPERT, "jeugdhulp-de-brug-teststad");
        app.member(koppelzone, "wim", Role.MANAGER, "wijkteam-teststad");
        app.member(koppelzone, "bea", Role.MANAGER, "jeugdhulp-de-brug-teststad");
        app.member(koppelzone, "vera", Role.VOORZITTER, "wijkteam-teststad");
        Response created = app.bearer("marieke").postJson("/api/v1/koppelzones/" + koppelzone + "/agreements", Map.of(
                "title", "Terugbellen na aanmelding", "body", "Het wijkteam belt binnen vijf werkdagen terug.",
                "parties", List.of("wijkteam-teststad", "jeugdhulp-de-brug-teststad")));
        id = created.json().get("id").asLong();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private void proposeWithTheForm(TestApp.Client expert) {
        String page = expert.get("/afspraken/" + id).body();
        assertThat(page).contains("href=\"/afspraken/" + id + "/voorstellen\"");
        String form = expert.get("/afspraken/" + id + "/voorstellen").body();
        assertThat(form).contains("Wijkteam Teststad").contains("Jeugdhulp De Brug Teststad")
                .contains("Revisie 1 ter bekrachtiging voorstellen");
        String csrf = expert.csrfToken("/afspraken/" + id + "/voorstellen");
        Response proposed = expert.postForm("/afspraken/" + id + "/voorstellen",
                List.of(entry("csrf", csrf), entry("revision", "1")));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(302);
        assertThat(proposed.header("Location")).isEqualTo("/afspraken/" + id + "?melding=voorgesteld");
    }

    @Test
    void managersDecideInTheirInboxAndADeclineWithoutRemarkComesBackWithTheMessageAndTheText() {
        proposeWithTheForm(app.signIn("marieke"));
        TestApp.Client bea = app.signIn("bea");
        String inbox = bea.get("/ter-bekrachtiging").body();
        assertThat(inbox).contains("Terugbellen na aanmelding").contains("Bekrachtigen namens Jeugdhulp De Brug Teststad (revisie 1)")
                .contains("nog niet eerder bekrachtigd").contains("Wacht nog op:").contains("Wijkteam Teststad");
        String csrf = bea.csrfToken("/ter-bekrachtiging");

        Response noCsrf = bea.postForm("/afspraken/" + id + "/besluit", List.of(entry("revision", "1"),
                entry("decision", "bekrachtigen")));
        assertThat(noCsrf.status()).isEqualTo(403);

        Response bare = bea.postForm("/afspraken/" + id + "/besluit", List.of(entry("csrf", csrf), entry("revision", "1"),
                entry("decision", "afwijzen"), entry("remark", "  ")));
        assertThat(bare.status()).isEqualTo(422);
        assertThat(bare.body()).contains("id=\"remark-" + id + "-error\"").contains("Geef een toelichting")
                .contains("aria-invalid=\"true\"");

        Response declined = bea.postForm("/afspraken/" + id + "/besluit", List.of(entry("csrf", csrf), entry("revision", "1"),
                entry("decision", "afwijzen"), entry("remark", "Vijf werkdagen is <te> lang & onhaalbaar.")));
        assertThat(declined.status()).isEqualTo(302);
        assertThat(declined.header("Location")).isEqualTo("/ter-bekrachtiging?melding=afgewezen");
        assertThat(bea.get("/ter-bekrachtiging?melding=afgewezen").body())
                .contains("Uw afwijzing is vastgelegd").contains("heeft deze revisie afgewezen");
        // the koppelzone sees the decline and its remark, escaped
        assertThat(app.signIn("vera").get("/afspraken/" + id).body())
                .contains("Vijf werkdagen is &lt;te&gt; lang &amp; onhaalbaar.");

        // the party may change its mind while the round runs; the newest decision counts
        bea.postForm("/afspraken/" + id + "/besluit", List.of(entry("csrf", csrf), entry("revision", "1"),
                entry("decision", "bekrachtigen"), entry("remark", "")));
        TestApp.Client wim = app.signIn("wim");
        Response last = wim.postForm("/afspraken/" + id + "/besluit", List.of(entry("csrf", wim.csrfToken("/ter-bekrachtiging")),
                entry("revision", "1"), entry("decision", "bekrachtigen"), entry("remark", "")));
        assertThat(last.header("Location")).isEqualTo("/ter-bekrachtiging?melding=afgerond");
        assertThat(wim.get("/ter-bekrachtiging").body()).contains("Er wacht niets op een besluit");

        String visitor = app.newBrowser().get("/afspraken/" + id).body();
        assertThat(visitor).contains("Het wijkteam belt binnen vijf werkdagen terug.").contains("endorsement-block")
                .contains("Revisie 1 is bekrachtigd door alle partijen").contains("Test bea").contains("Test wim")
                .doesNotContain("onhaalbaar");
        String rounds = app.newBrowser().get("/afspraken/" + id + "/bekrachtigingen").body();
        assertThat(rounds).contains("Test bea").doesNotContain("onhaalbaar").doesNotContain("afgewezen");
        assertThat(app.signIn("marieke").get("/afspraken/" + id + "/bekrachtigingen").body())
                .contains("onhaalbaar").contains("afgewezen");
    }

    @Test
    void withdrawingWithoutAReasonKeepsTheFormAndItsMessageAndThenWithdraws() {
        proposeWithTheForm(app.signIn("marieke"));
        TestApp.Client vera = app.signIn("vera");
        assertThat(app.signIn("marieke").get("/afspraken/" + id + "/intrekken").status()).isEqualTo(403);
        String csrf = vera.csrfToken("/afspraken/" + id + "/intrekken");
        Response bare = vera.postForm("/afspraken/" + id + "/intrekken", List.of(entry("csrf", csrf), entry("reason", " ")));
        assertThat(bare.status()).isEqualTo(422);
        assertThat(bare.body()).contains("id=\"reason-error\"").contains("Geef een reden op");
        Response done = vera.postForm("/afspraken/" + id + "/intrekken",
                List.of(entry("csrf", csrf), entry("reason", "Eerst met de huisartsen bespreken.")));
        assertThat(done.header("Location")).isEqualTo("/afspraken/" + id + "?melding=ingetrokken");
        assertThat(vera.get("/afspraken/" + id + "?melding=ingetrokken").body()).contains("Het voorstel is ingetrokken.")
                .contains(">Concept<");
        assertThat(vera.get("/afspraken/" + id + "/bekrachtigingen").body()).contains("Eerst met de huisartsen bespreken.")
                .contains("Ingetrokken");
    }

    @Test
    void theChairSetsTheReviewDateAndRetiresWithAReason() {
        TestApp.Client vera = app.signIn("vera");
        String csrf = vera.csrfToken("/afspraken/" + id + "/herzieningsdatum");
        Response typo = vera.postForm("/afspraken/" + id + "/herzieningsdatum",
                List.of(entry("csrf", csrf), entry("reviewDate", "volgend jaar")));
        assertThat(typo.status()).isEqualTo(422);
        assertThat(typo.body()).contains("id=\"reviewDate-error\"").contains("value=\"volgend jaar\"");
        String date = LocalDate.now().plusMonths(6).toString();
        Response set = vera.postForm("/afspraken/" + id + "/herzieningsdatum", List.of(entry("csrf", csrf), entry("reviewDate", date)));
        assertThat(set.status()).isEqualTo(302);
        assertThat(vera.get("/api/v1/agreements/" + id).json().get("reviewDate").asText()).isEqualTo(date);

        Response retire = vera.postForm("/afspraken/" + id + "/laten-vervallen", List.of(entry("csrf", csrf), entry("reason", "")));
        assertThat(retire.status()).isEqualTo(422);
        Response retired = vera.postForm("/afspraken/" + id + "/laten-vervallen",
                List.of(entry("csrf", csrf), entry("reason", "Opgenomen in de regionale afspraak.")));
        assertThat(retired.header("Location")).isEqualTo("/afspraken/" + id + "?melding=vervallen");
        String page = vera.get("/afspraken/" + id).body();
        assertThat(page).contains("Deze afspraak is vervallen op").contains("Opgenomen in de regionale afspraak.")
                .doesNotContain("/bewerken\"").doesNotContain("/voorstellen\"");
        assertThat(vera.get("/afspraken/" + id + "/voorstellen").status()).isEqualTo(200);
        Response proposeRetired = vera.postForm("/afspraken/" + id + "/voorstellen", List.of(entry("csrf", csrf), entry("revision", "1")));
        assertThat(proposeRetired.status()).isEqualTo(409);
        assertThat(proposeRetired.body()).contains("vervallen");
    }

    @Test
    void overviewsShowWhatWaitsForWhom() {
        proposeWithTheForm(app.signIn("marieke"));
        String overview = app.signIn("vera").get("/koppelzones/" + koppelzone + "/overzicht").body();
        assertThat(overview).contains("Ter bekrachtiging (1)").contains("0 van 2 partijen bekrachtigd")
                .contains("Wacht nog op:").contains("Terugbellen na aanmelding");
        assertThat(app.newBrowser().get("/koppelzones/" + koppelzone + "/overzicht").status()).isEqualTo(302);

        String mine = app.signIn("wim").get("/mijn-overzicht").body();
        assertThat(mine).contains("Besluiten te nemen (1)").contains("Terugbellen na aanmelding");
        assertThat(app.signIn("marieke").get("/mijn-overzicht").body()).contains("Mijn concepten (1)");
        var pending = app.bearer("wim").get("/api/v1/me/pending").json();
        assertThat(pending.get("decisions")).hasSize(1);
        assertThat(pending.get("decisions").get(0).get("agreement").asLong()).isEqualTo(id);
    }
}
