package nl.afsprakenwiki.meetings;

import nl.afsprakenwiki.meetings.MeetingRecords.ActionItem;
import nl.afsprakenwiki.meetings.MeetingRecords.Meeting;
import nl.afsprakenwiki.notifications.Letter;
import nl.afsprakenwiki.notifications.NotificationKind;
import nl.afsprakenwiki.notifications.Outbox;
import nl.afsprakenwiki.notifications.Recipients;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.Texts;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.Map;

/**
 * The mails of meetings (issue 15), in the transaction of the change: each invitee gets the
 * invitation, the change or the cancellation with the meeting's .ics attached as it now stands (same
 * UID, the raised SEQUENCE, METHOD:REQUEST or METHOD:CANCEL), so calendars update the event instead
 * of adding it twice; an action item's owner is told it was assigned to them.
 */
final class MeetingMail {

    /** Why the invitees are written to. */
    enum Change { PLANNED, MOVED, CANCELLED }

    private final Outbox outbox;
    private final MeetingStore store;
    private final Clock clock;

    MeetingMail(Outbox outbox, MeetingStore store, Clock clock) {
        this.outbox = outbox;
        this.store = store;
        this.clock = clock;
    }

    /** Tells every invitee of the meeting about {@code change}, with the .ics of the meeting as committed. */
    void invitees(Handle handle, long meetingId, Change change) {
        if (!outbox.enabled()) {
            return;
        }
        Meeting meeting = store.meeting(handle, meetingId).orElseThrow();
        var items = store.items(handle, meetingId);
        String key = switch (change) {
            case PLANNED -> "planned";
            case MOVED -> "moved";
            case CANCELLED -> "cancelled";
        };
        var invitees = Recipients.where(handle, "a.id IN (SELECT account_id FROM meeting_invitee WHERE meeting_id = :meeting)",
                Map.of("meeting", meetingId));
        for (Outbox.Recipient to : invitees) {
            Texts texts = outbox.texts(to.language());
            String ics = MeetingCalendar.ics(meeting, items, outbox.link(""), texts, outbox.sender(), to.address(), clock.instant());
            Letter.Builder letter = Letter.in(texts, "mail.meeting." + key + ".subject", meeting.koppelzone().name(),
                            texts.day(meeting.startsAt()))
                    .paragraph("mail.greeting", to.displayName())
                    .paragraph("mail.meeting." + key + ".body", meeting.koppelzone().name(), texts.day(meeting.startsAt()),
                            texts.time(meeting.startsAt()), texts.time(meeting.endsAt()),
                            meeting.location().isBlank() ? "-" : meeting.location());
            if (change == Change.CANCELLED) {
                letter.paragraph("mail.meeting.cancelled.reason", meeting.cancelReason());
            }
            letter.paragraph("mail.meeting.calendar")
                    .action("mail.meeting.action", outbox.link(Paths.meeting(meetingId)))
                    .footer("mail.footer")
                    .attach(MeetingCalendar.fileName(meetingId), "text/calendar; charset=UTF-8; method="
                            + (meeting.cancelled() ? "CANCEL" : "REQUEST"), ics);
            outbox.enqueue(handle, "meeting:" + meetingId + ":" + key + ":" + meeting.sequence(),
                    NotificationKind.MEETING.code(), to, letter.build());
        }
    }

    /** The accounts invited now: taken before a change, to know who is no longer invited after it. */
    java.util.Set<Long> inviteeIds(Handle handle, long meetingId) {
        return new java.util.HashSet<>(handle.createQuery("SELECT account_id FROM meeting_invitee WHERE meeting_id = :m")
                .bind("m", meetingId).mapTo(Long.class).list());
    }

    /**
     * After a change: the invitees get the change; who was invited before and no longer is gets a
     * cancellation of the same event (METHOD:CANCEL, the new SEQUENCE), so it leaves their calendar.
     */
    void changed(Handle handle, long meetingId, java.util.Set<Long> invitedBefore) {
        invitees(handle, meetingId, Change.MOVED);
        java.util.Set<Long> dropped = new java.util.HashSet<>(invitedBefore);
        dropped.removeAll(inviteeIds(handle, meetingId));
        if (!outbox.enabled() || dropped.isEmpty()) {
            return;
        }
        Meeting now = store.meeting(handle, meetingId).orElseThrow();
        var items = store.items(handle, meetingId);
        for (Outbox.Recipient to : Recipients.where(handle, "a.id IN (<ids>)", Map.of("ids", dropped))) {
            Texts texts = outbox.texts(to.language());
            String reason = texts.get("mail.meeting.uninvited.reason");
            // for this person the event is cancelled: the same UID and SEQUENCE as the others' change
            Meeting cancelled = new Meeting(now.id(), now.koppelzone(), now.startsAt(), now.endsAt(), now.location(), now.closed(),
                    now.createdBy(), now.closedAt(), now.closedBy(), now.sequence(), now.previousStartsAt(), clock.instant(),
                    "", reason);
            String ics = MeetingCalendar.ics(cancelled, items, outbox.link(""), texts, outbox.sender(), to.address(), clock.instant());
            Letter letter = Letter.in(texts, "mail.meeting.uninvited.subject", now.koppelzone().name(), texts.day(now.startsAt()))
                    .paragraph("mail.greeting", to.displayName())
                    .paragraph("mail.meeting.uninvited.body", now.koppelzone().name(), texts.day(now.startsAt()))
                    .paragraph("mail.meeting.calendar")
                    .footer("mail.footer")
                    .attach(MeetingCalendar.fileName(meetingId), "text/calendar; charset=UTF-8; method=CANCEL", ics).build();
            outbox.enqueue(handle, "meeting:" + meetingId + ":uninvited:" + now.sequence(), NotificationKind.MEETING.code(), to,
                    letter);
        }
    }

    /** Tells the owner of a new action item that it was assigned to them. */
    void assigned(Handle handle, Meeting meeting, ActionItem action) {
        if (!outbox.enabled() || action.ownerAccountId() == null) {
            return;
        }
        for (Outbox.Recipient to : Recipients.where(handle, "a.id = :owner", Map.of("owner", action.ownerAccountId()))) {
            Texts texts = outbox.texts(to.language());
            Letter.Builder letter = Letter.in(texts, "mail.actionItem.subject", action.description())
                    .paragraph("mail.greeting", to.displayName())
                    .paragraph("mail.actionItem.body", meeting.koppelzone().name(), texts.day(meeting.startsAt()),
                            action.description());
            if (action.dueDate() != null) {
                letter.paragraph("mail.actionItem.due", texts.date(action.dueDate()));
            }
            letter.action("mail.actionItem.action", outbox.link(Paths.meeting(meeting.id()))).footer("mail.footer");
            outbox.enqueue(handle, "action:" + action.id() + ":assigned", NotificationKind.ACTION_ITEM.code(), to, letter.build());
        }
    }
}
