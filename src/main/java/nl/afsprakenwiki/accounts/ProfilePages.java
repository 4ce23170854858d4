package nl.afsprakenwiki.accounts;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.web.Current;
import nl.afsprakenwiki.web.Notice;
import nl.afsprakenwiki.web.RequestParts;
import nl.afsprakenwiki.web.Views;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One's own account: details, roles, password, API tokens. */
public final class ProfilePages {

    private final AccountService accounts;
    private final ApiTokens tokens;
    private final Views views;
    private final List<ProfileSection> sections;

    public ProfilePages(AccountService accounts, ApiTokens tokens, Views views, List<ProfileSection> sections) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.views = views;
        this.sections = List.copyOf(sections);
    }

    /**
     * The profile page. {@code newToken} is the secret of a token just created, shown this once;
     * it is rendered in the answer to the POST, never put in a URL.
     */
    public record Profile(Account account, List<KoppelzonesOfAccount.Entry> koppelzones, List<ApiToken> tokens, String newToken,
                          String notice, Map<String, String> values, Map<String, String> errors, List<gg.jte.Content> more) {
        public String error(String field) {
            return errors.get(field);
        }

        /** What was typed in the details form, or the account's current value. */
        public String value(String field, String current) {
            return values.getOrDefault(field, current);
        }
    }

    public void show(Context ctx) {
        String notice = Notice.key(ctx, "profile.notice.", Set.of("wachtwoord", "ingetrokken", "gegevens"));
        String melding = ctx.queryParam("melding");
        for (ProfileSection section : sections) {
            if (notice == null && melding != null) {
                notice = section.notices().get(melding);
            }
        }
        render(ctx, null, notice, Map.of());
    }

    /** Changes one's own name and e-mail address; the organisation is set by the beheerder. */
    public void updateDetails(Context ctx) {
        Viewer viewer = Current.viewer(ctx);
        Account account = accounts.byUsername(viewer.username()).orElseThrow(() -> new NotFound("account"));
        String displayName = RequestParts.field(ctx, "displayName");
        String email = RequestParts.field(ctx, "email");
        try {
            accounts.update(account.id(), displayName, email,
                    account.organisation() == null ? null : account.organisation().slug(), viewer.author());
            ctx.redirect("/profiel?melding=gegevens");
        } catch (InvalidInput e) {
            ctx.status(422);
            render(ctx, null, null, Map.of("displayName", displayName, "email", email), views.texts(ctx).messages(e));
        }
    }

    public void changePassword(Context ctx) {
        Viewer viewer = Current.viewer(ctx);
        Map<String, String> errors = new LinkedHashMap<>();
        String next = ctx.formParam("password");
        if (next == null || !next.equals(ctx.formParam("passwordAgain"))) {
            errors.put("passwordAgain", views.texts(ctx).get("error.account.passwordsDiffer"));
        } else {
            try {
                // a missing current password is an empty one, which does not match: never null, which skips the check
                accounts.setPassword(viewer.username(), RequestParts.field(ctx, "current"), next, viewer.author(),
                        RequestParts.sessionId(ctx));
                ctx.redirect("/profiel?melding=wachtwoord");
                return;
            } catch (InvalidInput e) {
                errors.putAll(views.texts(ctx).messages(e));
            }
        }
        ctx.status(422);
        render(ctx, null, null, errors);
    }

    public void createToken(Context ctx) {
        Viewer viewer = Current.viewer(ctx);
        try {
            var created = tokens.createToken(viewer.username(), ctx.formParam("label"), viewer.author());
            ctx.status(201);
            render(ctx, created.token(), "profile.notice.token", Map.of());
        } catch (InvalidInput e) {
            ctx.status(422);
            render(ctx, null, null, views.texts(ctx).messages(e));
        }
    }

    public void revokeToken(Context ctx) {
        Viewer viewer = Current.viewer(ctx);
        long tokenId;
        try {
            tokenId = Long.parseLong(ctx.pathParam("token"));
        } catch (NumberFormatException e) {
            throw new NotFound("token");
        }
        if (!tokens.revokeToken(viewer.accountId(), tokenId, viewer.author())) {
            throw new NotFound("token");
        }
        ctx.redirect("/profiel?melding=ingetrokken");
    }

    private void render(Context ctx, String newToken, String notice, Map<String, String> errors) {
        render(ctx, newToken, notice, Map.of(), errors);
    }

    private void render(Context ctx, String newToken, String notice, Map<String, String> values, Map<String, String> errors) {
        Viewer viewer = Current.viewer(ctx);
        Account account = accounts.byUsername(viewer.username()).orElseThrow(() -> new NotFound("account"));
        var page = views.pageContext(ctx);
        List<gg.jte.Content> more = sections.stream().map(section -> section.section(page))
                .filter(java.util.Objects::nonNull).toList();
        views.render(ctx, "accounts/profile.jte", new Profile(account, accounts.koppelzones(account.id()),
                tokens.tokens(account.id()), newToken, notice, values, errors, more));
    }
}
