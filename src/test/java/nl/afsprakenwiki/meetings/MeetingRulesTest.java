package nl.afsprakenwiki.meetings;

import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.Refused;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.meetings.MeetingRecords.Decision;
import nl.afsprakenwiki.meetings.MeetingRecords.DecisionKind;
import nl.afsprakenwiki.meetings.MeetingRecords.Item;
import nl.afsprakenwiki.meetings.MeetingRecords.Kind;
import nl.afsprakenwiki.meetings.MeetingRecords.Meeting;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The meeting rules on the services alone (real SQLite file and migrations, no web server): the
 * proposed agenda, decisions that perform their lifecycle move in the same transaction, and a
 * closed meeting that records nothing more. {@link MeetingApiTest} checks the API's answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingRulesTest {

    private TestServices app;
    private Meetings meetings;
    private MeetingRecording recording;
    private Koppelzone koppelzone;
    private Viewer chair;
    private Viewer expert;
    private int day;

    @BeforeAll
    void start(@TempDir Path dir) {
        app = TestServices.open(dir);
        meetings = app.services.meetings();
        recording = app.services.meetingRecording();
        String slug = app.data.koppelzone("Koppelzone Jeugd Teststad", "Teststad");
        koppelzone = app.services.koppelzones().bySlug(slug).orElseThrow();
        chair = app.member(slug, "vera", Role.VOORZITTER, "wijkteam-teststad");
        expert = app.member(slug, "marieke", Role.PRAKTIJKEXPERT, "jeugdhulp-de-brug-teststad");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private long draft(String title) {
        return app.draft(koppelzone.slug(), expert, title, "Tekst van " + title + ".", "wijkteam-teststad",
                "jeugdhulp-de-brug-teststad");
    }

    /** A meeting on a day of its own, with every member invited. */
    private Meeting plan() {
        String date = LocalDate.now().plusDays(7 + day++).toString();
        return meetings.plan(koppelzone, new Meetings.Plan(date, "10:00", "12:00", "Stadhuis", List.of()), chair);
    }

    private Item itemAbout(Meeting meeting, long agreementId) {
        return meetings.record(meeting.id()).items().stream().filter(item -> Long.valueOf(agreementId).equals(item.agreementId()))
                .findFirst().orElseThrow();
    }

    private Agreement agreement(long id) {
        return app.services.agreements().find(id, TestApp.BEHEERDER).orElseThrow();
    }

    @Test
    void aPlanNeedsTimesInOrderAndALocationOfAtMost300Characters() {
        assertThatThrownBy(() -> meetings.plan(koppelzone, new Meetings.Plan("2030-01-10", "12:00", "10:00", "", List.of()), chair))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("endTime"));
        assertThatThrownBy(() -> meetings.plan(koppelzone, new Meetings.Plan("morgen", "10:00", "12:00", "", List.of()), chair))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).extracting(InvalidInput.FieldError::field)
                        .contains("startTime"));
        assertThatThrownBy(() -> meetings.plan(koppelzone, new Meetings.Plan("2030-01-10", "10:00", "12:00", "x".repeat(301),
                List.of()), chair)).isInstanceOf(InvalidInput.class);
        assertThat(meetings.record(plan().id()).invitees()).as("everyone is invited").hasSize(2);
    }

    @Test
    void theAgendaProposesWhatAwaitsEndorsementAndWhatIsPastItsReviewDate() {
        long waiting = draft("Terugbellen na aanmelding");
        app.services.lifecycle().propose(waiting, 1, expert.author());
        long overdue = app.data.agreement(koppelzone.name(), "Teststad", "warme-overdracht", "Warme overdracht", "bekrachtigd");
        app.db.write(handle -> handle.execute("UPDATE agreement SET review_date = '2020-01-01' WHERE id = ?", overdue));

        Meeting meeting = plan();
        Item bekrachtiging = itemAbout(meeting, waiting);
        assertThat(bekrachtiging.kind()).isEqualTo(Kind.BEKRACHTIGING);
        assertThat(bekrachtiging.detail(new nl.afsprakenwiki.web.Translations().dutch())).contains("Wacht op").contains("Wijkteam Teststad");
        assertThat(itemAbout(meeting, overdue).kind()).isEqualTo(Kind.ONDERHOUD);
    }

    @Test
    void vastgesteldProposesTheCurrentRevisionAndRecordsItsFingerprint() {
        long id = draft("Samen naar de huisarts");
        Meeting meeting = plan();
        recording.addAgreement(meeting.id(), id, chair);
        Decision decision = recording.decide(meeting.id(), itemAbout(meeting, id).id(), DecisionKind.VASTGESTELD, "", null, chair);

        assertThat(agreement(id).status()).isEqualTo(AgreementStatus.TER_BEKRACHTIGING);
        assertThat(agreement(id).proposedRevision()).isEqualTo(1);
        assertThat(decision.revision()).isEqualTo(1);
        assertThat(decision.sha256()).isEqualTo(app.services.agreements().version(id, 1, chair).orElseThrow().revision().sha256());
        assertThat(meetings.decisionsOf(id)).extracting(Decision::id).containsExactly(decision.id());
    }

    @Test
    void aDecisionWhoseMoveIsRefusedIsNotRecorded() {
        long id = draft("Aanmelden bij de aanbieder");
        app.services.lifecycle().propose(id, 1, expert.author());
        Meeting meeting = plan();
        Item item = itemAbout(meeting, id);
        assertThatThrownBy(() -> recording.decide(meeting.id(), item.id(), DecisionKind.VASTGESTELD, "", null, chair))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.messageKey()).isEqualTo("refused.alreadyProposed"));
        assertThat(meetings.decisionsOf(id)).as("no decision without its effect").isEmpty();
        assertThatThrownBy(() -> recording.decide(meeting.id(), item.id(), DecisionKind.HERZIENING, "", LocalDate.now().minusDays(1), chair))
                .isInstanceOf(InvalidInput.class);
        assertThat(meetings.decisionsOf(id)).isEmpty();
    }

    @Test
    void herzieningSetsTheReviewDateAndVervallenRetiresNamingTheMeeting() {
        long review = draft("Evaluatie na een half jaar");
        long retire = draft("Oude werkwijze");
        Meeting meeting = plan();
        recording.addAgreement(meeting.id(), review, chair);
        recording.addAgreement(meeting.id(), retire, chair);
        LocalDate date = LocalDate.now().plusMonths(6);
        recording.decide(meeting.id(), itemAbout(meeting, review).id(), DecisionKind.HERZIENING, "", date, chair);
        recording.decide(meeting.id(), itemAbout(meeting, retire).id(), DecisionKind.VERVALLEN, "Vervangen door de regio.", null, chair);

        assertThat(agreement(review).reviewDate()).isEqualTo(date);
        Agreement retired = agreement(retire);
        assertThat(retired.status()).isEqualTo(AgreementStatus.VERVALLEN);
        assertThat(retired.retirement().reason()).startsWith("Besloten in het overleg van "
                        + java.time.format.DateTimeFormatter.ofPattern("d-M-yyyy").format(meeting.startsAt().atZone(Meetings.DUTCH_TIME)))
                .endsWith("Vervangen door de regio.");
    }

    @Test
    void aFreeTopicTakesNoDecisionAndAClosedMeetingRecordsNothingMore() {
        // held yesterday: only a meeting that has started can be closed
        Meeting meeting = meetings.plan(koppelzone, new Meetings.Plan(LocalDate.now(Meetings.DUTCH_TIME).minusDays(1).toString(),
                "10:00", "12:00", "Stadhuis", List.of()), chair);
        recording.addTopic(meeting.id(), "Rondvraag", "", chair);
        Item topic = meetings.record(meeting.id()).items().stream().filter(item -> item.title().equals("Rondvraag"))
                .findFirst().orElseThrow();
        assertThatThrownBy(() -> recording.decide(meeting.id(), topic.id(), DecisionKind.AANGEHOUDEN, "", null, chair))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> recording.addTopic(meeting.id(), " ", "", chair)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> recording.addAction(meeting.id(), "Bellen", "onbekend", null)).isInstanceOf(InvalidInput.class);
        assertThat(recording.addAction(meeting.id(), "Bellen met de GI", "marieke", "").ownerName()).isEqualTo("Test marieke");

        recording.close(meeting.id(), chair);
        assertThatThrownBy(() -> recording.addTopic(meeting.id(), "Nog iets", "", chair))
                .isInstanceOfSatisfying(Refused.class, e -> assertThat(e.messageKey()).isEqualTo("refused.meetingClosed"));
        assertThatThrownBy(() -> recording.saveMinutes(meeting.id(), topic.id(), "te laat")).isInstanceOf(Refused.class);
        assertThat(meetings.record(meeting.id()).items()).extracting(Item::title).doesNotContain("Nog iets");
    }
}
