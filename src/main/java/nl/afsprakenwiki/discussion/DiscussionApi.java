package nl.afsprakenwiki.discussion;

import io.javalin.http.Context;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.web.Json;

import java.util.List;
import java.util.Map;

/** The JSON API of an agreement's discussion (docs/API.md, "Discussion"). */
public final class DiscussionApi {

    private final Comments comments;
    private final DiscussionViews discussions;
    private final Json json;

    public DiscussionApi(Comments comments, DiscussionViews discussions, Json json) {
        this.comments = comments;
        this.discussions = discussions;
        this.json = json;
    }

    record CommentRequest(String text, Integer revision, Integer block, Long replyTo) {
    }

    record EditRequest(String text) {
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
        Comment comment = comments.post(agreement, new Comments.Input(r.text(), r.revision(), r.block(), r.replyTo()),
                Current.viewer(ctx));
        ctx.status(201).header("Location", "/api/v1/agreements/" + agreement.id() + "/comments").json(one(ctx, comment));
    }

    public void edit(Context ctx) {
        Comment comment = comments.edit(Current.agreement(ctx), Current.comment(ctx).id(),
                json.read(ctx, EditRequest.class).text(), Current.viewer(ctx));
        ctx.json(one(ctx, comment));
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
