package nl.afsprakenwiki.redaction;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.web.Current;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.RequestParts;
import nl.afsprakenwiki.web.Views;

import java.util.List;
import java.util.Map;

/**
 * The pages that redact a whole comment (with its earlier texts), an agenda item's minutes, an
 * experience, an endorsement's remark, a decision's note or an action item (docs/PRIVACY.md), reached
 * from the privacy findings: the form shows the text that will go, asks for
 * the requesting voorzitter and the reason, and sending it carries the redaction out.
 */
public final class WholeRedactionPages {

    /** The text that will be replaced, the form's choices and what was typed; {@code errors} by field. */
    public record Page(Koppelzone koppelzone, String kind, String text, String action, String cancel,
                       List<Redactions.Voorzitter> voorzitters, String requestedBy, String reason,
                       Map<String, String> errors) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    private final WholeRedactions redactions;
    private final LeakRedactions leaks;
    private final Views views;

    public WholeRedactionPages(WholeRedactions redactions, LeakRedactions leaks, Views views) {
        this.redactions = redactions;
        this.leaks = leaks;
        this.views = views;
    }

    /** The form for a whole field ({@code {field}}: titel, beschrijving, voorbeeld, reden) of the waardelek {@code {leak}}. */
    public void leakFieldForm(Context ctx) {
        renderLeak(ctx, "", "", Map.of());
    }

    public void leakField(Context ctx) {
        Koppelzone koppelzone = nl.afsprakenwiki.leaks.Current.koppelzone(ctx);
        carryOut(ctx, koppelzone, (requestedBy, reason) -> leaks.field(koppelzone, nl.afsprakenwiki.leaks.Current.leak(ctx).id(),
                fieldOf(ctx), reason, requestedBy, Current.viewer(ctx)),
                (requestedBy, reason, errors) -> renderLeak(ctx, requestedBy, reason, errors));
    }

    /** The form for a whole comment {@code {comment}} on the waardelek {@code {leak}}. */
    public void leakCommentForm(Context ctx) {
        renderLeakComment(ctx, "", "", Map.of());
    }

    public void leakComment(Context ctx) {
        Koppelzone koppelzone = nl.afsprakenwiki.leaks.Current.koppelzone(ctx);
        carryOut(ctx, koppelzone, (requestedBy, reason) -> leaks.comment(koppelzone, nl.afsprakenwiki.leaks.Current.leak(ctx).id(),
                RequestParts.id(ctx, "comment"), reason, requestedBy, Current.viewer(ctx)),
                (requestedBy, reason, errors) -> renderLeakComment(ctx, requestedBy, reason, errors));
    }

    /** A redaction, given the voorzitter who asked for it and the reason. */
    private interface Step {
        void run(String requestedBy, String reason);
    }

    /** A redaction form drawn with what was typed and the errors by field. */
    private interface Form {
        void render(String requestedBy, String reason, Map<String, String> errors);
    }

    /**
     * Carries out the redaction a form sent: then back to the koppelzone's findings, or, for invalid input,
     * the form again (422) with what was typed and a Dutch message beside each field.
     */
    private void carryOut(Context ctx, Koppelzone koppelzone, Step step, Form form) {
        Map<String, String> fields = RequestParts.fields(ctx, "requestedBy", "reason");
        try {
            step.run(fields.get("requestedBy"), fields.get("reason"));
            ctx.redirect(Paths.koppelzone(koppelzone.slug(), "/persoonsgegevens") + "?melding=verwijderd");
        } catch (InvalidInput e) {
            ctx.status(422);
            form.render(fields.get("requestedBy"), fields.get("reason"), views.texts(ctx).messages(e));
        }
    }

    private static LeakRedactions.Field fieldOf(Context ctx) {
        return LeakRedactions.Field.of(ctx.pathParam("field")).orElseThrow(() -> new NotFound("field"));
    }

    private void renderLeak(Context ctx, String requestedBy, String reason, Map<String, String> errors) {
        Koppelzone koppelzone = nl.afsprakenwiki.leaks.Current.koppelzone(ctx);
        long leak = nl.afsprakenwiki.leaks.Current.leak(ctx).id();
        LeakRedactions.Field field = fieldOf(ctx);
        String text = leaks.text(leak, field).orElseThrow(() -> new NotFound("leak"));
        views.render(ctx, "redaction/whole.jte", new Page(koppelzone, "leak." + field.code(), text,
                "/waardelekken/" + leak + "/" + field.path() + "/persoonsgegevens-verwijderen", "/waardelekken/" + leak,
                redactions.voorzitters(koppelzone.id()), requestedBy, reason, errors));
    }

    private void renderLeakComment(Context ctx, String requestedBy, String reason, Map<String, String> errors) {
        Koppelzone koppelzone = nl.afsprakenwiki.leaks.Current.koppelzone(ctx);
        long leak = nl.afsprakenwiki.leaks.Current.leak(ctx).id();
        long comment = RequestParts.id(ctx, "comment");
        String text = leaks.commentText(leak, comment).orElseThrow(() -> new NotFound("comment"));
        views.render(ctx, "redaction/whole.jte", new Page(koppelzone, "leakComment", text,
                "/waardelekken/" + leak + "/opmerkingen/" + comment + "/persoonsgegevens-verwijderen",
                "/waardelekken/" + leak + "#opmerkingen", redactions.voorzitters(koppelzone.id()), requestedBy, reason, errors));
    }

    public void commentForm(Context ctx) {
        renderComment(ctx, "", "", Map.of());
    }

    public void comment(Context ctx) {
        Agreement agreement = nl.afsprakenwiki.agreements.Current.agreement(ctx);
        carryOut(ctx, agreement.koppelzone(), (requestedBy, reason) -> redactions.comment(agreement,
                RequestParts.id(ctx, "comment"), reason, requestedBy, Current.viewer(ctx)),
                (requestedBy, reason, errors) -> renderComment(ctx, requestedBy, reason, errors));
    }

    public void minutesForm(Context ctx) {
        renderMinutes(ctx, "", "", Map.of());
    }

    public void minutes(Context ctx) {
        Koppelzone koppelzone = nl.afsprakenwiki.koppelzones.Current.koppelzone(ctx);
        carryOut(ctx, koppelzone, (requestedBy, reason) -> redactions.minutes(koppelzone, RequestParts.id(ctx, "meeting"),
                RequestParts.id(ctx, "item"), reason, requestedBy, Current.viewer(ctx)),
                (requestedBy, reason, errors) -> renderMinutes(ctx, requestedBy, reason, errors));
    }

    /** The form for an experience or an endorsement's remark on the agreement {@code {id}}. */
    public Handler agreementTextForm(WholeRedactions.Text kind, String param, String below) {
        return ctx -> renderAgreementText(ctx, kind, param, below, "", "", Map.of());
    }

    public Handler agreementText(WholeRedactions.Text kind, String param, String below) {
        return ctx -> {
            Agreement agreement = nl.afsprakenwiki.agreements.Current.agreement(ctx);
            carryOut(ctx, agreement.koppelzone(), (requestedBy, reason) -> redactions.text(kind, agreement.koppelzone(),
                            agreement.id(), RequestParts.id(ctx, param), reason, requestedBy, Current.viewer(ctx)),
                    (requestedBy, reason, errors) -> renderAgreementText(ctx, kind, param, below, requestedBy, reason, errors));
        };
    }

    /** The form for a decision's note or an action item's description in the meeting {@code {meeting}}. */
    public Handler meetingTextForm(WholeRedactions.Text kind, String param, String below) {
        return ctx -> renderMeetingText(ctx, kind, param, below, "", "", Map.of());
    }

    public Handler meetingText(WholeRedactions.Text kind, String param, String below) {
        return ctx -> {
            Koppelzone koppelzone = nl.afsprakenwiki.koppelzones.Current.koppelzone(ctx);
            carryOut(ctx, koppelzone, (requestedBy, reason) -> redactions.text(kind, koppelzone, RequestParts.id(ctx, "meeting"),
                            RequestParts.id(ctx, param), reason, requestedBy, Current.viewer(ctx)),
                    (requestedBy, reason, errors) -> renderMeetingText(ctx, kind, param, below, requestedBy, reason, errors));
        };
    }

    private void renderAgreementText(Context ctx, WholeRedactions.Text kind, String param, String below, String requestedBy,
                                     String reason, Map<String, String> errors) {
        Agreement agreement = nl.afsprakenwiki.agreements.Current.agreement(ctx);
        long id = RequestParts.id(ctx, param);
        String text = redactions.text(kind, agreement.id(), id).orElseThrow(() -> new NotFound(kind.code()));
        views.render(ctx, "redaction/whole.jte", new Page(agreement.koppelzone(), kind.code(), text,
                Paths.agreement(agreement.id(), below + "/" + id + "/persoonsgegevens-verwijderen"),
                Paths.agreement(agreement.id(), below), redactions.voorzitters(agreement.koppelzone().id()), requestedBy,
                reason, errors));
    }

    private void renderMeetingText(Context ctx, WholeRedactions.Text kind, String param, String below, String requestedBy,
                                   String reason, Map<String, String> errors) {
        Koppelzone koppelzone = nl.afsprakenwiki.koppelzones.Current.koppelzone(ctx);
        long meeting = RequestParts.id(ctx, "meeting");
        long id = RequestParts.id(ctx, param);
        String text = redactions.text(kind, meeting, id).orElseThrow(() -> new NotFound(kind.code()));
        views.render(ctx, "redaction/whole.jte", new Page(koppelzone, kind.code(), text,
                Paths.meeting(meeting) + below + "/" + id + "/persoonsgegevens-verwijderen", Paths.meeting(meeting),
                redactions.voorzitters(koppelzone.id()), requestedBy, reason, errors));
    }

    private void renderComment(Context ctx, String requestedBy, String reason, Map<String, String> errors) {
        Agreement agreement = nl.afsprakenwiki.agreements.Current.agreement(ctx);
        long comment = RequestParts.id(ctx, "comment");
        String text = redactions.commentText(agreement.id(), comment).orElseThrow(() -> new NotFound("comment"));
        String path = Paths.agreement(agreement.id(), "/opmerkingen/" + comment + "/persoonsgegevens-verwijderen");
        views.render(ctx, "redaction/whole.jte", new Page(agreement.koppelzone(), "comment", text, path,
                Paths.agreement(agreement.id(), "/discussie") + "#opmerking-" + comment,
                redactions.voorzitters(agreement.koppelzone().id()), requestedBy, reason, errors));
    }

    private void renderMinutes(Context ctx, String requestedBy, String reason, Map<String, String> errors) {
        Koppelzone koppelzone = nl.afsprakenwiki.koppelzones.Current.koppelzone(ctx);
        long meeting = RequestParts.id(ctx, "meeting");
        long item = RequestParts.id(ctx, "item");
        String text = redactions.minutesText(meeting, item).orElseThrow(() -> new NotFound("item"));
        views.render(ctx, "redaction/whole.jte", new Page(koppelzone, "minutes", text,
                Paths.meeting(meeting) + "/agenda/" + item + "/notulen-verwijderen", Paths.meeting(meeting),
                redactions.voorzitters(koppelzone.id()), requestedBy, reason, errors));
    }
}
