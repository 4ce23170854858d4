package nl.afsprakenwiki.meetings;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.koppelzones.Memberships;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.meetings.MeetingRecords.DecisionKind;
import nl.afsprakenwiki.meetings.MeetingRecords.Meeting;
import nl.afsprakenwiki.web.Drafts;
import nl.afsprakenwiki.web.Notice;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.PublicAddress;
import nl.afsprakenwiki.web.RequestParts;
import nl.afsprakenwiki.web.Views;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.privacy.Screening.FieldFinding;
import nl.afsprakenwiki.privacy.TextPanel;
import nl.afsprakenwiki.privacy.TextSource;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nl.afsprakenwiki.meetings.MeetingFormPages.accepted;

/**
 * The meeting pages: list, plan, the meeting (run by the chair, read by members), .ics and markdown.
 * The meeting page itself and its answers to the chair's forms are {@link MeetingFormPages}.
 */
public final class MeetingPages {

    private static final Set<String> NOTICES = Set.of("gepland", "gesloten", "besluit", "aanwezigheid", "actiepunt",
            "agenda", "notulen", "gewijzigd", "geannuleerd", "persoonsgegevens");

    private final Meetings meetings;
    private final MeetingRecording recording;
    private final Views views;
    private final PublicAddress address;
    private final Clock clock;
    private final MeetingFormPages forms;
    private final MeetingChangePages changes;

    public MeetingPages(Meetings meetings, MeetingRecording recording, KoppelzoneService koppelzones, AgreementService agreements, Memberships memberships,
                        Views views, PublicAddress address, Clock clock, MarkdownRenderer markdown) {
        this.meetings = meetings;
        this.recording = recording;
        this.views = views;
        this.address = address;
        this.clock = clock;
        this.forms = new MeetingFormPages(meetings, recording, koppelzones, agreements, memberships, views, clock, markdown);
        this.changes = new MeetingChangePages(meetings, memberships, views);
    }

    /** Moving and cancelling a planned meeting, the pages of {@link MeetingChangePages}. */
    public MeetingChangePages changes() {
        return changes;
    }

    public void list(Context ctx) {
        Koppelzone koppelzone = koppelzone(ctx);
        var now = clock.instant();
        var all = meetings.meetings(koppelzone.id());
        views.render(ctx, "meetings/list.jte", new MeetingViews.MeetingList(koppelzone,
                all.stream().filter(m -> !m.closed() && !m.endsAt().isBefore(now)).sorted(java.util.Comparator
                        .comparing(Meeting::startsAt)).toList(),
                all.stream().filter(m -> m.closed() || m.endsAt().isBefore(now)).toList(),
                meetings.openActions(koppelzone.id()), Current.viewer(ctx).can(Permission.RUN_MEETINGS, koppelzone.id()), now));
    }

    public void planForm(Context ctx) {
        renderPlan(ctx, koppelzone(ctx), Map.of(), List.of(), Map.of());
    }

    public void plan(Context ctx) {
        Koppelzone koppelzone = koppelzone(ctx);
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("date", "startTime", "endTime", "location")) {
            values.put(field, ctx.formParam(field) == null ? "" : ctx.formParam(field));
        }
        List<String> invitees = ctx.formParams("invitees");
        try {
            Meeting meeting = meetings.plan(koppelzone, new Meetings.Plan(values.get("date"), values.get("startTime"),
                    values.get("endTime"), values.get("location"), invitees), Current.viewer(ctx));
            ctx.redirect(Paths.meeting(meeting.id()) + "?melding=gepland");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderPlan(ctx, koppelzone, values, invitees, views.texts(ctx).messages(e));
        }
    }

    public void show(Context ctx) {
        forms.render(ctx, null, Map.of(), Map.of(), Notice.key(ctx, "meeting.notice.", NOTICES), TextPanel.NONE);
    }

    public void ics(Context ctx) {
        long id = meetingId(ctx);
        ctx.contentType("text/calendar; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + MeetingCalendar.fileName(id) + "\"")
                .result(new MeetingCalendar(meetings, clock).ics(id, address.of(ctx), views.texts(ctx), null, null));
    }

    public void markdown(Context ctx) {
        var record = meetings.record(meetingId(ctx));
        ctx.contentType("text/markdown; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"overleg-" + record.meeting().id() + ".md\"")
                .result(MinutesExport.markdown(record, views.dutch()));
    }

    /** An agreement or a free topic on the agenda; the topic's title and detail pass the privacy guard. */
    public void addItem(Context ctx) {
        long id = meetingId(ctx);
        Map<String, String> screened = new LinkedHashMap<>();
        screened.put("title", "topic");
        screened.put("detail", "detail");
        forms.attempt(ctx, "agenda", screened, () -> {
            String agreement = ctx.formParam("agreement");
            if (agreement != null && !agreement.isBlank()) {
                recording.addAgreement(id, parse(agreement, "agreement"), Current.viewer(ctx));
                return List.<FieldFinding>of();
            }
            return recording.addTopic(id, ctx.formParam("topic"), ctx.formParam("detail"), accepted(ctx),
                    Current.viewer(ctx).author()).warnings();
        }, "agenda");
    }

    public void removeItem(Context ctx) {
        recording.removeItem(meetingId(ctx), itemId(ctx));
        ctx.redirect(Paths.meeting(meetingId(ctx)) + "?melding=agenda#agenda");
    }

    public void moveItem(Context ctx) {
        recording.move(meetingId(ctx), itemId(ctx), "omhoog".equals(ctx.formParam("richting")) ? -1 : 1);
        ctx.redirect(Paths.meeting(meetingId(ctx)) + "?melding=agenda#agenda");
    }

    public void presence(Context ctx) {
        Map<Long, Boolean> present = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        ctx.formParamMap().forEach((key, values) -> {
            if (key.startsWith("aanwezig-") && !values.isEmpty()) {
                present.put(parse(key.substring(9), "presence"), true);
            } else if (key.startsWith("namen-") && !values.isEmpty()) {
                names.put(parse(key.substring(6), "presence"), values.get(0));
            }
        });
        recording.presence(meetingId(ctx), present, names);
        ctx.redirect(Paths.meeting(meetingId(ctx)) + "?melding=aanwezigheid#aanwezigheid");
    }

    /** Saves minutes; htmx calls this while the chair types and gets a short confirmation back. */
    public void minutes(Context ctx) {
        Accepted accepted = accepted(ctx);
        MeetingRecording.SavedText saved;
        try {
            saved = recording.saveMinutes(meetingId(ctx), itemId(ctx), ctx.formParam("minutes"), accepted,
                    Current.viewer(ctx).author());
        } catch (InvalidInput e) {
            forms.minutesRefused(ctx, e, accepted, itemId(ctx));
            return;
        }
        Drafts.acknowledge(ctx);
        forms.minutesSaved(ctx, saved, itemId(ctx));
    }

    public void decide(Context ctx) {
        long id = meetingId(ctx);
        String form = "besluit-" + itemId(ctx);
        forms.attempt(ctx, form, List.of("note"), () -> {
            DecisionKind kind = DecisionKind.parse(ctx.formParam("decision"))
                    .orElseThrow(() -> new InvalidInput("decision", "error.meeting.decision"));
            String review = ctx.formParam("reviewDate");
            LocalDate date = null;
            if (kind == DecisionKind.HERZIENING) {
                try {
                    date = review == null || review.isBlank() ? null : LocalDate.parse(review.strip());
                } catch (java.time.format.DateTimeParseException e) {
                    throw new InvalidInput("reviewDate", "error.reviewDate.invalid");
                }
            }
            var decided = recording.decide(id, itemId(ctx), kind, ctx.formParam("note"), date, accepted(ctx), Current.viewer(ctx));
            return recording.unconfirmed(TextSource.NOTE, decided.id(), "note", decided.note());
        }, "besluit");
    }

    /** The decision on an agenda item about a waardelek (issue 18): moves the leak's status. */
    public void decideLeak(Context ctx) {
        long id = meetingId(ctx);
        String form = "waardelek-" + itemId(ctx);
        forms.attempt(ctx, form, List.of("reason"), () -> {
            nl.afsprakenwiki.leaks.Leak.Status status = nl.afsprakenwiki.leaks.Leak.Status.of(ctx.formParam("status"))
                    .orElseThrow(() -> new InvalidInput("status", "error.leak.statusUnknown"));
            String agreement = ctx.formParam("agreement");
            Long agreementId = agreement != null && agreement.matches("[0-9]{1,12}") ? Long.valueOf(agreement) : null;
            recording.decideLeak(id, itemId(ctx), status, agreementId, ctx.formParam("reason"), accepted(ctx),
                    Current.viewer(ctx));
            return List.<FieldFinding>of();
        }, "besluit");
    }

    public void addAction(Context ctx) {
        forms.attempt(ctx, "actiepunt", List.of("description"), () -> {
            var added = recording.addAction(meetingId(ctx), ctx.formParam("description"), ctx.formParam("owner"),
                    ctx.formParam("due"), accepted(ctx), Current.viewer(ctx).author());
            return recording.unconfirmed(TextSource.ACTION, added.id(), "description", added.description());
        }, "actiepunt");
    }

    public void actionStatus(Context ctx) {
        Meeting meeting = Current.meeting(ctx);
        recording.setActionDone(meeting.koppelzone().id(), RequestParts.id(ctx, "action"), "gereed".equals(ctx.formParam("status")));
        ctx.redirect(Paths.meeting(meeting.id()) + "?melding=actiepunt#actiepunten");
    }

    /** Closes the meeting once the chair has ticked "Ik wil dit overleg sluiten" (the record no longer changes after). */
    public void close(Context ctx) {
        forms.attempt(ctx, "sluiten", () -> {
            if (!"ja".equals(ctx.formParam("bevestig"))) {
                throw new InvalidInput("bevestig", "error.meeting.confirmClose");
            }
            recording.close(meetingId(ctx), Current.viewer(ctx));
        }, "gesloten");
    }

    private void renderPlan(Context ctx, Koppelzone koppelzone, Map<String, String> values, List<String> invitees,
                            Map<String, String> errors) {
        views.render(ctx, "meetings/plan.jte", new MeetingViews.PlanForm(koppelzone, forms.members(koppelzone), values, invitees,
                errors));
    }

    private Koppelzone koppelzone(Context ctx) {
        return Current.koppelzone(ctx);
    }

    static long meetingId(Context ctx) {
        return Current.meeting(ctx).id();
    }

    private static long itemId(Context ctx) {
        return RequestParts.id(ctx, "item");
    }

    /** A number typed or chosen in a form; a value that is not one names nothing that exists. */
    private static long parse(String value, String what) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new NotFound(what);
        }
    }
}
