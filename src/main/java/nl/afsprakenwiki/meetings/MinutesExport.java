package nl.afsprakenwiki.meetings;

import nl.afsprakenwiki.meetings.MeetingRecords.ActionItem;
import nl.afsprakenwiki.meetings.MeetingRecords.Decision;
import nl.afsprakenwiki.meetings.MeetingRecords.Item;
import nl.afsprakenwiki.meetings.MeetingRecords.Presence;
import nl.afsprakenwiki.meetings.MeetingRecords.Record;

import nl.afsprakenwiki.web.Texts;

/**
 * The meeting record as markdown, for the file of a municipality or provider. It is written in Dutch,
 * with dates as the Dutch pages write them ("1 maart 2027"), by {@code texts}.
 */
final class MinutesExport {

    private MinutesExport() {
    }

    static String markdown(Record record, Texts texts) {
        var meeting = record.meeting();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(texts.get("meeting.title", meeting.koppelzone().name(), texts.day(meeting.startsAt())))
                .append("\n\n");
        md.append("- Tijd: ").append(texts.time(meeting.startsAt())).append("–").append(texts.time(meeting.endsAt())).append('\n');
        if (!meeting.location().isBlank()) {
            md.append("- Plaats: ").append(meeting.location()).append('\n');
        }
        md.append("- Voorzitter: ").append(meeting.createdBy()).append('\n');
        md.append("- Status: ").append(meeting.cancelled() ? "geannuleerd door " + meeting.cancelledBy() + ": "
                + meeting.cancelReason().replace("\n", " ") : meeting.closed() ? "gesloten door " + meeting.closedBy() : "gepland")
                .append("\n\n");
        md.append("## Aanwezig\n\n");
        if (record.presence().isEmpty()) {
            md.append("Niet vastgelegd.\n");
        }
        for (Presence presence : record.presence()) {
            md.append("- ").append(presence.organisation().name()).append(": ")
                    .append(presence.present() ? "aanwezig" : "afwezig")
                    .append(presence.names().isBlank() ? "" : " (" + presence.names() + ")").append('\n');
        }
        md.append("\n## Agenda en verslag\n");
        for (Item item : record.items()) {
            md.append("\n### ").append(item.position()).append(". ").append(item.title(texts)).append("\n\n");
            if (!item.detail().isBlank()) {
                md.append("*").append(item.detail(texts)).append("*\n\n");
            }
            if (item.agreementId() != null) {
                md.append("Afspraak ").append(item.agreementId()).append(item.revision() == null ? "" : ", revisie " + item.revision())
                        .append(".\n\n");
            }
            if (!item.minutes().isBlank()) {
                md.append(item.minutes().strip()).append("\n\n");
            }
            for (Decision decision : record.decisionsFor(item.id())) {
                md.append("**Besluit:** ").append(decision.kind().code()).append(" (revisie ").append(decision.revision())
                        .append(", SHA-256 ").append(decision.sha256(), 0, 12).append(")")
                        .append(decision.reviewDate() == null ? "" : ", nieuwe herzieningsdatum " + texts.date(decision.reviewDate()))
                        .append(decision.note().isBlank() ? "" : ": " + decision.note()).append("\n\n");
            }
        }
        md.append("## Actiepunten\n\n");
        if (record.actions().isEmpty()) {
            md.append("Geen.\n");
        }
        for (ActionItem action : record.actions()) {
            md.append("- [").append(action.done() ? "x" : " ").append("] ").append(action.description()).append(" — ")
                    .append(action.ownerName()).append(action.dueDate() == null ? "" : ", uiterlijk " + texts.date(action.dueDate()))
                    .append('\n');
        }
        return md.toString();
    }
}
