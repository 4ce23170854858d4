package nl.afsprakenwiki.agreements;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.text.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Comparing two different agreements, as the viewer may see each, on the page and through the API. */
class AgreementComparePagesTest {

    private static final String TILBURG_BODY = "## Afspraak\n\nHet wijkteam belt binnen vijf werkdagen terug.\n\n## Evaluatie\n\nNa een half jaar.";
    private static final String ZWOLLE_BODY = "## Afspraak\n\nHet jeugdteam belt binnen tien werkdagen terug.\n\n## Evaluatie\n\nNa een half jaar.";

    @TempDir
    Path dir;
    private TestApp app;
    private long tilburg;
    private long zwolle;
    private long zwolleConcept;

    @BeforeEach
    void start() throws Exception {
        app = TestApp.start(dir);
        tilburg = agreement("Tilburg", "terugbellen", "Terugbellen na aanmelding", "bekrachtigd", TILBURG_BODY);
        zwolle = agreement("Zwolle", "terugbellen", "Terugbellen na een aanmelding", "bekrachtigd", ZWOLLE_BODY);
        zwolleConcept = agreement("Zwolle", "wachtlijst", "Wachtlijstbericht", "concept", "Nog in gesprek.");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** Imports one agreement of "Koppelzone Jeugd {municipality}" through the real importer; returns its id. */
    private long agreement(String municipality, String slug, String title, String status, String body) throws Exception {
        Path folder = Files.createTempDirectory(dir, "seed");
        Files.writeString(folder.resolve(slug + ".md"), """
                ---
                title: %s
                municipality: %s
                koppelzone: Koppelzone Jeugd %s
                parties:
                  - Wijkteam %s
                status: %s
                ---
                %s
                """.formatted(title, municipality, municipality, municipality, status, body));
        app.services.importer().importFolder(folder, "test", Progress.NONE);
        return app.services.db().read(handle -> handle.createQuery("""
                        SELECT a.id FROM agreement a JOIN koppelzone k ON k.id = a.koppelzone_id
                        WHERE a.slug = :slug AND k.name = :koppelzone""")
                .bind("slug", slug).bind("koppelzone", "Koppelzone Jeugd " + municipality).mapTo(Long.class).one());
    }

    @Test
    void thePageShowsBothAgreementsSideBySideWordByWord() {
        Response page = app.get("/vergelijken?a=" + tilburg + "&b=" + zwolle);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("<a href=\"/afspraken/" + tilburg + "\">Terugbellen na aanmelding</a>")
                .contains("<a href=\"/afspraken/" + zwolle + "\">Terugbellen na een aanmelding</a>")
                .contains("Gemeente Tilburg · revisie 1").contains("Gemeente Zwolle · revisie 1")
                .contains("<span class=\"badge status-bekrachtigd\">Bekrachtigd</span>")
                .contains("<table class=\"diff-side\">")
                .contains("<del>wijkteam</del>").contains("<ins>jeugdteam</ins>")
                .contains("<del>vijf</del>").contains("<ins>tien</ins>")
                .as("the titles differ by one word").contains("<ins>een </ins>")
                .contains("2 woorden staan alleen links, 2 alleen rechts.");
    }

    @Test
    void theInlineModeShowsTheChangesInOneText() {
        String html = app.get("/vergelijken?a=" + tilburg + "&b=" + zwolle + "&weergave=inline").body();

        assertThat(html).contains("class=\"diff-inline\" tabindex=\"0\" role=\"region\"")
                .contains("<del>vijf</del><ins>tien</ins>").doesNotContain("<table class=\"diff-side\">");
    }

    @Test
    void withoutTwoNumbersThePageOffersAFormToChooseThem() {
        Response empty = app.get("/vergelijken");
        Response wrong = app.get("/vergelijken?a=" + tilburg + "&b=abc");

        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains("<label for=\"pair-a\">Eerste afspraak (nummer)</label>")
                .contains("<label for=\"pair-b\">Tweede afspraak (nummer)</label>")
                .contains("type=\"number\" id=\"pair-a\" name=\"a\"").doesNotContain("diff-side");
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("is geen afspraaknummer; vul alleen cijfers in.")
                .contains("value=\"" + tilburg + "\"").contains("aria-invalid=\"true\"");
    }

    @Test
    void aDraftCanOnlyBeComparedByMembersOfItsKoppelzone() {
        String path = "?a=" + tilburg + "&b=" + zwolleConcept;
        assertThat(app.get("/vergelijken" + path).status()).isEqualTo(404);
        assertThat(app.get("/api/v1/compare" + path).status()).isEqualTo(404);
        assertThat(app.get("/vergelijken?a=" + tilburg + "&b=999999").status()).isEqualTo(404);

        app.member("koppelzone-jeugd-zwolle", "erik", Role.LEZER);
        Response member = app.signIn("erik").get("/vergelijken" + path);
        assertThat(member.status()).isEqualTo(200);
        assertThat(member.body()).contains("Wachtlijstbericht").contains("<span class=\"badge status-concept\">Concept</span>");
    }

    @Test
    void theApiGivesBothSidesAndTheWordDiff() {
        JsonNode json = app.get("/api/v1/compare?a=" + tilburg + "&b=" + zwolle).json();

        assertThat(json.get("a").toString()).isEqualTo("{\"id\":" + tilburg + ",\"title\":\"Terugbellen na aanmelding\","
                + "\"revision\":1,\"municipality\":{\"slug\":\"tilburg\",\"name\":\"Tilburg\"},"
                + "\"koppelzone\":{\"slug\":\"koppelzone-jeugd-tilburg\",\"name\":\"Koppelzone Jeugd Tilburg\"},"
                + "\"status\":\"bekrachtigd\"}");
        assertThat(json.get("b").get("id").asLong()).isEqualTo(zwolle);
        assertThat(json.get("title").get("segments").toString()).contains("{\"op\":\"insert\",\"text\":\"een \"}");
        JsonNode body = json.get("body");
        assertThat(body.get("wordsAdded").asInt()).isEqualTo(2);
        assertThat(body.get("wordsRemoved").asInt()).isEqualTo(2);
        StringBuilder left = new StringBuilder();
        StringBuilder right = new StringBuilder();
        body.get("segments").forEach(segment -> {
            String op = segment.get("op").asText();
            if (!op.equals("insert")) {
                left.append(segment.get("text").asText());
            }
            if (!op.equals("delete")) {
                right.append(segment.get("text").asText());
            }
        });
        assertThat(left.toString()).isEqualTo(app.get("/api/v1/agreements/" + tilburg).json().get("body").asText());
        assertThat(right.toString()).isEqualTo(app.get("/api/v1/agreements/" + zwolle).json().get("body").asText());
    }

    @Test
    void theApiSaysPreciselyWhatIsWrongWithTheRequest() {
        Response missing = app.get("/api/v1/compare?a=" + tilburg);
        Response wrong = app.get("/api/v1/compare?a=twaalf&b=" + zwolle);

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().get("detail").asText())
                .isEqualTo("Geef 'b' op: het nummer (id) van de tweede afspraak, bijvoorbeeld /api/v1/compare?a=12&b=34.");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("detail").asText())
                .isEqualTo("'a' moet het nummer (id) van de eerste afspraak zijn (alleen cijfers), niet 'twaalf'.");
    }
}
