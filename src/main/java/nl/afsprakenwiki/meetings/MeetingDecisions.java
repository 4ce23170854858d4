package nl.afsprakenwiki.meetings;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementStore;
import nl.afsprakenwiki.agreements.Revision;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.endorsements.Lifecycle;
import nl.afsprakenwiki.leaks.Leak;
import nl.afsprakenwiki.leaks.Leaks;
import nl.afsprakenwiki.meetings.MeetingRecords.Decision;
import nl.afsprakenwiki.meetings.MeetingRecords.DecisionKind;
import nl.afsprakenwiki.meetings.MeetingRecords.Item;
import nl.afsprakenwiki.meetings.MeetingRecords.Meeting;
import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.privacy.Screening;
import nl.afsprakenwiki.privacy.TextGuard;
import nl.afsprakenwiki.privacy.TextSource;
import nl.afsprakenwiki.text.CleanText;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decisions a meeting takes on its agenda items, each performed in the transaction that records it:
 * on an agreement the real lifecycle move, on a waardelek its status; both name the meeting.
 */
final class MeetingDecisions {

    private static final DateTimeFormatter STORED_DAY = DateTimeFormatter.ofPattern("d-M-yyyy");

    private final Database db;
    private final MeetingStore store;
    private final RunningMeeting running;
    private final AgreementStore agreements;
    private final Lifecycle lifecycle;
    private final AuditLog audit;
    private final Clock clock;
    private final TextGuard guard;
    private final Leaks leaks;

    MeetingDecisions(Database db, MeetingStore store, RunningMeeting running, AgreementStore agreements, Lifecycle lifecycle,
                     AuditLog audit, Clock clock, TextGuard guard, Leaks leaks) {
        this.db = db;
        this.store = store;
        this.running = running;
        this.agreements = agreements;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.clock = clock;
        this.guard = guard;
        this.leaks = leaks;
    }

    /** See {@link MeetingRecording#decide(long, long, DecisionKind, String, LocalDate, Accepted, Viewer)}. */
    Decision decide(long meetingId, long itemId, DecisionKind kind, String note, LocalDate reviewDate,
                    Accepted accepted, Viewer viewer) {
        String cleanNote = CleanText.text(note).strip();
        if (cleanNote.length() > 2000) {
            throw new InvalidInput("note", "error.note.tooLong", 2000);
        }
        // the facts, the move and its record in one transaction: no decision without its effect, nor
        // the other way round, and none on a meeting, item or revision that changed meanwhile
        return db.write(handle -> {
            Meeting meeting = running.open(handle, meetingId);
            Screening screening = guard.check(handle, RunningMeeting.subject(TextSource.NOTE, null, meeting),
                    Screening.fields("note", cleanNote), guard.parties(meeting.koppelzone().id()), accepted);
            Item item = running.item(handle, meetingId, itemId);
            if (item.agreementId() == null) {
                throw new InvalidInput("decision", "error.meeting.noAgreement");
            }
            Agreement agreement = agreements.find(handle, item.agreementId()).orElseThrow(() -> new NotFound("agreement"));
            Revision revision = agreements.revision(handle, agreement.id(), agreement.currentRevision()).orElseThrow();
            // stored in the agreement's history, which readers of both languages see: the day in
            // figures, with no month name of one language
            String day = STORED_DAY.format(meeting.startsAt().atZone(Meetings.DUTCH_TIME));
            Author author = new Author(viewer.accountId(), cut(viewer.displayName() + " (overleg " + day + ")", 100));
            switch (kind) {
                case VASTGESTELD -> lifecycle.propose(handle, agreement.id(), revision.number(), author);
                case HERZIENING -> lifecycle.scheduleReview(handle, agreement.id(), reviewDate, author);
                case VERVALLEN -> lifecycle.retire(handle, agreement.id(), cut("Besloten in het overleg van " + day
                        + (cleanNote.isEmpty() ? "" : ": " + cleanNote), 2000), author);
                case AANGEHOUDEN -> { }
                default -> throw new IllegalArgumentException(kind.name());
            }
            long decision = store.insertDecision(handle, meetingId, itemId, agreement.id(), revision.number(), revision.sha256(),
                    kind, cleanNote, kind == DecisionKind.HERZIENING ? reviewDate : null, viewer.displayName(), clock.instant());
            audit.record(handle, author, "meeting.decision", "agreement:" + agreement.id(), meeting.koppelzone().id(),
                    Map.of("meeting", meetingId, "decision", kind.code(), "revision", revision.number()));
            guard.record(handle, RunningMeeting.subject(TextSource.NOTE, decision, meeting), screening, accepted,
                    viewer.author());
            return store.decision(handle, decision).orElseThrow();
        });
    }

    /** See {@link MeetingRecording#decideLeak(long, long, Leak.Status, Long, String, Accepted, Viewer)}. */
    Leak decideLeak(long meetingId, long itemId, Leak.Status status, Long agreementId, String reason,
                    Accepted accepted, Viewer viewer) {
        return db.write(handle -> {
            Meeting meeting = running.open(handle, meetingId);
            running.item(handle, meetingId, itemId);
            long leakId = leaks.leakOfItem(handle, itemId)
                    .orElseThrow(() -> new InvalidInput("item", "error.leak.notLeakItem"));
            String day = STORED_DAY.format(meeting.startsAt().atZone(Meetings.DUTCH_TIME));
            return leaks.changeStatus(handle, leakId, status, reason, agreementId == null ? List.of() : List.of(agreementId),
                    accepted, viewer.author(), "overleg van " + day);
        });
    }

    /** The waardelek an agenda item is about, if any. */
    Optional<Long> leakOfItem(long itemId) {
        return db.read(handle -> leaks.leakOfItem(handle, itemId));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
