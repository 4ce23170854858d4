package nl.afsprakenwiki.discussion;

import io.javalin.http.Context;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.Texts;
import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.privacy.Screening;

import java.util.List;
import java.util.Map;

/** The JSON API of an agreement's discussion (docs/API.md, "Discussion"). */
public final class DiscussionApi {

    private final Comments comments;
    private final DiscussionViews discussions;
    private final Json json;
    private final Texts dutch;

    public DiscussionApi(Comments comments, DiscussionViews discussions, Json json, Texts dutch) {
        this.comments = comments;
        this.discussions = discussions;
        this.json = json;
        this.dutch = dutch;
    }

    record CommentRequest(String text, Integer revision, Integer block, Long replyTo, List<String> acceptedFindings,
                          String acceptanceReason) {
    }

    record EditRequest(String text, List<String> acceptedFindings, String acceptanceReason) {
    }

    /** Every thread with its replies, oldest first. */
    public void list(Context ctx) {
        var discussion = discussions.of(Current.agreement(ctx), Current.viewer(ctx), DiscussionViews.Typed.NONE);
        List<Map<String, Object>> threads = discussion.threads().stream().map(thread -> {
            Map<String, Object> first = comment(thread.first());
            first.put("replies", thread.replies().stream().map(DiscussionApi::comment).toList());
            return first;
        }).toList();
        ctx.json(Json.object("revision", discussion.revision(), "open", discussion.open(), "total", threads.size(),
                "threads", threads));
    }

    public void post(Context ctx) {
        Agreement agreement = Current.agreement(ctx);
        CommentRequest r = json.read(ctx, CommentRequest.class);
        Comment comment = comments.post(agreement, new Comments.Input(r.text(), r.revision(), r.block(), r.replyTo(),
                Accepted.of(r.acceptedFindings(), r.acceptanceReason())), Current.viewer(ctx));
        ctx.status(201).header("Location", "/api/v1/agreements/" + agreement.id() + "/comments")
                .json(withWarnings(one(ctx, comment), comment));
    }

    public void edit(Context ctx) {
        EditRequest r = json.read(ctx, EditRequest.class);
        Comment comment = comments.edit(Current.agreement(ctx), Current.comment(ctx).id(), r.text(),
                Accepted.of(r.acceptedFindings(), r.acceptanceReason()), Current.viewer(ctx));
        ctx.json(withWarnings(one(ctx, comment), comment));
    }

    /** Possible personal data (medium confidence) in the saved comment, not confirmed: a warning (issue 17). */
    private Map<String, Object> withWarnings(Map<String, Object> body, Comment comment) {
        body.put("warnings", Screening.json(comments.unconfirmed(comment), key -> dutch.get(key)));
        return body;
    }

    public void resolve(Context ctx) {
        ctx.json(one(ctx, comments.resolve(Current.agreement(ctx), Current.comment(ctx).id(), true, Current.viewer(ctx))));
    }

    public void reopen(Context ctx) {
        ctx.json(one(ctx, comments.resolve(Current.agreement(ctx), Current.comment(ctx).id(), false, Current.viewer(ctx))));
    }

    /** The comment as the list shows it (with whether its paragraph changed since). */
    private Map<String, Object> one(Context ctx, Comment comment) {
        return comment(discussions.one(Current.agreement(ctx), Current.viewer(ctx), comment));
    }

    private static Map<String, Object> comment(DiscussionViews.CommentView view) {
        Comment c = view.comment();
        Map<String, Object> out = Json.object("id", c.id(), "author", c.authorName(), "text", c.body(), "html", view.html(),
                "revision", c.revision(), "createdAt", c.createdAt().toString(), "editedAt", text(c.editedAt()),
                "editable", view.editable());
        if (c.block() != null) {
            out.put("block", Json.object("index", c.block(), "excerpt", c.blockExcerpt(), "sha256", c.blockSha256(),
                    "changedSince", view.paragraphChanged()));
        } else {
            out.put("block", null);
        }
        if (c.thread()) {
            out.put("resolved", c.resolved());
            out.put("resolvedAt", text(c.resolvedAt()));
            out.put("resolvedBy", c.resolvedBy());
        } else {
            out.put("replyTo", c.replyTo());
        }
        return out;
    }

    private static String text(java.time.Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
