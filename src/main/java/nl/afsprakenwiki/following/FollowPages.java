package nl.afsprakenwiki.following;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.following.Followed.Kind;
import nl.afsprakenwiki.web.Current;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.RequestParts;

/**
 * The "Volgen" buttons of the agreement and koppelzone pages and the follow list on the profile.
 * Each answers with a redirect back to the page it came from, with a notice.
 */
public final class FollowPages {

    private final Follows follows;

    public FollowPages(Follows follows) {
        this.follows = follows;
    }

    public void followAgreement(Context ctx) {
        long id = nl.afsprakenwiki.agreements.Current.agreement(ctx).id();
        follows.follow(viewer(ctx), Kind.AGREEMENT, String.valueOf(id));
        ctx.redirect(Paths.agreement(id) + "?melding=gevolgd");
    }

    public void unfollowAgreement(Context ctx) {
        long id = nl.afsprakenwiki.agreements.Current.agreement(ctx).id();
        follows.unfollow(viewer(ctx), Kind.AGREEMENT, String.valueOf(id));
        ctx.redirect(Paths.agreement(id) + "?melding=niet-meer-gevolgd");
    }

    public void followKoppelzone(Context ctx) {
        String slug = nl.afsprakenwiki.koppelzones.Current.koppelzone(ctx).slug();
        follows.follow(viewer(ctx), Kind.KOPPELZONE, slug);
        ctx.redirect(Paths.koppelzone(slug) + "?melding=gevolgd");
    }

    public void unfollowKoppelzone(Context ctx) {
        String slug = nl.afsprakenwiki.koppelzones.Current.koppelzone(ctx).slug();
        follows.unfollow(viewer(ctx), Kind.KOPPELZONE, slug);
        ctx.redirect(Paths.koppelzone(slug) + "?melding=niet-meer-gevolgd");
    }

    /** From the profile: follow the theme chosen in its list. */
    public void followTheme(Context ctx) {
        follows.follow(viewer(ctx), Kind.THEME, RequestParts.field(ctx, "thema"));
        ctx.redirect("/profiel?melding=gevolgd#volgen");
    }

    /** From the profile's list: stop following one thing of any kind. */
    public void unfollow(Context ctx) {
        Kind kind = Kind.fromCode(RequestParts.field(ctx, "soort"));
        if (kind == null) {
            throw new nl.afsprakenwiki.access.InvalidInput("soort", "error.follow.kind");
        }
        follows.unfollow(viewer(ctx), kind, RequestParts.field(ctx, "sleutel"));
        ctx.redirect("/profiel?melding=niet-meer-gevolgd#volgen");
    }

    private static Viewer viewer(Context ctx) {
        return Current.viewer(ctx);
    }
}
