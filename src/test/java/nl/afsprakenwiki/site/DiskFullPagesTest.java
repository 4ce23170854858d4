package nl.afsprakenwiki.site;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full disk, made real with SQLite's {@code max_page_count} (SQLite then answers SQLITE_FULL, as
 * on a full disk): a save gets 507 with a clear answer, loses nothing, and works again once there
 * is room - without a restart.
 */
class DiskFullPagesTest {

    @TempDir
    Path dir;

    /** Caps the database at the pages it has now: any write needing another page fails with SQLITE_FULL. */
    private static void fillDisk(TestApp app) {
        app.db.write(handle -> handle.createQuery("PRAGMA max_page_count = 1").mapTo(Long.class).one());
    }

    private static void freeDisk(TestApp app) {
        app.db.write(handle -> handle.createQuery("PRAGMA max_page_count = 1073741823").mapTo(Long.class).one());
    }

    /** Large enough to need new pages in any case. */
    private static String longText(String word) {
        return (word + " ").repeat(40_000);
    }

    private static int revisions(TestApp app, long id) {
        return app.db.read(handle -> handle.createQuery("SELECT count(*) FROM revision WHERE agreement_id = ?")
                .bind(0, id).mapTo(Integer.class).one());
    }

    @Test
    void aSaveOnAFullDiskAnswers507InProblemJsonKeepsWhatWasSavedAndWorksAgainOnceThereIsRoom() {
        try (TestApp app = TestApp.start(dir)) {
            String slug = app.koppelzone("Koppelzone Xstad", "Xstad");
            app.account("marieke");
            app.member(slug, "marieke", Role.PRAKTIJKEXPERT);
            TestApp.Client api = app.bearer("marieke");
            Response created = api.postJson("/api/v1/koppelzones/" + slug + "/agreements", Map.of(
                    "title", "Pelikaanoverleg", "body", "Eerste tekst.", "parties", List.of("wijkteam-xstad")));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long id = created.json().get("id").asLong();

            fillDisk(app);
            Response refused = api.putJson("/api/v1/agreements/" + id, Map.of("title", "Pelikaanoverleg",
                    "body", longText("tweede"), "baseRevision", 1, "summary", "lang"));

            assertThat(refused.status()).isEqualTo(507);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("title").asText()).isEqualTo("De schijf is vol");
            assertThat(refused.json().get("type").asText()).isEqualTo("/problemen/schijf-vol");
            assertThat(refused.json().get("detail").asText()).contains("De schijf van de server is vol")
                    .contains("niet opgeslagen").contains("niets verloren");
            assertThat(refused.body()).doesNotContain("SQLite").doesNotContain("Exception");
            assertThat(revisions(app, id)).as("nothing of the refused save was kept").isEqualTo(1);
            assertThat(api.get("/api/v1/agreements/" + id).json().get("body").asText()).isEqualTo("Eerste tekst.");

            freeDisk(app);
            Response saved = api.putJson("/api/v1/agreements/" + id, Map.of("title", "Pelikaanoverleg",
                    "body", longText("tweede"), "baseRevision", 1, "summary", "lang"));
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(revisions(app, id)).isEqualTo(2);
        }
    }

    @Test
    void aFormSentOnAFullDiskGetsAPageSayingSoInDutchOrEnglish() {
        try (TestApp app = TestApp.start(dir)) {
            String slug = app.koppelzone("Koppelzone Xstad", "Xstad");
            app.account("marieke");
            app.member(slug, "marieke", Role.PRAKTIJKEXPERT);
            TestApp.Client web = app.signIn("marieke");
            List<Map.Entry<String, String>> form = List.of(entry("title", "Flamingoberaad"),
                    entry("body", longText("flamingo")), entry("parties", "wijkteam-xstad"), entry("action", "save"));
            fillDisk(app);

            Response page = web.submit("/koppelzones/" + slug + "/nieuw", "/koppelzones/" + slug + "/afspraken", form);

            assertThat(page.status()).isEqualTo(507);
            assertThat(page.body()).contains("<h1>De schijf is vol</h1>").contains("Uw wijziging is niet opgeslagen")
                    .doesNotContain("Exception").doesNotContain("SQLite");
            assertThat(app.db.<Integer>read(handle -> handle.createQuery("SELECT count(*) FROM agreement")
                    .mapTo(Integer.class).one())).isZero();

            web.get("/taal/en");
            Response english = web.submit("/koppelzones/" + slug + "/nieuw", "/koppelzones/" + slug + "/afspraken", form);
            assertThat(english.status()).isEqualTo(507);
            assertThat(english.body()).contains("<h1>The disk is full</h1>");

            freeDisk(app);
            Response created = web.submit("/koppelzones/" + slug + "/nieuw", "/koppelzones/" + slug + "/afspraken", form);
            assertThat(created.status()).as(created.body()).isEqualTo(302);
        }
    }
}
