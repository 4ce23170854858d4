package nl.afsprakenwiki.endorsements;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endorsement lifecycle through the JSON API, with the real app, database and migrations: status
 * codes, problem details and what the public sees. The rules themselves are in {@link LifecycleRulesTest}.
 */
class LifecycleApiTest {

    private static final String FIRST = "Het wijkteam belt binnen vijf werkdagen terug.";
    private static final String SECOND = "Het wijkteam belt binnen drie werkdagen terug.";
    private static final String THIRD = "Het wijkteam belt binnen twee werkdagen terug en stuurt een verslag.";

    @TempDir
    Path dir;
    private TestApp app;
    private String koppelzone;
    private TestApp.Client expert;
    private TestApp.Client managerWijkteam;
    private TestApp.Client managerBrug;
    private TestApp.Client managerHuisartsen;
    private TestApp.Client chair;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        koppelzone = app.koppelzone("Koppelzone Jeugd Teststad", "Teststad");
        expert = app.bearer(app.member(koppelzone, "marieke", Role.PRAKTIJKEXPERT, "jeugdhulp-de-brug-teststad"));
        managerWijkteam = app.bearer(app.member(koppelzone, "wim", Role.MANAGER, "wijkteam-teststad"));
        managerBrug = app.bearer(app.member(koppelzone, "bea", Role.MANAGER, "jeugdhulp-de-brug-teststad"));
        managerHuisartsen = app.bearer(app.member(koppelzone, "hans", Role.MANAGER, "huisartsen-teststad"));
        chair = app.bearer(app.member(koppelzone, "vera", Role.VOORZITTER, "wijkteam-teststad"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** An agreement of the wijkteam and De Brug with two revisions. */
    private long agreementWithTwoRevisions() {
        Response created = expert.postJson("/api/v1/koppelzones/" + koppelzone + "/agreements", Map.of(
                "title", "Terugbellen na aanmelding", "body", FIRST,
                "parties", List.of("wijkteam-teststad", "jeugdhulp-de-brug-teststad")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        edit(id, 1, SECOND);
        return id;
    }

    private void edit(long id, int base, String body) {
        Response saved = expert.putJson("/api/v1/agreements/" + id, Map.of("title", "Terugbellen na aanmelding",
                "body", body, "baseRevision", base, "summary", "bijgewerkt"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    private Response propose(TestApp.Client client, long id, int revision) {
        return client.postJson("/api/v1/agreements/" + id + "/proposals", Map.of("revision", revision));
    }

    private Response decide(TestApp.Client client, long id, int revision, String decision, String remark) {
        Map<String, Object> body = new HashMap<>();
        body.put("revision", revision);
        body.put("decision", decision);
        if (remark != null) {
            body.put("remark", remark);
        }
        return client.postJson("/api/v1/agreements/" + id + "/endorsements", body);
    }

    private JsonNode anonymous(long id) {
        Response response = app.newBrowser().get("/api/v1/agreements/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void theLastPartyToEndorseTheProposedRevisionMakesItEndorsedAndPublic() {
        long id = agreementWithTwoRevisions();
        Response proposed = propose(expert, id, 2);
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.json().get("status").asText()).isEqualTo("ter_bekrachtiging");
        assertThat(app.newBrowser().get("/api/v1/agreements/" + id).status()).isEqualTo(404);

        Response first = decide(managerWijkteam, id, 2, "endorse", null);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("status").asText()).isEqualTo("ter_bekrachtiging");
        assertThat(first.json().get("completed").asBoolean()).isFalse();
        assertThat(first.json().get("waitingFor").toString()).contains("jeugdhulp-de-brug-teststad")
                .doesNotContain("wijkteam-teststad");
        assertThat(app.newBrowser().get("/api/v1/agreements/" + id).status()).isEqualTo(404);

        Response last = decide(managerBrug, id, 2, "endorse", "");
        assertThat(last.status()).as(last.body()).isEqualTo(200);
        assertThat(last.json().get("status").asText()).isEqualTo("bekrachtigd");
        assertThat(last.json().get("completed").asBoolean()).isTrue();

        JsonNode visitor = anonymous(id);
        assertThat(visitor.get("status").asText()).isEqualTo("bekrachtigd");
        assertThat(visitor.get("endorsedRevision").asInt()).isEqualTo(2);
        assertThat(visitor.get("revision").asInt()).isEqualTo(2);
        assertThat(visitor.get("body").asText()).isEqualTo(SECOND);
        LocalDate inAYear = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusMonths(12);
        assertThat(visitor.get("reviewDate").asText()).isEqualTo(inAYear.toString());

        JsonNode rounds = app.newBrowser().get("/api/v1/agreements/" + id + "/endorsements").json().get("rounds");
        assertThat(rounds).hasSize(1);
        JsonNode round = rounds.get(0);
        assertThat(round.get("outcome").asText()).isEqualTo("bekrachtigd");
        assertThat(round.get("sha256").asText()).isEqualTo(visitor.get("sha256").asText());
        assertThat(round.get("parties")).hasSize(2);
        for (JsonNode party : round.get("parties")) {
            assertThat(party.get("decision").asText()).isEqualTo("endorse");
            assertThat(party.get("sha256").asText()).isEqualTo(visitor.get("sha256").asText());
            assertThat(party.get("person").asText()).isIn("Test wim", "Test bea");
            assertThat(party.get("at").asText()).isNotBlank();
        }
    }

    @Test
    void managersOfOtherOrganisationsAndPractitionersCannotEndorseNorAnotherRevision() {
        long id = agreementWithTwoRevisions();
        propose(expert, id, 2);

        Response outsider = decide(managerHuisartsen, id, 2, "endorse", null);
        assertThat(outsider.status()).isEqualTo(403);
        assertThat(outsider.header("Content-Type")).startsWith("application/problem+json");
        assertThat(outsider.json().get("detail").asText()).contains("Huisartsen Teststad").contains("geen partij");

        Response practitioner = decide(expert, id, 2, "endorse", null);
        assertThat(practitioner.status()).isEqualTo(403);

        Response chairOfOtherOrganisation = decide(chair, id, 2, "endorse", null);
        assertThat(chairOfOtherOrganisation.status()).as("a voorzitter is no manager").isEqualTo(403);

        Response wrongRevision = decide(managerWijkteam, id, 1, "endorse", null);
        assertThat(wrongRevision.status()).isEqualTo(409);
        assertThat(wrongRevision.json().get("detail").asText()).contains("revisie 2").contains("niet over revisie 1");

        Response unknownDecision = decide(managerWijkteam, id, 2, "maybe", null);
        assertThat(unknownDecision.status()).isEqualTo(400);
        assertThat(unknownDecision.json().get("detail").asText()).contains("endorse").contains("decline");

        JsonNode round = expert.get("/api/v1/agreements/" + id + "/endorsements").json().get("rounds").get(0);
        assertThat(round.get("open").asBoolean()).isTrue();
        for (JsonNode party : round.get("parties")) {
            assertThat(party.get("decision").isNull()).as("nothing was recorded").isTrue();
        }
    }

    @Test
    void anEditAfterEndorsementIsAHerzieningThatTheAnonymousVisitorDoesNotSee() {
        long id = agreementWithTwoRevisions();
        propose(expert, id, 2);
        decide(managerWijkteam, id, 2, "endorse", null);
        decide(managerBrug, id, 2, "endorse", null);

        edit(id, 2, THIRD);
        JsonNode visitor = anonymous(id);
        assertThat(visitor.get("body").asText()).isEqualTo(SECOND);
        assertThat(visitor.get("revision").asInt()).isEqualTo(2);
        assertThat(visitor.get("status").asText()).isEqualTo("bekrachtigd");
        assertThat(visitor.get("herziening").asBoolean()).isTrue();
        assertThat(app.newBrowser().get("/api/v1/agreements/" + id + "/revisions/3").status()).isEqualTo(404);

        JsonNode member = expert.get("/api/v1/agreements/" + id).json();
        assertThat(member.get("revision").asInt()).isEqualTo(3);
        assertThat(member.get("currentRevision").asInt()).isEqualTo(3);
        assertThat(member.get("endorsedRevision").asInt()).isEqualTo(2);
        assertThat(member.get("body").asText()).isEqualTo(THIRD);

        String page = app.signIn("marieke").get("/afspraken/" + id).body();
        assertThat(page).contains("nog niet is bekrachtigd").contains("<ins>").contains("<del>").contains("stuurt een verslag");
        String publicPage = app.newBrowser().get("/afspraken/" + id).body();
        assertThat(publicPage).contains("drie werkdagen").contains("Herziening in voorbereiding")
                .doesNotContain("stuurt een verslag").doesNotContain("twee werkdagen");

        // proposing the herziening keeps the public on revision 2, status bekrachtigd
        assertThat(propose(expert, id, 3).status()).isEqualTo(201);
        visitor = anonymous(id);
        assertThat(visitor.get("status").asText()).isEqualTo("bekrachtigd");
        assertThat(visitor.get("body").asText()).isEqualTo(SECOND);
        assertThat(expert.get("/api/v1/agreements/" + id).json().get("status").asText()).isEqualTo("ter_bekrachtiging");

        // search: the public finds the endorsed text (as bekrachtigd), members the proposed herziening
        app.awaitSearch();
        JsonNode publicHits = app.newBrowser().get("/api/v1/search?q=verslag").json();
        assertThat(publicHits.get("total").asInt()).isZero();
        JsonNode publicEndorsed = app.newBrowser().get("/api/v1/search?q=drie+werkdagen").json();
        assertThat(publicEndorsed.get("total").asInt()).isEqualTo(1);
        assertThat(publicEndorsed.get("hits").get(0).get("status").asText()).isEqualTo("bekrachtigd");
        JsonNode memberHits = expert.get("/api/v1/search?q=verslag").json();
        assertThat(memberHits.get("total").asInt()).isEqualTo(1);
        assertThat(memberHits.get("hits").get(0).get("status").asText()).isEqualTo("ter_bekrachtiging");
    }

    @Test
    void decliningNeedsARemarkAndTheDeclineIsShownToTheKoppelzoneOnly() {
        long id = agreementWithTwoRevisions();
        propose(expert, id, 2);
        decide(managerWijkteam, id, 2, "endorse", null);
        decide(managerBrug, id, 2, "endorse", null);
        edit(id, 2, THIRD);
        propose(expert, id, 3);

        Response bare = decide(managerBrug, id, 3, "decline", "   ");
        assertThat(bare.status()).isEqualTo(400);
        assertThat(bare.json().get("detail").asText()).contains("toelichting");
        assertThat(bare.json().get("errors").get("remark").asText()).isNotBlank();

        Response declined = decide(managerBrug, id, 3, "decline", "Twee werkdagen halen wij niet in de zomer.");
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        assertThat(declined.json().get("status").asText()).isEqualTo("ter_bekrachtiging");

        JsonNode open = expert.get("/api/v1/agreements/" + id + "/endorsements").json().get("rounds").get(0);
        assertThat(open.toString()).contains("decline").contains("Twee werkdagen halen wij niet in de zomer.");
        assertThat(app.signIn("marieke").get("/afspraken/" + id).body())
                .contains("Twee werkdagen halen wij niet in de zomer.");
        assertThat(app.signIn("marieke").get("/koppelzones/" + koppelzone + "/overzicht").body())
                .contains("Twee werkdagen halen wij niet in de zomer.");

        String publicRounds = app.newBrowser().get("/api/v1/agreements/" + id + "/endorsements").body();
        assertThat(publicRounds).doesNotContain("decline").doesNotContain("zomer");
        assertThat(app.newBrowser().get("/afspraken/" + id).body()).doesNotContain("zomer");
    }

    @Test
    void onlyTheCurrentRevisionIsProposedAndOnlyByPractitionersAndTheChair() {
        long id = agreementWithTwoRevisions();
        Response old = propose(expert, id, 1);
        assertThat(old.status()).isEqualTo(409);
        assertThat(old.json().get("detail").asText()).contains("revisie 2");
        assertThat(propose(managerWijkteam, id, 2).status()).isEqualTo(403);
        assertThat(app.newBrowser().postJson("/api/v1/agreements/" + id + "/proposals", Map.of("revision", 2)).status())
                .as("a draft does not exist for an anonymous caller").isEqualTo(404);
        assertThat(expert.postJson("/api/v1/agreements/" + id + "/proposals", Map.of()).status()).isEqualTo(400);
        assertThat(propose(chair, id, 2).status()).isEqualTo(201);
        Response again = propose(expert, id, 2);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("al ter bekrachtiging");
    }

    @Test
    void theChairWithdrawsAProposalOrRetiresAnAgreementWithAReason() {
        long id = agreementWithTwoRevisions();
        propose(expert, id, 2);
        assertThat(expert.postJson("/api/v1/agreements/" + id + "/proposals/withdraw", Map.of("reason", "x")).status())
                .isEqualTo(403);
        Response noReason = chair.postJson("/api/v1/agreements/" + id + "/proposals/withdraw", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("detail").asText()).contains("reden");
        Response withdrawn = chair.postJson("/api/v1/agreements/" + id + "/proposals/withdraw",
                Map.of("reason", "Eerst de termijn met de huisartsen bespreken."));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asText()).isEqualTo("concept");
        assertThat(decide(managerWijkteam, id, 2, "endorse", null).status()).isEqualTo(409);

        propose(expert, id, 2);
        decide(managerWijkteam, id, 2, "endorse", null);
        decide(managerBrug, id, 2, "endorse", null);
        Response retired = chair.postJson("/api/v1/agreements/" + id + "/retire",
                Map.of("reason", "Vervangen door de regionale afspraak."));
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        assertThat(retired.json().get("status").asText()).isEqualTo("vervallen");
        assertThat(app.newBrowser().get("/api/v1/agreements/" + id).status()).isEqualTo(404);
        assertThat(app.signIn("marieke").get("/afspraken/" + id).body()).contains("Vervangen door de regionale afspraak.");
        Response editAfter = expert.putJson("/api/v1/agreements/" + id, Map.of("title", "x", "body", "y", "baseRevision", 2));
        assertThat(editAfter.status()).isEqualTo(409);
        assertThat(editAfter.json().get("detail").asText()).contains("vervallen");
    }

    @Test
    void theReviewDateIsTheChairsToChange() {
        long id = agreementWithTwoRevisions();
        String date = LocalDate.now().plusMonths(3).toString();
        assertThat(expert.putJson("/api/v1/agreements/" + id + "/review-date", Map.of("reviewDate", date)).status())
                .isEqualTo(403);
        Response viaEdit = expert.putJson("/api/v1/agreements/" + id, Map.of("title", "Terugbellen na aanmelding",
                "body", SECOND, "baseRevision", 2, "reviewDate", date));
        assertThat(viaEdit.status()).isEqualTo(403);
        Response past = chair.putJson("/api/v1/agreements/" + id + "/review-date", Map.of("reviewDate", "2020-01-01"));
        assertThat(past.status()).isEqualTo(400);
        Response set = chair.putJson("/api/v1/agreements/" + id + "/review-date", Map.of("reviewDate", date));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("reviewDate").asText()).isEqualTo(date);
    }
}
