package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** The HTML pages through real HTTP: forms with CSRF, validation, conflicts, history, compare, restore. */
class AgreementPagesTest {

    private static final String BODY = "## Afspraak\n\nHet wijkteam belt binnen vijf werkdagen terug.\n\n## Evaluatie\n\nNa een half jaar.";

    @TempDir
    Path dir;
    private TestApp app;
    private String koppelzone;
    /** Marieke de Vries, praktijkexpert in the koppelzone, signed in. */
    private TestApp.Client web;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        koppelzone = app.koppelzone("Koppelzone Jeugd Teststad", "Teststad");
        app.account("marieke", "Marieke de Vries");
        // the voorzitter writes like a praktijkexpert and also sets the review date
        app.member(koppelzone, "marieke", Role.VOORZITTER);
        app.account("piet", "Piet");
        app.member(koppelzone, "piet", Role.PRAKTIJKEXPERT);
        web = app.signIn("marieke");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private List<Map.Entry<String, String>> createForm(String csrf, String title, String body) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(entry("csrf", csrf));
        fields.add(entry("title", title));
        fields.add(entry("body", body));
        fields.add(entry("parties", "wijkteam-teststad"));
        fields.add(entry("parties", "huisartsen-teststad"));
        fields.add(entry("themes", "triage"));
        fields.add(entry("otherThemes", "Terugbelnorm, wachttijd"));
        fields.add(entry("reviewDate", "2027-06-01"));
        fields.add(entry("summary", "Eerste versie"));
        fields.add(entry("action", "save"));
        return fields;
    }

    private long createViaForm() {
        String csrf = web.csrfToken("/koppelzones/" + koppelzone + "/nieuw");
        Response response = web.postForm("/koppelzones/" + koppelzone + "/afspraken",
                createForm(csrf, "Terugbellen na aanmelding", BODY));
        assertThat(response.status()).as(response.body()).isEqualTo(302);
        String location = response.header("Location");
        assertThat(location).matches("/afspraken/\\d+\\?melding=aangemaakt");
        return Long.parseLong(location.replaceAll("/afspraken/(\\d+).*", "$1"));
    }

    private List<Map.Entry<String, String>> editForm(String csrf, int base, String body) {
        return List.of(entry("csrf", csrf), entry("title", "Terugbellen na aanmelding"), entry("body", body),
                entry("baseRevision", String.valueOf(base)), entry("parties", "wijkteam-teststad"),
                entry("parties", "huisartsen-teststad"), entry("baseParties", "wijkteam-teststad"),
                entry("baseParties", "huisartsen-teststad"), entry("themes", "triage"),
                entry("otherThemes", "terugbelnorm, wachttijd"), entry("baseThemes", "triage"),
                entry("baseThemes", "terugbelnorm"), entry("baseThemes", "wachttijd"),
                entry("reviewDate", "2027-06-01"), entry("baseReviewDate", "2027-06-01"),
                entry("summary", "wijziging"), entry("action", "save"));
    }

    @Test
    void aNewAgreementMadeWithTheFormShowsEverythingItWasGiven() {
        long id = createViaForm();
        Response page = web.get("/afspraken/" + id + "?melding=aangemaakt");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1>Terugbellen na aanmelding</h1>")
                .contains("De afspraak is aangemaakt.")
                .contains("<h3 id=\"h-afspraak\">")
                .contains("Revisie 1 door Marieke de Vries")
                .contains("Huisartsen Teststad").contains("Wijkteam Teststad")
                .contains("terugbelnorm").contains("triage").contains("wachttijd")
                .contains("1 juni 2027")
                .contains(">Concept<");
        // the author is the signed-in account; the form has no name field to fill in or forge
        assertThat(web.get("/afspraken/" + id + "/bewerken").body())
                .contains("Deze revisie komt op naam van Marieke de Vries.").doesNotContain("name=\"author\"");
    }

    @Test
    void anInvalidFormComesBackWithDutchMessagesNextToTheFieldsAndKeepsWhatWasTyped() {
        String csrf = web.csrfToken("/koppelzones/" + koppelzone + "/nieuw");
        String typed = "Mijn lange tekst met <b>tekens</b> & \"quotes\" die niet verloren mag gaan";
        Response response = web.postForm("/koppelzones/" + koppelzone + "/afspraken", createForm(csrf, "", typed));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body())
                .contains("Controleer de volgende punten")
                .contains("<p class=\"error\" id=\"title-error\"><span class=\"visually-hidden\">Fout: </span>Vul een titel in.</p>")
                .contains("aria-invalid=\"true\"")
                .contains("Mijn lange tekst met &lt;b&gt;tekens&lt;/b&gt; &amp; &#34;quotes&#34; die niet verloren mag gaan")
                .contains("value=\"Terugbelnorm, wachttijd\"")
                .contains("value=\"2027-06-01\"");
        assertThat(web.get("/api/v1/agreements").json().get("total").asInt()).isZero();
    }

    @Test
    void aPraktijkexpertsFormSetsNoReviewDateBecauseThatIsTheVoorzittersToSet() {
        app.member(koppelzone, "piet", Role.PRAKTIJKEXPERT);
        TestApp.Client expert = app.signIn("piet");
        String csrf = expert.csrfToken("/koppelzones/" + koppelzone + "/nieuw");
        assertThat(expert.get("/koppelzones/" + koppelzone + "/nieuw").body()).doesNotContain("name=\"reviewDate\"");
        Response response = expert.postForm("/koppelzones/" + koppelzone + "/afspraken", createForm(csrf, "Titel", BODY));
        assertThat(response.status()).as(response.body()).isEqualTo(302);
        long id = Long.parseLong(response.header("Location").replaceAll("/afspraken/(\\d+).*", "$1"));
        assertThat(expert.get("/api/v1/agreements/" + id).json().get("reviewDate").isNull()).isTrue();
    }

    @Test
    void anInvalidReviewDateIsReportedNextToItsField() {
        String csrf = web.csrfToken("/koppelzones/" + koppelzone + "/nieuw");
        List<Map.Entry<String, String>> fields = new ArrayList<>(createForm(csrf, "Titel", BODY));
        fields.removeIf(field -> field.getKey().equals("reviewDate"));
        fields.add(entry("reviewDate", "1 juni"));
        Response response = web.postForm("/koppelzones/" + koppelzone + "/afspraken", fields);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("id=\"reviewDate-error\"").contains("Vul een geldige datum in")
                .contains("value=\"1 juni\"");
    }

    @Test
    void aFormWithoutAValidCsrfTokenIsRefusedAndChangesNothing() {
        String csrf = web.csrfToken("/koppelzones/" + koppelzone + "/nieuw");
        Response missing = web.postForm("/koppelzones/" + koppelzone + "/afspraken", createForm("", "Titel", BODY));
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.body()).contains("Formulier verlopen");
        Response forged = web.postForm("/koppelzones/" + koppelzone + "/afspraken",
                createForm(csrf.substring(1) + "A", "Titel", BODY));
        assertThat(forged.status()).isEqualTo(403);
        // a token from another browser does not fit this browser's cookie
        TestApp.Client other = app.signIn("piet");
        String otherToken = other.csrfToken("/koppelzones/" + koppelzone + "/nieuw");
        assertThat(web.postForm("/koppelzones/" + koppelzone + "/afspraken", createForm(otherToken, "Titel", BODY))
                .status()).isEqualTo(403);
        assertThat(web.get("/api/v1/agreements").json().get("total").asInt()).isZero();
        // the real token works, repeatedly (no rotation that would break a second tab)
        assertThat(web.postForm("/koppelzones/" + koppelzone + "/afspraken", createForm(csrf, "Titel", BODY))
                .status()).isEqualTo(302);
        assertThat(web.postForm("/koppelzones/" + koppelzone + "/afspraken", createForm(csrf, "Titel 2", BODY))
                .status()).isEqualTo(302);
    }

    @Test
    void editsOfDifferentParagraphsInTwoBrowsersAreMergedAndTheSecondWriterIsTold() {
        long id = createViaForm();
        TestApp.Client other = app.signIn("piet");
        String mine = web.csrfToken("/afspraken/" + id + "/bewerken");
        String theirs = other.csrfToken("/afspraken/" + id + "/bewerken");

        Response first = other.postForm("/afspraken/" + id + "/bewerken",
                editForm(theirs, 1, BODY.replace("vijf", "drie")));
        assertThat(first.header("Location")).isEqualTo("/afspraken/" + id + "?melding=opgeslagen");
        Response second = web.postForm("/afspraken/" + id + "/bewerken",
                editForm(mine, 1, BODY.replace("half jaar", "jaar")));
        assertThat(second.header("Location")).isEqualTo("/afspraken/" + id + "?melding=samengevoegd&met=2");

        Response page = web.get(second.header("Location"));
        assertThat(page.body()).contains("Iemand anders had intussen revisie 2 opgeslagen")
                .contains("binnen drie werkdagen").contains("Na een jaar.");
        assertThat(web.get("/afspraken/" + id + "/geschiedenis").body())
                .contains("(samengevoegd; begonnen vanaf revisie 1)");
    }

    @Test
    void textStillHoldingConflictMarkersFromElsewhereIsRefusedWithAClearMessage() {
        long id = createViaForm();
        String csrf = web.csrfToken("/afspraken/" + id + "/bewerken");
        String draft = "## Afspraak\n\n<<<<<<< uw versie\nx\n=======\ny\n>>>>>>> revisie 2 van Piet\n\n## Evaluatie";

        Response markers = web.postForm("/afspraken/" + id + "/bewerken", editForm(csrf, 1, draft));

        assertThat(markers.status()).isEqualTo(422);
        assertThat(markers.body()).contains("De tekst bevat nog conflictmarkeringen");
    }

    @Test
    void historyCompareAndRestoreWorkThroughThePages() {
        long id = createViaForm();
        String csrf = web.csrfToken("/afspraken/" + id + "/bewerken");
        TestApp.Client piet = app.signIn("piet");
        piet.postForm("/afspraken/" + id + "/bewerken",
                editForm(piet.csrfToken("/afspraken/" + id + "/bewerken"), 1, BODY.replace("vijf", "drie")));

        Response history = web.get("/afspraken/" + id + "/geschiedenis");
        assertThat(history.body()).contains("2 revisies.").contains("Piet").contains("Marieke de Vries")
                .contains("Eerste versie");

        Response inline = web.get("/afspraken/" + id + "/vergelijk?van=1&naar=2&weergave=inline");
        assertThat(inline.body()).contains("<del>vijf</del><ins>drie</ins>")
                .contains("1 woord toegevoegd, 1 verwijderd");
        Response side = web.get("/afspraken/" + id + "/vergelijk?van=1&naar=2&weergave=naast");
        assertThat(side.body()).contains("<table class=\"diff-side\">").contains("<td>Het wijkteam belt binnen <del>vijf</del>")
                // the last two lines, more than two lines after the change, are folded away
                .contains("⋯ 2 ongewijzigde regels").doesNotContain("<td>Na een half jaar.</td>");

        Response old = web.get("/afspraken/" + id + "/revisies/1");
        assertThat(old.body()).contains("U bekijkt revisie 1; de huidige versie is revisie 2.")
                .contains("Revisie 1 herstellen");
        Response restore = web.postForm("/afspraken/" + id + "/herstel", List.of(entry("csrf", csrf),
                entry("revision", "1"), entry("baseRevision", "2")));
        assertThat(restore.header("Location")).isEqualTo("/afspraken/" + id + "?melding=hersteld&van=1");
        assertThat(web.get("/afspraken/" + id + "?melding=hersteld&van=1").body())
                .contains("Revisie 1 is hersteld als nieuwe revisie.").contains("binnen vijf werkdagen")
                .contains("Revisie 3 door Marieke");

        // a restore from a page that is out of date does nothing and says so
        Response stale = web.postForm("/afspraken/" + id + "/herstel", List.of(entry("csrf", csrf),
                entry("revision", "2"), entry("baseRevision", "2")));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("Er is intussen revisie 3 opgeslagen. Er is niets hersteld.");
        assertThat(web.get("/api/v1/agreements/" + id).json().get("currentRevision").asInt()).isEqualTo(3);
    }

    @Test
    void thePreviewUsesThePageRendererAndIsSanitised() {
        String csrf = web.csrfToken("/koppelzones/" + koppelzone + "/nieuw");
        Response preview = web.postForm("/voorbeeld", List.of(entry("csrf", csrf),
                entry("body", "# Kop\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) **vet**")));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("<h2 id=\"h-kop\">").contains("<strong>vet</strong>")
                .contains("&lt;script&gt;").doesNotContain("<script").doesNotContain("href=\"javascript");
        assertThat(web.postForm("/voorbeeld", List.of(entry("body", "x"))).status()).isEqualTo(403);
    }

    @Test
    void thePreviewButtonWorksWithoutJavaScriptAndKeepsTheText() {
        String csrf = web.csrfToken("/koppelzones/" + koppelzone + "/nieuw");
        List<Map.Entry<String, String>> fields = new ArrayList<>(createForm(csrf, "Titel", "**vet** en *schuin*"));
        fields.removeIf(field -> field.getKey().equals("action"));
        fields.add(entry("action", "preview"));
        Response response = web.postForm("/koppelzones/" + koppelzone + "/afspraken", fields);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("<strong>vet</strong> en <em>schuin</em>").contains("**vet** en *schuin*");
    }

    @Test
    void missingPagesGetAFriendlyDutchOrEnglishPage() {
        Response missing = app.get("/afspraken/424242");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("<html lang=\"nl\">").contains("Pagina niet gevonden")
                .contains("Terug naar het overzicht").doesNotContain("Exception");
        assertThat(app.get("/afspraken/1/revisies/x").status()).isEqualTo(404);
        assertThat(app.get("/koppelzones/onbekend").status()).isEqualTo(404);

        Response toEnglish = app.get("/taal/en?terug=/afspraken/424242");
        assertThat(toEnglish.status()).isEqualTo(302);
        assertThat(toEnglish.header("Location")).isEqualTo("/afspraken/424242");
        Response english = app.get("/afspraken/424242");
        assertThat(english.body()).contains("<html lang=\"en\">").contains("Page not found");
        // the language switch never redirects to another site
        assertThat(app.get("/taal/nl?terug=//evil.example").header("Location")).isEqualTo("/");
        assertThat(app.get("/taal/nl?terug=https://evil.example").header("Location")).isEqualTo("/");
    }

    @Test
    void theHomeAndKoppelzonePagesListWhatExists() {
        long id = createViaForm();
        assertThat(web.get("/").body()).contains("Teststad").contains("Koppelzone Jeugd Teststad")
                .contains("Recente wijzigingen").contains("/afspraken/" + id);
        assertThat(web.get("/koppelzones/" + koppelzone).body()).contains("Concepten")
                .contains("Terugbellen na aanmelding").contains("Wijkteam Teststad").contains("voorzitter")
                .contains("Nieuwe afspraak");
    }

    @Test
    void aThemeAddedMeanwhileSurvivesAnEditThatNeedsNoTextMerge() {
        long id = createViaForm();
        TestApp.Client other = app.signIn("piet");
        String mine = web.csrfToken("/afspraken/" + id + "/bewerken");
        String theirs = other.csrfToken("/afspraken/" + id + "/bewerken");
        // the other writer only adds a theme: no new revision, the text stays at revision 1
        List<Map.Entry<String, String>> themeOnly = new ArrayList<>(editForm(theirs, 1, BODY));
        themeOnly.removeIf(field -> field.getKey().equals("otherThemes"));
        themeOnly.add(entry("otherThemes", "terugbelnorm, wachttijd, crisisdienst"));
        assertThat(other.postForm("/afspraken/" + id + "/bewerken", themeOnly).header("Location"))
                .isEqualTo("/afspraken/" + id + "?melding=gegevens");

        // my form still shows the old themes; I change the text and save on top of revision 1
        web.postForm("/afspraken/" + id + "/bewerken", editForm(mine, 1, BODY.replace("vijf", "drie")));

        var agreement = web.get("/api/v1/agreements/" + id).json();
        assertThat(agreement.get("currentRevision").asInt()).isEqualTo(2);
        assertThat(agreement.get("themes").toString()).contains("crisisdienst").contains("terugbelnorm");
    }
}
