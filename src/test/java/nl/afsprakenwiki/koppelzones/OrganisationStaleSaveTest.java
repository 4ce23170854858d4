package nl.afsprakenwiki.koppelzones;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static nl.afsprakenwiki.koppelzones.OrganisationContactsTest.formVersion;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Concurrent edits are merged or shown as a conflict, never silently overwritten" for the register of
 * organisations (V030): the edit page and the API's change carry the version they were based on; a
 * save based on an older one is refused, naming who changed it and when, and keeps what was typed.
 */
class OrganisationStaleSaveTest {

    /** 10:30 in Dutch time (winter). */
    static final TestClock CLOCK = new TestClock(Instant.parse("2026-12-06T09:30:00Z"));

    @TempDir
    static java.nio.file.Path dir;
    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(Settings.forTests(dir), CLOCK);
        app.koppelzone("Koppelzone Jeugd Wisselstad", "Wisselstad");
        app.admin("anna");
        app.admin("bram");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static JsonNode stored(String slug) {
        return app.get("/api/v1/organisations/" + slug + "/agreements").json().get("organisation");
    }

    private static List<Map.Entry<String, String>> form(String name, String phones, String domains, String version) {
        return List.of(entry("name", name), entry("kind", "lokaal_team"), entry("phoneNumbers", phones),
                entry("emailDomains", domains), entry("version", version));
    }

    @Test
    void theSecondOfTwoBeheerdersSavingTheSameFormIsToldWhoChangedItAndKeepsWhatTheyTyped() {
        String page = "/beheer/organisaties/wijkteam-wisselstad";
        TestApp.Client anna = app.signIn("anna");
        TestApp.Client bram = app.signIn("bram");
        String annasVersion = formVersion(anna, page);
        String bramsVersion = formVersion(bram, page);
        assertThat(annasVersion).isEqualTo(bramsVersion);

        Response first = anna.submit(page, page, form("Wijkteam Wisselstad Noord", "013 000 41 20", "noord.example.nl",
                annasVersion));
        assertThat(first.status()).as(first.body()).isEqualTo(302);
        Response second = bram.submit(page, page, form("Wijkteam Wisselstad Zuid", "013 000 41 30\n013 000 41 31",
                "zuid.example.nl", bramsVersion));

        assertThat(second.status()).isEqualTo(422);
        assertThat(second.body()).contains("Iemand anders heeft deze organisatie intussen gewijzigd: Beheerder anna, op "
                        + "6 december 2026 om 10:30").contains("Er is niets opgeslagen")
                .contains("value=\"Wijkteam Wisselstad Zuid\"").contains("013 000 41 30\n013 000 41 31")
                .contains("zuid.example.nl").contains("role=\"alert\"");
        JsonNode stored = stored("wijkteam-wisselstad");
        assertThat(stored.get("name").asText()).isEqualTo("Wijkteam Wisselstad Noord");
        assertThat(stored.get("phoneNumbers").toString()).isEqualTo("[\"013 000 41 20\"]");
        assertThat(stored.get("emailDomains").toString()).isEqualTo("[\"noord.example.nl\"]");

        // the refused form is based on the current version now: saving again keeps Bram's version, knowingly
        String refusedFormVersion = second.body().replaceAll("(?s).*name=\"version\" value=\"([0-9]+)\".*", "$1");
        assertThat(refusedFormVersion).isEqualTo(String.valueOf(Integer.parseInt(annasVersion) + 1));
        Response again = bram.submit(page, page, form("Wijkteam Wisselstad Zuid", "013 000 41 30", "zuid.example.nl",
                refusedFormVersion));
        assertThat(again.status()).as(again.body()).isEqualTo(302);
        assertThat(stored("wijkteam-wisselstad").get("name").asText()).isEqualTo("Wijkteam Wisselstad Zuid");
    }

    @Test
    void theRegisterRowFormIsCheckedToo() {
        TestApp.Client anna = app.signIn("anna");
        String page = "/beheer/organisaties";
        String slug = "jeugdhulp-rij-wisselstad";
        assertThat(anna.submit(page, page, List.of(entry("name", "Jeugdhulp Rij Wisselstad"), entry("slug", ""),
                entry("kind", "aanbieder"), entry("phoneNumbers", ""), entry("emailDomains", ""))).status()).isEqualTo(302);
        assertThat(anna.get(page).body()).contains("action=\"/beheer/organisaties/" + slug + "\"");
        int version = stored(slug).get("version").asInt();
        assertThat(anna.submit(page, page + "/" + slug, List.of(entry("name", "Jeugdhulp Rij Een"), entry("kind", "aanbieder"),
                entry("version", String.valueOf(version)))).status()).isEqualTo(302);
        Response stale = anna.submit(page, page + "/" + slug, List.of(entry("name", "Jeugdhulp Rij Twee"),
                entry("kind", "aanbieder"), entry("version", String.valueOf(version))));
        assertThat(stale.status()).isEqualTo(422);
        assertThat(stale.body()).contains("intussen gewijzigd: Beheerder anna");
        assertThat(stored(slug).get("name").asText()).isEqualTo("Jeugdhulp Rij Een");

        // the refused row keeps what was typed, with the message beside its fields, and is based on the current version
        String row = rowForm(stale.body(), slug);
        assertThat(row).contains("value=\"Jeugdhulp Rij Twee\"")
                .contains("<p class=\"error\" id=\"version-" + slug + "-error\">")
                .contains("aria-describedby=\"version-" + slug + "-error\"")
                .contains("name=\"version\" value=\"" + (version + 1) + "\"");
        assertThat(row.indexOf("intussen gewijzigd")).as("the message is in the row").isPositive();
        // the other rows and the new-organisation form show no typed text and no message
        String other = rowForm(stale.body(), "wijkteam-wisselstad");
        assertThat(other).contains("value=\"" + stored("wijkteam-wisselstad").get("name").asText() + "\"")
                .doesNotContain("class=\"error\"").doesNotContain("Jeugdhulp Rij Twee");
        assertThat(stale.body()).contains("<input id=\"name\" name=\"name\" type=\"text\" value=\"\"");

        Response again = anna.submit(page, page + "/" + slug, List.of(entry("name", "Jeugdhulp Rij Twee"),
                entry("kind", "aanbieder"), entry("version", String.valueOf(version + 1))));
        assertThat(again.status()).as(again.body()).isEqualTo(302);
        assertThat(stored(slug).get("name").asText()).isEqualTo("Jeugdhulp Rij Twee");
    }

    @Test
    void anInvalidRowSaveKeepsWhatWasTypedAndShowsTheMessageAtThatRow() {
        TestApp.Client anna = app.signIn("anna");
        String page = "/beheer/organisaties";
        String slug = "jeugdhulp-ongeldig-wisselstad";
        assertThat(anna.submit(page, page, List.of(entry("name", "Jeugdhulp Ongeldig Wisselstad"), entry("slug", ""),
                entry("kind", "aanbieder"), entry("phoneNumbers", ""), entry("emailDomains", ""))).status()).isEqualTo(302);
        String version = String.valueOf(stored(slug).get("version").asInt());

        Response empty = anna.submit(page, page + "/" + slug, List.of(entry("name", "  "), entry("kind", "onderwijs"),
                entry("version", version)));
        assertThat(empty.status()).isEqualTo(422);
        String row = rowForm(empty.body(), slug);
        assertThat(row).contains("value=\"  \"").contains("<p class=\"error\" id=\"name-" + slug + "-error\">")
                .contains("Vul een naam in van hoogstens 160 tekens").contains("aria-invalid=\"true\"")
                .contains("aria-describedby=\"name-" + slug + "-error\"")
                .contains("<option value=\"onderwijs\" selected>").doesNotContain("<option value=\"aanbieder\" selected>")
                .contains("name=\"version\" value=\"" + version + "\"");
        assertThat(empty.body()).as("the new-organisation form does not take the row's message")
                .doesNotContain("id=\"name-error\"");

        String tooLong = "Jeugdhulp " + "x".repeat(170);
        Response longName = anna.submit(page, page + "/" + slug, List.of(entry("name", tooLong), entry("kind", "aanbieder"),
                entry("version", version)));
        assertThat(longName.status()).isEqualTo(422);
        assertThat(rowForm(longName.body(), slug)).contains("value=\"" + tooLong + "\"").contains("id=\"name-" + slug + "-error\"");

        Response unknownKind = anna.submit(page, page + "/" + slug, List.of(entry("name", "Jeugdhulp Soortloos"),
                entry("kind", "circus"), entry("version", version)));
        assertThat(unknownKind.status()).isEqualTo(422);
        assertThat(rowForm(unknownKind.body(), slug)).contains("value=\"Jeugdhulp Soortloos\"")
                .contains("<p class=\"error\" id=\"kind-" + slug + "-error\">").contains("Kies de soort organisatie.")
                .contains("aria-describedby=\"kind-" + slug + "-error\"");
        assertThat(stored(slug).get("name").asText()).isEqualTo("Jeugdhulp Ongeldig Wisselstad");
        assertThat(stored(slug).get("version").asText()).isEqualTo(version);
    }

    @Test
    void theNewOrganisationFormKeepsWhatWasTypedOnEveryRefusal() {
        TestApp.Client anna = app.signIn("anna");
        String page = "/beheer/organisaties";
        Response taken = anna.submit(page, page, List.of(entry("name", "Nog Een Wijkteam"), entry("slug", "wijkteam-wisselstad"),
                entry("kind", "huisarts"), entry("phoneNumbers", "013 000 42 42"), entry("emailDomains", "nog.example.nl")));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.body()).contains("value=\"Nog Een Wijkteam\"").contains("value=\"wijkteam-wisselstad\"")
                .contains("<option value=\"huisarts\" selected>").contains("013 000 42 42").contains("nog.example.nl")
                .contains("id=\"slug-error\"").contains("al in gebruik");

        Response noKind = anna.submit(page, page, List.of(entry("name", "Soortloos"), entry("slug", "soortloos"),
                entry("kind", ""), entry("phoneNumbers", "geen nummer"), entry("emailDomains", "")));
        assertThat(noKind.status()).isEqualTo(422);
        assertThat(noKind.body()).contains("value=\"Soortloos\"").contains("value=\"soortloos\"").contains("geen nummer")
                .contains("<p class=\"error\" id=\"kind-error\">").contains("aria-describedby=\"kind-error\"")
                .contains("id=\"phoneNumbers-error\"");

        Response noName = anna.submit(page, page, List.of(entry("name", ""), entry("slug", "zonder-naam"),
                entry("kind", "overig"), entry("phoneNumbers", ""), entry("emailDomains", "")));
        assertThat(noName.status()).isEqualTo(422);
        assertThat(noName.body()).contains("value=\"zonder-naam\"").contains("<option value=\"overig\" selected>")
                .contains("id=\"name-error\"");
        assertThat(app.get("/api/v1/organisations/soortloos/agreements").status()).isEqualTo(404);
    }

    /** One row's form on the register: from its action to the end of that form. */
    static String rowForm(String page, String slug) {
        int start = page.indexOf("action=\"/beheer/organisaties/" + slug + "\"");
        assertThat(start).as("a row form for " + slug).isPositive();
        return page.substring(start, page.indexOf("</form>", start));
    }

    @Test
    void theApiAnswers409WithWhoAndWhenAndTheCurrentVersion() {
        String slug = "jeugdhulp-api-wisselstad";
        TestApp.Client anna = app.bearer("anna");
        TestApp.Client bram = app.bearer("bram");
        Response created = anna.postJson("/api/v1/organisations", Map.of("name", "Jeugdhulp Api Wisselstad", "kind", "aanbieder"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("version").asInt()).isEqualTo(1);
        int version = stored(slug).get("version").asInt();

        Response first = anna.putJson("/api/v1/organisations/" + slug, Map.of("name", "Jeugdhulp Api Een",
                "emailDomains", List.of("een.example.nl"), "version", version));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("version").asInt()).isEqualTo(version + 1);
        Response second = bram.putJson("/api/v1/organisations/" + slug, Map.of("name", "Jeugdhulp Api Twee",
                "version", version));

        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = second.json();
        assertThat(problem.get("type").asText()).isEqualTo("/problemen/intussen-gewijzigd");
        assertThat(problem.get("detail").asText()).contains("door Beheerder anna op 6 december 2026 om 10:30")
                .contains("de huidige versie is " + (version + 1)).contains("gebaseerd op versie " + version)
                .contains("Er is niets opgeslagen");
        assertThat(problem.get("currentVersion").asInt()).isEqualTo(version + 1);
        assertThat(problem.get("baseVersion").asInt()).isEqualTo(version);
        assertThat(problem.get("changedBy").asText()).isEqualTo("Beheerder anna");
        assertThat(stored(slug).get("name").asText()).isEqualTo("Jeugdhulp Api Een");
        assertThat(stored(slug).get("emailDomains").toString()).isEqualTo("[\"een.example.nl\"]");

        Response retried = bram.putJson("/api/v1/organisations/" + slug, Map.of("name", "Jeugdhulp Api Twee",
                "version", problem.get("currentVersion").asInt()));
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(stored(slug).get("name").asText()).isEqualTo("Jeugdhulp Api Twee");
        assertThat(stored(slug).get("emailDomains").toString()).as("left out: stays").isEqualTo("[\"een.example.nl\"]");
    }

    @Test
    void aSaveThatChangesNothingKeepsTheVersion() {
        String slug = "wijkteam-wisselstad";
        JsonNode before = stored(slug);
        Response same = app.bearer("anna").putJson("/api/v1/organisations/" + slug, Map.of("name", before.get("name").asText(),
                "version", before.get("version").asInt()));
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(same.json().get("version").asInt()).isEqualTo(before.get("version").asInt());
    }

    @Test
    void aMissingOrGarbageVersionIsACleanRefusalAndSavesNothing() {
        String slug = "jeugdhulp-fout-wisselstad";
        TestApp.Client anna = app.bearer("anna");
        assertThat(anna.postJson("/api/v1/organisations", Map.of("name", "Jeugdhulp Fout Wisselstad", "kind", "aanbieder"))
                .status()).isEqualTo(201);
        String path = "/api/v1/organisations/" + slug;

        Response missing = anna.putJson(path, Map.of("name", "Zonder"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().get("detail").asText()).startsWith("Geef 'version' mee").contains("de huidige is 1");
        for (Object garbage : List.of("abc", "1", 1.5, List.of(1))) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "Onzin");
            body.put("version", garbage);
            Response refused = anna.putJson(path, body);
            assertThat(refused.status()).as(garbage + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("detail").asText()).as(String.valueOf(garbage)).startsWith("version");
        }
        for (int unknown : List.of(0, -3, 2, Integer.MAX_VALUE)) {
            Response refused = anna.putJson(path, Map.of("name", "Onbekend", "version", unknown));
            assertThat(refused.status()).as(unknown + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("errors").get("version").asText()).contains("de huidige is versie 1");
        }
        Response huge = anna.send("PUT", path, "application/json", "{\"name\": \"Groot\", \"version\": 99999999999}");
        assertThat(huge.status()).isEqualTo(400);

        TestApp.Client web = app.signIn("anna");
        String page = "/beheer/organisaties/" + slug;
        for (String version : List.of("", "abc", "0", "7", "99999999999999", "-1", "1.0")) {
            Response refused = web.submit(page, page, form("Via Formulier", "", "", version));
            assertThat(refused.status()).as(version).isEqualTo(422);
            assertThat(refused.body()).contains("onbekende versie van de organisatie").contains("value=\"Via Formulier\"");
        }
        Response noVersionAtAll = web.submit(page, page, List.of(entry("name", "Zonder Veld"), entry("kind", "aanbieder"),
                entry("phoneNumbers", ""), entry("emailDomains", "")));
        assertThat(noVersionAtAll.status()).isEqualTo(422);
        assertThat(stored(slug).get("name").asText()).isEqualTo("Jeugdhulp Fout Wisselstad");
        assertThat(stored(slug).get("version").asInt()).isEqualTo(1);
    }
}
