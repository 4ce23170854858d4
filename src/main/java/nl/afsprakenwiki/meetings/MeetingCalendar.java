package nl.afsprakenwiki.meetings;

import nl.afsprakenwiki.meetings.MeetingRecords.Item;
import nl.afsprakenwiki.meetings.MeetingRecords.Meeting;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.Texts;

import java.time.Clock;

/**
 * The calendar file (.ics) of a meeting as it stands now: the download on the meeting page, and
 * what a mail to an invitee attaches when the meeting is planned, moved or cancelled (see
 * {@link Calendar} for what calendars need to update the event instead of adding it twice).
 */
public final class MeetingCalendar {

    private final Meetings meetings;
    private final Clock clock;

    public MeetingCalendar(Meetings meetings, Clock clock) {
        this.meetings = meetings;
        this.clock = clock;
    }

    /**
     * The invitation in the language of {@code texts}. {@code baseUrl} is the wiki's public address
     * (for the link and the UID's host); {@code organizer} and {@code attendee} are mail addresses
     * or null, written only when given.
     */
    public String ics(long meetingId, String baseUrl, Texts texts, String organizer, String attendee) {
        var record = meetings.record(meetingId);
        return ics(record.meeting(), record.items(), baseUrl, texts, organizer, attendee, clock.instant());
    }

    /** The invitation of {@code meeting} as loaded by the caller, e.g. inside the transaction that changed it. */
    static String ics(Meeting meeting, java.util.List<Item> items, String baseUrl, Texts texts, String organizer,
                      String attendee, java.time.Instant now) {
        String base = baseUrl.replaceAll("/+$", "");
        String host = base.replaceFirst("^https?://", "").replaceAll("[:/].*$", "");
        return Calendar.invitation(meeting, items, base + Paths.meeting(meeting.id()), host, now,
                texts, new Calendar.Addresses(organizer, attendee));
    }

    /** The file name an invitation is offered or attached under. */
    public static String fileName(long meetingId) {
        return "overleg-" + meetingId + ".ics";
    }
}
