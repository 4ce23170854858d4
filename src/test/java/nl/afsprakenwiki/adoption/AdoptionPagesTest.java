package nl.afsprakenwiki.adoption;

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

/** The adoption pages through real HTTP: forms with CSRF, party mapping, conflicts shown for resolution. */
class AdoptionPagesTest {

    @TempDir
    Path dir;
    private TestApp app;
    private String zoneA;
    private String zoneB;
    private long source;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        zoneA = app.koppelzone("Koppelzone Jeugd Aastad", "Aastad");
        zoneB = app.koppelzone("Koppelzone Jeugd Beestad", "Beestad");
        app.member(zoneA, "anna", Role.PRAKTIJKEXPERT, "wijkteam-aastad");
        app.member(zoneA, "mark", Role.MANAGER, "wijkteam-aastad");
        app.member(zoneB, "bert", Role.PRAKTIJKEXPERT, "wijkteam-beestad");
        TestApp.Client anna = app.bearer("anna");
        source = anna.postJson("/api/v1/koppelzones/" + zoneA + "/agreements", Map.of("title", "Warme overdracht",
                "body", "Eerste alinea.\n\nTweede alinea.", "parties", List.of("wijkteam-aastad", "huisartsen-aastad")))
                .json().get("id").asLong();
        anna.postJson("/api/v1/agreements/" + source + "/proposals", Map.of("revision", 1));
        app.member(zoneA, "hilde", Role.MANAGER, "huisartsen-aastad");
        app.bearer("mark").postJson("/api/v1/agreements/" + source + "/endorsements", Map.of("revision", 1, "decision", "endorse"));
        app.bearer("hilde").postJson("/api/v1/agreements/" + source + "/endorsements", Map.of("revision", 1, "decision", "endorse"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aProposalThatConflictsWithTheSourcesNewerTextIsAcceptedBlockByBlock() {
        TestApp.Client bertApi = app.bearer("bert");
        long adopted = bertApi.postJson("/api/v1/agreements/" + source + "/adopt", Map.of("koppelzone", zoneB))
                .json().get("id").asLong();
        bertApi.putJson("/api/v1/agreements/" + adopted, Map.of("title", "Warme overdracht",
                "body", "Eerste alinea, aangepast door B.\n\nTweede alinea, aangepast door B.", "baseRevision", 1));
        assertThat(bertApi.postJson("/api/v1/agreements/" + adopted + "/source-proposals", Map.of("note", "Graag.")).status())
                .isEqualTo(201);
        TestApp.Client annaApi = app.bearer("anna");
        annaApi.putJson("/api/v1/agreements/" + source, Map.of("title", "Warme overdracht",
                "body", "Eerste alinea, aangepast door A.\n\nTweede alinea.", "baseRevision", 1));
        long proposal = annaApi.get("/api/v1/agreements/" + source + "/source-proposals").json()
                .get("incoming").get(0).get("id").asLong();
        String accept = "/afspraken/" + source + "/bronvoorstellen/" + proposal + "/aanvaarden";
        TestApp.Client anna = app.signIn("anna");
        String csrf = anna.csrfToken("/afspraken/" + source + "/bronvoorstellen");

        Response conflict = anna.postForm(accept, List.of(entry("csrf", csrf)));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body()).contains("Er is niets opgeslagen").contains("<legend>Blok 1 van 1</legend>")
                .contains("Tekst van het voorstel").contains("Huidige tekst (revisie 2)")
                .contains("<label for=\"keuze-0-mine\">Het voorstel</label>")
                .contains("aangepast door A").contains("aangepast door B").doesNotContain("&lt;&lt;&lt;&lt;&lt;&lt;&lt;");
        Response saved = anna.postForm(accept, List.of(entry("csrf", csrf), entry("baseRevision", "2"),
                entry("title", "Warme overdracht"), entry("keuze-0", "theirs-first")));
        assertThat(saved.header("Location")).isEqualTo("/afspraken/" + source + "?melding=voorstel-aanvaard");
        // the proposal changed both paragraphs, the source the first: one block of two paragraphs
        assertThat(annaApi.get("/api/v1/agreements/" + source).json().get("body").asText()).isEqualTo(
                "Eerste alinea, aangepast door A.\n\nTweede alinea.\n\n"
                        + "Eerste alinea, aangepast door B.\n\nTweede alinea, aangepast door B.");
    }

    @Test
    void theAdoptFormProposesPartiesOfTheSameKindAndCreatesTheAdoptedAgreement() {
        TestApp.Client bert = app.signIn("bert");
        assertThat(bert.get("/afspraken/" + source).body()).contains("Overnemen in mijn koppelzone");
        String form = bert.get("/afspraken/" + source + "/overnemen").body();
        assertThat(form).contains("name=\"partij-wijkteam-aastad\"").contains("name=\"partij-huisartsen-aastad\"")
                .contains("<option value=\"wijkteam-beestad\" selected>").contains("<option value=\"huisartsen-beestad\" selected>");
        String csrf = bert.csrfToken("/afspraken/" + source + "/overnemen");

        Response none = bert.postForm("/afspraken/" + source + "/overnemen", List.of(entry("csrf", csrf),
                entry("koppelzone", zoneB), entry("partij-wijkteam-aastad", ""), entry("partij-huisartsen-aastad", "")));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.body()).contains("Kies minstens één partij.");

        Response adopted = bert.postForm("/afspraken/" + source + "/overnemen", List.of(entry("csrf", csrf),
                entry("koppelzone", zoneB), entry("partij-wijkteam-aastad", "wijkteam-beestad"),
                entry("partij-huisartsen-aastad", "")));
        assertThat(adopted.status()).as(adopted.body()).isEqualTo(302);
        String location = adopted.header("Location");
        assertThat(location).matches("/afspraken/\\d+\\?melding=overgenomen");
        String page = bert.get(location).body();
        assertThat(page).contains("De afspraak is overgenomen als concept").contains("Gebaseerd op")
                .contains("Warme overdracht").contains("Wijkteam Beestad").doesNotContain("Huisartsen Beestad");

        assertThat(app.signIn("anna").get("/afspraken/" + source + "/overnemen").status())
                .as("anna may create nowhere else").isEqualTo(200);
        assertThat(app.signIn("anna").get("/afspraken/" + source + "/overnemen").body())
                .contains("U hebt in geen andere koppelzone het recht");
    }

    @Test
    void aConflictingSourceUpdateIsShownForResolutionAndAProposalIsDeclinedWithAReason() {
        TestApp.Client bertApi = app.bearer("bert");
        long adopted = bertApi.postJson("/api/v1/agreements/" + source + "/adopt", Map.of("koppelzone", zoneB))
                .json().get("id").asLong();
        TestApp.Client anna = app.bearer("anna");
        anna.putJson("/api/v1/agreements/" + source, Map.of("title", "Warme overdracht",
                "body", "Eerste alinea, aangepast door A.\n\nTweede alinea.", "baseRevision", 1));
        anna.postJson("/api/v1/agreements/" + source + "/proposals", Map.of("revision", 2));
        app.bearer("mark").postJson("/api/v1/agreements/" + source + "/endorsements", Map.of("revision", 2, "decision", "endorse"));
        app.bearer("hilde").postJson("/api/v1/agreements/" + source + "/endorsements", Map.of("revision", 2, "decision", "endorse"));
        bertApi.putJson("/api/v1/agreements/" + adopted, Map.of("title", "Warme overdracht",
                "body", "Eerste alinea, aangepast door B.\n\nTweede alinea.", "baseRevision", 1));

        TestApp.Client bert = app.signIn("bert");
        assertThat(bert.get("/afspraken/" + adopted).body()).contains("De bron heeft revisie 2 bekrachtigd");
        String upstream = bert.get("/afspraken/" + adopted + "/bron-bijwerken").body();
        assertThat(upstream).contains("aangepast door A").contains("Wijziging overnemen (bronrevisie 2)");
        String csrf = bert.csrfToken("/afspraken/" + adopted + "/bron-bijwerken");
        Response conflict = bert.postForm("/afspraken/" + adopted + "/bron-bijwerken", List.of(entry("csrf", csrf)));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.body()).contains("Er is niets opgeslagen").contains("<legend>Blok 1 van 1</legend>")
                .contains("Tekst van de bron (revisie 2)").contains("Uw tekst (revisie 2)")
                .contains("<label for=\"keuze-0-theirs\">De tekst van de bron</label>")
                .contains("aangepast door A").contains("aangepast door B").doesNotContain("&lt;&lt;&lt;&lt;&lt;&lt;&lt;");
        Response unchosen = bert.postForm("/afspraken/" + adopted + "/bron-bijwerken/opslaan", List.of(entry("csrf", csrf),
                entry("baseRevision", "2"), entry("sourceRevision", "2"), entry("title", "Warme overdracht"),
                entry("tekst-0", "Eerste alinea, aangepast door A en B.")));
        assertThat(unchosen.status()).isEqualTo(422);
        assertThat(unchosen.body()).contains("Kies wat er met blok 1 gebeurt.")
                .contains("Eerste alinea, aangepast door A en B.</textarea>");
        Response resolved = bert.postForm("/afspraken/" + adopted + "/bron-bijwerken/opslaan", List.of(entry("csrf", csrf),
                entry("baseRevision", "2"), entry("sourceRevision", "2"), entry("title", "Warme overdracht"),
                entry("keuze-0", "edit"), entry("tekst-0", "Eerste alinea, aangepast door A en B.")));
        assertThat(resolved.header("Location")).isEqualTo("/afspraken/" + adopted + "?melding=bron-bijgewerkt");
        assertThat(bert.get("/afspraken/" + adopted).body()).contains("aangepast door A en B")
                .doesNotContain("De bron heeft revisie 2 bekrachtigd");

        // a proposal back, declined by the source with a reason the adopter then sees
        String proposeCsrf = bert.csrfToken("/afspraken/" + adopted + "/voorstel-aan-bron");
        assertThat(bert.postForm("/afspraken/" + adopted + "/voorstel-aan-bron", List.of(entry("csrf", proposeCsrf),
                entry("note", "Samen geschreven."))).status()).isEqualTo(302);
        TestApp.Client annaPages = app.signIn("anna");
        assertThat(annaPages.get("/afspraken/" + source).body()).contains("1 open voorstel");
        String incoming = annaPages.get("/afspraken/" + source + "/bronvoorstellen").body();
        assertThat(incoming).contains("Van Koppelzone Jeugd Beestad (Beestad)").contains("Samen geschreven.");
        long proposal = app.bearer("anna").get("/api/v1/agreements/" + source + "/source-proposals").json()
                .get("incoming").get(0).get("id").asLong();
        String annaCsrf = annaPages.csrfToken("/afspraken/" + source + "/bronvoorstellen");
        Response bare = annaPages.postForm("/afspraken/" + source + "/bronvoorstellen/" + proposal + "/afwijzen",
                List.of(entry("csrf", annaCsrf), entry("reason", " ")));
        assertThat(bare.status()).isEqualTo(422);
        assertThat(bare.body()).contains("id=\"reason-" + proposal + "-error\"").contains("Geef een reden op");
        annaPages.postForm("/afspraken/" + source + "/bronvoorstellen/" + proposal + "/afwijzen",
                List.of(entry("csrf", annaCsrf), entry("reason", "Wij houden de oude termijn.")));
        assertThat(bert.get("/afspraken/" + adopted).body()).contains("is afgewezen").contains("Wij houden de oude termijn.");
    }
}
