package nl.afsprakenwiki.accounts;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.web.Current;
import nl.afsprakenwiki.web.Json;

/** {@code GET /api/v1/me}: who the caller is, and their roles. */
public final class AccountApi {

    private final AccountService accounts;

    public AccountApi(AccountService accounts) {
        this.accounts = accounts;
    }

    public void me(Context ctx) {
        Viewer viewer = Current.viewer(ctx);
        Account account = accounts.byUsername(viewer.username()).orElseThrow(() -> new NotFound("account"));
        var memberships = accounts.koppelzones(account.id()).stream().map(k -> Json.object("koppelzone",
                Json.object("slug", k.slug(), "name", k.name()), "role", k.role())).toList();
        ctx.json(Json.object("username", account.username(), "name", account.displayName(), "email", account.email(),
                "organisation", account.organisation() == null ? null
                        : Json.object("slug", account.organisation().slug(), "name", account.organisation().name()),
                "beheerder", account.admin(), "authenticatedWith", viewer.via() == Viewer.Via.TOKEN ? "token" : "session",
                "memberships", memberships));
    }
}
