package nl.afsprakenwiki.preferences;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.notifications.NotificationKind;
import nl.afsprakenwiki.notifications.NotificationKind.Delivery;
import nl.afsprakenwiki.notifications.Preferences;
import nl.afsprakenwiki.notifications.Unsubscribing;
import nl.afsprakenwiki.web.Current;
import nl.afsprakenwiki.web.Views;

import java.util.EnumMap;
import java.util.Map;

/**
 * The preferences form on the profile, and the page behind each mail's unsubscribe link: a GET shows
 * what it stops and a button; the POST (from that button, or from a mail client per RFC 8058 with the
 * body {@code List-Unsubscribe=One-Click}) stops it. The token in the link is the authority: no
 * sign-in and no CSRF cookie, which a mail client does not have.
 */
public final class PreferencePages {

    private final Preferences preferences;
    private final Unsubscribing unsubscribing;
    private final Views views;

    public PreferencePages(Preferences preferences, Unsubscribing unsubscribing, Views views) {
        this.preferences = preferences;
        this.unsubscribing = unsubscribing;
        this.views = views;
    }

    /** POST /profiel/meldingen: every kind's radio group and the global switch. */
    public void save(Context ctx) {
        Map<NotificationKind, Delivery> kinds = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : Preferences.choosable()) {
            String sent = ctx.formParam("soort." + kind.code());
            if (sent == null) {
                continue;
            }
            Delivery delivery = Preferences.delivery(sent);
            if (delivery == null) {
                throw new InvalidInput("soort." + kind.code(), "error.prefs.delivery");
            }
            kinds.put(kind, delivery);
        }
        preferences.save(Current.viewer(ctx).accountId(), "ja".equals(ctx.formParam("alles-uit")), kinds);
        ctx.redirect("/profiel?melding=meldingen#meldingen");
    }

    /** What an unsubscribe page shows: the kind it stops and whether it was stopped already. */
    public record Unsubscribe(String token, String kind, boolean done) {
    }

    /** GET /afmelden/{token}: what the link stops, and a button to confirm. */
    public void confirm(Context ctx) {
        Unsubscribing.Subscription subscription = unsubscribing.read(ctx.pathParam("token"))
                .orElseThrow(() -> new NotFound("unsubscribe"));
        ctx.header("Referrer-Policy", "no-referrer");
        views.render(ctx, "preferences/unsubscribe.jte", new Unsubscribe(ctx.pathParam("token"), subscription.kind(), false));
    }

    /** POST /afmelden/{token}: stops that kind for that person. */
    public void unsubscribe(Context ctx) {
        String token = ctx.pathParam("token");
        Unsubscribing.Subscription subscription = unsubscribing.unsubscribe(token)
                .orElseThrow(() -> new NotFound("unsubscribe"));
        ctx.header("Referrer-Policy", "no-referrer");
        views.render(ctx, "preferences/unsubscribe.jte", new Unsubscribe(token, subscription.kind(), true));
    }
}
