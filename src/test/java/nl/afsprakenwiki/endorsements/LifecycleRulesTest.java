package nl.afsprakenwiki.endorsements;

import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementInput;
import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static nl.afsprakenwiki.testing.TestServices.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The endorsement rules on the services alone (real SQLite file and migrations, no web server): who
 * may propose and decide what, when a revision becomes bekrachtigd, and what restarts or ends a
 * round. {@link LifecycleApiTest} checks how the API answers; this class checks the rules.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleRulesTest {

    private static final String TITLE = "Terugbellen na aanmelding";
    private static final String WIJKTEAM = "wijkteam-teststad";
    private static final String BRUG = "jeugdhulp-de-brug-teststad";
    private static final String HUISARTSEN = "huisartsen-teststad";

    private TestServices app;
    private Lifecycle lifecycle;
    private String koppelzone;
    private Viewer expert;
    private Viewer managerWijkteam;
    private Viewer managerBrug;
    private Viewer managerHuisartsen;
    private Viewer chair;
    private long id;

    @BeforeAll
    void start(@TempDir Path dir) {
        app = TestServices.open(dir);
        lifecycle = app.services.lifecycle();
        koppelzone = app.data.koppelzone("Koppelzone Jeugd Teststad", "Teststad");
        expert = app.member(koppelzone, "marieke", Role.PRAKTIJKEXPERT, BRUG);
        managerWijkteam = app.member(koppelzone, "wim", Role.MANAGER, WIJKTEAM);
        managerBrug = app.member(koppelzone, "bea", Role.MANAGER, BRUG);
        managerHuisartsen = app.member(koppelzone, "hans", Role.MANAGER, HUISARTSEN);
        chair = app.member(koppelzone, "vera", Role.VOORZITTER, WIJKTEAM);
    }

    /** Every test has an agreement of its own: the wijkteam's and De Brug's, with two revisions. */
    @BeforeEach
    void agreementWithTwoRevisions() {
        id = app.draft(koppelzone, expert, TITLE, "Het wijkteam belt binnen vijf werkdagen terug.", WIJKTEAM, BRUG);
        app.edit(id, 1, expert, TITLE, "Het wijkteam belt binnen drie werkdagen terug.");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private Agreement agreement() {
        return app.services.agreements().find(id, TestApp.BEHEERDER).orElseThrow();
    }

    private Lifecycle.Outcome endorse(Viewer manager, int revision) {
        return lifecycle.decide(id, revision, Decision.Kind.ENDORSE, "", manager);
    }

    @Test
    void theLastPartyToEndorseMakesTheExactRevisionEndorsedWithAReviewDateAYearAhead() {
        lifecycle.propose(id, 2, expert.author());
        assertThat(agreement().status()).isEqualTo(AgreementStatus.TER_BEKRACHTIGING);

        Lifecycle.Outcome first = endorse(managerWijkteam, 2);
        assertThat(first.completed()).isFalse();
        assertThat(first.waitingFor()).extracting(Organisation::slug).containsExactly(BRUG);
        assertThat(agreement().endorsedRevision()).isNull();

        Lifecycle.Outcome last = endorse(managerBrug, 2);
        assertThat(last.completed()).isTrue();
        Agreement endorsed = agreement();
        assertThat(endorsed.status()).isEqualTo(AgreementStatus.BEKRACHTIGD);
        assertThat(endorsed.endorsedRevision()).isEqualTo(2);
        assertThat(endorsed.proposedRevision()).isNull();
        assertThat(endorsed.reviewDate()).isEqualTo(lifecycle.today().plusMonths(Lifecycle.REVIEW_MONTHS));
    }

    @Test
    void onlyManagersOfAPartyDecideAndOnlyOnTheProposedRevision() {
        lifecycle.propose(id, 2, expert.author());
        assertThat(refusal(() -> endorse(managerHuisartsen, 2))).isEqualTo("403 refused.notParty");
        assertThat(refusal(() -> endorse(expert, 2))).isEqualTo("403 refused.notManager");
        assertThat(refusal(() -> endorse(chair, 2))).as("a voorzitter is no manager").isEqualTo("403 refused.notManager");
        assertThat(refusal(() -> endorse(managerWijkteam, 1))).isEqualTo("409 refused.otherRevision");
        assertThat(app.services.rounds().block(agreement(), expert).open().decisions()).as("nothing recorded").isEmpty();
    }

    @Test
    void decliningNeedsARemarkOfAtMostTwoThousandCharacters() {
        lifecycle.propose(id, 2, expert.author());
        assertThatThrownBy(() -> lifecycle.decide(id, 2, Decision.Kind.DECLINE, "   ", managerBrug))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("remark"));
        assertThatThrownBy(() -> lifecycle.decide(id, 2, Decision.Kind.ENDORSE, "x".repeat(Lifecycle.MAX_REMARK + 1),
                managerBrug)).isInstanceOf(InvalidInput.class);

        Lifecycle.Outcome declined = lifecycle.decide(id, 2, Decision.Kind.DECLINE, "Niet in de zomer.", managerBrug);
        assertThat(declined.completed()).isFalse();
        assertThat(declined.waitingFor()).extracting(Organisation::slug).containsExactlyInAnyOrder(WIJKTEAM, BRUG);
        endorse(managerWijkteam, 2);
        assertThat(agreement().status()).as("a decline blocks the endorsement").isEqualTo(AgreementStatus.TER_BEKRACHTIGING);
    }

    @Test
    void onlyTheCurrentRevisionIsProposedOnceAndNeverTheEndorsedTextAgain() {
        assertThat(refusal(() -> lifecycle.propose(id, 1, expert.author()))).isEqualTo("409 refused.proposeNotCurrent");
        lifecycle.propose(id, 2, chair.author());
        assertThat(refusal(() -> lifecycle.propose(id, 2, expert.author()))).isEqualTo("409 refused.alreadyProposed");
        endorse(managerWijkteam, 2);
        endorse(managerBrug, 2);
        assertThat(refusal(() -> lifecycle.propose(id, 2, expert.author()))).isEqualTo("409 refused.alreadyEndorsed");

        // a revision that only puts the endorsed text back is nothing new to endorse
        app.edit(id, 2, expert, TITLE, "Iets anders.");
        app.edit(id, 3, expert, TITLE, "Het wijkteam belt binnen drie werkdagen terug.");
        assertThat(refusal(() -> lifecycle.propose(id, 4, expert.author()))).isEqualTo("409 refused.sameAsEndorsed");
    }

    @Test
    void aNewerRevisionNeverInheritsEndorsementsAndChangingThePartiesRestartsTheRound() {
        lifecycle.propose(id, 2, expert.author());
        endorse(managerWijkteam, 2);
        app.edit(id, 2, expert, TITLE, "Het wijkteam belt binnen twee werkdagen terug.");
        lifecycle.propose(id, 3, expert.author());
        assertThat(refusal(() -> endorse(managerWijkteam, 2))).isEqualTo("409 refused.otherRevision");

        List<RoundViews.RoundView> rounds = app.services.rounds().history(agreement(), expert);
        assertThat(rounds.get(0).round().revision()).isEqualTo(3);
        assertThat(rounds.get(0).waitingFor()).hasSize(2);
        assertThat(rounds.get(1).round().outcome()).isEqualTo(Round.Outcome.VERVANGEN);

        endorse(managerWijkteam, 3);
        app.services.editing().save(id, new AgreementInput.Edit(3, TITLE, "Het wijkteam belt binnen twee werkdagen terug.",
                "", new AgreementInput.Details(Set.of(WIJKTEAM, BRUG, HUISARTSEN), Set.of(), null), null), expert.author());
        rounds = app.services.rounds().history(agreement(), expert);
        assertThat(rounds.get(0).waitingFor()).as("every party decides afresh").hasSize(3);
        assertThat(rounds.get(1).round().outcome()).isEqualTo(Round.Outcome.HERSTART);

        endorse(managerWijkteam, 3);
        endorse(managerBrug, 3);
        assertThat(agreement().status()).isEqualTo(AgreementStatus.TER_BEKRACHTIGING);
        assertThat(endorse(managerHuisartsen, 3).completed()).isTrue();
        assertThat(agreement().endorsedRevision()).isEqualTo(3);
    }

    @Test
    void withdrawingReturnsToWhatItWasAndRetiringEndsEverything() {
        lifecycle.propose(id, 2, expert.author());
        assertThatThrownBy(() -> lifecycle.withdraw(id, " ", chair.author())).isInstanceOf(InvalidInput.class);
        lifecycle.withdraw(id, "Eerst met de huisartsen bespreken.", chair.author());
        assertThat(agreement().status()).isEqualTo(AgreementStatus.CONCEPT);
        assertThat(refusal(() -> endorse(managerWijkteam, 2))).isEqualTo("409 refused.nothingProposed");

        lifecycle.propose(id, 2, expert.author());
        endorse(managerWijkteam, 2);
        endorse(managerBrug, 2);
        app.edit(id, 2, expert, TITLE, "Nieuwe tekst.");
        lifecycle.propose(id, 3, expert.author());
        lifecycle.withdraw(id, "Toch niet.", chair.author());
        assertThat(agreement().status()).as("back to the endorsed revision").isEqualTo(AgreementStatus.BEKRACHTIGD);
        assertThat(agreement().endorsedRevision()).isEqualTo(2);

        lifecycle.propose(id, 3, expert.author());
        lifecycle.retire(id, "Vervangen door de regionale afspraak.", chair.author());
        Agreement retired = agreement();
        assertThat(retired.status()).isEqualTo(AgreementStatus.VERVALLEN);
        assertThat(retired.retirement().reason()).isEqualTo("Vervangen door de regionale afspraak.");
        assertThat(app.services.rounds().history(retired, expert).get(0).round().outcome()).isEqualTo(Round.Outcome.VERVALLEN);
        assertThat(refusal(() -> lifecycle.propose(id, 3, expert.author()))).isEqualTo("409 refused.retired");
        assertThat(refusal(() -> lifecycle.retire(id, "nogmaals", chair.author()))).isEqualTo("409 refused.retired");
        assertThat(app.services.agreements().find(id, Viewer.ANONYMOUS)).as("no longer public").isEmpty();
    }

    @Test
    void theReviewDateLiesBetweenTodayAndTenYearsAhead() {
        LocalDate today = lifecycle.today();
        assertThatThrownBy(() -> lifecycle.scheduleReview(id, today.minusDays(1), chair.author()))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> lifecycle.scheduleReview(id, today.plusYears(10).plusDays(1), chair.author()))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> lifecycle.scheduleReview(id, null, chair.author())).isInstanceOf(InvalidInput.class);
        lifecycle.scheduleReview(id, today, chair.author());
        assertThat(agreement().reviewDate()).isEqualTo(today);
    }
}
