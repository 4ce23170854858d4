package nl.afsprakenwiki.meetings;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.meetings.MeetingRecords.Meeting;
import nl.afsprakenwiki.testing.TestServices;
import nl.afsprakenwiki.web.Translations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static nl.afsprakenwiki.testing.TestServices.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Moving and cancelling a meeting on the services (real SQLite, real migrations): what may change
 * when, the audit rows written with it, and the calendar file that lets calendars update the event
 * (same UID, higher SEQUENCE, METHOD:CANCEL), parsed with ical4j. Closing waits for the start.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingChangeRulesTest {

    private TestServices app;
    private Meetings meetings;
    private MeetingRecording recording;
    private MeetingCalendar calendar;
    private Koppelzone koppelzone;
    private Viewer chair;
    private int day;

    @BeforeAll
    void start(@TempDir Path dir) {
        app = TestServices.open(dir);
        meetings = app.services.meetings();
        recording = app.services.meetingRecording();
        calendar = new MeetingCalendar(meetings, app.services.clock());
        String slug = app.data.koppelzone("Koppelzone Jeugd Teststad", "Teststad");
        koppelzone = app.services.koppelzones().bySlug(slug).orElseThrow();
        chair = app.member(slug, "vera", Role.VOORZITTER, "wijkteam-teststad");
        app.member(slug, "marieke", Role.PRAKTIJKEXPERT, "jeugdhulp-de-brug-teststad");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private Meeting planIn(int days) {
        String date = LocalDate.now(Meetings.DUTCH_TIME).plusDays(days).toString();
        return meetings.plan(koppelzone, new Meetings.Plan(date, "10:00", "12:00", "Stadhuis", List.of()), chair);
    }

    private VEvent event(net.fortuna.ical4j.model.Calendar ics) {
        return (VEvent) ics.getComponent(Component.VEVENT);
    }

    private net.fortuna.ical4j.model.Calendar ics(long meetingId, String organizer, String attendee) throws Exception {
        String text = calendar.ics(meetingId, "https://wiki.example.nl/", new Translations().dutch(), organizer, attendee);
        return new CalendarBuilder().build(new StringReader(text));
    }

    private List<String> audit(long meetingId) {
        return app.db.read(handle -> handle.createQuery("SELECT action || ' ' || details FROM audit_event WHERE target = :t ORDER BY id")
                .bind("t", "meeting:" + meetingId).mapTo(String.class).list());
    }

    @Test
    void aMoveKeepsTheUidRaisesTheSequenceAndIsAudited() throws Exception {
        Meeting planned = planIn(30 + day++);
        var before = ics(planned.id(), null, null);
        assertThat(before.getMethod().getValue()).isEqualTo("REQUEST");
        assertThat(event(before).getStatus().getValue()).isEqualTo("CONFIRMED");
        assertThat(event(before).getSequence().getSequenceNo()).isZero();

        String newDate = LocalDate.now(Meetings.DUTCH_TIME).plusDays(60 + day++).toString();
        Meeting moved = meetings.change(planned.id(), new Meetings.Plan(newDate, "13:30", "15:00", "Online", null), chair);
        assertThat(moved.sequence()).isEqualTo(1);
        assertThat(moved.previousStartsAt()).isEqualTo(planned.startsAt());
        assertThat(moved.location()).isEqualTo("Online");
        assertThat(moved.status()).isEqualTo("gepland");
        assertThat(meetings.record(moved.id()).invitees()).as("invitees left out stay").hasSize(2);

        var after = ics(planned.id(), null, null);
        assertThat(event(after).getUid().getValue()).isEqualTo(event(before).getUid().getValue())
                .isEqualTo("overleg-" + planned.id() + "@wiki.example.nl");
        assertThat(event(after).getSequence().getSequenceNo()).isGreaterThan(event(before).getSequence().getSequenceNo());
        assertThat(event(after).getStartDate().getDate().toInstant())
                .isEqualTo(LocalDate.parse(newDate).atTime(13, 30).atZone(Meetings.DUTCH_TIME).toInstant());
        assertThat(after.getMethod().getValue()).isEqualTo("REQUEST");
        assertThat(audit(planned.id())).hasSize(2).last().asString().startsWith("meeting.move ")
                .contains("\"from\":\"" + planned.startsAt() + "\"").contains("\"sequence\":1");

        // saving the same again changes nothing: no new version for calendars, no audit row
        assertThat(meetings.change(planned.id(), new Meetings.Plan(newDate, "13:30", "15:00", "Online", null), chair).sequence())
                .isEqualTo(1);
        assertThat(audit(planned.id())).hasSize(2);

        // invitees: one named member; an empty list invites every member again
        assertThat(meetings.change(planned.id(), new Meetings.Plan(newDate, "13:30", "15:00", "Online", List.of("marieke")), chair)
                .sequence()).isEqualTo(2);
        assertThat(meetings.inviteeUsernames(planned.id())).containsExactly("marieke");
        meetings.change(planned.id(), new Meetings.Plan(newDate, "13:30", "15:00", "Online", List.of()), chair);
        assertThat(meetings.inviteeUsernames(planned.id())).containsExactly("marieke", "vera");
    }

    @Test
    void aMoveIsCheckedLikeAPlan() {
        Meeting planned = planIn(30 + day++);
        assertThatThrownBy(() -> meetings.change(planned.id(), new Meetings.Plan("2031-01-10", "12:00", "10:00", "", null), chair))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("endTime"));
        assertThatThrownBy(() -> meetings.change(planned.id(), new Meetings.Plan("", "10:00", "12:00", "", null), chair))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("date"));
        assertThat(meetings.meeting(planned.id()).sequence()).isZero();
    }

    @Test
    void aCancellationNeedsAReasonSaysCancelAndIsFinal() throws Exception {
        Meeting planned = planIn(30 + day++);
        recording.addTopic(planned.id(), "Rondvraag", "", chair);
        assertThatThrownBy(() -> meetings.cancel(planned.id(), "  ", chair))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("reason"));
        assertThat(meetings.meeting(planned.id()).cancelled()).isFalse();

        Meeting cancelled = meetings.cancel(planned.id(), "De voorzitter is ziek; we plannen opnieuw.", chair);
        assertThat(cancelled.status()).isEqualTo("geannuleerd");
        assertThat(cancelled.cancelReason()).isEqualTo("De voorzitter is ziek; we plannen opnieuw.");
        assertThat(cancelled.sequence()).isEqualTo(1);
        assertThat(audit(planned.id())).last().asString().startsWith("meeting.cancel ")
                .contains("De voorzitter is ziek; we plannen opnieuw.");

        var ics = ics(planned.id(), null, null);
        assertThat(ics.getMethod().getValue()).isEqualTo("CANCEL");
        assertThat(event(ics).getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(event(ics).getSequence().getSequenceNo()).isEqualTo(1);
        assertThat(event(ics).getUid().getValue()).isEqualTo("overleg-" + planned.id() + "@wiki.example.nl");
        assertThat(event(ics).getDescription().getValue()).contains("De voorzitter is ziek").contains("Rondvraag");

        String later = LocalDate.now().plusDays(90).toString();
        assertThat(refusal(() -> meetings.change(planned.id(), new Meetings.Plan(later, "10:00", "11:00", "", null), chair)))
                .isEqualTo("409 refused.meetingCancelled");
        assertThat(refusal(() -> meetings.cancel(planned.id(), "nogmaals", chair))).isEqualTo("409 refused.meetingCancelled");
        assertThat(refusal(() -> recording.addTopic(planned.id(), "Nog iets", "", chair))).isEqualTo("409 refused.meetingCancelled");
        assertThat(refusal(() -> recording.close(planned.id(), chair))).isEqualTo("409 refused.meetingCancelled");
        assertThat(meetings.record(planned.id()).items()).as("the agenda stays").extracting(MeetingRecords.Item::title)
                .contains("Rondvraag");
        // the database holds the line too
        assertThatThrownBy(() -> app.db.write(handle -> handle.execute("UPDATE meeting SET location = 'x' WHERE id = ?", planned.id())))
                .hasMessageContaining("a cancelled meeting does not change");
    }

    @Test
    void aMeetingIsClosedOnlyOnceItStartedAndNotMovedOnceItStarted() {
        Meeting future = planIn(30 + day++);
        assertThat(refusal(() -> recording.close(future.id(), chair))).isEqualTo("409 refused.meetingNotStarted");
        assertThat(meetings.meeting(future.id()).closed()).isFalse();

        Meeting yesterday = planIn(-1);
        String later = LocalDate.now().plusDays(90).toString();
        assertThat(refusal(() -> meetings.change(yesterday.id(), new Meetings.Plan(later, "10:00", "11:00", "", null), chair)))
                .isEqualTo("409 refused.meetingStarted");
        assertThat(refusal(() -> meetings.cancel(yesterday.id(), "te laat", chair))).isEqualTo("409 refused.meetingStarted");
        recording.close(yesterday.id(), chair);
        assertThat(refusal(() -> meetings.cancel(yesterday.id(), "te laat", chair))).isEqualTo("409 refused.meetingClosed");
    }

    @Test
    void anInvitationByMailNamesOrganizerAndAttendeeAndIsValidITip() throws Exception {
        Meeting planned = planIn(30 + day++);
        var request = ics(planned.id(), "overleg@wiki.example.nl", "marieke@example.nl");
        request.validate();
        assertThat(event(request).getOrganizer().getValue()).isEqualTo("mailto:overleg@wiki.example.nl");
        assertThat(event(request).getProperty("ATTENDEE").getValue()).isEqualTo("mailto:marieke@example.nl");

        meetings.cancel(planned.id(), "Gaat niet door.", chair);
        var cancel = ics(planned.id(), "overleg@wiki.example.nl", "marieke@example.nl");
        cancel.validate();
        assertThat(cancel.getMethod().getValue()).isEqualTo("CANCEL");
    }
}
