package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
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

/** History and compare as a reader uses them: restoring from the history, the rendered comparison, revision numbers. */
class HistoryCompareTest {

    private static final String KOPPELZONE = "Koppelzone Jeugd Teststad";
    private static final String FIRST = """
            ## Afspraak

            Het wijkteam belt binnen vijf werkdagen terug.

            ## Evaluatie

            Na een half jaar.

            - eerste punt
            - tweede punt
            """;
    private static final String SECOND = """
            ## Afspraak

            Het wijkteam belt binnen drie werkdagen terug.

            Nieuwe alinea met **nadruk**.

            ## Evaluatie

            Na een half jaar.

            - eerste punt
            """;

    @TempDir
    Path dir;
    private TestApp app;
    private String koppelzone;
    /** An endorsed agreement (revision 1) with a newer draft (revision 2) only members may see. */
    private long id;
    private TestApp.Client expert;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        koppelzone = app.koppelzone(KOPPELZONE, "Teststad");
        id = app.agreement(KOPPELZONE, "Teststad", "terugbellen", "Terugbellen na aanmelding", "bekrachtigd", FIRST);
        app.member(koppelzone, "expert", Role.PRAKTIJKEXPERT);
        app.member(koppelzone, "lezer", Role.LEZER);
        expert = app.signIn("expert");
        Response saved = app.bearer("expert").putJson("/api/v1/agreements/" + id, Map.of("title", "Terugbellen na aanmelding",
                "body", SECOND, "baseRevision", 1, "summary", "Sneller terugbellen"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** The hidden fields of the form with this id, as a browser would send them. */
    private static List<Map.Entry<String, String>> formFields(String html, String formId) {
        Matcher form = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\" id=\"" + formId + "\"[^>]*>(.*?)</form>",
                Pattern.DOTALL).matcher(html);
        assertThat(form.find()).as("form " + formId).isTrue();
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        Matcher input = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(form.group(2));
        while (input.find()) {
            fields.add(entry(input.group(1), input.group(2)));
        }
        return fields;
    }

    @Test
    void theHistoryOffersRestoringEachOlderRevisionBehindAConfirmationAndItRestores() {
        String history = expert.get("/afspraken/" + id + "/geschiedenis").body();
        assertThat(history).contains("<th scope=\"col\">Herstellen</th>")
                .containsPattern("<details class=\"restore-confirm\">\\s*<summary>Herstellen…<span class=\"visually-hidden\"> Revisie 1</span></summary>"
                        + "\\s*<p>Herstellen maakt van revisie 1 een nieuwe revisie \\(3\\)")
                .contains("<button type=\"submit\" form=\"herstel-1\">Revisie 1 herstellen</button>")
                // the current revision has nothing to restore
                .doesNotContain("form=\"herstel-2\"");
        List<Map.Entry<String, String>> fields = formFields(history, "herstel-1");
        assertThat(fields).extracting(Map.Entry::getKey).containsExactly("csrf", "revision", "baseRevision");

        Response restored = expert.postForm("/afspraken/" + id + "/herstel", fields);

        assertThat(restored.header("Location")).isEqualTo("/afspraken/" + id + "?melding=hersteld&van=1");
        TestApp.Client api = app.bearer("expert");
        var current = api.get("/api/v1/agreements/" + id).json();
        assertThat(current.get("currentRevision").asInt()).isEqualTo(3);
        assertThat(current.get("body").asText()).contains("vijf werkdagen")
                .isEqualTo(api.get("/api/v1/agreements/" + id + "/revisions/1").json().get("body").asText());
    }

    @Test
    void onlyThoseWhoMayRestoreAreOfferedIt() {
        assertThat(app.signIn("lezer").get("/afspraken/" + id + "/geschiedenis").body())
                .contains("Revisie 2").doesNotContain("Herstellen").doesNotContain("/herstel\"");
        assertThat(app.get("/afspraken/" + id + "/geschiedenis").body())
                .contains("Revisie 1").doesNotContain("Herstellen").doesNotContain("/herstel\"");
    }

    @Test
    void compareShowsTheRenderedTextWithRemovedAndAddedBlocksMarked() {
        Response compare = expert.get("/afspraken/" + id + "/vergelijk?van=1&naar=2");

        assertThat(compare.status()).isEqualTo(200);
        assertThat(compare.body())
                .contains("<div class=\"diff-block diff-removed\"><p class=\"diff-label\">Verwijderd:</p>"
                        + "<del><p>Het wijkteam belt binnen vijf werkdagen terug.</p>")
                .contains("<div class=\"diff-block diff-added\"><p class=\"diff-label\">Toegevoegd:</p>"
                        + "<ins><p>Het wijkteam belt binnen drie werkdagen terug.</p>")
                .contains("<ins><p>Nieuwe alinea met <strong>nadruk</strong>.</p>")
                .containsPattern("<del><ul>\\s*<li>tweede punt</li>")
                .contains("<div class=\"diff-block\"><p>Na een half jaar.</p>")
                .doesNotContain("<del><p>Na een half jaar.")
                .contains("<a href=\"/afspraken/" + id + "/vergelijk?van=1&amp;naar=2&amp;weergave=inline\">Toon de verschillen in de markdown</a>");
        // the markdown itself, word by word, one link away
        assertThat(expert.get("/afspraken/" + id + "/vergelijk?van=1&naar=2&weergave=inline").body())
                .contains("<del>vijf</del><ins>drie</ins>").contains("Toon de verschillen in de opgemaakte tekst")
                .doesNotContain("diff-block");
    }

    @Test
    void aParagraphOfPlainWordsShowsWhichWordsChangedAlsoToScreenReaders() {
        Response saved = app.bearer("expert").putJson("/api/v1/agreements/" + id, Map.of("title", "Terugbellen na aanmelding",
                "body", SECOND.replace("Na een half jaar.", "Na een heel jaar."), "baseRevision", 2));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        assertThat(expert.get("/afspraken/" + id + "/vergelijk?van=2&naar=3").body())
                .contains("<div class=\"diff-block diff-changed\"><p class=\"diff-label\">Gewijzigd:</p><p>Na een "
                        + "<del><span class=\"visually-hidden\">[verwijderd: </span>half<span class=\"visually-hidden\">]</span></del>"
                        + "<ins><span class=\"visually-hidden\">[toegevoegd: </span>heel<span class=\"visually-hidden\">]</span></ins>"
                        + " jaar.</p></div>");
    }

    @Test
    void theRenderedComparisonIsSanitised() {
        String hostile = SECOND + "\n<script>alert('x')</script>\n\n[klik](javascript:alert(1)) <img src=x onerror=alert(1)>\n";
        Response saved = app.bearer("expert").putJson("/api/v1/agreements/" + id, Map.of("title", "Terugbellen na aanmelding",
                "body", hostile, "baseRevision", 2));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        String compare = expert.get("/afspraken/" + id + "/vergelijk?van=2&naar=3").body();

        assertThat(compare).contains("diff-added").contains("klik")
                .doesNotContain("<script>alert").doesNotContain("javascript:").doesNotContain("onerror=")
                .doesNotContain("<img src=\"x\"");
    }

    @Test
    void revisionNumbersThatNameNoRevisionAreNotFoundOnPagesAndInTheApi() {
        for (String number : List.of("0", "-1", "3", "99999999999", "abc", "1.5")) {
            assertThat(expert.get("/afspraken/" + id + "/revisies/" + number).status()).as("page " + number).isEqualTo(404);
            Response api = app.bearer("expert").get("/api/v1/agreements/" + id + "/revisions/" + number);
            assertThat(api.status()).as("api " + number).isEqualTo(404);
            assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(expert.get("/afspraken/" + id + "/revisies/2").status()).isEqualTo(200);
        assertThat(expert.get("/afspraken/" + id + "/vergelijk?van=0&naar=2").status()).isEqualTo(404);
    }

    @Test
    void revisionZeroDoesNotShowAVisitorTheDraftBesideTheEndorsedRevision() {
        Response zero = app.get("/afspraken/" + id + "/revisies/0");
        assertThat(zero.status()).isEqualTo(404);
        assertThat(zero.body()).doesNotContain("drie werkdagen");
        assertThat(app.get("/api/v1/agreements/" + id + "/revisions/0").status()).isEqualTo(404);
        assertThat(app.get("/afspraken/" + id + "/vergelijk?van=1&naar=0").status()).isEqualTo(404);
        assertThat(app.get("/afspraken/" + id + "/revisies/1").body()).contains("vijf werkdagen");
    }
}
