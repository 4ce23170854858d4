package nl.afsprakenwiki.meetings;

import nl.afsprakenwiki.meetings.MeetingRecords.Item;
import nl.afsprakenwiki.meetings.MeetingRecords.Meeting;

import nl.afsprakenwiki.web.Texts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An iCalendar (RFC 5545) invitation for a meeting: one VEVENT in UTC, text escaped, lines folded
 * at 75 octets and ended with CRLF, as calendar programs expect. Summary and description are in the
 * language of whoever downloads it, with the meeting's title as its page shows it.
 *
 * <p>Calendars recognise a later version of the same event by its UID ({@code overleg-{id}@host},
 * never changed) and its higher SEQUENCE (raised by every move and the cancellation), and update
 * it instead of adding a second one (RFC 5546). A planned or moved meeting is METHOD:REQUEST with
 * STATUS:CONFIRMED, a cancelled one METHOD:CANCEL with STATUS:CANCELLED. ORGANIZER and ATTENDEE
 * are written only when the caller has addresses for them (the wiki's own sender and the
 * recipient of a mail); the wiki invents none and adds no one else's personal data.
 */
final class Calendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private Calendar() {
    }

    /** Who sends and who receives an invitation by mail; either may be null (then it is left out). */
    record Addresses(String organizer, String attendee) {
        static final Addresses NONE = new Addresses(null, null);
    }

    static String invitation(Meeting meeting, List<Item> agenda, String url, String host, Instant now, Texts texts,
                             Addresses addresses) {
        boolean cancelled = meeting.cancelled();
        StringBuilder description = new StringBuilder();
        if (cancelled) {
            description.append(texts.get("meeting.calendarCancelled", meeting.cancelReason())).append("\n\n");
        }
        description.append(texts.get("meeting.calendarAgenda")).append(':');
        for (Item item : agenda) {
            description.append('\n').append(item.position()).append(". ").append(item.title(texts));
        }
        description.append("\n\n").append(url);
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Afsprakenwiki//Overleg//NL");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:" + (cancelled ? "CANCEL" : "REQUEST"));
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:overleg-" + meeting.id() + "@" + host);
        line(ics, "SEQUENCE:" + meeting.sequence());
        line(ics, "DTSTAMP:" + UTC.format(now));
        line(ics, "DTSTART:" + UTC.format(meeting.startsAt()));
        line(ics, "DTEND:" + UTC.format(meeting.endsAt()));
        line(ics, "SUMMARY:" + text(texts.get("meeting.title", meeting.koppelzone().name(), texts.day(meeting.startsAt()))));
        if (!meeting.location().isBlank()) {
            line(ics, "LOCATION:" + text(meeting.location()));
        }
        line(ics, "DESCRIPTION:" + text(description.toString()));
        line(ics, "URL:" + url);
        line(ics, "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
        if (addresses.organizer() != null && !addresses.organizer().isBlank()) {
            line(ics, "ORGANIZER:mailto:" + addresses.organizer().strip());
        }
        if (addresses.attendee() != null && !addresses.attendee().isBlank()) {
            line(ics, "ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:" + addresses.attendee().strip());
        }
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends a content line folded at 75 octets (never inside a UTF-8 sequence), ended with CRLF. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            String ch = new String(Character.toChars(codePoint));
            int size = ch.getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                line.append("\r\n ");
                octets = 1;
            }
            line.append(ch);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append(line).append("\r\n");
    }
}
