package nl.afsprakenwiki.meetings;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.koppelzones.Memberships;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.privacy.PersonalDataFound;
import nl.afsprakenwiki.privacy.Screening.FieldFinding;
import nl.afsprakenwiki.privacy.TextPanel;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.Views;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The meeting page and how it answers the chair's forms: after a save a redirect with a notice (a
 * warning naming the kinds of possible personal data saved unconfirmed), after a refusal the page
 * again with the errors, the text as typed and the privacy findings.
 */
final class MeetingFormPages {

    private final Meetings meetings;
    private final MeetingRecording recording;
    private final KoppelzoneService koppelzones;
    private final AgreementService agreements;
    private final Memberships memberships;
    private final Views views;
    private final Clock clock;
    private final MarkdownRenderer markdown;

    MeetingFormPages(Meetings meetings, MeetingRecording recording, KoppelzoneService koppelzones, AgreementService agreements,
                     Memberships memberships, Views views, Clock clock, MarkdownRenderer markdown) {
        this.meetings = meetings;
        this.recording = recording;
        this.koppelzones = koppelzones;
        this.agreements = agreements;
        this.memberships = memberships;
        this.views = views;
        this.clock = clock;
        this.markdown = markdown;
    }

    /**
     * Runs {@code action} for the form {@code form}: then back to the meeting with {@code notice}, or,
     * refused, the page again with the errors beside that form.
     */
    void attempt(Context ctx, String form, Runnable action, String notice) {
        attempt(ctx, form, List.of(), () -> {
            action.run();
            return List.of();
        }, notice);
    }

    /**
     * As {@link #attempt(Context, String, Runnable, String)} for a save of text: {@code action} answers
     * the possible personal data it saved unconfirmed, which turns the notice into a warning naming them.
     * {@code texts} names the form's fields the privacy guard screens: refused for any reason, their
     * findings stay beside the form with the chair's ticks.
     */
    void attempt(Context ctx, String form, List<String> texts, Supplier<List<FieldFinding>> action, String notice) {
        Map<String, String> fields = new LinkedHashMap<>();
        texts.forEach(field -> fields.put(field, field));
        attempt(ctx, form, fields, action, notice);
    }

    /**
     * As {@link #attempt(Context, String, List, Supplier, String)} where a screened field is sent under
     * another name: {@code texts} maps the field the privacy guard names to the form's parameter.
     */
    void attempt(Context ctx, String form, Map<String, String> texts, Supplier<List<FieldFinding>> action, String notice) {
        Accepted accepted = accepted(ctx);
        try {
            List<FieldFinding> warnings = action.get();
            ctx.redirect(Paths.meeting(MeetingPages.meetingId(ctx)) + "?melding="
                    + (warnings.isEmpty() ? notice : "persoonsgegevens&soorten=" + kinds(warnings)));
        } catch (InvalidInput e) {
            ctx.status(422);
            Map<String, String> typed = new HashMap<>();
            ctx.formParamMap().forEach((key, values) -> typed.put(key, values.isEmpty() ? "" : values.get(0)));
            Map<String, String> screened = new LinkedHashMap<>();
            texts.forEach((field, param) -> screened.put(field, typed.getOrDefault(param, "")));
            render(ctx, form, typed, views.texts(ctx).messages(e), null,
                    recording.privacyPanel(Current.meeting(ctx), screened, e, accepted));
        }
    }

    /** Minutes saved: for htmx (while the chair types) a short confirmation, else back to the item. */
    void minutesSaved(Context ctx, MeetingRecording.SavedText saved, long itemId) {
        if ("true".equals(ctx.header("HX-Request"))) {
            String message = views.texts(ctx).get("meeting.minutesSaved", views.texts(ctx).dateTime(saved.at()));
            if (!saved.warnings().isEmpty()) {
                message += " " + views.texts(ctx).get("meeting.minutesWarning", kindNames(ctx, saved.warnings()));
            }
            ctx.html("<span>" + message + "</span>");
        } else {
            ctx.redirect(Paths.meeting(MeetingPages.meetingId(ctx)) + (saved.warnings().isEmpty() ? "?melding=notulen"
                    : "?melding=persoonsgegevens&soorten=" + kinds(saved.warnings())) + "#punt-" + itemId);
        }
    }

    /**
     * Minutes refused for personal data (issue 17). While typing (htmx) nothing is saved and the status
     * line names the kinds, the draft staying in the browser; the save button shows the page with the
     * findings beside the minutes and the text as typed.
     */
    void minutesRefused(Context ctx, InvalidInput e, Accepted accepted, long itemId) {
        ctx.status(422);
        if ("true".equals(ctx.header("HX-Request"))) {
            ctx.html("<span>" + (e instanceof PersonalDataFound found
                    ? views.texts(ctx).get("meeting.minutesRefused", kindNames(ctx, found.findings()))
                    : String.join(" ", views.texts(ctx).messages(e).values())) + "</span>");
            return;
        }
        Map<String, String> typed = new HashMap<>();
        typed.put("minutes", ctx.formParam("minutes") == null ? "" : ctx.formParam("minutes"));
        render(ctx, "notulen-" + itemId, typed, views.texts(ctx).messages(e), null,
                recording.privacyPanel(Current.meeting(ctx), typed, e, accepted));
    }

    /** The meeting page; {@code failedForm} names the form refused, shown with what was typed in it. */
    void render(Context ctx, String failedForm, Map<String, String> typed, Map<String, String> errors, String notice,
                TextPanel privacy) {
        Viewer viewer = Current.viewer(ctx);
        var record = meetings.record(MeetingPages.meetingId(ctx));
        Koppelzone koppelzone = record.meeting().koppelzone();
        boolean mayRun = viewer.can(Permission.RUN_MEETINGS, koppelzone.id());
        boolean started = !clock.instant().isBefore(record.meeting().startsAt());
        views.render(ctx, "meetings/meeting.jte", new MeetingViews.MeetingPage(record, mayRun, started,
                koppelzones.details(koppelzone.slug()).orElseThrow().parties(),
                mayRun ? agreements.list(koppelzone.id(), null, viewer) : List.of(),
                mayRun ? members(koppelzone) : List.of(), failedForm, typed, errors, notice,
                record.items().stream().collect(Collectors.toMap(MeetingRecords.Item::id,
                        item -> markdown.render(item.minutes()))), privacy, noticeKinds(ctx), leakItems(record)));
    }

    List<MeetingViews.Member> members(Koppelzone koppelzone) {
        return memberships.members(koppelzone.id()).stream()
                .map(member -> new MeetingViews.Member(member.username(), member.displayName())).toList();
    }

    /** The findings the chair ticked ({@code acceptedFindings}) and why ({@code acceptanceReason}). */
    static Accepted accepted(Context ctx) {
        String reason = ctx.formParam("acceptanceReason");
        return new Accepted(new LinkedHashSet<>(ctx.formParams("acceptedFindings")), reason);
    }

    private Map<Long, Long> leakItems(MeetingRecords.Record record) {
        Map<Long, Long> items = new HashMap<>();
        record.items().forEach(item -> recording.leakOfItem(item.id()).ifPresent(leak -> items.put(item.id(), leak)));
        return items;
    }

    private static String kinds(List<FieldFinding> findings) {
        return findings.stream().map(found -> found.kind().code()).distinct().collect(Collectors.joining(","));
    }

    /** The kinds of findings in the visitor's language ("BSN, Naam"), never the text found. */
    private String kindNames(Context ctx, List<FieldFinding> findings) {
        var t = views.texts(ctx);
        return findings.stream().map(found -> t.get("privacy.kind." + found.kind().code())).distinct()
                .collect(Collectors.joining(", "));
    }

    /** The kinds named in {@code soorten} after a save with warnings, in the visitor's language. */
    private String noticeKinds(Context ctx) {
        var t = views.texts(ctx);
        return nl.afsprakenwiki.privacy.Kind.listed(ctx.queryParam("soorten")).stream()
                .map(kind -> t.get("privacy.kind." + kind.code())).collect(Collectors.joining(", "));
    }
}
