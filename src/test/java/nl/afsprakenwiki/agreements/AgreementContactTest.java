package nl.afsprakenwiki.agreements;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contact of an agreement (issue 16, point 6): an enabled account of a party organisation, the
 * creator by default; signed-in readers see who it is, the public only the organisation and the role.
 */
class AgreementContactTest {

    private static final String ZONE = "Koppelzone Contactstad";

    @TempDir
    static Path dir;
    static TestApp app;
    static String slug;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        slug = app.koppelzone(ZONE, "Contactstad");
        app.member(slug, "schrijver", Role.PRAKTIJKEXPERT, "wijkteam-contactstad");
        app.member(slug, "voorzitter", Role.VOORZITTER, "wijkteam-contactstad");
        app.member(slug, "huisarts", Role.PRAKTIJKEXPERT, "huisartsen-contactstad");
        app.member(slug, "lezer", Role.LEZER);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** An agreement written by {@code schrijver} with the wijkteam as its party, endorsed so the public sees it. */
    private static long agreement(String title) {
        TestApp.Response created = app.bearer("schrijver").postJson("/api/v1/koppelzones/" + slug + "/agreements",
                Map.of("title", title, "body", "Tekst van " + title + ".", "parties", List.of("wijkteam-contactstad")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        app.db.write(handle -> handle.execute(
                "UPDATE agreement SET status = 'bekrachtigd', endorsed_revision = current_revision WHERE id = ?", id));
        return id;
    }

    private static JsonNode contact(TestApp.Client client, long id) {
        TestApp.Response response = client == null ? app.get("/api/v1/agreements/" + id)
                : client.get("/api/v1/agreements/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("contact");
    }

    private static String contactBlock(String page) {
        int start = page.indexOf("<p class=\"agreement-contact\">");
        assertThat(start).as("the page has a contact block").isNotNegative();
        return page.substring(start, page.indexOf("</p>", start));
    }

    private static Map<String, Object> username(String username) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        return body;
    }

    @Test
    void theCreatorIsTheContactAndThePublicSeesOnlyTheOrganisationAndTheRole() {
        long id = agreement("Overdracht na verhuizing");

        JsonNode signedIn = contact(app.bearer("lezer"), id);
        assertThat(signedIn.get("username").asText()).isEqualTo("schrijver");
        assertThat(signedIn.get("name").asText()).isEqualTo("Test schrijver");
        assertThat(signedIn.get("email").asText()).isEqualTo("schrijver@test.invalid");
        assertThat(signedIn.at("/organisation/name").asText()).isEqualTo("Wijkteam Contactstad");
        assertThat(signedIn.get("role").asText()).isEqualTo("praktijkexpert");

        JsonNode anonymous = contact(null, id);
        assertThat(anonymous.at("/organisation/name").asText()).isEqualTo("Wijkteam Contactstad");
        assertThat(anonymous.get("role").asText()).isEqualTo("praktijkexpert");
        assertThat(anonymous.has("name")).isFalse();
        assertThat(anonymous.has("email")).isFalse();
        assertThat(anonymous.has("username")).isFalse();

        // (the page names revision authors anyway; the contact block itself names nobody to the public)
        String publicBlock = contactBlock(app.get("/afspraken/" + id).body());
        assertThat(publicBlock).contains("Contactpersoon", "Wijkteam Contactstad", "praktijkexpert")
                .doesNotContain("Test schrijver", "schrijver@test.invalid");
        assertThat(app.get("/afspraken/" + id).body()).doesNotContain("schrijver@test.invalid");
        String memberBlock = contactBlock(app.signIn("lezer").get("/afspraken/" + id).body());
        assertThat(memberBlock).contains("Test schrijver", "mailto:schrijver@test.invalid");
    }

    @Test
    void whoMayEditNamesAnotherContactOfAPartyOrganisationAndTheChangeIsAudited() {
        long id = agreement("Afschalen naar de huisarts");
        TestApp.Response changed = app.bearer("voorzitter").putJson("/api/v1/agreements/" + id + "/contact",
                username("voorzitter"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().at("/contact/role").asText()).isEqualTo("voorzitter");
        assertThat(contact(app.bearer("lezer"), id).get("username").asText()).isEqualTo("voorzitter");
        String audited = app.db.read(handle -> handle.createQuery(
                "SELECT details FROM audit_event WHERE action = 'agreement.contact' AND target = ?")
                .bind(0, "agreement:" + id).mapTo(String.class).one());
        assertThat(audited).contains("voorzitter");

        // the huisarts's organisation is no party of this agreement
        TestApp.Response refused = app.bearer("voorzitter").putJson("/api/v1/agreements/" + id + "/contact",
                username("huisarts"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("\"huisarts\" kan geen contactpersoon zijn");
        assertThat(app.bearer("lezer").putJson("/api/v1/agreements/" + id + "/contact", username("schrijver")).status())
                .isEqualTo(403);

        TestApp.Client chair = app.signIn("voorzitter");
        String form = "/afspraken/" + id + "/contactpersoon";
        assertThat(chair.get(form).body()).contains("<option value=\"voorzitter\" selected>", "value=\"schrijver\"")
                .doesNotContain("value=\"huisarts\"");
        TestApp.Response page = chair.submit(form, form, List.of(Map.entry("contact", "huisarts")));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("id=\"contact-error\"", "kan geen contactpersoon zijn");
        TestApp.Response back = chair.submit(form, form, List.of(Map.entry("contact", "")));
        assertThat(back.status()).isEqualTo(302);
        assertThat(contact(app.bearer("lezer"), id).get("username").asText()).isEqualTo("schrijver");
    }

    @Test
    void aDisabledContactOrOneWithoutAnEligibleCreatorShowsNone() {
        app.member(slug, "vertrekker", Role.PRAKTIJKEXPERT, "wijkteam-contactstad");
        long id = agreement("Wachtlijstbeheer");
        assertThat(app.bearer("voorzitter").putJson("/api/v1/agreements/" + id + "/contact", username("vertrekker"))
                .status()).isEqualTo(200);
        app.services.accounts().setDisabled("vertrekker", true, Author.system("test"));
        assertThat(contact(app.bearer("lezer"), id).isNull()).isTrue();
        assertThat(contact(null, id).isNull()).isTrue();
        assertThat(app.get("/afspraken/" + id).body()).contains("geen contactpersoon");

        // a contact who moves to an organisation that is no party shows as none too
        app.member(slug, "verhuizer", Role.PRAKTIJKEXPERT, "wijkteam-contactstad");
        long moved = agreement("Verhuizing binnen de regio");
        assertThat(app.bearer("voorzitter").putJson("/api/v1/agreements/" + moved + "/contact", username("verhuizer"))
                .status()).isEqualTo(200);
        app.db.write(handle -> handle.execute("UPDATE account SET organisation_id = (SELECT id FROM organisation"
                + " WHERE slug = 'huisartsen-contactstad') WHERE username = 'verhuizer'"));
        assertThat(contact(app.bearer("lezer"), moved).isNull()).isTrue();

        // imported agreements have no creating account
        long imported = app.agreement(ZONE, "Contactstad", "geimporteerd", "Geïmporteerde afspraak", "bekrachtigd");
        assertThat(contact(null, imported).isNull()).isTrue();
    }
}
