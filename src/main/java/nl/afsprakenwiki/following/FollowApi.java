package nl.afsprakenwiki.following;

import io.javalin.http.Context;
import nl.afsprakenwiki.following.Followed.Kind;
import nl.afsprakenwiki.web.Current;
import nl.afsprakenwiki.web.Json;

import java.util.Map;

/** The JSON API of following (docs/API.md): what I follow, and following or not one thing. */
public final class FollowApi {

    private final Follows follows;

    public FollowApi(Follows follows) {
        this.follows = follows;
    }

    public void list(Context ctx) {
        ctx.json(Json.object("items", follows.of(Current.viewer(ctx)).stream().map(followed -> Json.object(
                "kind", followed.kind().code(), "key", followed.key(), "label", followed.label(), "href", followed.href(),
                "since", followed.since().toString())).toList()));
    }

    public void followAgreement(Context ctx) {
        answer(ctx, follows.follow(Current.viewer(ctx), Kind.AGREEMENT, agreement(ctx)), true);
    }

    public void unfollowAgreement(Context ctx) {
        answer(ctx, follows.unfollow(Current.viewer(ctx), Kind.AGREEMENT, agreement(ctx)), false);
    }

    public void followKoppelzone(Context ctx) {
        answer(ctx, follows.follow(Current.viewer(ctx), Kind.KOPPELZONE, koppelzone(ctx)), true);
    }

    public void unfollowKoppelzone(Context ctx) {
        answer(ctx, follows.unfollow(Current.viewer(ctx), Kind.KOPPELZONE, koppelzone(ctx)), false);
    }

    public void followTheme(Context ctx) {
        answer(ctx, follows.follow(Current.viewer(ctx), Kind.THEME, ctx.pathParam("theme")), true);
    }

    public void unfollowTheme(Context ctx) {
        answer(ctx, follows.unfollow(Current.viewer(ctx), Kind.THEME, ctx.pathParam("theme")), false);
    }

    /** {@code following} as it is now; {@code changed} false when it already was so (the calls are idempotent). */
    private static void answer(Context ctx, boolean changed, boolean following) {
        ctx.json(Map.of("following", following, "changed", changed));
    }

    private static String agreement(Context ctx) {
        return String.valueOf(nl.afsprakenwiki.agreements.Current.agreement(ctx).id());
    }

    private static String koppelzone(Context ctx) {
        return nl.afsprakenwiki.koppelzones.Current.koppelzone(ctx).slug();
    }
}
