package nl.afsprakenwiki.discussion;

import io.javalin.http.Context;

/** The current request's subjects up to this layer: viewer, koppelzone, agreement and the comment {@code {comment}}. */
public class Current extends nl.afsprakenwiki.agreements.Current {

    public static final Key<Comment> COMMENT = new Key<>("aw.comment", Comment.class);

    protected Current() {
    }

    /** The comment {@code {comment}}; only members of its agreement's koppelzone get this far. */
    public static Comment comment(Context ctx) {
        return COMMENT.get(ctx);
    }
}
