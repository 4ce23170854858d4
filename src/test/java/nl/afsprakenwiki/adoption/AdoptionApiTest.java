package nl.afsprakenwiki.adoption;

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

import static org.assertj.core.api.Assertions.assertThat;

/** Adoption across municipalities through the JSON API, with the real app, database and merges. */
class AdoptionApiTest {

    private static final String P1 = "Het wijkteam belt binnen vijf werkdagen terug.";
    private static final String P2 = "De aanbieder stuurt een verslag naar het wijkteam.";
    private static final String P3 = "De koppelzone evalueert na een half jaar.";

    @TempDir
    Path dir;
    private TestApp app;
    private String zoneA;
    private String zoneB;
    private TestApp.Client expertA;
    private TestApp.Client managerA;
    private TestApp.Client expertB;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        zoneA = app.koppelzone("Koppelzone Jeugd Aastad", "Aastad");
        zoneB = app.koppelzone("Koppelzone Jeugd Beestad", "Beestad");
        expertA = app.bearer(app.member(zoneA, "anna", Role.PRAKTIJKEXPERT, "wijkteam-aastad"));
        managerA = app.bearer(app.member(zoneA, "mark", Role.MANAGER, "wijkteam-aastad"));
        expertB = app.bearer(app.member(zoneB, "bert", Role.PRAKTIJKEXPERT, "wijkteam-beestad"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static String body(String... paragraphs) {
        return String.join("\n\n", paragraphs);
    }

    /** An agreement of A, endorsed by its one party. */
    private long endorsedInA(String text) {
        Response created = expertA.postJson("/api/v1/koppelzones/" + zoneA + "/agreements", Map.of(
                "title", "Terugbellen na aanmelding", "body", text, "parties", List.of("wijkteam-aastad")));
        long id = created.json().get("id").asLong();
        endorseCurrent(id);
        return id;
    }

    private void endorseCurrent(long id) {
        int current = expertA.get("/api/v1/agreements/" + id).json().get("currentRevision").asInt();
        assertThat(expertA.postJson("/api/v1/agreements/" + id + "/proposals", Map.of("revision", current)).status())
                .isEqualTo(201);
        Response endorsed = managerA.postJson("/api/v1/agreements/" + id + "/endorsements",
                Map.of("revision", current, "decision", "endorse"));
        assertThat(endorsed.json().get("status").asText()).isEqualTo("bekrachtigd");
    }

    private int edit(TestApp.Client client, long id, String text) {
        int current = client.get("/api/v1/agreements/" + id).json().get("currentRevision").asInt();
        Response saved = client.putJson("/api/v1/agreements/" + id, Map.of("title", "Terugbellen na aanmelding",
                "body", text, "baseRevision", current, "summary", "bijgewerkt"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        return saved.json().get("revision").asInt();
    }

    private long adoptIntoB(long source) {
        Response adopted = expertB.postJson("/api/v1/agreements/" + source + "/adopt", Map.of("koppelzone", zoneB));
        assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);
        return adopted.json().get("id").asLong();
    }

    @Test
    void adoptingTakesTheEndorsedTextAndBothSidesShowTheLineage() {
        long source = endorsedInA(body(P1, P2, P3));
        edit(expertA, source, body(P1, P2, P3, "Een concept dat nog niet is bekrachtigd."));
        long adopted = adoptIntoB(source);

        JsonNode copy = expertB.get("/api/v1/agreements/" + adopted).json();
        assertThat(copy.get("body").asText()).isEqualTo(body(P1, P2, P3));
        assertThat(copy.get("revision").asInt()).isEqualTo(1);
        assertThat(copy.get("status").asText()).isEqualTo("concept");
        assertThat(copy.get("koppelzone").get("slug").asText()).isEqualTo(zoneB);
        assertThat(copy.get("parties").toString()).contains("wijkteam-beestad").doesNotContain("aastad");

        JsonNode fromSource = expertB.get("/api/v1/agreements/" + source + "/lineage").json();
        assertThat(fromSource.get("descendants").toString()).contains("\"id\":" + adopted);
        JsonNode fromCopy = expertB.get("/api/v1/agreements/" + adopted + "/lineage").json();
        assertThat(fromCopy.get("ancestors").get(0).get("id").asLong()).isEqualTo(source);
        assertThat(fromCopy.get("self").get("sourceRevision").asInt()).isEqualTo(1);
        assertThat(fromCopy.get("self").get("inSync").asBoolean()).isTrue();

        // the pages show it on both sides; the public does not see the draft adoption
        assertThat(app.signIn("bert").get("/afspraken/" + adopted).body()).contains("Gebaseerd op")
                .contains("Aastad").contains("/vergelijken?a=" + source + "&b=" + adopted);
        assertThat(app.signIn("bert").get("/afspraken/" + source).body()).contains("Overgenomen door 1 koppelzone")
                .contains("Beestad");
        assertThat(app.newBrowser().get("/afspraken/" + source).body()).doesNotContain("Overgenomen door");
        assertThat(app.signIn("bert").get("/afspraken/" + source + "/familie").body()).contains("Beestad").contains("Aastad");
    }

    @Test
    void aNewSourceRevisionIsMergedWithTheAdoptersOwnChange() {
        long source = endorsedInA(body(P1, P2, P3));
        long adopted = adoptIntoB(source);
        String sourceP1 = "Het wijkteam belt binnen drie werkdagen terug.";
        edit(expertA, source, body(sourceP1, P2, P3));
        endorseCurrent(source);
        String ownP3 = "De koppelzone evalueert elk kwartaal.";
        edit(expertB, adopted, body(P1, P2, ownP3));

        JsonNode upstream = expertB.get("/api/v1/agreements/" + adopted + "/upstream").json();
        assertThat(upstream.get("newer").asBoolean()).isTrue();
        assertThat(upstream.get("latestRevision").asInt()).isEqualTo(2);
        assertThat(upstream.get("body").toString()).contains("drie").contains("vijf");

        Response merged = expertB.postJson("/api/v1/agreements/" + adopted + "/upstream/merge", Map.of());
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().get("revision").asInt()).isEqualTo(3);
        JsonNode copy = expertB.get("/api/v1/agreements/" + adopted).json();
        assertThat(copy.get("body").asText()).isEqualTo(body(sourceP1, P2, ownP3));
        assertThat(copy.get("status").asText()).isEqualTo("concept");
        assertThat(expertB.get("/api/v1/agreements/" + adopted + "/upstream").json().get("newer").asBoolean()).isFalse();
        assertThat(expertB.get("/api/v1/agreements/" + adopted + "/lineage").json().get("self").get("inSync").asBoolean())
                .isTrue();
    }

    @Test
    void aChangeOfTheSameSentenceOnBothSidesIsAConflictAndLeavesTheAdoptersTextAlone() {
        long source = endorsedInA(body(P1, P2, P3));
        long adopted = adoptIntoB(source);
        edit(expertA, source, body(P1, "De aanbieder belt het wijkteam.", P3));
        endorseCurrent(source);
        String own = body(P1, "De aanbieder mailt een verslag naar het wijkteam.", P3);
        int ownRevision = edit(expertB, adopted, own);

        Response conflict = expertB.postJson("/api/v1/agreements/" + adopted + "/upstream/merge", Map.of());
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.header("Content-Type")).startsWith("application/problem+json");
        assertThat(conflict.json().get("detail").asText()).contains("Er is niets opgeslagen");
        JsonNode blocks = conflict.json().get("conflicts");
        assertThat(blocks).hasSize(1);
        assertThat(blocks.get(0).get("base").asText()).isEqualTo(P2);
        assertThat(blocks.get(0).get("mine").asText()).isEqualTo("De aanbieder mailt een verslag naar het wijkteam.");
        assertThat(blocks.get(0).get("theirs").asText()).isEqualTo("De aanbieder belt het wijkteam.");
        assertThat(conflict.json().get("merged").get("parts").toString()).contains(P1).contains(P3)
                .contains("{\"conflict\":0}").doesNotContain("<<<<<<<");
        JsonNode untouched = expertB.get("/api/v1/agreements/" + adopted).json();
        assertThat(untouched.get("revision").asInt()).isEqualTo(ownRevision);
        assertThat(untouched.get("body").asText()).isEqualTo(own);

        Response withMarkers = expertB.postJson("/api/v1/agreements/" + adopted + "/upstream/merge", Map.of("resolution",
                Map.of("baseRevision", ownRevision, "sourceRevision", 2, "title", "Terugbellen na aanmelding",
                        "body", body(P1, "<<<<<<< uw versie\nx\n=======\ny\n>>>>>>> bron", P3))));
        assertThat(withMarkers.status()).isEqualTo(400);
        String resolved = body(P1, "De aanbieder belt het wijkteam en mailt een verslag.", P3);
        Response saved = expertB.postJson("/api/v1/agreements/" + adopted + "/upstream/merge", Map.of("resolution",
                Map.of("baseRevision", ownRevision, "sourceRevision", 2, "title", "Terugbellen na aanmelding", "body", resolved)));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(expertB.get("/api/v1/agreements/" + adopted).json().get("body").asText()).isEqualTo(resolved);
        assertThat(expertB.get("/api/v1/agreements/" + adopted + "/upstream").json().get("newer").asBoolean()).isFalse();
    }

    @Test
    void adoptingADraftOrIntoAKoppelzoneWithoutEditRightsIsRefusedWithAClearMessage() {
        Response draft = expertA.postJson("/api/v1/koppelzones/" + zoneA + "/agreements", Map.of(
                "title", "Nog een concept", "body", P1, "parties", List.of("wijkteam-aastad")));
        long draftId = draft.json().get("id").asLong();
        Response hidden = expertB.postJson("/api/v1/agreements/" + draftId + "/adopt", Map.of("koppelzone", zoneB));
        assertThat(hidden.status()).isEqualTo(404);

        app.member(zoneB, "anna", Role.PRAKTIJKEXPERT);
        Response ownDraft = expertA.postJson("/api/v1/agreements/" + draftId + "/adopt", Map.of("koppelzone", zoneB));
        assertThat(ownDraft.status()).isEqualTo(409);
        assertThat(ownDraft.json().get("detail").asText()).contains("Alleen een bekrachtigde afspraak");

        long source = endorsedInA(body(P1, P2));
        TestApp.Client reader = app.bearer(app.member(zoneB, "lea", Role.LEZER));
        Response noRights = reader.postJson("/api/v1/agreements/" + source + "/adopt", Map.of("koppelzone", zoneB));
        assertThat(noRights.status()).isEqualTo(403);
        assertThat(noRights.json().get("detail").asText()).contains("Koppelzone Jeugd Beestad");
        Response sameZone = expertA.postJson("/api/v1/agreements/" + source + "/adopt", Map.of("koppelzone", zoneA));
        assertThat(sameZone.status()).isEqualTo(409);
        Response noZone = expertB.postJson("/api/v1/agreements/" + source + "/adopt", Map.of());
        assertThat(noZone.status()).isEqualTo(400);
        assertThat(noZone.json().get("detail").asText()).contains("Kies de koppelzone");
    }

    @Test
    void aProposalFromTheAdopterAcceptedByTheSourceBecomesADraftRevisionCreditedToTheAdopter() {
        long source = endorsedInA(body(P1, P2, P3));
        long adopted = adoptIntoB(source);
        Response nothing = expertB.postJson("/api/v1/agreements/" + adopted + "/source-proposals", Map.of("note", "x"));
        assertThat(nothing.status()).isEqualTo(409);

        String better = "De koppelzone evalueert elk kwartaal met cijfers.";
        edit(expertB, adopted, body(P1, P2, better));
        Response proposed = expertB.postJson("/api/v1/agreements/" + adopted + "/source-proposals",
                Map.of("note", "Werkt bij ons beter."));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        long proposal = proposed.json().get("id").asLong();

        JsonNode incoming = expertA.get("/api/v1/agreements/" + source + "/source-proposals").json().get("incoming");
        assertThat(incoming).hasSize(1);
        assertThat(incoming.get(0).get("from").get("municipality").asText()).isEqualTo("Beestad");
        assertThat(incoming.get(0).get("note").asText()).isEqualTo("Werkt bij ons beter.");
        assertThat(app.newBrowser().get("/api/v1/agreements/" + source + "/source-proposals").status()).isEqualTo(404);

        Response accepted = expertA.postJson("/api/v1/agreements/" + source + "/source-proposals/" + proposal + "/accept", Map.of());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        int revision = accepted.json().get("revision").asInt();
        JsonNode sourceNow = expertA.get("/api/v1/agreements/" + source).json();
        assertThat(sourceNow.get("body").asText()).isEqualTo(body(P1, P2, better));
        assertThat(sourceNow.get("currentRevision").asInt()).isEqualTo(revision);
        assertThat(sourceNow.get("endorsedRevision").asInt()).isEqualTo(1);
        JsonNode history = expertA.get("/api/v1/agreements/" + source + "/revisions").json().get("items").get(0);
        assertThat(history.get("summary").asText()).contains("Koppelzone Jeugd Beestad").contains("Beestad");

        JsonNode outgoing = expertB.get("/api/v1/agreements/" + adopted + "/source-proposals").json().get("outgoing");
        assertThat(outgoing.get(0).get("status").asText()).isEqualTo("aanvaard");
        assertThat(outgoing.get(0).get("resultRevision").asInt()).isEqualTo(revision);
        Response again = expertA.postJson("/api/v1/agreements/" + source + "/source-proposals/" + proposal + "/decline",
                Map.of("reason", "te laat"));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void mijnOverzichtTellsTheAdopterOfANewerSourceAndTheSourceOfProposalsAndNobodyElse() {
        long source = endorsedInA(body(P1, P2, P3));
        long adopted = adoptIntoB(source);
        TestApp.Client anna = app.signIn("anna");
        TestApp.Client bert = app.signIn("bert");
        String upstreamLink = "href=\"/afspraken/" + adopted + "/bron-bijwerken\"";
        String proposalsLink = "href=\"/afspraken/" + source + "/bronvoorstellen\"";
        assertThat(bert.get("/mijn-overzicht").body()).doesNotContain(upstreamLink);

        edit(expertA, source, body("Het wijkteam belt binnen drie werkdagen terug.", P2, P3));
        assertThat(bert.get("/mijn-overzicht").body()).as("a draft of the source is nothing to take over yet")
                .doesNotContain(upstreamLink);
        endorseCurrent(source);
        String mine = bert.get("/mijn-overzicht").body();
        assertThat(mine).contains(upstreamLink).contains("De bron in Koppelzone Jeugd Aastad heeft revisie 2 bekrachtigd");
        assertThat(anna.get("/mijn-overzicht").body()).doesNotContain(upstreamLink);
        assertThat(app.signIn("mark").get("/mijn-overzicht").body()).as("a manager of A does not edit B's agreements")
                .doesNotContain(upstreamLink);

        Response merged = expertB.postJson("/api/v1/agreements/" + adopted + "/upstream/merge", Map.of());
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(bert.get("/mijn-overzicht").body()).doesNotContain(upstreamLink);

        edit(expertB, adopted, body(P1, P2, "De koppelzone evalueert elk kwartaal met cijfers."));
        Response proposed = expertB.postJson("/api/v1/agreements/" + adopted + "/source-proposals", Map.of("note", "Beter zo."));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(anna.get("/mijn-overzicht").body()).contains(proposalsLink).contains("1 open voorstel om te beoordelen");
        assertThat(bert.get("/mijn-overzicht").body()).doesNotContain(proposalsLink);

        Response declined = expertA.postJson("/api/v1/agreements/" + source + "/source-proposals/"
                + proposed.json().get("id").asLong() + "/decline", Map.of("reason", "Wij houden het halfjaar."));
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        assertThat(anna.get("/mijn-overzicht").body()).doesNotContain(proposalsLink);
    }
}
