package nl.afsprakenwiki.meetings;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput.FieldError;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Refused;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.Revision;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.endorsements.Lifecycle;
import nl.afsprakenwiki.endorsements.Overviews;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneStore;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.meetings.MeetingRecords.ActionItem;
import nl.afsprakenwiki.meetings.MeetingRecords.Decision;
import nl.afsprakenwiki.meetings.MeetingRecords.DecisionKind;
import nl.afsprakenwiki.meetings.MeetingRecords.Item;
import nl.afsprakenwiki.meetings.MeetingRecords.Kind;
import nl.afsprakenwiki.meetings.MeetingRecords.Meeting;
import nl.afsprakenwiki.meetings.MeetingRecords.Record;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Koppelzone meetings: the voorzitter plans them (with an agenda proposed from the koppelzone's
 * state), runs them (presence, minutes, decisions that perform the real lifecycle move and name the
 * meeting as their reason, action items) and closes them; members read the record.
 */
public final class Meetings {

    public static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));

    private final Database db;
    private final MeetingStore store;
    private final KoppelzoneStore koppelzones;
    private final AgreementService agreements;
    private final Lifecycle lifecycle;
    private final Overviews overviews;
    private final AuditLog audit;
    private final Clock clock;

    public Meetings(Database db, KoppelzoneStore koppelzones, AgreementService agreements, Lifecycle lifecycle,
                    Overviews overviews, AuditLog audit, Clock clock) {
        this.db = db;
        this.store = new MeetingStore(koppelzones);
        this.koppelzones = koppelzones;
        this.agreements = agreements;
        this.lifecycle = lifecycle;
        this.overviews = overviews;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the chair fills in to plan a meeting; {@code invitees} empty means every member. */
    public record Plan(String date, String startTime, String endTime, String location, List<String> invitees) {
    }

    /** Plans a meeting and proposes its agenda from the koppelzone's state. */
    public Meeting plan(Koppelzone koppelzone, Plan plan, Viewer viewer) {
        List<FieldError> errors = new ArrayList<>();
        Instant starts = time(plan.date(), plan.startTime(), "startTime", errors);
        Instant ends = time(plan.date(), plan.endTime(), "endTime", errors);
        String location = plan.location() == null ? "" : plan.location().strip();
        if (location.length() > 300) {
            errors.add(new FieldError("location", "error.meeting.location"));
        }
        if (starts != null && ends != null && !ends.isAfter(starts)) {
            errors.add(new FieldError("endTime", "error.meeting.endBeforeStart"));
        }
        InvalidInput.throwIfAny(errors);
        var overview = overviews.koppelzone(koppelzone, viewer);
        Map<Long, String> titles = agreements.list(koppelzone.id(), null, viewer).stream()
                .collect(java.util.stream.Collectors.toMap(nl.afsprakenwiki.agreements.AgreementListItem::id,
                        nl.afsprakenwiki.agreements.AgreementListItem::title));
        long id = db.write(handle -> {
            long meeting = store.insertMeeting(handle, koppelzone.id(), starts, ends, location, viewer.displayName(), clock.instant());
            List<Long> members = store.memberIds(handle, koppelzone.id());
            for (String username : plan.invitees() == null ? List.<String>of() : plan.invitees()) {
                store.accountId(handle, username.strip()).filter(members::contains).ifPresent(a -> store.invite(handle, meeting, a));
            }
            if (plan.invitees() == null || plan.invitees().isEmpty()) {
                members.forEach(member -> store.invite(handle, meeting, member));
            }
            proposeAgenda(handle, meeting, overview, titles);
            audit.record(handle, viewer.author(), "meeting.plan", "meeting:" + meeting, koppelzone.id(),
                    Map.of("startsAt", starts.toString()));
            return meeting;
        });
        return meeting(id);
    }

    /**
     * The proposed agenda: revisions awaiting endorsement (and who is missing), agreements past their
     * review date, proposals from adopters, new parties that have not taken note, open action items.
     */
    private void proposeAgenda(org.jdbi.v3.core.Handle handle, long meeting, Overviews.KoppelzoneOverview overview,
                               Map<Long, String> titles) {
        for (var waiting : overview.waiting()) {
            String missing = String.join(", ", waiting.round().waitingFor().stream().map(Organisation::name).toList());
            store.insertItem(handle, meeting, Kind.BEKRACHTIGING, waiting.agreement().id(), waiting.round().round().revision(),
                    waiting.agreement().title(), missing.isEmpty() ? "" : "Wacht op: " + missing);
        }
        for (var item : overview.overdue()) {
            store.insertItem(handle, meeting, Kind.ONDERHOUD, item.id(), item.currentRevision(), item.title(),
                    "Herzieningsdatum " + DAY.format(item.reviewDate()) + " is verstreken");
        }
        for (long[] proposals : store.openSourceProposals(handle, overview.koppelzone().id())) {
            agreements.findForAccessCheck(proposals[0]).ifPresent(agreement -> store.insertItem(handle, meeting, Kind.BRONVOORSTEL,
                    agreement.id(), agreement.currentRevision(), titles.get(agreement.id()),
                    proposals[1] + " open voorstel(len) van overnemers"));
        }
        for (var party : overview.newParties()) {
            if (party.pending() > 0) {
                store.insertItem(handle, meeting, Kind.TOETREDER, null, null, "Kennisname door " + party.organisation().name(),
                        party.pending() + " afspraak/afspraken nog niet bevestigd");
            }
        }
        for (ActionItem action : store.openActions(handle, overview.koppelzone().id())) {
            store.insertItem(handle, meeting, Kind.ACTIEPUNT, null, null, action.description(),
                    "Actiepunt van " + action.ownerName() + (action.dueDate() == null ? "" : ", uiterlijk " + DAY.format(action.dueDate())));
        }
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
                d.meetingStartsAt(), d.kind().code(), d.revision(), d.note())).toList();
    }

    /** Every meeting decision about an agreement, newest meeting first ("besproken in het overleg van …"). */
    public List<Decision> decisionsOf(long agreementId) {
        return db.read(handle -> store.decisionsOfAgreement(handle, agreementId));
    }

    // --- running --------------------------------------------------------------------------------

    public void addTopic(long meetingId, String title, String detail, Viewer viewer) {
        String clean = title == null ? "" : title.strip();
        if (clean.isEmpty() || clean.length() > 300) {
            throw new InvalidInput("topic", "error.meeting.topic");
        }
        open(meetingId);
        db.write(handle -> store.insertItem(handle, meetingId, Kind.VRIJ, null, null, clean, detail == null ? "" : detail.strip()));
    }

    /** Puts an agreement of the koppelzone on the agenda, as of its current revision. */
    public void addAgreement(long meetingId, long agreementId, Viewer viewer) {
        Meeting meeting = open(meetingId);
        Agreement agreement = agreements.find(agreementId, viewer).filter(a -> a.koppelzone().id() == meeting.koppelzone().id())
                .orElseThrow(() -> new InvalidInput("agreement", "error.meeting.agreement"));
        String title = agreements.version(agreementId, null, viewer).orElseThrow().revision().title();
        db.write(handle -> store.insertItem(handle, meetingId, Kind.VRIJ, agreementId, agreement.currentRevision(), title, ""));
    }

    public void removeItem(long meetingId, long itemId) {
        open(meetingId);
        item(meetingId, itemId);
        if (!db.write(handle -> store.deleteItem(handle, itemId))) {
            throw Refused.conflict("refused.meetingItemDecided");
        }
    }

    /** Moves an item one place up ({@code -1}) or down ({@code +1}) on the agenda. */
    public void move(long meetingId, long itemId, int direction) {
        open(meetingId);
        db.write(handle -> {
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
        Meeting meeting = open(meetingId);
        db.write(handle -> {
            for (var party : koppelzones.parties(handle, meeting.koppelzone().id())) {
                long org = party.organisation().id();
                String who = names.getOrDefault(org, "").strip();
                store.setPresence(handle, meetingId, org, present.getOrDefault(org, false), who.length() > 300 ? who.substring(0, 300) : who);
            }
            return null;
        });
    }

    /** Saves the minutes of an item as the chair types them. */
    public Instant saveMinutes(long meetingId, long itemId, String minutes) {
        open(meetingId);
        item(meetingId, itemId);
        String text = minutes == null ? "" : minutes;
        if (text.length() > 100_000) {
            throw new InvalidInput("minutes", "error.meeting.minutesTooLong");
        }
        Instant now = clock.instant();
        db.write(handle -> {
            store.saveMinutes(handle, itemId, text, now);
            return null;
        });
        return now;
    }

    /**
     * Records a decision on an agreement item and performs it: vastgesteld proposes the current
     * revision for endorsement, herziening sets a new review date, vervallen retires; each names the
     * meeting as its reason.
     */
    public Decision decide(long meetingId, long itemId, DecisionKind kind, String note, LocalDate reviewDate, Viewer viewer) {
        Meeting meeting = open(meetingId);
        Item item = item(meetingId, itemId);
        if (item.agreementId() == null) {
            throw new InvalidInput("decision", "error.meeting.noAgreement");
        }
        String cleanNote = note == null ? "" : note.strip();
        if (cleanNote.length() > 2000) {
            throw new InvalidInput("note", "error.note.tooLong", 2000);
        }
        Agreement agreement = agreements.find(item.agreementId(), viewer).orElseThrow(() -> new NotFound("agreement"));
        Revision revision = agreements.version(agreement.id(), null, viewer).orElseThrow().revision();
        String day = DAY.format(meeting.startsAt().atZone(DUTCH_TIME));
        Author author = new Author(viewer.accountId(), cut(viewer.displayName() + " (overleg " + day + ")", 100));
        // the move and its record in one transaction: no decision without its effect, nor the other way round
        return db.write(handle -> {
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
            return store.decision(handle, decision).orElseThrow();
        });
    }

    public ActionItem addAction(long meetingId, String description, String ownerUsername, String due) {
        Meeting meeting = open(meetingId);
        List<FieldError> errors = new ArrayList<>();
        String text = description == null ? "" : description.strip();
        if (text.isEmpty() || text.length() > 500) {
            errors.add(new FieldError("description", "error.action.description"));
        }
        LocalDate dueDate = null;
        if (due != null && !due.isBlank()) {
            try {
                dueDate = LocalDate.parse(due.strip());
            } catch (java.time.format.DateTimeParseException e) {
                errors.add(new FieldError("due", "error.reviewDate.invalid"));
            }
        }
        Long owner = ownerUsername == null || ownerUsername.isBlank() ? null
                : db.read(handle -> store.accountId(handle, ownerUsername.strip())).orElse(null);
        if (owner == null) {
            errors.add(new FieldError("owner", "error.action.owner"));
        }
        InvalidInput.throwIfAny(errors);
        LocalDate finalDue = dueDate;
        long id = db.write(handle -> store.insertAction(handle, meeting.koppelzone().id(), meetingId, text, owner,
                store.displayName(handle, owner).orElseThrow(), finalDue, clock.instant()));
        return db.read(handle -> store.action(handle, id)).orElseThrow();
    }

    /** Marks an action item done or open again; allowed for the chair also after the meeting closed. */
    public ActionItem setActionDone(long koppelzoneId, long actionId, boolean done) {
        ActionItem action = db.read(handle -> store.action(handle, actionId)).filter(a -> a.koppelzoneId() == koppelzoneId)
                .orElseThrow(() -> new NotFound("action item"));
        db.write(handle -> {
            store.setActionDone(handle, action.id(), done, clock.instant());
            return null;
        });
        return db.read(handle -> store.action(handle, actionId)).orElseThrow();
    }

    public void close(long meetingId, Viewer viewer) {
        Meeting meeting = open(meetingId);
        db.write(handle -> {
            store.close(handle, meetingId, viewer.displayName(), clock.instant());
            audit.record(handle, viewer.author(), "meeting.close", "meeting:" + meetingId, meeting.koppelzone().id(), Map.of());
            return null;
        });
    }

    // --- helpers --------------------------------------------------------------------------------

    /** The meeting, still open for recording. */
    private Meeting open(long meetingId) {
        Meeting meeting = meeting(meetingId);
        if (meeting.closed()) {
            throw Refused.conflict("refused.meetingClosed");
        }
        return meeting;
    }

    private Item item(long meetingId, long itemId) {
        return db.read(handle -> store.item(handle, itemId)).filter(item -> item.meetingId() == meetingId)
                .orElseThrow(() -> new NotFound("agenda item"));
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

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public static String day(Instant instant) {
        return DAY.format(instant.atZone(DUTCH_TIME));
    }
}
