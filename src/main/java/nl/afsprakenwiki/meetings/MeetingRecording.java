package nl.afsprakenwiki.meetings;

import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.privacy.Screening;
import nl.afsprakenwiki.privacy.Screening.FieldFinding;
import nl.afsprakenwiki.privacy.TextGuard;
import nl.afsprakenwiki.privacy.TextPanel;
import nl.afsprakenwiki.leaks.Leak;
import nl.afsprakenwiki.leaks.Leaks;
import nl.afsprakenwiki.privacy.TextSource;
import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput.FieldError;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Refused;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementStore;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.notifications.Outbox;
import nl.afsprakenwiki.endorsements.Lifecycle;
import nl.afsprakenwiki.koppelzones.KoppelzoneStore;
import nl.afsprakenwiki.meetings.MeetingRecords.ActionItem;
import nl.afsprakenwiki.meetings.MeetingRecords.Decision;
import nl.afsprakenwiki.meetings.MeetingRecords.DecisionKind;
import nl.afsprakenwiki.meetings.MeetingRecords.Item;
import nl.afsprakenwiki.meetings.MeetingRecords.Kind;
import nl.afsprakenwiki.meetings.MeetingRecords.Meeting;
import nl.afsprakenwiki.text.CleanText;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Running a meeting, by its voorzitter: the agenda, presence, minutes, decisions that perform the
 * real lifecycle move and name the meeting as their reason ({@link MeetingDecisions}), action items,
 * closing. Every change reads the facts it depends on (the meeting still open, the item on its agenda:
 * {@link RunningMeeting}; the agreement's current revision) inside the transaction it writes in.
 */
public final class MeetingRecording {

    private final Database db;
    private final MeetingStore store;
    private final RunningMeeting running;
    private final KoppelzoneStore koppelzones;
    private final AgreementStore agreements;
    private final AuditLog audit;
    private final Clock clock;
    private final MeetingMail mail;
    private final TextGuard guard;
    private final MeetingDecisions decisions;
    private final AgendaTopics topics;

    public MeetingRecording(Database db, KoppelzoneStore koppelzones, AgreementStore agreements, Lifecycle lifecycle,
                            AuditLog audit, Clock clock, Outbox outbox, TextGuard guard, Leaks leaks) {
        this.guard = guard;
        this.db = db;
        this.store = new MeetingStore(koppelzones);
        this.running = new RunningMeeting(store);
        this.mail = new MeetingMail(outbox, store, clock);
        this.koppelzones = koppelzones;
        this.agreements = agreements;
        this.audit = audit;
        this.clock = clock;
        this.topics = new AgendaTopics(db, store, running, guard);
        this.decisions = new MeetingDecisions(db, store, running, agreements, lifecycle, audit, clock, guard, leaks);
    }

    public AddedTopic addTopic(long meetingId, String title, String detail, Viewer viewer) {
        return addTopic(meetingId, title, detail, Accepted.NONE, viewer.author());
    }

    /** Adds a free topic (title and detail) to the agenda, with the privacy findings the chair confirms ({@link AgendaTopics}). */
    public AddedTopic addTopic(long meetingId, String title, String detail, Accepted accepted, Author author) {
        return topics.add(meetingId, title, detail, accepted, author);
    }

    /** The agenda item added, and the possible personal data in it nobody confirmed (a warning). */
    public record AddedTopic(long id, List<FieldFinding> warnings) {
    }

    /** Puts an agreement of the koppelzone on the agenda, as of its current revision. */
    public void addAgreement(long meetingId, long agreementId, Viewer viewer) {
        db.write(handle -> {
            Meeting meeting = running.open(handle, meetingId);
            // the chair is a member of the koppelzone: every agreement of it is theirs to put on the agenda
            Agreement agreement = agreements.find(handle, agreementId)
                    .filter(a -> a.koppelzone().id() == meeting.koppelzone().id())
                    .orElseThrow(() -> new InvalidInput("agreement", "error.meeting.agreement"));
            String title = agreements.revision(handle, agreementId, agreement.currentRevision()).orElseThrow().title();
            return store.insertItem(handle, meetingId, Kind.VRIJ, agreementId, agreement.currentRevision(), title, "");
        });
    }

    public void removeItem(long meetingId, long itemId) {
        db.write(handle -> {
            running.open(handle, meetingId);
            running.item(handle, meetingId, itemId);
            if (!store.deleteItem(handle, itemId)) {
                throw Refused.conflict("refused.meetingItemDecided");
            }
            return null;
        });
    }

    /** Moves an item one place up ({@code -1}) or down ({@code +1}) on the agenda. */
    public void move(long meetingId, long itemId, int direction) {
        db.write(handle -> {
            running.open(handle, meetingId);
            List<Item> items = new ArrayList<>(store.items(handle, meetingId));
            int index = -1;
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).id() == itemId) {
                    index = i;
                }
            }
            int target = index + Integer.signum(direction);
            if (index < 0 || target < 0 || target >= items.size()) {
                return null;
            }
            items.add(target, items.remove(index));
            for (int i = 0; i < items.size(); i++) {
                store.setPosition(handle, items.get(i).id(), i + 1);
            }
            return null;
        });
    }

    /** Presence per party organisation: present or not, and who came. */
    public void presence(long meetingId, Map<Long, Boolean> present, Map<Long, String> names) {
        db.write(handle -> {
            Meeting meeting = running.open(handle, meetingId);
            for (var party : koppelzones.parties(handle, meeting.koppelzone().id())) {
                long org = party.organisation().id();
                String who = CleanText.line(names.getOrDefault(org, ""));
                store.setPresence(handle, meetingId, org, present.getOrDefault(org, false), who.length() > 300 ? who.substring(0, 300) : who);
            }
            return null;
        });
    }

    /** Saves the minutes of an item as the chair types them. */
    public Instant saveMinutes(long meetingId, long itemId, String minutes) {
        return saveMinutes(meetingId, itemId, minutes, Accepted.NONE, null).at();
    }

    /** When minutes were saved, and the possible personal data in them nobody confirmed (a warning). */
    public record SavedText(Instant at, List<FieldFinding> warnings) {
    }

    /**
     * Saves the minutes of an item, with the privacy findings the chair ({@code author}) confirms;
     * confirmations made before for the same item's minutes stay valid while they are edited.
     */
    public SavedText saveMinutes(long meetingId, long itemId, String minutes, Accepted accepted, Author author) {
        String text = CleanText.text(minutes);
        if (text.length() > 100_000) {
            throw new InvalidInput("minutes", "error.meeting.minutesTooLong");
        }
        Instant now = clock.instant();
        return db.write(handle -> {
            Meeting meeting = running.open(handle, meetingId);
            running.item(handle, meetingId, itemId);
            // issue 17: minutes never name a child or family, unless the chair confirms it is none
            TextGuard.Subject subject = RunningMeeting.subject(TextSource.MINUTES, itemId, meeting);
            Screening screening = guard.check(handle, subject, Screening.fields("minutes", text), guard.parties(subject), accepted);
            store.saveMinutes(handle, itemId, text, now);
            guard.record(handle, subject, screening, accepted, author);
            return new SavedText(now, screening.warnings());
        });
    }

    /**
     * Records a decision on an agreement item and performs it: vastgesteld proposes the current
     * revision for endorsement, herziening sets a new review date, vervallen retires; each names the
     * meeting as its reason.
     */
    public Decision decide(long meetingId, long itemId, DecisionKind kind, String note, LocalDate reviewDate, Viewer viewer) {
        return decide(meetingId, itemId, kind, note, reviewDate, Accepted.NONE, viewer);
    }

    /** As {@link #decide(long, long, DecisionKind, String, LocalDate, Viewer)}, with the privacy findings confirmed. */
    public Decision decide(long meetingId, long itemId, DecisionKind kind, String note, LocalDate reviewDate,
                           Accepted accepted, Viewer viewer) {
        return decisions.decide(meetingId, itemId, kind, note, reviewDate, accepted, viewer);
    }

    public ActionItem addAction(long meetingId, String description, String ownerUsername, String due) {
        return addAction(meetingId, description, ownerUsername, due, Accepted.NONE, null);
    }

    /** As {@link #addAction(long, String, String, String)}, with the privacy findings the chair ({@code author}) confirms. */
    public ActionItem addAction(long meetingId, String description, String ownerUsername, String due, Accepted accepted,
                                Author author) {
        List<FieldError> errors = new ArrayList<>();
        String text = CleanText.line(description);
        if (text.isEmpty() || text.length() > 500) {
            errors.add(new FieldError("description", "error.action.description"));
        }
        LocalDate dueDate = null;
        if (due != null && !due.isBlank()) {
            try {
                dueDate = LocalDate.parse(due.strip());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("due", "error.reviewDate.invalid"));
            }
        }
        if (ownerUsername == null || ownerUsername.isBlank()) {
            errors.add(new FieldError("owner", "error.action.owner"));
        }
        InvalidInput.throwIfAny(errors);
        LocalDate finalDue = dueDate;
        return db.write(handle -> {
            Meeting meeting = running.open(handle, meetingId);
            Screening screening = guard.check(handle, RunningMeeting.subject(TextSource.ACTION, null, meeting),
                    Screening.fields("description", text), guard.parties(meeting.koppelzone().id()), accepted);
            long owner = store.accountId(handle, ownerUsername.strip())
                    .orElseThrow(() -> new InvalidInput("owner", "error.action.owner"));
            long id = store.insertAction(handle, meeting.koppelzone().id(), meetingId, text, owner,
                    store.displayName(handle, owner).orElseThrow(), finalDue, clock.instant());
            ActionItem action = store.action(handle, id).orElseThrow();
            guard.record(handle, RunningMeeting.subject(TextSource.ACTION, id, meeting), screening, accepted, author);
            mail.assigned(handle, meeting, action);
            return action;
        });
    }

    /** Marks an action item done or open again; allowed for the chair also after the meeting closed. */
    public ActionItem setActionDone(long koppelzoneId, long actionId, boolean done) {
        return db.write(handle -> {
            ActionItem action = store.action(handle, actionId).filter(a -> a.koppelzoneId() == koppelzoneId)
                    .orElseThrow(() -> new NotFound("action item"));
            store.setActionDone(handle, action.id(), done, clock.instant());
            return store.action(handle, actionId).orElseThrow();
        });
    }

    /** Closes the meeting; not before it has started (a record of a meeting that did not take place is no record). */
    public void close(long meetingId, Viewer viewer) {
        db.write(handle -> {
            Meeting meeting = running.open(handle, meetingId);
            if (clock.instant().isBefore(meeting.startsAt())) {
                throw Refused.conflict("refused.meetingNotStarted", Meetings.figures(meeting.startsAt()));
            }
            store.close(handle, meetingId, viewer.displayName(), clock.instant());
            audit.record(handle, viewer.author(), "meeting.close", "meeting:" + meetingId, meeting.koppelzone().id(), Map.of());
            return null;
        });
    }

    /**
     * A decision on an agenda item about a waardelek (issue 18): in behandeling, opgelost door een
     * afspraak (linked here), or niet opgepakt with a reason. The leak's status moves in the same
     * transaction and its history names this meeting.
     */
    public Leak decideLeak(long meetingId, long itemId, Leak.Status status, Long agreementId, String reason,
                           Accepted accepted, Viewer viewer) {
        return decisions.decideLeak(meetingId, itemId, status, agreementId, reason, accepted, viewer);
    }

    /** The waardelek an agenda item is about, if any. */
    public Optional<Long> leakOfItem(long itemId) {
        return decisions.leakOfItem(itemId);
    }

    /**
     * The findings beside a text form of the meeting after {@code refused} ({@code typed}: field name to
     * text as sent): a refusal for personal data shows them, any other keeps those of what was typed with
     * the chair's ticks (issue 17).
     */
    public TextPanel privacyPanel(Meeting meeting, Map<String, String> typed, RuntimeException refused, Accepted accepted) {
        return guard.panel(refused, meeting.koppelzone().id(), typed, accepted);
    }

    /** The possible personal data not confirmed in a text of a meeting (a warning after saving). */
    public List<FieldFinding> unconfirmed(TextSource source, long id, String field, String text) {
        return db.read(handle -> guard.unconfirmed(handle, source, id, Screening.fields(field, text),
                guard.parties(handle, source, id)));
    }
}
