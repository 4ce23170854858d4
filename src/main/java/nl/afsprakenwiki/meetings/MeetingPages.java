package nl.afsprakenwiki.meetings;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Viewer;
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
import nl.afsprakenwiki.privacy.PersonalDataFound;
import nl.afsprakenwiki.privacy.Screening.FieldFinding;
import nl.afsprakenwiki.privacy.TextPanel;
import nl.afsprakenwiki.privacy.TextSource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The meeting pages: list, plan, the meeting (run by the chair, read by members), .ics and markdown. */
public final class MeetingPages {

    private static final Set<String> NOTICES = Set.of("gepland", "gesloten", "besluit", "aanwezigheid", "actiepunt",
            "agenda", "notulen", "gewijzigd", "geannuleerd", "persoonsgegevens");

    private final Meetings meetings;
    private final MeetingRecording recording;
    private final KoppelzoneService koppelzones;
    private final AgreementService agreements;
    private final Memberships memberships;
    private final Views views;
    private final PublicAddress address;
    private final Clock clock;
    private final MarkdownRenderer markdown;
    private final MeetingChangePages changes;

    public MeetingPages(Meetings meetings, MeetingRecording recording, KoppelzoneService koppelzones, AgreementService agreements, Memberships memberships,
                        Views views, PublicAddress address, Clock clock, MarkdownRenderer markdown) {
        this.markdown = markdown;
        this.meetings = meetings;
        this.recording = recording;
        this.koppelzones = koppelzones;
        this.agreements = agreements;
        this.memberships = memberships;
        this.views = views;
        this.address = address;
        this.clock = clock;
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
        render(ctx, null, Map.of(), Map.of(), Notice.key(ctx, "meeting.notice.", NOTICES), TextPanel.NONE);
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

    public void addItem(Context ctx) {
        long id = meetingId(ctx);
        attempt(ctx, "agenda", () -> {
            String agreement = ctx.formParam("agreement");
            if (agreement != null && !agreement.isBlank()) {
                recording.addAgreement(id, parse(agreement, "agreement"), Current.viewer(ctx));
            } else {
                recording.addTopic(id, ctx.formParam("topic"), ctx.formParam("detail"), Current.viewer(ctx));
            }
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
        boolean htmx = "true".equals(ctx.header("HX-Request"));
        Accepted accepted = accepted(ctx);
        MeetingRecording.SavedText saved;
        try {
            saved = recording.saveMinutes(meetingId(ctx), itemId(ctx), ctx.formParam("minutes"), accepted,
                    Current.viewer(ctx).author());
        } catch (PersonalDataFound e) {
            refusedMinutes(ctx, e, accepted, htmx);
            return;
        }
        Drafts.acknowledge(ctx);
        if (htmx) {
            String message = views.texts(ctx).get("meeting.minutesSaved", views.texts(ctx).dateTime(saved.at()));
            if (!saved.warnings().isEmpty()) {
                message += " " + views.texts(ctx).get("meeting.minutesWarning", kindNames(ctx, saved.warnings()));
            }
            ctx.html("<span>" + message + "</span>");
        } else {
            ctx.redirect(Paths.meeting(meetingId(ctx)) + (saved.warnings().isEmpty() ? "?melding=notulen"
                    : "?melding=persoonsgegevens&soorten=" + kinds(saved.warnings())) + "#punt-" + itemId(ctx));
        }
    }

    /**
     * Minutes refused for personal data (issue 17). While typing (htmx) nothing is saved and the status
     * line names the kinds, the draft staying in the browser; the save button shows the page with the
     * findings beside the minutes and the text as typed.
     */
    private void refusedMinutes(Context ctx, PersonalDataFound e, Accepted accepted, boolean htmx) {
        ctx.status(422);
        if (htmx) {
            ctx.html("<span>" + views.texts(ctx).get("meeting.minutesRefused", kindNames(ctx, e.findings())) + "</span>");
            return;
        }
        Map<String, String> typed = new HashMap<>();
        typed.put("minutes", ctx.formParam("minutes") == null ? "" : ctx.formParam("minutes"));
        render(ctx, "notulen-" + itemId(ctx), typed, views.texts(ctx).messages(e), null, TextPanel.of(e, accepted));
    }

    /** The findings the chair ticked ({@code acceptedFindings}) and why ({@code acceptanceReason}). */
    private static Accepted accepted(Context ctx) {
        String reason = ctx.formParam("acceptanceReason");
        return new Accepted(new java.util.LinkedHashSet<>(ctx.formParams("acceptedFindings")), reason);
    }

    private static String kinds(List<FieldFinding> findings) {
        return findings.stream().map(found -> found.kind().code()).distinct().collect(java.util.stream.Collectors.joining(","));
    }

    /** The kinds of findings in the visitor's language ("BSN, Naam"), never the text found. */
    private String kindNames(Context ctx, List<FieldFinding> findings) {
        var t = views.texts(ctx);
        return findings.stream().map(found -> t.get("privacy.kind." + found.kind().code())).distinct()
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public void decide(Context ctx) {
        long id = meetingId(ctx);
        String form = "besluit-" + itemId(ctx);
        attempt(ctx, form, () -> {
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
        attempt(ctx, form, () -> {
            nl.afsprakenwiki.leaks.Leak.Status status = nl.afsprakenwiki.leaks.Leak.Status.of(ctx.formParam("status"))
                    .orElseThrow(() -> new InvalidInput("status", "error.leak.statusUnknown"));
            String agreement = ctx.formParam("agreement");
            Long agreementId = agreement != null && agreement.matches("[0-9]{1,12}") ? Long.valueOf(agreement) : null;
            recording.decideLeak(id, itemId(ctx), status, agreementId, ctx.formParam("reason"), accepted(ctx),
                    Current.viewer(ctx));
        }, "besluit");
    }

    private Map<Long, Long> leakItems(MeetingRecords.Record record) {
        Map<Long, Long> items = new HashMap<>();
        record.items().forEach(item -> recording.leakOfItem(item.id()).ifPresent(leak -> items.put(item.id(), leak)));
        return items;
    }

    public void addAction(Context ctx) {
        attempt(ctx, "actiepunt", () -> {
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
        attempt(ctx, "sluiten", () -> {
            if (!"ja".equals(ctx.formParam("bevestig"))) {
                throw new InvalidInput("bevestig", "error.meeting.confirmClose");
            }
            recording.close(meetingId(ctx), Current.viewer(ctx));
        }, "gesloten");
    }

    // --- helpers --------------------------------------------------------------------------------

    private void attempt(Context ctx, String form, Runnable action, String notice) {
        attempt(ctx, form, () -> {
            action.run();
            return List.of();
        }, notice);
    }

    /**
     * As {@link #attempt(Context, String, Runnable, String)} for a save of text: {@code action} answers
     * the possible personal data it saved unconfirmed, which turns the notice into a warning naming them.
     */
    private void attempt(Context ctx, String form, java.util.function.Supplier<List<FieldFinding>> action, String notice) {
        Accepted accepted = accepted(ctx);
        try {
            List<FieldFinding> warnings = action.get();
            ctx.redirect(Paths.meeting(meetingId(ctx)) + "?melding="
                    + (warnings.isEmpty() ? notice : "persoonsgegevens&soorten=" + kinds(warnings)));
        } catch (InvalidInput e) {
            ctx.status(422);
            Map<String, String> typed = new HashMap<>();
            ctx.formParamMap().forEach((key, values) -> typed.put(key, values.isEmpty() ? "" : values.get(0)));
            render(ctx, form, typed, views.texts(ctx).messages(e), null, TextPanel.of(e, accepted));
        }
    }

    private void render(Context ctx, String failedForm, Map<String, String> typed, Map<String, String> errors, String notice,
                        TextPanel privacy) {
        Viewer viewer = Current.viewer(ctx);
        var record = meetings.record(meetingId(ctx));
        Koppelzone koppelzone = record.meeting().koppelzone();
        boolean mayRun = viewer.can(Permission.RUN_MEETINGS, koppelzone.id());
        boolean started = !clock.instant().isBefore(record.meeting().startsAt());
        views.render(ctx, "meetings/meeting.jte", new MeetingViews.MeetingPage(record, mayRun, started,
                koppelzones.details(koppelzone.slug()).orElseThrow().parties(),
                mayRun ? agreements.list(koppelzone.id(), null, viewer) : List.of(),
                mayRun ? members(koppelzone) : List.of(), failedForm, typed, errors, notice,
                record.items().stream().collect(java.util.stream.Collectors.toMap(MeetingRecords.Item::id,
                        item -> markdown.render(item.minutes()))), privacy, noticeKinds(ctx), leakItems(record)));
    }

    /** The kinds named in {@code soorten} after a save with warnings, in the visitor's language. */
    private String noticeKinds(Context ctx) {
        var t = views.texts(ctx);
        return nl.afsprakenwiki.privacy.Kind.listed(ctx.queryParam("soorten")).stream()
                .map(kind -> t.get("privacy.kind." + kind.code())).collect(java.util.stream.Collectors.joining(", "));
    }

    private void renderPlan(Context ctx, Koppelzone koppelzone, Map<String, String> values, List<String> invitees,
                            Map<String, String> errors) {
        views.render(ctx, "meetings/plan.jte", new MeetingViews.PlanForm(koppelzone, members(koppelzone), values, invitees,
                errors));
    }

    private List<MeetingViews.Member> members(Koppelzone koppelzone) {
        return memberships.members(koppelzone.id()).stream()
                .map(member -> new MeetingViews.Member(member.username(), member.displayName())).toList();
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
