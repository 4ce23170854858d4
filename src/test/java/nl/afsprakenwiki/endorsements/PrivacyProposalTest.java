package nl.afsprakenwiki.endorsements;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static nl.afsprakenwiki.testing.PersonalData.BSN;
import static nl.afsprakenwiki.testing.PersonalData.WITH_NAME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 point 2: a revision with unconfirmed privacy findings is not proposed for endorsement (and
 * so never becomes public) nor adopted; confirming the findings lets it through.
 */
class PrivacyProposalTest {


    @TempDir
    Path dir;
    private TestApp app;
    private String zoneA;
    private String zoneB;
    private TestApp.Client expert;
    private TestApp.Client manager;
    private TestApp.Client expertB;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        zoneA = app.koppelzone("Koppelzone Jeugd Aastad", "Aastad");
        zoneB = app.koppelzone("Koppelzone Jeugd Beestad", "Beestad");
        expert = app.bearer(app.member(zoneA, "anna", Role.PRAKTIJKEXPERT, "wijkteam-aastad"));
        manager = app.bearer(app.member(zoneA, "mark", Role.MANAGER, "wijkteam-aastad"));
        expertB = app.bearer(app.member(zoneB, "bert", Role.PRAKTIJKEXPERT, "wijkteam-beestad"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private Response create(String body, List<String> accepted) {
        return expert.postJson("/api/v1/koppelzones/" + zoneA + "/agreements", Map.of("title", "Terugbellen",
                "body", body, "parties", List.of("wijkteam-aastad"), "acceptedFindings", accepted));
    }

    private Response propose(long id, int revision) {
        return expert.postJson("/api/v1/agreements/" + id + "/proposals", Map.of("revision", revision));
    }

    private Response confirm(TestApp.Client client, long id, int revision, List<String> fingerprints) {
        return client.postJson("/api/v1/agreements/" + id + "/revisions/" + revision + "/privacy-confirmations",
                Map.of("fingerprints", fingerprints, "reason", "verzonnen naam"));
    }

    @Test
    void aRevisionWithAnUnconfirmedMediumFindingCannotBeProposedUntilItIsConfirmed() {
        Response created = create(WITH_NAME, List.of());
        long id = created.json().get("id").asLong();
        String fingerprint = created.json().get("warnings").get(0).get("fingerprint").asText();

        Response refused = propose(id, 1);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        JsonNode finding = refused.json().get("findings").get(0);
        assertThat(finding.get("kind").asText()).isEqualTo("naam");
        assertThat(finding.get("fingerprint").asText()).isEqualTo(fingerprint);
        assertThat(WITH_NAME.substring(finding.get("start").asInt(), finding.get("end").asInt())).contains("Fatima");
        assertThat(expert.get("/api/v1/agreements/" + id).json().get("status").asText()).isEqualTo("concept");

        Response confirmed = confirm(expert, id, 1, List.of(fingerprint));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("unconfirmed")).isEmpty();
        assertThat(propose(id, 1).status()).isEqualTo(201);
    }

    @Test
    void confirmingAFingerprintThatIsNoFindingOfTheRevisionIsRefusedAndStoresNothing() {
        long id = create(WITH_NAME, List.of()).json().get("id").asLong();

        Response response = confirm(expert, id, 1, List.of("0123456789abcdef0123"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").has("fingerprints")).isTrue();
        assertThat(propose(id, 1).status()).isEqualTo(422);
    }

    @Test
    void onlyThoseWhoMayEditConfirmAndADraftStaysHiddenFromOthers() {
        long id = create(WITH_NAME, List.of()).json().get("id").asLong();
        String fingerprint = "0123456789abcdef0123";

        assertThat(confirm(expertB, id, 1, List.of(fingerprint)).status()).isIn(403, 404);
        assertThat(app.newBrowser().postJson("/api/v1/agreements/" + id + "/revisions/1/privacy-confirmations",
                Map.of("fingerprints", List.of(fingerprint))).status()).isEqualTo(404);
        assertThat(confirm(expert, id, 9, List.of(fingerprint)).status()).isEqualTo(404);
    }

    @Test
    void aConfirmedHighFindingIsCarriedToAnAdoptedCopySoTheAdoptionSaves() {
        String body = "Het wijkteam belt terug. Voorbeeld: BSN " + BSN + ".";
        String fingerprint = create(body, List.of()).json().get("findings").get(0).get("fingerprint").asText();
        long id = create(body, List.of(fingerprint)).json().get("id").asLong();
        assertThat(propose(id, 1).status()).isEqualTo(201);
        assertThat(manager.postJson("/api/v1/agreements/" + id + "/endorsements",
                Map.of("revision", 1, "decision", "endorse")).json().get("status").asText()).isEqualTo("bekrachtigd");

        Response adopted = expertB.postJson("/api/v1/agreements/" + id + "/adopt", Map.of("koppelzone", zoneB));

        assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);
        long copy = adopted.json().get("id").asLong();
        assertThat(app.services.privacy().unconfirmed(copy, 1)).isEmpty();
    }
}
