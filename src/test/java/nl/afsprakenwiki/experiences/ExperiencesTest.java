package nl.afsprakenwiki.experiences;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Experiences from elsewhere (issue 16, point 4): anyone signed in adds a note to a public agreement,
 * everyone reads it (sanitised), the voorzitter hides and shows it, drafts take none.
 */
class ExperiencesTest {

    private static final String ZONE = "Koppelzone Ervaringstad";

    @TempDir
    static Path dir;
    static TestApp app;
    static String slug;
    static long published;
    static long draft;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        slug = app.koppelzone(ZONE, "Ervaringstad");
        String elsewhere = app.koppelzone("Koppelzone Elders", "Elders");
        published = app.agreement(ZONE, "Ervaringstad", "warme-overdracht", "Warme overdracht", "bekrachtigd");
        draft = app.agreement(ZONE, "Ervaringstad", "nog-concept", "Nog een concept", "concept");
        app.member(slug, "voorzitter", Role.VOORZITTER);
        app.member(slug, "expert", Role.PRAKTIJKEXPERT);
        app.member(elsewhere, "zwolle", Role.PRAKTIJKEXPERT, "wijkteam-elders");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String api(long agreement) {
        return "/api/v1/agreements/" + agreement + "/experiences";
    }

    private static JsonNode add(String username, long agreement, String body, boolean adopted) {
        TestApp.Response response = app.bearer(username).postJson(api(agreement), Map.of("body", body, "adopted", adopted));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    @Test
    void anExperienceOnAPublicAgreementIsVisibleToEveryoneAndItsTextIsSanitised() {
        String hostile = "Zes weken was te kort. <script>alert('x')</script> <img src=x onerror=alert(1)>"
                + " [klik](javascript:alert(2)) <a href=\"javascript:alert(3)\">link</a> **acht weken** werkt.";
        long id = add("zwolle", published, hostile, true).get("id").asLong();

        JsonNode list = app.get(api(published)).json();
        JsonNode item = list.get("items").get(0);
        assertThat(item.get("id").asLong()).isEqualTo(id);
        assertThat(item.get("author").asText()).isEqualTo("Test zwolle");
        assertThat(item.get("organisation").get("name").asText()).isEqualTo("Wijkteam Elders");
        assertThat(item.get("adopted").asBoolean()).isTrue();
        assertThat(item.has("hidden")).isFalse();
        String html = item.get("html").asText();
        // raw HTML is shown as text, the javascript: links lose their target
        assertThat(html).contains("<strong>acht weken</strong>", "&lt;script&gt;", "klik")
                .doesNotContain("<script", "<img", "onerror=", "href=\"javascript", "<a ");

        String page = app.get("/afspraken/" + published).body();
        assertThat(page).contains("id=\"ervaringen\"", "Test zwolle", "Wijkteam Elders", "<strong>acht weken</strong>",
                "Zes weken was te kort.");
        String section = page.substring(page.indexOf("id=\"ervaringen\""));
        assertThat(section).contains("&lt;script&gt;").doesNotContain("<script", "<img", "onerror=", "href=\"javascript");
        // a visitor is asked to sign in, not shown the form
        assertThat(section).contains("/login?terug=").doesNotContain("name=\"body\"");
    }

    @Test
    void aDraftTakesNoExperiences() {
        TestApp.Response outsider = app.bearer("zwolle").postJson(api(draft), Map.of("body", "Werkt", "adopted", false));
        assertThat(outsider.status()).isEqualTo(404);
        assertThat(app.get(api(draft)).status()).isEqualTo(404);
        TestApp.Response member = app.bearer("expert").postJson(api(draft), Map.of("body", "Werkt", "adopted", false));
        assertThat(member.status()).isEqualTo(409);
        assertThat(member.json().get("detail").asText()).contains("openbare");
        int stored = app.db.read(handle -> handle.createQuery("SELECT count(*) FROM experience WHERE agreement_id = ?")
                .bind(0, draft).mapTo(Integer.class).one());
        assertThat(stored).isZero();
    }

    @Test
    void tooLongOrEmptyTextIsRefusedWithADutchMessageNextToTheFieldKeepingTheText() {
        String tooLong = "Ervaring ".repeat(250);
        TestApp.Client zwolle = app.signIn("zwolle");
        TestApp.Response page = zwolle.submit("/afspraken/" + published, "/afspraken/" + published + "/ervaringen",
                List.of(Map.entry("body", tooLong), Map.entry("adopted", "nee")));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("id=\"experience-body-error\"",
                "Uw ervaring mag hoogstens 2000 tekens lang zijn.", tooLong.strip(), "value=\"nee\" id=\"adopted-nee\" checked");

        TestApp.Response unsure = zwolle.submit("/afspraken/" + published, "/afspraken/" + published + "/ervaringen",
                List.of(Map.entry("body", "Het werkt goed")));
        assertThat(unsure.status()).isEqualTo(422);
        assertThat(unsure.body()).contains("id=\"adopted-error\"", "Het werkt goed");

        TestApp.Response api = app.bearer("zwolle").postJson(api(published), Map.of("body", tooLong, "adopted", false));
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.json().get("detail").asText()).isEqualTo("Uw ervaring mag hoogstens 2000 tekens lang zijn.");
        TestApp.Response empty = app.bearer("zwolle").postJson(api(published), Map.of("body", "   ", "adopted", false));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().at("/errors/body").asText()).isEqualTo("Schrijf uw ervaring op.");
    }

    @Test
    void anAnonymousVisitorCannotAddAnExperience() {
        assertThat(app.postJson(api(published), Map.of("body", "Anoniem", "adopted", false)).status()).isEqualTo(401);
    }

    @Test
    void theVoorzitterHidesAnExperienceWithAReasonAndShowsItAgain() {
        long other = app.agreement(ZONE, "Ervaringstad", "verborgen-ervaring", "Afspraak met verborgen ervaring",
                "bekrachtigd");
        long id = add("zwolle", other, "Reclame voor ons bureau", false).get("id").asLong();
        String hide = api(other) + "/" + id + "/hide";

        assertThat(app.bearer("expert").postJson(hide, Map.of("reason", "Reclame")).status()).isEqualTo(403);
        TestApp.Response noReason = app.bearer("voorzitter").postJson(hide, Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().at("/errors/reason").asText()).contains("reden");

        TestApp.Response hidden = app.bearer("voorzitter").postJson(hide, Map.of("reason", "Reclame, geen ervaring"));
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(200);
        assertThat(hidden.json().at("/hidden/reason").asText()).isEqualTo("Reclame, geen ervaring");

        assertThat(app.get(api(other)).json().get("items")).isEmpty();
        assertThat(app.bearer("expert").get(api(other)).json().get("items")).isEmpty();
        assertThat(app.get("/afspraken/" + other).body()).doesNotContain("Reclame voor ons bureau");
        JsonNode chair = app.bearer("voorzitter").get(api(other)).json();
        assertThat(chair.get("visible").asInt()).isZero();
        assertThat(chair.at("/items/0/hidden/reason").asText()).isEqualTo("Reclame, geen ervaring");
        String chairPage = app.signIn("voorzitter").get("/afspraken/" + other).body();
        assertThat(chairPage).contains("Reclame voor ons bureau", "experience-hidden", "Reclame, geen ervaring",
                "/ervaringen/" + id + "/tonen");

        String audit = app.db.read(handle -> handle.createQuery(
                "SELECT details FROM audit_event WHERE action = 'experience.hide' AND target = ?")
                .bind(0, "agreement:" + other).mapTo(String.class).one());
        assertThat(audit).contains("Reclame, geen ervaring");

        assertThat(app.bearer("voorzitter").postJson(api(other) + "/" + id + "/unhide", Map.of()).status()).isEqualTo(200);
        assertThat(app.get(api(other)).json().get("items")).hasSize(1);
        assertThat(app.get("/afspraken/" + other).body()).contains("Reclame voor ons bureau");
    }

    @Test
    void theVoorzitterHidesFromThePageAndAMissingReasonComesBackNextToTheField() {
        long other = app.agreement(ZONE, "Ervaringstad", "pagina-verbergen", "Verbergen op de pagina", "bekrachtigd");
        long id = add("zwolle", other, "Een ervaring om te verbergen", false).get("id").asLong();
        TestApp.Client chair = app.signIn("voorzitter");
        String form = "/afspraken/" + other + "/ervaringen";
        TestApp.Response missing = chair.submit(form, form + "/" + id + "/verbergen", List.of(Map.entry("reason", "")));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("id=\"reden-" + id + "-error\"", "Geef een reden op");
        TestApp.Response done = chair.submit(form, form + "/" + id + "/verbergen", List.of(Map.entry("reason", "Dubbel")));
        assertThat(done.status()).isEqualTo(302);
        assertThat(app.get("/afspraken/" + other).body()).doesNotContain("Een ervaring om te verbergen");
    }

    @Test
    void anAdopterWhoSaysSoIsLinkedToTheirPublicAdoption() {
        long source = app.agreement(ZONE, "Ervaringstad", "bron-met-overname", "Bron met overname", "bekrachtigd");
        long adopted = app.agreement("Koppelzone Elders", "Elders", "overgenomen", "Overgenomen afspraak", "bekrachtigd");
        app.db.write(handle -> handle.execute("INSERT INTO adoption (agreement_id, source_agreement_id, source_revision,"
                + " synced_revision, adopted_by, adopted_at) VALUES (?, ?, 1, 1, 'test', '2026-01-01T00:00:00Z')",
                adopted, source));
        JsonNode item = add("zwolle", source, "Bij ons werkt het", true);
        assertThat(item.at("/adoption/id").asLong()).isEqualTo(adopted);
        assertThat(app.get("/afspraken/" + source).body()).contains("href=\"/afspraken/" + adopted + "\"");
        assertThat(add("zwolle", source, "Niet overgenomen", false).get("adoption").isNull()).isTrue();
    }
}
