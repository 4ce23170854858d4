package nl.afsprakenwiki.text;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.transfer.ImportFailed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every way text enters the wiki (HTML form, JSON API, import) stores it cleaned: in NFC, without
 * direction overrides and invisible characters. Unit rules are in {@link CleanTextTest}.
 */
class EnteredTextTest {

    /** "Terugbellen na aanmelding" with an override that would show "gnidlemnaa", a zero-width space and an e + accent. */
    private static final String HOSTILE_TITLE = "\u202ETerugbellen\u202C na\u200B aanmelding in Cafe\u0301";
    private static final String CLEAN_TITLE = "Terugbellen na aanmelding in Caf\u00E9";
    private static final String INVISIBLE_ONLY = " \u202E\u200B\u2066\u00AD\uFEFF ";
    private static final String BODY = "De aanbieder \u202Ebelt\u202C terug.\n\nGe\u0301\u00EFnformeerd\u200D en klaar.";

    @TempDir
    Path dir;
    private TestApp app;
    private String koppelzone;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        koppelzone = app.koppelzone("Koppelzone Jeugd Teststad", "Teststad");
        app.member(koppelzone, "marieke", Role.PRAKTIJKEXPERT);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static boolean hasHiddenCharacters(String text) {
        return text.codePoints().anyMatch(c -> c == 0x202E || c == 0x202C || c == 0x200B || c == 0x2066 || c == 0x00AD
                || c == 0xFEFF || c == 0x0301);
    }

    @Test
    void aTitleTypedInTheFormIsStoredWithoutOverridesOrZeroWidthCharactersAndInNfc() {
        TestApp.Client web = app.signIn("marieke");
        String csrf = web.csrfToken("/koppelzones/" + koppelzone + "/nieuw");
        Response response = web.postForm("/koppelzones/" + koppelzone + "/afspraken", List.of(entry("csrf", csrf),
                entry("title", HOSTILE_TITLE), entry("body", BODY), entry("parties", "wijkteam-teststad"),
                entry("summary", "Eerste\u202E versie"), entry("action", "save")));
        assertThat(response.status()).as(response.body()).isEqualTo(302);
        long id = Long.parseLong(response.header("Location").replaceAll("/afspraken/(\\d+).*", "$1"));

        JsonNode stored = web.get("/api/v1/agreements/" + id).json();
        assertThat(stored.get("title").asText()).isEqualTo(CLEAN_TITLE);
        assertThat(stored.get("slug").asText()).isEqualTo("terugbellen-na-aanmelding-in-cafe").matches(Slugs.VALID);
        // the body keeps its joiner (it has honest uses in running text) but loses the override and is NFC
        assertThat(stored.get("body").asText()).isEqualTo("De aanbieder belt terug.\n\nG\u00E9\u00EFnformeerd\u200D en klaar.");
        assertThat(web.get("/api/v1/agreements/" + id + "/revisions").json().get("items").get(0).get("summary").asText())
                .isEqualTo("Eerste versie");
    }

    @Test
    void aTitleOfOnlyInvisibleCharactersGetsTheRequiredErrorNextToTheField() {
        TestApp.Client web = app.signIn("marieke");
        String csrf = web.csrfToken("/koppelzones/" + koppelzone + "/nieuw");
        Response response = web.postForm("/koppelzones/" + koppelzone + "/afspraken", List.of(entry("csrf", csrf),
                entry("title", INVISIBLE_ONLY), entry("body", BODY), entry("parties", "wijkteam-teststad"),
                entry("action", "save")));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("<p class=\"error\" id=\"title-error\"><span class=\"visually-hidden\">Fout: </span>"
                + "Vul een titel in.</p>");
        assertThat(web.get("/api/v1/agreements").json().get("total").asInt()).isZero();
    }

    @Test
    void theApiStoresATitleCleanedAndRefusesOneThatIsEmptyOnceCleaned() {
        TestApp.Client api = app.bearer("marieke");
        String path = "/api/v1/koppelzones/" + koppelzone + "/agreements";
        Response created = api.postJson(path, Map.of("title", HOSTILE_TITLE, "body", BODY,
                "parties", List.of("wijkteam-teststad"), "themes", List.of("Warme\u200B overdracht\u202E")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode stored = api.get("/api/v1/agreements/" + created.json().get("id").asLong()).json();
        assertThat(stored.get("title").asText()).isEqualTo(CLEAN_TITLE);
        assertThat(stored.get("slug").asText()).isEqualTo("terugbellen-na-aanmelding-in-cafe");
        assertThat(stored.get("themes").get(0).asText()).isEqualTo("warme overdracht");

        Response edited = api.putJson("/api/v1/agreements/" + created.json().get("id").asLong(), Map.of(
                "title", "Terug\u2067bellen\u2069 binnen een week", "body", BODY + "\n\nNieuw.", "baseRevision", 1));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/agreements/" + created.json().get("id").asLong()).json().get("title").asText())
                .isEqualTo("Terugbellen binnen een week");

        Response empty = api.postJson(path, Map.of("title", INVISIBLE_ONLY, "body", BODY,
                "parties", List.of("wijkteam-teststad")));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.header("Content-Type")).startsWith("application/problem+json");
        assertThat(empty.json().get("errors").get("title").asText()).isEqualTo("Vul een titel in.");
    }

    @Test
    void namesOfOrganisationsMunicipalitiesKoppelzonesAndAccountsAreCleanedAndTheirSlugsStayPlain() {
        app.admin("beheerder");
        TestApp.Client api = app.bearer("beheerder");
        Response organisation = api.postJson("/api/v1/organisations",
                Map.of("name", "Jeugdhulp\u200B De \u202EBrug\u202C", "kind", "aanbieder"));
        assertThat(organisation.status()).as(organisation.body()).isEqualTo(201);
        assertThat(organisation.json().get("name").asText()).isEqualTo("Jeugdhulp De Brug");
        assertThat(organisation.json().get("slug").asText()).isEqualTo("jeugdhulp-de-brug");

        Response municipality = api.postJson("/api/v1/municipalities", Map.of("name", "Sint-Ame\u0301\u00ADland\u2066"));
        assertThat(municipality.json().get("name").asText()).isEqualTo("Sint-Am\u00E9land");
        assertThat(municipality.json().get("slug").asText()).isEqualTo("sint-ameland");

        Response hostileSlug = api.postJson("/api/v1/koppelzones", Map.of("name", "\u202Eenoz\u200Bleppok\u202C",
                "municipality", "sint-ameland"));
        assertThat(hostileSlug.status()).as(hostileSlug.body()).isEqualTo(201);
        assertThat(hostileSlug.json().get("name").asText()).isEqualTo("enozleppok");
        assertThat(hostileSlug.json().get("slug").asText()).isEqualTo("enozleppok");

        Response onlyInvisible = api.postJson("/api/v1/organisations", Map.of("name", INVISIBLE_ONLY, "kind", "overig"));
        assertThat(onlyInvisible.status()).isEqualTo(400);
        assertThat(onlyInvisible.json().get("errors").get("name").asText()).startsWith("Vul een naam in");

        TestApp.Client web = app.signIn("beheerder");
        Response account = web.submit("/beheer/accounts", "/beheer/accounts", List.of(entry("username", "anna"),
                entry("displayName", "Anna \u202Ede Wit\u200B"), entry("email", "anna@xstad.example\u200B"),
                entry("password", TestApp.PASSWORD)));
        assertThat(account.status()).as(account.body()).isEqualTo(302);
        var anna = app.services.accounts().byUsername("anna").orElseThrow();
        assertThat(anna.displayName()).isEqualTo("Anna de Wit");
        assertThat(anna.email()).isEqualTo("anna@xstad.example");
    }

    @Test
    void importedNamesTitlesAndBodiesAreCleanedTooAndAnInvisibleTitleCountsAsEmpty() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("import"));
        Files.writeString(folder.resolve("koppelzone.yaml"), """
                name: "Koppelzone\u200B Noord\u202E"
                municipality: "Noorde\u0301n"
                chair: Wijkteam Noord
                description: "Overleg \u202Evan\u202C de regio"
                parties:
                  - name: "Wijkteam\u2060 Noord"
                    kind: lokaal_team
                """);
        Files.writeString(folder.resolve("terugbellen.md"), """
                ---
                title: "%s"
                municipality: "Noorden"
                koppelzone: Koppelzone Noord
                parties:
                  - Wijkteam Noord
                themes:
                  - "\u2066Triage\u2069"
                author: "Piet\u200F"
                ---
                %s
                """.formatted(HOSTILE_TITLE, BODY));
        app.services.importer().importFolder(folder, "test", Progress.NONE);

        JsonNode koppelzoneJson = app.get("/api/v1/koppelzones/koppelzone-noord").json();
        assertThat(koppelzoneJson.get("name").asText()).isEqualTo("Koppelzone Noord");
        assertThat(koppelzoneJson.get("municipality").get("name").asText()).isEqualTo("Noord\u00E9n");
        assertThat(koppelzoneJson.get("parties").get(0).get("name").asText()).isEqualTo("Wijkteam Noord");
        TestApp.Client reader = app.bearer(app.member("koppelzone-noord", "lezer", Role.LEZER));
        long id = reader.get("/api/v1/agreements?koppelzone=koppelzone-noord").json().get("items").get(0).get("id").asLong();
        JsonNode stored = reader.get("/api/v1/agreements/" + id).json();
        assertThat(stored.get("title").asText()).isEqualTo(CLEAN_TITLE);
        assertThat(stored.get("body").asText()).doesNotContain("\u202E").contains("G\u00E9\u00EFnformeerd");
        assertThat(stored.get("themes").get(0).asText()).isEqualTo("triage");
        assertThat(hasHiddenCharacters(stored.toString())).isFalse();

        Path empty = Files.createDirectory(dir.resolve("leeg"));
        Files.writeString(empty.resolve("leeg.md"), """
                ---
                title: "%s"
                municipality: Noorden
                koppelzone: Koppelzone Noord
                parties:
                  - Wijkteam Noord
                ---
                Tekst.
                """.formatted(INVISIBLE_ONLY));
        assertThatExceptionOfType(ImportFailed.class)
                .isThrownBy(() -> app.services.importer().importFolder(empty, "test", Progress.NONE))
                .satisfies(failed -> assertThat(failed.problems().toString()).contains("'title' is leeg"));
    }
}
