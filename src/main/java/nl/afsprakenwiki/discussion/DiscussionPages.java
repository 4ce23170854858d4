package nl.afsprakenwiki.discussion;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.Refused;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.RequestParts;
import nl.afsprakenwiki.web.Views;
import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.privacy.Screening.FieldFinding;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The discussion's pages and forms: the whole discussion of an agreement, posting a comment or a
 * reply, editing one's own comment, resolving or reopening a thread. A refused form comes back with
 * the message next to its field and the text as typed (422).
 */
public final class DiscussionPages {

    private static final String NEW = "nieuw";

    private final Comments comments;
    private final DiscussionViews discussions;
    private final Views views;

    public DiscussionPages(Comments comments, DiscussionViews discussions, Views views) {
        this.comments = comments;
        this.discussions = discussions;
        this.views = views;
    }

    public void show(Context ctx) {
        render(ctx, DiscussionViews.Typed.NONE);
    }

    public void post(Context ctx) {
        Agreement agreement = Current.agreement(ctx);
        String text = RequestParts.field(ctx, "text");
        String block = RequestParts.field(ctx, "block");
        String replyTo = RequestParts.field(ctx, "replyTo");
        Accepted accepted = accepted(ctx);
        try {
            Comment comment = comments.post(agreement, new Comments.Input(text, number("revision", RequestParts.field(ctx, "revision")),
                    number("block", block), id(replyTo), accepted), Current.viewer(ctx));
            ctx.redirect(Paths.agreement(agreement.id()) + saved(comments.unconfirmed(comment), "opmerking-geplaatst")
                    + "#opmerking-" + comment.id());
        } catch (InvalidInput e) {
            ctx.status(422);
            render(ctx, new DiscussionViews.Typed(replyTo.isBlank() ? NEW : replyTo.strip(), text, block,
                    views.texts(ctx).messages(e), comments.privacyPanel(agreement, text, e, accepted)));
        }
    }

    public void editForm(Context ctx) {
        Comment comment = Current.comment(ctx);
        Viewer viewer = Current.viewer(ctx);
        if (!comments.editable(comment, viewer)) {
            throw viewer.accountId() == comment.accountId() ? Refused.conflict("error.comment.editWindow", Comments.EDIT_WINDOW.toMinutes())
                    : Refused.forbidden("error.comment.notYours");
        }
        views.render(ctx, "discussion/edit.jte", discussions.edit(Current.agreement(ctx), viewer, comment, comment.body(), null));
    }

    public void edit(Context ctx) {
        Agreement agreement = Current.agreement(ctx);
        Comment comment = Current.comment(ctx);
        String text = RequestParts.field(ctx, "text");
        Accepted accepted = accepted(ctx);
        try {
            Comment edited = comments.edit(agreement, comment.id(), text, accepted, Current.viewer(ctx));
            ctx.redirect(Paths.agreement(agreement.id()) + saved(comments.unconfirmed(edited), "opmerking-gewijzigd")
                    + "#opmerking-" + comment.id());
        } catch (InvalidInput e) {
            ctx.status(422);
            var messages = views.texts(ctx).messages(e);
            views.render(ctx, "discussion/edit.jte", discussions.edit(agreement, Current.viewer(ctx), comment, text,
                    messages.get("text"), comments.privacyPanel(agreement, text, e, accepted), messages.get("acceptanceReason")));
        }
    }

    /** The field {@code afgehandeld}: {@code ja} resolves the thread, {@code nee} reopens it. */
    public void resolve(Context ctx) {
        Agreement agreement = Current.agreement(ctx);
        Comment comment = Current.comment(ctx);
        String choice = RequestParts.field(ctx, "afgehandeld");
        if (!choice.equals("ja") && !choice.equals("nee")) {
            throw new InvalidInput("afgehandeld", "error.comment.resolveChoice");
        }
        boolean resolved = choice.equals("ja");
        comments.resolve(agreement, comment.id(), resolved, Current.viewer(ctx));
        ctx.redirect(Paths.agreement(agreement.id()) + "?melding=" + (resolved ? "draad-afgehandeld" : "draad-heropend")
                + "#opmerking-" + comment.id());
    }

    /** The findings the writer ticked ({@code acceptedFindings}) and why ({@code acceptanceReason}). */
    static Accepted accepted(Context ctx) {
        return new Accepted(new LinkedHashSet<>(ctx.formParams("acceptedFindings")), RequestParts.field(ctx, "acceptanceReason"));
    }

    /** The notice after saving: {@code notice}, or the possible personal data found (kinds named). */
    static String saved(List<FieldFinding> warnings, String notice) {
        return warnings.isEmpty() ? "?melding=" + notice : "?melding=persoonsgegevens-tekst&soorten="
                + warnings.stream().map(found -> found.kind().code()).distinct().collect(Collectors.joining(","));
    }

    private void render(Context ctx, DiscussionViews.Typed typed) {
        views.render(ctx, "discussion/page.jte", discussions.of(Current.agreement(ctx), Current.viewer(ctx), typed));
    }

    /** A whole number typed into a field (empty: none), else the field's message. */
    private static Integer number(String field, String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "error.comment." + field + "Number");
        }
    }

    private static Long id(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("replyTo", "error.comment.replyTo");
        }
    }
}
