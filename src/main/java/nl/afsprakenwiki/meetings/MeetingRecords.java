package nl.afsprakenwiki.meetings;

import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.web.Texts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The records of the meetings feature. */
public final class MeetingRecords {

    private MeetingRecords() {
    }

    /**
     * A meeting. {@code sequence} is its iCalendar SEQUENCE (raised by every move and the
     * cancellation); {@code previousStartsAt} the start it had before it was last moved.
     */
    public record Meeting(long id, Koppelzone koppelzone, Instant startsAt, Instant endsAt, String location,
                          boolean closed, String createdBy, Instant closedAt, String closedBy, int sequence,
                          Instant previousStartsAt, Instant cancelledAt, String cancelledBy, String cancelReason) {

        public boolean cancelled() {
            return cancelledAt != null;
        }

        /** Still ahead of its chair: neither closed nor cancelled. */
        public boolean planned() {
            return !closed && !cancelled();
        }

        public boolean moved() {
            return previousStartsAt != null;
        }

        /** The status code of the API and the pages: gepland, gesloten or geannuleerd. */
        public String status() {
            return cancelled() ? "geannuleerd" : closed ? "gesloten" : "gepland";
        }
    }

    /** Why an item is on the agenda. */
    public enum Kind {
        BEKRACHTIGING, ONDERHOUD, BRONVOORSTEL, TOETREDER, ACTIEPUNT, VRIJ;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    public record Item(long id, long meetingId, int position, Kind kind, Long agreementId, Integer revision, String title,
                       String detail, String minutes, Instant minutesSavedAt) {
        public boolean aboutAgreement() {
            return agreementId != null;
        }

        /** The title in the reader's language (the wiki's own agenda lines are stored as messages). */
        public String title(Texts texts) {
            return AgendaText.render(title, texts);
        }

        public String detail(Texts texts) {
            return AgendaText.render(detail, texts);
        }
    }

    public record Presence(Organisation organisation, boolean present, String names) {
    }

    /** What the meeting decided on an agreement; each performs the real lifecycle move. */
    public enum DecisionKind {
        /** "vastgesteld door praktijkexperts": the revision is proposed for endorsement. */
        VASTGESTELD,
        /** "aangehouden": postponed, nothing moves. */
        AANGEHOUDEN,
        /** "herziening afgesproken": a new review date. */
        HERZIENING,
        /** "vervallen": the agreement is retired. */
        VERVALLEN;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static java.util.Optional<DecisionKind> parse(String value) {
            if (value == null) {
                return java.util.Optional.empty();
            }
            return java.util.Arrays.stream(values()).filter(kind -> kind.code().equals(value.strip().toLowerCase(Locale.ROOT)))
                    .findFirst();
        }
    }

    public record Decision(long id, long meetingId, long itemId, long agreementId, int revision, String sha256,
                           DecisionKind kind, String note, LocalDate reviewDate, String decidedBy, Instant decidedAt,
                           Instant meetingStartsAt) {
    }

    public record ActionItem(long id, long koppelzoneId, long meetingId, String description, Long ownerAccountId,
                             String ownerName, LocalDate dueDate, boolean done, Instant createdAt, Instant doneAt) {
    }

    /** A meeting with everything recorded in it. */
    public record Record(Meeting meeting, List<Item> items, List<Presence> presence, List<Decision> decisions,
                         List<ActionItem> actions, List<String> invitees) {
        public List<Decision> decisionsFor(long itemId) {
            return decisions.stream().filter(decision -> decision.itemId() == itemId).toList();
        }
    }
}
