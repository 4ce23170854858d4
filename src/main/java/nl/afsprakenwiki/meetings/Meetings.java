package nl.afsprakenwiki.meetings;

import nl.afsprakenwiki.access.InvalidInput.FieldError;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Refused;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.ReadCache;
import nl.afsprakenwiki.notifications.Outbox;
import nl.afsprakenwiki.endorsements.Overviews;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneStore;
import nl.afsprakenwiki.meetings.MeetingRecords.ActionItem;
import nl.afsprakenwiki.meetings.MeetingRecords.Decision;
import nl.afsprakenwiki.meetings.MeetingRecords.Meeting;
import nl.afsprakenwiki.meetings.MeetingRecords.Record;
import nl.afsprakenwiki.text.CleanText;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import nl.afsprakenwiki.leaks.Leaks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Koppelzone meetings: the voorzitter plans them (with an agenda proposed from the koppelzone's
 * state, {@link AgendaProposal}) and members read the record. Running a meeting is {@link MeetingRecording}.
 */
public final class Meetings {

    public static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");
    private static final java.time.format.DateTimeFormatter FIGURES = java.time.format.DateTimeFormatter.ofPattern("d-M-yyyy HH:mm");

    private final Database db;
    private final MeetingStore store;
    private final MeetingChangeStore changes = new MeetingChangeStore();
    private final AgreementService agreements;
    private final Overviews overviews;
    private final AuditLog audit;
    private final Clock clock;
    private final MeetingMail mail;
    private final AgendaProposal agenda;
    /** The meeting decisions about an agreement: a member's agreement page shows them on every view. */
    private final ReadCache<Long, List<Decision>> decisions;

    public Meetings(Database db, KoppelzoneStore koppelzones, AgreementService agreements,
                    Overviews overviews, AuditLog audit, Clock clock, Outbox outbox, Leaks leaks) {
        this.db = db;
        this.decisions = new ReadCache<>(db, 5_000);
        this.store = new MeetingStore(koppelzones);
        this.agenda = new AgendaProposal(store, agreements, leaks);
        this.mail = new MeetingMail(outbox, store, clock);
        this.agreements = agreements;
        this.overviews = overviews;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the chair fills in to plan a meeting; {@code invitees} empty means every member. */
    public record Plan(String date, String startTime, String endTime, String location, List<String> invitees) {
    }

    /** A plan's times and place, checked: the same rules for planning and for moving. */
    record When(Instant starts, Instant ends, String location) {
        static When of(Plan plan) {
            List<FieldError> errors = new ArrayList<>();
            Instant starts = time(plan.date(), plan.startTime(), "startTime", errors);
            Instant ends = time(plan.date(), plan.endTime(), "endTime", errors);
            String location = CleanText.line(plan.location());
            if (location.length() > 300) {
                errors.add(new FieldError("location", "error.meeting.location"));
            }
            if (starts != null && ends != null && !ends.isAfter(starts)) {
                errors.add(new FieldError("endTime", "error.meeting.endBeforeStart"));
            }
            InvalidInput.throwIfAny(errors);
            return new When(starts, ends, location);
        }
    }

    /** Plans a meeting and proposes its agenda from the koppelzone's state. */
    public Meeting plan(Koppelzone koppelzone, Plan plan, Viewer viewer) {
        When when = When.of(plan);
        Instant starts = when.starts();
        Instant ends = when.ends();
        String location = when.location();
        var overview = overviews.koppelzone(koppelzone, viewer);
        Map<Long, String> titles = agreements.list(koppelzone.id(), null, viewer).stream()
                .collect(java.util.stream.Collectors.toMap(nl.afsprakenwiki.agreements.AgreementListItem::id,
                        nl.afsprakenwiki.agreements.AgreementListItem::title));
        long id = db.write(handle -> {
            long meeting = store.insertMeeting(handle, koppelzone.id(), starts, ends, location, viewer.displayName(), clock.instant());
            invite(handle, store, meeting, koppelzone.id(), plan.invitees());
            agenda.propose(handle, meeting, overview, titles);
            agenda.proposeLeaks(handle, meeting, koppelzone.id(), starts, viewer);
            audit.record(handle, viewer.author(), "meeting.plan", "meeting:" + meeting, koppelzone.id(),
                    Map.of("startsAt", starts.toString()));
            mail.invitees(handle, meeting, MeetingMail.Change.PLANNED);
            return meeting;
        });
        return meeting(id);
    }

    /**
     * Moves a planned meeting, changes its place or its invitees ({@code invitees} null keeps them,
     * empty invites every member). Only before it starts; a change raises its calendar sequence.
     * Nothing changed, nothing written.
     */
    public Meeting change(long meetingId, Plan plan, Viewer viewer) {
        When when = When.of(plan);
        db.write(handle -> {
            Meeting meeting = changeable(handle, meetingId);
            List<String> before = changes.inviteeUsernames(handle, meetingId);
            var invitedBefore = mail.inviteeIds(handle, meetingId);
            boolean moved = !when.starts().equals(meeting.startsAt());
            if (!moved && when.ends().equals(meeting.endsAt()) && when.location().equals(meeting.location())
                    && (plan.invitees() == null || sameNames(plan.invitees(), before))) {
                return null;
            }
            changes.change(handle, meetingId, when.starts(), when.ends(), when.location(), moved ? meeting.startsAt() : null);
            if (plan.invitees() != null) {
                changes.uninviteAll(handle, meetingId);
                invite(handle, store, meetingId, meeting.koppelzone().id(), plan.invitees());
            }
            audit.record(handle, viewer.author(), "meeting.move", "meeting:" + meetingId, meeting.koppelzone().id(),
                    Map.of("from", meeting.startsAt().toString(), "startsAt", when.starts().toString(),
                            "sequence", meeting.sequence() + 1));
            mail.changed(handle, meetingId, invitedBefore);
            return null;
        });
        return meeting(meetingId);
    }

    /** Cancels a planned meeting that has not started, with the reason its invitees read. */
    public Meeting cancel(long meetingId, String reason, Viewer viewer) {
        String clean = CleanText.text(reason == null ? "" : reason).strip();
        if (clean.isEmpty() || clean.length() > 1000) {
            throw new InvalidInput("reason", "error.meeting.cancelReason");
        }
        db.write(handle -> {
            Meeting meeting = changeable(handle, meetingId);
            changes.cancel(handle, meetingId, clean, viewer.displayName(), clock.instant());
            audit.record(handle, viewer.author(), "meeting.cancel", "meeting:" + meetingId, meeting.koppelzone().id(),
                    Map.of("reason", clean, "startsAt", meeting.startsAt().toString(), "sequence", meeting.sequence() + 1));
            mail.invitees(handle, meetingId, MeetingMail.Change.CANCELLED);
            return null;
        });
        return meeting(meetingId);
    }

    /** The usernames invited to the meeting, for the change form. */
    public List<String> inviteeUsernames(long meetingId) {
        return db.read(handle -> changes.inviteeUsernames(handle, meetingId));
    }

    /** The meeting, if it may still be moved or cancelled: planned, not cancelled, not started. */
    private Meeting changeable(org.jdbi.v3.core.Handle handle, long meetingId) {
        Meeting meeting = store.meeting(handle, meetingId).orElseThrow(() -> new NotFound("meeting"));
        requireChangeable(meeting);
        return meeting;
    }

    /** Refuses (409, with the reason) unless the meeting may still be moved or cancelled. */
    public void requireChangeable(Meeting meeting) {
        if (meeting.cancelled()) {
            throw Refused.conflict("refused.meetingCancelled");
        }
        if (meeting.closed()) {
            throw Refused.conflict("refused.meetingClosed");
        }
        if (!clock.instant().isBefore(meeting.startsAt())) {
            throw Refused.conflict("refused.meetingStarted", figures(meeting.startsAt()));
        }
    }

    /** A moment in figures (14-3-2030 10:00), the same in both languages, for messages and the API. */
    static String figures(Instant instant) {
        return FIGURES.format(instant.atZone(DUTCH_TIME));
    }

    private static boolean sameNames(List<String> names, List<String> sorted) {
        return names.stream().map(String::strip).sorted().distinct().toList().equals(sorted);
    }

    // --- reading --------------------------------------------------------------------------------

    public Meeting meeting(long id) {
        return db.read(handle -> store.meeting(handle, id)).orElseThrow(() -> new NotFound("meeting"));
    }

    public Optional<Meeting> find(long id) {
        return db.read(handle -> store.meeting(handle, id));
    }

    public Record record(long id) {
        return db.read(handle -> {
            Meeting meeting = store.meeting(handle, id).orElseThrow(() -> new NotFound("meeting"));
            return new Record(meeting, store.items(handle, id), store.presence(handle, id), store.decisionsOfMeeting(handle, id),
                    store.actionsOfMeeting(handle, id), store.invitees(handle, id));
        });
    }

    public List<Meeting> meetings(long koppelzoneId) {
        return db.read(handle -> store.meetingIds(handle, koppelzoneId).stream().map(id -> store.meeting(handle, id).orElseThrow()).toList());
    }

    public List<Meeting> upcomingFor(Viewer viewer) {
        if (!viewer.authenticated()) {
            return List.of();
        }
        return db.read(handle -> store.upcomingFor(handle, viewer.accountId(), clock.instant()).stream()
                .map(id -> store.meeting(handle, id).orElseThrow()).toList());
    }

    public List<ActionItem> openActions(long koppelzoneId) {
        return db.read(handle -> store.openActions(handle, koppelzoneId));
    }

    public List<ActionItem> openActionsOf(Viewer viewer) {
        return viewer.authenticated() ? db.read(handle -> store.openActionsOf(handle, viewer.accountId())) : List.of();
    }

    /** The decisions about an agreement as its history shows them. */
    public List<nl.afsprakenwiki.agreements.Discussions.Discussion> discussions(long agreementId) {
        return decisionsOf(agreementId).stream().map(d -> new nl.afsprakenwiki.agreements.Discussions.Discussion(d.meetingId(),
                d.meetingStartsAt().atZone(DUTCH_TIME).toLocalDate(), d.kind().code(), d.revision(), d.note())).toList();
    }

    /** Every meeting decision about an agreement, newest meeting first ("besproken in het overleg van …"). */
    public List<Decision> decisionsOf(long agreementId) {
        return decisions.get(agreementId, () -> List.copyOf(db.read(handle -> store.decisionsOfAgreement(handle, agreementId))));
    }

    // --- helpers --------------------------------------------------------------------------------

    /** Invites the named members of the koppelzone; no names means every member. */
    static void invite(org.jdbi.v3.core.Handle handle, MeetingStore store, long meeting, long koppelzoneId, List<String> invitees) {
        List<Long> members = store.memberIds(handle, koppelzoneId);
        for (String username : invitees == null ? List.<String>of() : invitees) {
            store.accountId(handle, username.strip()).filter(members::contains).ifPresent(a -> store.invite(handle, meeting, a));
        }
        if (invitees == null || invitees.isEmpty()) {
            members.forEach(member -> store.invite(handle, meeting, member));
        }
    }

    private static Instant time(String date, String time, String field, List<FieldError> errors) {
        try {
            return LocalDate.parse(date == null ? "" : date.strip())
                    .atTime(java.time.LocalTime.parse(time == null ? "" : time.strip())).atZone(DUTCH_TIME).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new FieldError(date == null || date.isBlank() ? "date" : field, "error.meeting.time"));
            return null;
        }
    }

}
