package nl.afsprakenwiki.attachments;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The "Bijlagen" page and section as a member and a visitor use them: a multipart form with CSRF, Dutch errors. */
class AttachmentPagesTest {

    @TempDir
    Path dir;
    private TestApp app;
    private TestApp.Client expert;
    private long id;
    private String page;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        String koppelzone = app.koppelzone("Koppelzone Jeugd Teststad", "Teststad");
        expert = app.signIn(app.member(koppelzone, "marieke", Role.PRAKTIJKEXPERT, "jeugdhulp-de-brug-teststad"));
        id = app.agreement("Koppelzone Jeugd Teststad", "Teststad", "warme-overdracht", "Warme overdracht", "concept",
                "![Stroomschema](bijlage:stroomschema.png)");
        page = "/afspraken/" + id + "/bijlagen";
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private Response submit(String name, byte[] content, boolean withCsrf) {
        Map<String, String> fields = withCsrf ? Map.of("csrf", expert.csrfToken(page), "baseRevision", "1")
                : Map.of("baseRevision", "1");
        SampleFiles.Multipart body = SampleFiles.Multipart.of(fields, "file", name, "image/png", content);
        return expert.sendBytes("POST", page, body.contentType(), body.body(), Map.of());
    }

    @Test
    void aMemberAddsAFileWithTheFormAndTheImageAppearsInTheText() {
        Response added = submit("stroomschema.png", SampleFiles.PNG, true);
        assertThat(added.status()).as(added.body()).isEqualTo(302);
        assertThat(added.header("Location")).isEqualTo(page + "?melding=opgeslagen");
        assertThat(expert.get(page + "?melding=opgeslagen").body())
                .contains("De bijlage is opgeslagen in een nieuwe revisie.", "stroomschema.png", "PNG");

        String agreement = expert.get("/afspraken/" + id).body();
        assertThat(agreement).contains("<h2 id=\"bijlagen\">Bijlagen</h2>", "Bijlagen van revisie 2",
                "<img src=\"/afspraken/" + id + "/revisies/2/bijlagen/stroomschema.png\" alt=\"Stroomschema\" />");
        assertThat(app.get("/afspraken/" + id).status()).as("a draft, its files included, is not there for visitors")
                .isEqualTo(404);
        assertThat(app.get("/afspraken/" + id + "/revisies/2/bijlagen/stroomschema.png").status()).isEqualTo(404);
    }

    @Test
    void refusedFilesAreExplainedInDutchNextToTheField() {
        Response renamed = submit("schema.pdf", SampleFiles.PNG, true);
        assertThat(renamed.status()).isEqualTo(422);
        assertThat(renamed.body()).contains("id=\"file-error\"",
                "De naam schema.pdf past niet bij de inhoud: het bestand is een PNG-bestand.", "aria-invalid=\"true\"");
        assertThat(submit("schema.svg", SampleFiles.SVG, true).body())
                .contains("Het bestand schema.svg is geen PDF, DOCX, XLSX, ODT, ODS, PNG of JPEG.");
        assertThat(submit("index.html", SampleFiles.HTML, true).body()).contains("Het bestand index.html is geen PDF");
        assertThat(submit("groot.pdf", SampleFiles.pdfOfSize(11 * 1024 * 1024), true).body())
                .contains("Het bestand groot.pdf is te groot: een bijlage mag hoogstens 10 MB zijn.");
        Response huge = submit("enorm.pdf", SampleFiles.pdfOfSize(13 * 1024 * 1024), true);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.body()).contains("een bijlage mag hoogstens 10 MB zijn");
        assertThat(expert.get(page).body()).contains("Deze afspraak heeft geen bijlagen.");
    }

    @Test
    void theFormNeedsItsCsrfToken() {
        assertThat(submit("stroomschema.png", SampleFiles.PNG, false).status()).isEqualTo(403);
    }

    @Test
    void aFileIsRemovedInANewRevisionThatEarlierRevisionsDoNotShare() {
        submit("stroomschema.png", SampleFiles.PNG, true);
        Response removed = expert.submit(page, page + "/stroomschema.png/verwijderen", List.of(Map.entry("baseRevision", "2")));
        assertThat(removed.status()).isEqualTo(302);
        assertThat(expert.get(page + "?melding=verwijderd").body()).contains("De bijlage is verwijderd",
                "Deze afspraak heeft geen bijlagen.");
        assertThat(expert.get("/afspraken/" + id + "/revisies/2/bijlagen/stroomschema.png").status()).isEqualTo(200);
        assertThat(expert.get("/afspraken/" + id + "/revisies/3/bijlagen/stroomschema.png").status()).isEqualTo(404);
        assertThat(expert.get("/afspraken/" + id).body()).as("the image shows its alt text").contains("<p>Stroomschema</p>");
    }

    @Test
    void anEarlierRevisionsPageListsTheFilesOfThatRevision() {
        submit("stroomschema.png", SampleFiles.PNG, true);
        expert.submit(page, page + "/stroomschema.png/verwijderen", List.of(Map.entry("baseRevision", "2")));
        assertThat(expert.get("/afspraken/" + id + "/revisies/2").body()).contains("Bijlagen van revisie 2",
                "href=\"/afspraken/" + id + "/revisies/2/bijlagen/stroomschema.png\"").doesNotContain("Bijlagen toevoegen");
        assertThat(expert.get("/afspraken/" + id + "/revisies/1").body()).as("revision 1 had no files")
                .doesNotContain("id=\"bijlagen\"");
    }

    @Test
    void visitorsAndReadersOfAPublicAgreementSeeNoWayToChangeFiles() {
        long open = app.agreement("Koppelzone Jeugd Teststad", "Teststad", "open", "Open afspraak", "bekrachtigd");
        assertThat(app.get("/afspraken/" + open).body()).as("no files, nothing to manage: no section")
                .doesNotContain("id=\"bijlagen\"");
        assertThat(app.get("/afspraken/" + open + "/bijlagen").status()).isIn(302, 303, 401, 403);
        assertThat(expert.get("/afspraken/" + open).body()).contains("Bijlagen toevoegen of verwijderen");
    }
}
