package nl.afsprakenwiki.agreements;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AgreementApiTest {

    private static final String BODY = """
            ## Afspraak

            Het wijkteam belt binnen vijf werkdagen na de aanmelding terug.

            ## Rollen

            De aanbieder stuurt een overdrachtsverslag naar het wijkteam.

            ## Evaluatie

            De koppelzone evalueert deze afspraak na een half jaar.""";

    @TempDir
    Path dir;
    private TestApp app;
    private String koppelzone;
    /** A praktijkexpert of the koppelzone, using an API token. */
    private TestApp.Client api;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        koppelzone = app.koppelzone("Koppelzone Jeugd Teststad", "Teststad");
        api = app.bearer(app.member(koppelzone, "marieke", Role.PRAKTIJKEXPERT));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private long create(String title, String body) {
        Response response = api.postJson("/api/v1/koppelzones/" + koppelzone + "/agreements", Map.of(
                "title", title, "body", body, "parties", List.of("wijkteam-teststad", "jeugdhulp-de-brug-teststad"),
                "themes", List.of("Afschaling", "uitstroom en nazorg")));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("revision").asInt()).isEqualTo(1);
        assertThat(response.header("Location")).isEqualTo("/api/v1/agreements/" + response.json().get("id").asLong());
        return response.json().get("id").asLong();
    }

    private Response put(long id, int base, String body, String summary) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", "Terugbellen na aanmelding");
        request.put("body", body);
        request.put("baseRevision", base);
        request.put("summary", summary);
        return api.putJson("/api/v1/agreements/" + id, request);
    }

    @Test
    void createEditTwiceListDiffAndRestoreGiveFourRevisions() {
        long id = create("Terugbellen na aanmelding", BODY);
        String second = BODY.replace("binnen vijf werkdagen", "binnen drie werkdagen");
        assertThat(put(id, 1, second, "Termijn verkort").json().get("revision").asInt()).isEqualTo(2);
        String third = second.replace("na een half jaar", "na een jaar");
        assertThat(put(id, 2, third, "Evaluatie later").json().get("revision").asInt()).isEqualTo(3);

        JsonNode revisions = api.get("/api/v1/agreements/" + id + "/revisions").json();
        assertThat(revisions.get("total").asInt()).isEqualTo(3);
        assertThat(revisions.get("items").findValuesAsText("number")).containsExactly("3", "2", "1");
        assertThat(revisions.get("items").get(0).get("summary").asText()).isEqualTo("Evaluatie later");

        JsonNode diff = api.get("/api/v1/agreements/" + id + "/diff?from=1&to=3").json();
        List<String> deleted = new ArrayList<>();
        List<String> inserted = new ArrayList<>();
        for (JsonNode segment : diff.get("body").get("segments")) {
            if (segment.get("op").asText().equals("delete")) {
                deleted.add(segment.get("text").asText());
            } else if (segment.get("op").asText().equals("insert")) {
                inserted.add(segment.get("text").asText());
            }
        }
        assertThat(deleted).containsExactly("vijf", "half ");
        assertThat(inserted).containsExactly("drie");
        assertThat(diff.get("body").get("wordsRemoved").asInt()).isEqualTo(2);
        assertThat(diff.get("body").get("wordsAdded").asInt()).isEqualTo(1);

        Response restore = api.postJson("/api/v1/agreements/" + id + "/restore", Map.of("revision", 1));
        assertThat(restore.status()).isEqualTo(201);
        assertThat(restore.json().get("revision").asInt()).isEqualTo(4);
        JsonNode one = api.get("/api/v1/agreements/" + id + "/revisions/1").json();
        JsonNode four = api.get("/api/v1/agreements/" + id + "/revisions/4").json();
        assertThat(four.get("body").asText()).isEqualTo(one.get("body").asText()).isEqualTo(BODY);
        assertThat(four.get("title").asText()).isEqualTo(one.get("title").asText());
        assertThat(four.get("sha256").asText()).isEqualTo(one.get("sha256").asText());
        assertThat(four.get("baseRevision").asInt()).isEqualTo(3);
        assertThat(api.get("/api/v1/agreements/" + id).json().get("currentRevision").asInt()).isEqualTo(4);
    }

    @Test
    void twoEditsFromTheSameBaseToDifferentParagraphsAreBothKept() {
        long id = create("Terugbellen na aanmelding", BODY);
        Response first = put(id, 1, BODY.replace("binnen vijf werkdagen", "binnen drie werkdagen"), "eerste");
        Response second = put(id, 1, BODY.replace("na een half jaar", "na een jaar"), "tweede");

        assertThat(first.json().get("merged").asBoolean()).isFalse();
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("revision").asInt()).isEqualTo(3);
        assertThat(second.json().get("merged").asBoolean()).isTrue();
        assertThat(second.json().get("mergedWith").asInt()).isEqualTo(2);
        String current = api.get("/api/v1/agreements/" + id).json().get("body").asText();
        assertThat(current).contains("binnen drie werkdagen").contains("na een jaar").doesNotContain("half");
        assertThat(api.get("/api/v1/agreements/" + id + "/revisions/3").json().get("baseRevision").asInt()).isEqualTo(1);
    }

    @Test
    void twoEditsOfTheSameParagraphConflictAndNothingIsOverwritten() {
        long id = create("Terugbellen na aanmelding", BODY);
        String theirs = BODY.replace("binnen vijf werkdagen", "binnen drie werkdagen");
        String mine = BODY.replace("binnen vijf werkdagen", "binnen twee werkdagen");
        put(id, 1, theirs, "drie");
        JsonNode before = api.get("/api/v1/agreements/" + id).json();

        Response conflict = put(id, 1, mine, "twee");

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = conflict.json();
        assertThat(problem.get("detail").asText()).contains("Revisie 2").contains("Er is niets opgeslagen");
        assertThat(problem.get("yours").get("body").asText()).isEqualTo(mine);
        assertThat(problem.get("theirs").get("body").asText()).isEqualTo(theirs);
        assertThat(problem.get("theirs").get("revision").asInt()).isEqualTo(2);
        assertThat(problem.get("conflicts")).hasSize(1);
        assertThat(problem.get("conflicts").get(0).get("mine").asText()).isEqualTo("Het wijkteam belt binnen twee werkdagen na de aanmelding terug.");
        assertThat(problem.get("merged").toString()).doesNotContain("<<<<<<<", ">>>>>>>");

        JsonNode after = api.get("/api/v1/agreements/" + id).json();
        assertThat(after.get("currentRevision").asInt()).isEqualTo(2);
        assertThat(after.get("body").asText()).isEqualTo(before.get("body").asText()).isEqualTo(theirs);

        // resolving: send the chosen text on top of revision 2
        Response resolved = put(id, 2, mine, "opgelost");
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.json().get("revision").asInt()).isEqualTo(3);
    }

    @Test
    void aConflictListsExactlyTheOverlappingBlocksAndAClientResolvesThemBlockByBlock() {
        long id = create("Terugbellen na aanmelding", BODY);
        String theirs = BODY.replace("binnen vijf werkdagen", "binnen drie werkdagen")
                .replace("stuurt een overdrachtsverslag", "mailt een overdrachtsverslag");
        String mine = BODY.replace("binnen vijf werkdagen", "binnen twee werkdagen")
                .replace("een overdrachtsverslag naar het wijkteam", "een overdrachtsverslag naar het wijkteam en de huisarts")
                .replace("na een half jaar", "na een jaar");
        put(id, 1, theirs, "drie");

        JsonNode problem = put(id, 1, mine, "twee").json();

        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("baseRevision").asInt()).isEqualTo(1);
        assertThat(problem.get("currentRevision").asInt()).isEqualTo(2);
        JsonNode conflicts = problem.get("conflicts");
        assertThat(conflicts).hasSize(2);
        assertThat(conflicts.get(0).get("index").asInt()).isZero();
        assertThat(conflicts.get(0).get("base").asText()).isEqualTo("Het wijkteam belt binnen vijf werkdagen na de aanmelding terug.");
        assertThat(conflicts.get(0).get("mine").asText()).isEqualTo("Het wijkteam belt binnen twee werkdagen na de aanmelding terug.");
        assertThat(conflicts.get(0).get("theirs").asText()).isEqualTo("Het wijkteam belt binnen drie werkdagen na de aanmelding terug.");
        assertThat(conflicts.get(1).get("index").asInt()).isEqualTo(1);
        assertThat(conflicts.get(1).get("base").asText()).isEqualTo("De aanbieder stuurt een overdrachtsverslag naar het wijkteam.");
        assertThat(conflicts.get(1).get("mine").asText())
                .isEqualTo("De aanbieder stuurt een overdrachtsverslag naar het wijkteam en de huisarts.");
        assertThat(conflicts.get(1).get("theirs").asText()).isEqualTo("De aanbieder mailt een overdrachtsverslag naar het wijkteam.");
        assertThat(problem.get("titleConflict").isNull()).isTrue();
        assertThat(problem.get("merged").get("title").asText()).isEqualTo("Terugbellen na aanmelding");
        // the evaluation changed on my side only: it is merged already, in the text around the conflicts
        assertThat(problem.get("merged").get("parts").toString()).contains("na een jaar").doesNotContain("<<<<<<<");

        // as a client would: theirs for the first block, mine for the second, put together by the parts
        List<String> chosen = List.of(conflicts.get(0).get("theirs").asText(), conflicts.get(1).get("mine").asText());
        StringBuilder text = new StringBuilder();
        problem.get("merged").get("parts").forEach(part -> text.append(part.has("conflict")
                ? chosen.get(part.get("conflict").asInt()) : part.get("text").asText()));
        Response resolved = put(id, problem.get("currentRevision").asInt(), text.toString(), "conflict opgelost");

        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().get("merged").asBoolean()).isFalse();
        String stored = api.get("/api/v1/agreements/" + id + "/revisions/3").json().get("body").asText();
        assertThat(stored).isEqualTo(BODY.replace("binnen vijf werkdagen", "binnen drie werkdagen")
                .replace("een overdrachtsverslag naar het wijkteam", "een overdrachtsverslag naar het wijkteam en de huisarts")
                .replace("na een half jaar", "na een jaar"));
        assertThat(ThreeWayMerge.hasConflictMarkers(stored)).isFalse();
        assertThat(stored).doesNotContain("<<<<<<<", "=======", ">>>>>>>");
    }

    @Test
    void aTitleBothChangedIsReportedBesideTheBlocks() {
        long id = create("Terugbellen na aanmelding", BODY);
        Map<String, Object> theirs = new LinkedHashMap<>(Map.of("title", "Terugbellen", "body", BODY, "baseRevision", 1));
        assertThat(api.putJson("/api/v1/agreements/" + id, theirs).status()).isEqualTo(200);

        Map<String, Object> mine = new LinkedHashMap<>(Map.of("title", "Terugbellen binnen twee dagen", "body", BODY,
                "baseRevision", 1));
        JsonNode problem = api.putJson("/api/v1/agreements/" + id, mine).json();

        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("conflicts")).isEmpty();
        assertThat(problem.get("titleConflict").get("base").asText()).isEqualTo("Terugbellen na aanmelding");
        assertThat(problem.get("titleConflict").get("mine").asText()).isEqualTo("Terugbellen binnen twee dagen");
        assertThat(problem.get("titleConflict").get("theirs").asText()).isEqualTo("Terugbellen");
        assertThat(problem.get("merged").get("title").isNull()).isTrue();
    }

    @Test
    void unchangedTextMakesNoNewRevision() {
        long id = create("Terugbellen na aanmelding", BODY);
        Response response = put(id, 1, BODY, "niets");
        assertThat(response.json().get("unchanged").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/agreements/" + id + "/revisions").json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        String huge = "{\"title\":\"x\",\"body\":\"" + "a".repeat(600 * 1024) + "\"}";
        Response response = api.send("POST", "/api/v1/koppelzones/" + koppelzone + "/agreements", "application/json", huge);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains("512 KB");
        assertThat(api.get("/api/v1/agreements").json().get("total").asInt()).isZero();
    }

    @Test
    void invalidJsonIsRefusedWithItsPosition() {
        Response response = api.send("POST", "/api/v1/koppelzones/" + koppelzone + "/agreements", "application/json",
                "{\"title\": \"x\",\n \"body\": }");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asText()).startsWith("Ongeldige JSON (regel 2, kolom");
    }

    @Test
    void aMissingTitleIsRefusedWithAMessagePerField() {
        Response response = api.postJson("/api/v1/koppelzones/" + koppelzone + "/agreements",
                Map.of("body", "tekst", "parties", List.of()));
        assertThat(response.status()).isEqualTo(400);
        JsonNode problem = response.json();
        assertThat(problem.get("detail").asText()).contains("Vul een titel in.").contains("Kies minstens één partij.");
        assertThat(problem.get("errors").get("title").asText()).isEqualTo("Vul een titel in.");
        assertThat(problem.get("errors").get("parties").asText()).isEqualTo("Kies minstens één partij.");
    }

    @Test
    void unknownFieldsWrongTypesAndWrongContentTypeAreNamed() {
        String path = "/api/v1/koppelzones/" + koppelzone + "/agreements";
        Response unknown = api.postJson(path, Map.of("titel", "x"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("Onbekend veld 'titel'").contains("title");

        Response author = api.postJson(path, Map.of("title", "x", "body", "y", "parties", List.of("wijkteam-teststad"),
                "author", "Iemand anders"));
        assertThat(author.status()).as("the author is the account, not a field").isEqualTo(400);
        assertThat(author.json().get("detail").asText()).contains("Onbekend veld 'author'");

        Response wrongType = api.postJson(path, Map.of("title", "x", "body", "y", "parties", "wijkteam-teststad"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("detail").asText()).startsWith("parties: een lijst verwacht, niet een tekst");

        Response form = api.send("POST", path, "application/x-www-form-urlencoded", "title=x");
        assertThat(form.status()).isEqualTo(415);

        Response empty = api.send("POST", path, "application/json", "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asText()).contains("leeg");
    }

    @Test
    void unknownIdsGive404AndBadRevisionNumbersAPreciseMessage() {
        assertThat(api.get("/api/v1/agreements/999").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/agreements/abc").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/koppelzones/bestaat-niet").status()).isEqualTo(404);
        assertThat(api.postJson("/api/v1/koppelzones/bestaat-niet/agreements", Map.of("title", "x")).status()).isEqualTo(404);
        assertThat(api.putJson("/api/v1/agreements/999", Map.of("title", "x")).status()).isEqualTo(404);
        long id = create("Terugbellen na aanmelding", BODY);
        assertThat(api.get("/api/v1/agreements/" + id + "/revisions/7").status()).isEqualTo(404);
        Response diff = api.get("/api/v1/agreements/" + id + "/diff?from=1&to=9");
        assertThat(diff.status()).isEqualTo(400);
        assertThat(diff.json().get("detail").asText()).isEqualTo("'to' moet een revisienummer tussen 1 en 1 zijn, niet '9'.");
        Response noBase = api.putJson("/api/v1/agreements/" + id, Map.of("title", "x", "body", "y"));
        assertThat(noBase.status()).isEqualTo(400);
        assertThat(noBase.json().get("detail").asText()).contains("baseRevision");
        Response badBase = put(id, 5, BODY, "x");
        assertThat(badBase.status()).isEqualTo(400);
        assertThat(badBase.json().get("errors").get("baseRevision").asText()).contains("Basisrevisie 5 bestaat niet");
        Response badRestore = api.postJson("/api/v1/agreements/" + id + "/restore", Map.of("revision", 3));
        assertThat(badRestore.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/nope").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/nope").header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aRestoreBasedOnAnOutdatedRevisionIsRefusedWith409() {
        long id = create("Terugbellen na aanmelding", BODY);
        put(id, 1, BODY.replace("vijf", "drie"), "x");
        Response stale = api.postJson("/api/v1/agreements/" + id + "/restore", Map.of("revision", 1, "baseRevision", 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("currentRevision").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/agreements/" + id).json().get("currentRevision").asInt()).isEqualTo(2);
    }

    @Test
    void agreementsCanBeListedByKoppelzoneAndStatusAndKoppelzonesShowTheirParties() {
        create("Eerste", BODY);
        create("Tweede", BODY);
        assertThat(api.get("/api/v1/agreements?koppelzone=" + koppelzone).json().get("total").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/agreements?status=concept").json().get("total").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/agreements?status=bekrachtigd").json().get("total").asInt()).isZero();
        assertThat(api.get("/api/v1/agreements?status=onzin").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/agreements?koppelzone=onzin").status()).isEqualTo(400);

        JsonNode zone = api.get("/api/v1/koppelzones/" + koppelzone).json();
        assertThat(zone.get("name").asText()).isEqualTo("Koppelzone Jeugd Teststad");
        assertThat(zone.get("level").asText()).isEqualTo("lokaal");
        assertThat(zone.get("municipality").get("slug").asText()).isEqualTo("teststad");
        assertThat(zone.get("parties").findValuesAsText("kind")).containsExactlyInAnyOrder("lokaal_team", "aanbieder", "huisarts");
        assertThat(api.get("/api/v1/koppelzones").json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void theAgreementCarriesItsMetadataAndSanitisedHtml() {
        long id = create("Terugbellen na aanmelding", BODY);
        JsonNode agreement = api.get("/api/v1/agreements/" + id).json();
        assertThat(agreement.get("status").asText()).isEqualTo("concept");
        assertThat(agreement.get("themes").findValuesAsText("")).isEmpty();
        assertThat(agreement.get("themes").toString()).isEqualTo("[\"afschaling\",\"uitstroom en nazorg\"]");
        assertThat(agreement.get("parties").findValuesAsText("slug"))
                .containsExactly("jeugdhulp-de-brug-teststad", "wijkteam-teststad");
        assertThat(agreement.get("koppelzone").get("slug").asText()).isEqualTo(koppelzone);
        assertThat(agreement.get("municipality").get("name").asText()).isEqualTo("Teststad");
        assertThat(agreement.get("html").asText()).contains("<h3 id=\"h-afspraak\">");
        assertThat(agreement.get("author").asText()).isEqualTo("Test marieke");
        assertThat(agreement.get("sha256").asText()).hasSize(64);
        assertThat(agreement.get("endorsedRevision").isNull()).isTrue();
    }

    @Test
    void partiesOutsideTheKoppelzoneAreRefused() {
        Response response = api.postJson("/api/v1/koppelzones/" + koppelzone + "/agreements", Map.of(
                "title", "x", "body", "y", "parties", List.of("veilig-thuis-elders")));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get("parties").asText())
                .isEqualTo("Organisatie \"veilig-thuis-elders\" is geen partij in Koppelzone Jeugd Teststad.");
    }
}
