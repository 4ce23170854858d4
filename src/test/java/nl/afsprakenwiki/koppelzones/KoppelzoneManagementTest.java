package nl.afsprakenwiki.koppelzones;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** The voorzitter runs the koppelzone (members, parties); the beheerder runs the instance. Pages and API. */
class KoppelzoneManagementTest {

    @TempDir
    Path dir;
    private TestApp app;
    private String x;
    private String y;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        x = app.koppelzone("Koppelzone Jeugd Xstad", "Xstad");
        y = app.koppelzone("Koppelzone Jeugd Ystad", "Ystad");
        app.account("wendy", "Wendy Coolen");
        app.member(x, "wendy", Role.VOORZITTER);
        app.account("piet", "Piet Jansen");
        app.admin("beheerder");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void theVoorzitterAddsChangesAndRemovesMembersThroughTheApi() {
        TestApp.Client voorzitter = app.bearer("wendy");
        TestApp.Client piet = app.bearer("piet");
        String path = "/api/v1/koppelzones/" + x + "/agreements";
        Map<String, Object> agreement = Map.of("title", "Nieuwe afspraak", "body", "Tekst.", "parties", List.of("wijkteam-xstad"));
        assertThat(piet.postJson(path, agreement).status()).isEqualTo(403);

        Response added = voorzitter.postJson("/api/v1/koppelzones/" + x + "/members", Map.of("username", "Piet", "role", "praktijkexpert"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("username").asText()).isEqualTo("piet");
        assertThat(added.json().get("role").asText()).isEqualTo("praktijkexpert");
        assertThat(piet.postJson(path, agreement).status()).as("the new role counts at once").isEqualTo(201);

        JsonNode members = voorzitter.get("/api/v1/koppelzones/" + x + "/members").json();
        assertThat(members.get("items").findValuesAsText("username")).containsExactlyInAnyOrder("wendy", "piet");

        assertThat(voorzitter.postJson("/api/v1/koppelzones/" + x + "/members", Map.of("username", "piet", "role", "lezer"))
                .status()).isEqualTo(201);
        assertThat(piet.postJson(path, agreement).status()).as("a lezer cannot write").isEqualTo(403);

        assertThat(voorzitter.delete("/api/v1/koppelzones/" + x + "/members/piet").status()).isEqualTo(204);
        assertThat(voorzitter.delete("/api/v1/koppelzones/" + x + "/members/piet").status()).isEqualTo(404);
        assertThat(piet.get("/api/v1/koppelzones/" + x + "/members").status()).isEqualTo(403);

        Response unknownRole = voorzitter.postJson("/api/v1/koppelzones/" + x + "/members", Map.of("username", "piet", "role", "baas"));
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.json().get("detail").asText())
                .isEqualTo("role: 'baas' is onbekend; toegestaan zijn: lezer, praktijkexpert, voorzitter, manager.");
        Response unknownPerson = voorzitter.postJson("/api/v1/koppelzones/" + x + "/members", Map.of("username", "niemand", "role", "lezer"));
        assertThat(unknownPerson.status()).isEqualTo(400);
        assertThat(unknownPerson.json().get("detail").asText()).contains("Er is geen account met gebruikersnaam \"niemand\"");

        // the voorzitter of X has no say in Y
        assertThat(voorzitter.postJson("/api/v1/koppelzones/" + y + "/members", Map.of("username", "piet", "role", "lezer"))
                .status()).isEqualTo(403);
        assertThat(audit("membership.set")).as("wendy's own, and piet's two").isEqualTo(3);
        assertThat(audit("membership.removed")).isEqualTo(1);
    }

    @Test
    void theVoorzitterManagesPartiesWithTheDateTheyJoined() {
        TestApp.Client voorzitter = app.bearer("wendy");
        TestApp.Client beheerder = app.bearer("beheerder");
        Response organisation = beheerder.postJson("/api/v1/organisations",
                Map.of("slug", "veilig-thuis-xstad", "name", "Veilig Thuis Xstad", "kind", "veilig_thuis"));
        assertThat(organisation.status()).as(organisation.body()).isEqualTo(201);

        Response party = voorzitter.postJson("/api/v1/koppelzones/" + x + "/parties",
                Map.of("organisation", "veilig-thuis-xstad", "joinedOn", "2026-02-01"));
        assertThat(party.status()).as(party.body()).isEqualTo(201);
        assertThat(party.json().get("joinedOn").asText()).isEqualTo("2026-02-01");
        assertThat(app.get("/api/v1/koppelzones/" + x).json().get("parties").findValuesAsText("slug")).contains("veilig-thuis-xstad");
        assertThat(app.get("/koppelzones/" + x).body()).contains("Veilig Thuis Xstad").contains("1 februari 2026");

        assertThat(voorzitter.postJson("/api/v1/koppelzones/" + x + "/parties", Map.of("organisation", "bestaat-niet"))
                .json().get("detail").asText()).contains("Organisatie \"bestaat-niet\" bestaat niet.");

        // a party to an agreement cannot be removed; one that is not can
        long id = app.bearer(app.member(x, "expert", Role.PRAKTIJKEXPERT)).postJson("/api/v1/koppelzones/" + x + "/agreements",
                Map.of("title", "Met Veilig Thuis", "body", "Tekst.", "parties", List.of("veilig-thuis-xstad"))).json().get("id").asLong();
        Response inUse = voorzitter.delete("/api/v1/koppelzones/" + x + "/parties/veilig-thuis-xstad");
        assertThat(inUse.status()).isEqualTo(400);
        assertThat(inUse.json().get("detail").asText()).contains("Veilig Thuis Xstad is nog partij bij 1 afspraak");
        assertThat(id).isPositive();
        assertThat(voorzitter.delete("/api/v1/koppelzones/" + x + "/parties/huisartsen-xstad").status()).isEqualTo(204);

        assertThat(voorzitter.postJson("/api/v1/organisations", Map.of("name", "Eigen clubje", "kind", "overig")).status())
                .as("only a beheerder adds organisations").isEqualTo(403);
    }

    @Test
    void theManagePageWorksWithFormsAndKeepsWhatWasTyped() {
        TestApp.Client voorzitter = app.signIn("wendy");
        assertThat(voorzitter.get("/koppelzones/" + x).body()).contains("href=\"/koppelzones/" + x + "/beheer\"");
        Response page = voorzitter.get("/koppelzones/" + x + "/beheer");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Beheer van Koppelzone Jeugd Xstad").contains("Wendy Coolen");

        Response unknown = voorzitter.submit("/koppelzones/" + x + "/beheer", "/koppelzones/" + x + "/leden",
                List.of(entry("username", "niemand"), entry("role", "lezer")));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("Er is geen account met gebruikersnaam").contains("niemand");

        Response added = voorzitter.submit("/koppelzones/" + x + "/beheer", "/koppelzones/" + x + "/leden",
                List.of(entry("username", "piet"), entry("role", "manager")));
        assertThat(added.header("Location")).isEqualTo("/koppelzones/" + x + "/beheer?melding=lid");
        assertThat(voorzitter.get(added.header("Location")).body()).contains("Het lidmaatschap is opgeslagen.")
                .contains("Piet Jansen").contains("manager");

        Response removed = voorzitter.submit("/koppelzones/" + x + "/beheer", "/koppelzones/" + x + "/leden/piet/verwijderen", List.of());
        assertThat(removed.header("Location")).isEqualTo("/koppelzones/" + x + "/beheer?melding=lid-verwijderd");
        assertThat(voorzitter.get("/koppelzones/" + x + "/beheer?melding=onzin").status()).as("unknown notices are ignored").isEqualTo(200);

        Response badDate = voorzitter.submit("/koppelzones/" + x + "/beheer", "/koppelzones/" + x + "/partijen",
                List.of(entry("organisation", "wijkteam-ystad"), entry("joinedOn", "gisteren")));
        assertThat(badDate.status()).isEqualTo(422);

        // others get no management page
        assertThat(app.signIn("piet").get("/koppelzones/" + x + "/beheer").status()).isEqualTo(403);
        assertThat(app.signIn("piet").get("/koppelzones/" + x).body()).doesNotContain("/beheer\"");
    }

    @Test
    void theBeheerderCreatesMunicipalitiesOrganisationsKoppelzonesAndAccounts() {
        TestApp.Client beheerder = app.bearer("beheerder");
        Response municipality = beheerder.postJson("/api/v1/municipalities", Map.of("name", "Zstad", "jeugdregio", "Regio Z"));
        assertThat(municipality.status()).as(municipality.body()).isEqualTo(201);
        assertThat(municipality.json().get("slug").asText()).isEqualTo("zstad");

        Response koppelzone = beheerder.postJson("/api/v1/koppelzones",
                Map.of("slug", "koppelzone-jeugd-zstad", "name", "Koppelzone Jeugd Zstad", "municipality", "zstad", "level", "lokaal"));
        assertThat(koppelzone.status()).as(koppelzone.body()).isEqualTo(201);
        assertThat(koppelzone.header("Location")).isEqualTo("/api/v1/koppelzones/koppelzone-jeugd-zstad");
        assertThat(app.get("/api/v1/koppelzones/koppelzone-jeugd-zstad").status()).isEqualTo(200);

        Response taken = beheerder.postJson("/api/v1/koppelzones",
                Map.of("slug", "koppelzone-jeugd-zstad", "name", "Dubbel", "municipality", "zstad"));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().get("errors").get("slug").asText()).contains("al in gebruik");
        Response noMunicipality = beheerder.postJson("/api/v1/koppelzones", Map.of("name", "Los", "municipality", "nergens"));
        assertThat(noMunicipality.json().get("errors").get("municipality").asText()).isEqualTo("Gemeente \"nergens\" bestaat niet.");
        Response badKind = beheerder.postJson("/api/v1/organisations", Map.of("name", "X", "kind", "bank"));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().get("errors").get("kind").asText()).startsWith("'bank' is onbekend; toegestaan zijn: lokaal_team, ")
                .contains("overig");

        // the beheerder makes an account on the administration page and gives it a role
        TestApp.Client web = app.signIn("beheerder");
        Response invalid = web.submit("/beheer/accounts", "/beheer/accounts", List.of(entry("username", "A B"),
                entry("displayName", "Anna"), entry("email", "geen-adres"), entry("password", "kort")));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body()).contains("Kies een gebruikersnaam van 2 tot 40 tekens").contains("Vul een geldig e-mailadres in")
                .contains("value=\"A B\"").contains("value=\"geen-adres\"");
        Response created = web.submit("/beheer/accounts", "/beheer/accounts", List.of(entry("username", "anna"),
                entry("displayName", "Anna de Wit"), entry("email", "anna@xstad.example"), entry("organisation", "wijkteam-xstad"),
                entry("password", TestApp.PASSWORD)));
        assertThat(created.header("Location")).isEqualTo("/beheer/accounts/anna?melding=aangemaakt");
        assertThat(web.get("/beheer/accounts").body()).contains("Anna de Wit").contains("Wijkteam Xstad");
        assertThat(beheerder.postJson("/api/v1/koppelzones/koppelzone-jeugd-zstad/members",
                Map.of("username", "anna", "role", "voorzitter")).status()).isEqualTo(201);
        assertThat(app.signIn("anna").get("/koppelzones/koppelzone-jeugd-zstad/beheer").status()).isEqualTo(200);

        // blocking, and a beheerder cannot lock themselves out
        assertThat(web.submit("/beheer/accounts", "/beheer/accounts/anna/status", List.of(entry("action", "blokkeren")))
                .header("Location")).isEqualTo("/beheer/accounts/anna?melding=blokkeren");
        assertThat(app.services.accounts().byUsername("anna").orElseThrow().disabled()).isTrue();
        Response self = web.submit("/beheer/accounts", "/beheer/accounts/beheerder/status", List.of(entry("action", "blokkeren")));
        assertThat(self.status()).isEqualTo(422);
        assertThat(self.body()).contains("U kunt uw eigen account niet blokkeren");
        assertThat(app.services.accounts().byUsername("beheerder").orElseThrow().disabled()).isFalse();

        // the pages of the administration render for the beheerder only
        for (String page : List.of("/beheer", "/beheer/accounts", "/beheer/organisaties", "/beheer/gemeenten",
                "/beheer/koppelzones", "/beheer/audit")) {
            Response response = web.get(page);
            assertThat(response.status()).as(page + " " + response.header("Location")).isEqualTo(200);
            assertThat(app.signIn("wendy").get(page).status()).as(page).isEqualTo(403);
        }
    }

    @Test
    void aRefusedKoppelzoneFormOnTheRegisterKeepsWhatWasTypedWithTheMessagesBesideItsFields() {
        TestApp.Client web = app.signIn("beheerder");
        String page = "/beheer/koppelzones";
        Response refused = web.submit(page, page + "/" + x, List.of(entry("name", ""), entry("level", "regionaal"),
                entry("chair", "jeugdhulp-de-brug-xstad"), entry("description", "Nieuwe omschrijving, nog niet bewaard")));

        assertThat(refused.status()).isEqualTo(422);
        String body = refused.body();
        String form = body.substring(body.indexOf("<details class=\"admin-item\" open>"), body.indexOf("</details>",
                body.indexOf("<details class=\"admin-item\" open>")));
        assertThat(form).as("the refused koppelzone's form is open").contains("action=\"/beheer/koppelzones/" + x + "\"")
                .contains("id=\"name-" + x + "\" name=\"name\" type=\"text\" value=\"\"")
                .contains("<p class=\"error\" id=\"name-" + x + "-error\">").contains("Vul een naam in")
                .contains("aria-describedby=\"name-" + x + "-error\"")
                .contains("<option value=\"regionaal\" selected>")
                .contains("<option value=\"jeugdhulp-de-brug-xstad\" selected>")
                .contains("Nieuwe omschrijving, nog niet bewaard");
        assertThat(body.split("<details class=\"admin-item\" open>", -1)).as("only that one is open").hasSize(2);
        assertThat(body).as("the other koppelzone shows what is stored")
                .contains("id=\"name-" + y + "\" name=\"name\" type=\"text\" value=\"Koppelzone Jeugd Ystad\"")
                .as("the new-koppelzone form takes none of it").doesNotContain("id=\"name-error\"");

        Response wrongChair = web.submit(page, page + "/" + x, List.of(entry("name", "Koppelzone Jeugd Xstad Noord"),
                entry("level", "lokaal"), entry("chair", "huisartsen-ystad"), entry("description", "Testkoppelzone")));
        assertThat(wrongChair.status()).isEqualTo(422);
        assertThat(wrongChair.body()).contains("value=\"Koppelzone Jeugd Xstad Noord\"")
                .contains("<p class=\"error\" id=\"chair-" + x + "-error\">")
                .contains("aria-describedby=\"chair-" + x + "-error\"");
        assertThat(app.services.koppelzones().bySlug(x).orElseThrow().name()).isEqualTo("Koppelzone Jeugd Xstad");
    }

    private long audit(String action) {
        return app.db.read(handle -> handle.createQuery("SELECT count(*) FROM audit_event WHERE action = :action")
                .bind("action", action).mapTo(Long.class).one());
    }
}
