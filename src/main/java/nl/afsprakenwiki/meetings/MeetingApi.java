package nl.afsprakenwiki.meetings;

import io.javalin.http.Context;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.meetings.MeetingRecords.ActionItem;
import nl.afsprakenwiki.meetings.MeetingRecords.Decision;
import nl.afsprakenwiki.meetings.MeetingRecords.DecisionKind;
import nl.afsprakenwiki.meetings.MeetingRecords.Meeting;
import nl.afsprakenwiki.meetings.MeetingRecords.Record;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.privacy.Screening;
import nl.afsprakenwiki.privacy.TextSource;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.ProblemException;
import nl.afsprakenwiki.web.RequestParts;
import nl.afsprakenwiki.web.Texts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static nl.afsprakenwiki.meetings.MeetingPages.meetingId;

/** The JSON API of meetings (docs/API.md, "Meetings"). */
public final class MeetingApi {

    private final Meetings meetings;
    private final MeetingRecording recording;
    private final KoppelzoneService koppelzones;
    private final Texts dutch;
    private final Json json;

    public MeetingApi(Meetings meetings, MeetingRecording recording, KoppelzoneService koppelzones, Json json, Texts dutch) {
        this.dutch = dutch;
        this.meetings = meetings;
        this.recording = recording;
        this.koppelzones = koppelzones;
        this.json = json;
    }

    record PlanRequest(String date, String startTime, String endTime, String location, List<String> invitees) {
    }

    record LeakDecisionRequest(String status, Long agreement, String reason, List<String> acceptedFindings,
                               String acceptanceReason) {
    }

    /**
     * {@code POST /meetings/{meeting}/items/{item}/leak}: the decision on an agenda item about a
     * waardelek; moves the leak's status (its history names the meeting).
     */
    public void decideLeak(Context ctx) {
        LeakDecisionRequest r = json.read(ctx, LeakDecisionRequest.class);
        long item = nl.afsprakenwiki.web.RequestParts.id(ctx, "item");
        nl.afsprakenwiki.leaks.Leak.Status status = nl.afsprakenwiki.leaks.Leak.Status.of(r.status()).orElseThrow(() ->
                Json.unknownValue("status", String.valueOf(r.status()), List.of("in_behandeling", "opgelost", "niet_opgepakt")));
        var leak = recording.decideLeak(meetingId(ctx), item, status, r.agreement(), r.reason(),
                Accepted.of(r.acceptedFindings(), r.acceptanceReason()), Current.viewer(ctx));
        ctx.json(Json.object("leak", leak.id(), "status", leak.status().code(),
                "agreements", leak.agreements().stream().map(a -> a.id()).toList()));
    }

    record DecisionRequest(Long item, String decision, String note, LocalDate reviewDate, List<String> acceptedFindings,
                           String acceptanceReason) {
    }

    record ActionRequest(String description, String owner, String due, List<String> acceptedFindings,
                         String acceptanceReason) {
    }

    record TopicRequest(String title, String detail, List<String> acceptedFindings, String acceptanceReason) {
    }

    record StatusRequest(String status) {
    }

    record ReasonRequest(String reason) {
    }

    public void plan(Context ctx) {
        Koppelzone koppelzone = Current.koppelzone(ctx);
        PlanRequest r = json.read(ctx, PlanRequest.class);
        Meeting meeting = meetings.plan(koppelzone, new Meetings.Plan(r.date(), r.startTime(), r.endTime(), r.location(),
                r.invitees()), Current.viewer(ctx));
        ctx.status(201).header("Location", Paths.apiMeeting(meeting.id())).json(record(meetings.record(meeting.id())));
    }

    public void list(Context ctx) {
        Koppelzone koppelzone = Current.koppelzone(ctx);
        var items = meetings.meetings(koppelzone.id()).stream().map(MeetingApi::meeting).toList();
        ctx.json(Json.object("total", items.size(), "items", items));
    }

    public void show(Context ctx) {
        ctx.json(record(meetings.record(meetingId(ctx))));
    }

    public void decisions(Context ctx) {
        ctx.json(Json.object("items", meetings.record(meetingId(ctx)).decisions().stream().map(MeetingApi::decision).toList()));
    }

    public void decide(Context ctx) {
        DecisionRequest r = json.read(ctx, DecisionRequest.class);
        if (r.item() == null) {
            throw new ProblemException(400, "Agendapunt ontbreekt", "Geef in 'item' het id van het agendapunt over de afspraak.");
        }
        DecisionKind kind = DecisionKind.parse(r.decision()).orElseThrow(() -> new ProblemException(400, "Onbekend besluit",
                "'decision' moet vastgesteld, aangehouden, herziening of vervallen zijn."));
        Decision decided = recording.decide(meetingId(ctx), r.item(), kind, r.note(), r.reviewDate(),
                Accepted.of(r.acceptedFindings(), r.acceptanceReason()), Current.viewer(ctx));
        Map<String, Object> body = new java.util.LinkedHashMap<>(decision(decided));
        body.put("warnings", warnings(recording.unconfirmed(TextSource.NOTE, decided.id(), "note", decided.note())));
        ctx.status(201).json(body);
    }

    public void actions(Context ctx) {
        ctx.json(Json.object("items", meetings.record(meetingId(ctx)).actions().stream().map(MeetingApi::action).toList()));
    }

    public void addAction(Context ctx) {
        ActionRequest r = json.read(ctx, ActionRequest.class);
        ActionItem added = recording.addAction(meetingId(ctx), r.description(), r.owner(), r.due(),
                Accepted.of(r.acceptedFindings(), r.acceptanceReason()), Current.viewer(ctx).author());
        Map<String, Object> body = new java.util.LinkedHashMap<>(action(added));
        body.put("warnings", warnings(recording.unconfirmed(TextSource.ACTION, added.id(), "description", added.description())));
        ctx.status(201).json(body);
    }

    /**
     * {@code POST /meetings/{meeting}/items}: a free topic at the end of the agenda; its title and detail
     * pass the privacy guard (422 with {@code findings}, medium ones as {@code warnings}).
     */
    public void addTopic(Context ctx) {
        TopicRequest r = json.read(ctx, TopicRequest.class);
        MeetingRecording.AddedTopic added = recording.addTopic(meetingId(ctx), r.title(), r.detail(),
                Accepted.of(r.acceptedFindings(), r.acceptanceReason()), Current.viewer(ctx).author());
        Map<String, Object> body = new LinkedHashMap<>(meetings.record(meetingId(ctx)).items().stream()
                .filter(item -> item.id() == added.id()).map(this::item).findFirst().orElseThrow());
        body.put("warnings", warnings(added.warnings()));
        ctx.status(201).json(body);
    }

    public void actionStatus(Context ctx) {
        String status = json.read(ctx, StatusRequest.class).status();
        if (!"open".equals(status) && !"gereed".equals(status)) {
            throw new ProblemException(400, "Onbekende status", "'status' moet open of gereed zijn.");
        }
        Meeting meeting = Current.meeting(ctx);
        ctx.json(action(recording.setActionDone(meeting.koppelzone().id(), RequestParts.id(ctx, "action"),
                "gereed".equals(status))));
    }

    /** Moves the meeting or changes its place or invitees: the plan's fields; {@code invitees} left out keeps them. */
    public void change(Context ctx) {
        PlanRequest r = json.read(ctx, PlanRequest.class);
        meetings.change(meetingId(ctx), new Meetings.Plan(r.date(), r.startTime(), r.endTime(), r.location(), r.invitees()),
                Current.viewer(ctx));
        ctx.json(record(meetings.record(meetingId(ctx))));
    }

    public void cancel(Context ctx) {
        meetings.cancel(meetingId(ctx), json.read(ctx, ReasonRequest.class).reason(), Current.viewer(ctx));
        ctx.json(record(meetings.record(meetingId(ctx))));
    }

    public void close(Context ctx) {
        recording.close(meetingId(ctx), Current.viewer(ctx));
        ctx.json(record(meetings.record(meetingId(ctx))));
    }

    // --- json -----------------------------------------------------------------------------------

    private static Map<String, Object> meeting(Meeting m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", m.id());
        json.put("koppelzone", Json.object("slug", m.koppelzone().slug(), "name", m.koppelzone().name()));
        json.put("startsAt", m.startsAt());
        json.put("endsAt", m.endsAt());
        json.put("location", m.location());
        json.put("status", m.status());
        json.put("sequence", m.sequence());
        json.put("previousStartsAt", m.previousStartsAt());
        json.put("chair", m.createdBy());
        json.put("closedAt", m.closedAt());
        json.put("cancelledAt", m.cancelledAt());
        json.put("cancelReason", m.cancelReason());
        return json;
    }

    /** The agenda's texts in Dutch, the API's language (the wiki's own agenda lines are stored as messages). */
    private Map<String, Object> record(Record record) {
        Map<String, Object> json = meeting(record.meeting());
        json.put("invitees", record.invitees());
        json.put("agenda", record.items().stream().map(this::item).toList());
        json.put("presence", record.presence().stream().map(p -> Json.object("organisation", p.organisation().slug(),
                "present", p.present(), "names", p.names())).toList());
        json.put("decisions", record.decisions().stream().map(MeetingApi::decision).toList());
        json.put("actionItems", record.actions().stream().map(MeetingApi::action).toList());
        return json;
    }

    private Map<String, Object> item(MeetingRecords.Item item) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", item.id());
        entry.put("position", item.position());
        entry.put("kind", item.kind().code());
        entry.put("agreement", item.agreementId());
        entry.put("revision", item.revision());
        entry.put("title", item.title(dutch));
        entry.put("detail", item.detail(dutch));
        entry.put("minutes", item.minutes());
        entry.put("leak", recording.leakOfItem(item.id()).orElse(null));
        return entry;
    }

    /** Possible personal data (medium confidence) in what was saved, not confirmed (issue 17). */
    private List<Map<String, Object>> warnings(List<nl.afsprakenwiki.privacy.Screening.FieldFinding> findings) {
        return Screening.json(findings, key -> dutch.get(key));
    }

    private static Map<String, Object> decision(Decision d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", d.id());
        json.put("item", d.itemId());
        json.put("agreement", d.agreementId());
        json.put("revision", d.revision());
        json.put("sha256", d.sha256());
        json.put("decision", d.kind().code());
        json.put("note", d.note());
        json.put("reviewDate", d.reviewDate());
        json.put("decidedBy", d.decidedBy());
        json.put("decidedAt", d.decidedAt());
        return json;
    }

    private static Map<String, Object> action(ActionItem a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id());
        json.put("meeting", a.meetingId());
        json.put("description", a.description());
        json.put("owner", a.ownerName());
        json.put("due", a.dueDate());
        json.put("status", a.done() ? "gereed" : "open");
        return json;
    }
}
