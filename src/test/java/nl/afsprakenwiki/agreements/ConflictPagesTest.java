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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** The conflict page through real HTTP, as a browser without JavaScript sends it: choices per block, CSRF, a save meanwhile. */
class ConflictPagesTest {

    private static final String BODY = "## Afspraak\n\nHet wijkteam belt binnen vijf werkdagen terug.\n\n## Evaluatie\n\n"
            + "Na een half jaar.\n\n## Contact\n\nVia de functionele mailbox.";
    private static final String THEIRS = BODY.replace("vijf", "drie").replace("half jaar", "kwartaal");
    private static final String MINE = BODY.replace("vijf", "twee").replace("half jaar", "jaar").replace("functionele", "gedeelde");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    @TempDir
    Path dir;
    private TestApp app;
    /** Marieke, praktijkexpert, whose save conflicts. */
    private TestApp.Client web;
    private long id;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        String koppelzone = app.koppelzone("Koppelzone Jeugd Teststad", "Teststad");
        app.account("marieke", "Marieke de Vries");
        app.member(koppelzone, "marieke", Role.PRAKTIJKEXPERT);
        app.account("piet", "Piet Jansen");
        app.member(koppelzone, "piet", Role.PRAKTIJKEXPERT);
        TestApp.Client piet = app.bearer("piet");
        Response created = piet.postJson("/api/v1/koppelzones/" + koppelzone + "/agreements", Map.of(
                "title", "Terugbellen na aanmelding", "body", BODY, "parties", List.of("wijkteam-teststad")));
        id = created.json().get("id").asLong();
        web = app.signIn("marieke");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private void pietSaves(int base, String body) {
        Response saved = app.bearer("piet").putJson("/api/v1/agreements/" + id,
                Map.of("title", "Terugbellen na aanmelding", "body", body, "baseRevision", base));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    /** Marieke's edit form as she sends it, begun on revision 1. */
    private Response mariekeSaves(String body) {
        String csrf = web.csrfToken("/afspraken/" + id + "/bewerken");
        return web.postForm("/afspraken/" + id + "/bewerken", List.of(entry("csrf", csrf),
                entry("title", "Terugbellen na aanmelding"), entry("body", body), entry("baseRevision", "1"),
                entry("parties", "wijkteam-teststad"), entry("baseParties", "wijkteam-teststad"),
                entry("themes", "triage"), entry("otherThemes", ""), entry("summary", "Kortere termijn"),
                entry("action", "save")));
    }

    /** What the conflict page's form sends: its hidden fields, the title and summary, and the given choices and texts. */
    private Response resolve(Response page, String... choicesAndTexts) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        Matcher hidden = HIDDEN.matcher(page.body());
        while (hidden.find()) {
            fields.add(entry(hidden.group(1), unescape(hidden.group(2))));
        }
        fields.add(entry("title", "Terugbellen na aanmelding"));
        fields.add(entry("summary", "Conflict opgelost"));
        for (int i = 0; i < choicesAndTexts.length; i += 2) {
            fields.add(entry(choicesAndTexts[i], choicesAndTexts[i + 1]));
        }
        fields.add(entry("action", "save"));
        return web.postForm("/afspraken/" + id + "/conflict-oplossen", fields);
    }

    private static String unescape(String html) {
        return html.replace("&#34;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private String current() {
        return web.get("/api/v1/agreements/" + id).json().get("body").asText();
    }

    @Test
    void aConflictingSaveShowsEachConflictingBlockSideBySideWithAChoiceAndSavesNothing() {
        pietSaves(1, THEIRS);

        Response page = mariekeSaves(MINE);

        assertThat(page.status()).isEqualTo(409);
        assertThat(page.body())
                .contains("<h1>Bewerkingsconflict oplossen</h1>")
                .contains("Terwijl u bewerkte, sloeg Piet Jansen revisie 2 op")
                .contains("<legend>Blok 1 van 2</legend>").contains("<legend>Blok 2 van 2</legend>")
                .contains("Uw tekst").contains("Tekst van Piet Jansen (revisie 2, ").contains("Oorspronkelijke tekst (revisie 1)")
                .contains("binnen twee werkdagen").contains("binnen drie werkdagen").contains("binnen vijf werkdagen")
                .contains("<input type=\"radio\" name=\"keuze-0\" id=\"keuze-0-mine\" value=\"mine\">")
                .contains("<label for=\"keuze-1-theirs-first\">Allebei, de tekst van Piet Jansen eerst</label>")
                .contains("<label for=\"tekst-1\">Eigen tekst voor blok 2</label>")
                // the change only Marieke made is merged already, shown collapsed
                .contains("<summary>Al samengevoegd, geen keuze nodig</summary>").contains("Via de gedeelde mailbox.")
                .contains("name=\"csrf\"").contains("name=\"baseRevision\" value=\"2\"").contains("name=\"mineBase\" value=\"1\"")
                .doesNotContain("&lt;&lt;&lt;&lt;&lt;&lt;&lt;").doesNotContain("=======");
        Matcher body = Pattern.compile("name=\"body\" value=\"([^\"]*)\"").matcher(page.body());
        assertThat(body.find()).isTrue();
        assertThat(unescape(body.group(1))).as("the writer's whole text travels with the form").isEqualTo(MINE);
        assertThat(current()).isEqualTo(THEIRS);
    }

    @Test
    void theChoicePerBlockIsSavedOnTopOfTheOtherRevisionWithTheFormsDetails() {
        pietSaves(1, THEIRS);
        Response page = mariekeSaves(MINE);

        Response saved = resolve(page, "keuze-0", "theirs", "keuze-1", "edit", "tekst-1", "Na een kwartaal en na een jaar.");

        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(saved.header("Location")).isEqualTo("/afspraken/" + id + "?melding=opgeslagen");
        var agreement = web.get("/api/v1/agreements/" + id).json();
        assertThat(agreement.get("currentRevision").asInt()).isEqualTo(3);
        assertThat(agreement.get("body").asText()).isEqualTo(BODY.replace("vijf", "drie")
                .replace("Na een half jaar.", "Na een kwartaal en na een jaar.").replace("functionele", "gedeelde"));
        assertThat(agreement.get("themes").toString()).contains("triage");
        var revision = web.get("/api/v1/agreements/" + id + "/revisions/3").json();
        assertThat(revision.get("summary").asText()).isEqualTo("Conflict opgelost");
        assertThat(revision.get("baseRevision").asInt()).isEqualTo(2);
    }

    @Test
    void aBlockLeftWithoutAChoiceBringsThePageBackWithAMessageKeepingWhatWasChosenAndTyped() {
        pietSaves(1, THEIRS);
        Response page = mariekeSaves(MINE);

        Response again = resolve(page, "keuze-0", "theirs", "tekst-1", "Half getypt <b>eigen</b> tekst");

        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body())
                .contains("Kies wat er met blok 2 gebeurt.")
                .contains("<a href=\"#blok-1\">")
                .contains("<input type=\"radio\" name=\"keuze-0\" id=\"keuze-0-theirs\" value=\"theirs\" checked>")
                .contains("Half getypt &lt;b&gt;eigen&lt;/b&gt; tekst</textarea>")
                .contains("value=\"Conflict opgelost\"");
        assertThat(current()).isEqualTo(THEIRS);
    }

    @Test
    void aSaveThatLandsWhileTheConflictIsResolvedConflictsAgainAndOverwritesNothing() {
        pietSaves(1, THEIRS);
        Response page = mariekeSaves(MINE);
        String third = THEIRS.replace("binnen drie werkdagen", "binnen één werkdag");
        pietSaves(2, third);

        Response again = resolve(page, "keuze-0", "mine", "keuze-1", "theirs");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("sloeg Piet Jansen revisie 3 op").contains("<legend>Blok 1 van 1</legend>")
                .contains("binnen één werkdag").contains("name=\"baseRevision\" value=\"3\"")
                .contains("name=\"mineBase\" value=\"2\"");
        assertThat(current()).isEqualTo(third);

        Response saved = resolve(again, "keuze-0", "theirs-first");
        assertThat(saved.header("Location")).isEqualTo("/afspraken/" + id + "?melding=opgeslagen");
        assertThat(current()).contains("Het wijkteam belt binnen één werkdag terug.\n\nHet wijkteam belt binnen twee werkdagen terug.")
                .contains("Na een kwartaal.").contains("Via de gedeelde mailbox.");
    }

    @Test
    void aTitleBothChangedIsChosenInTheTitleFieldWhichStartsWithTheWritersOwn() {
        Response theirs = app.bearer("piet").putJson("/api/v1/agreements/" + id,
                Map.of("title", "Terugbellen", "body", THEIRS, "baseRevision", 1));
        assertThat(theirs.status()).isEqualTo(200);
        String csrf = web.csrfToken("/afspraken/" + id + "/bewerken");
        Response page = web.postForm("/afspraken/" + id + "/bewerken", List.of(entry("csrf", csrf),
                entry("title", "Terugbellen binnen twee dagen"), entry("body", MINE), entry("baseRevision", "1"),
                entry("parties", "wijkteam-teststad"), entry("baseParties", "wijkteam-teststad"), entry("action", "save")));

        assertThat(page.status()).isEqualTo(409);
        assertThat(page.body()).contains("U veranderde de titel in \"Terugbellen binnen twee dagen\", Piet Jansen in \"Terugbellen\".")
                .contains("name=\"title\" type=\"text\" value=\"Terugbellen binnen twee dagen\"")
                .contains("Terwijl u bewerkte, sloeg Piet Jansen revisie 2 op").contains("op 3 plekken");
        assertThat(current()).isEqualTo(THEIRS);
    }

    @Test
    void aFormForAConflictThatCannotExistIsRefusedWithoutSavingAnything() {
        String csrf = web.csrfToken("/afspraken/" + id + "/bewerken");
        Response refused = web.postForm("/afspraken/" + id + "/conflict-oplossen", List.of(entry("csrf", csrf),
                entry("title", "Terugbellen na aanmelding"), entry("body", MINE), entry("baseRevision", "7"),
                entry("mineBase", "x")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Deze aanvraag klopt niet");
        assertThat(current()).isEqualTo(BODY);
    }
}
