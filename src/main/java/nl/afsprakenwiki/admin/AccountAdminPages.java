package nl.afsprakenwiki.admin;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.accounts.Account;
import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.koppelzones.KoppelzoneAdmin;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.web.Current;
import nl.afsprakenwiki.web.RequestParts;
import nl.afsprakenwiki.web.Views;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static nl.afsprakenwiki.admin.AdminPages.author;
import static nl.afsprakenwiki.admin.AdminPages.notice;

/** The beheerder's account administration: create accounts, block, grant rights, correct details, reset passwords. */
public final class AccountAdminPages {

    private static final String[] ACCOUNT_FIELDS = {"username", "displayName", "email", "organisation"};

    private final AccountService accounts;
    private final KoppelzoneAdmin admin;
    private final Views views;

    public AccountAdminPages(AccountService accounts, KoppelzoneAdmin admin, Views views) {
        this.accounts = accounts;
        this.admin = admin;
        this.views = views;
    }

    public record Accounts(List<Account> accounts, List<Organisation> organisations, Map<String, String> values,
                           Map<String, String> errors, String notice) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    public void accounts(Context ctx) {
        renderAccounts(ctx, Map.of(), Map.of());
    }

    public void createAccount(Context ctx) {
        Map<String, String> values = RequestParts.fields(ctx, ACCOUNT_FIELDS);
        Map<String, String> errors = new LinkedHashMap<>();
        String password = RequestParts.field(ctx, "password");
        try {
            accounts.create(new AccountService.NewAccount(values.get("username"), values.get("displayName"),
                    values.get("email"), values.get("organisation"), "on".equals(ctx.formParam("admin")),
                    password.isEmpty() ? null : password), author(ctx));
            ctx.redirect("/beheer/accounts?melding=aangemaakt");
            return;
        } catch (InvalidInput e) {
            errors.putAll(views.texts(ctx).messages(e));
        }
        ctx.status(422);
        renderAccounts(ctx, values, errors);
    }

    /** Blocks, unblocks, grants or revokes beheerder rights. A beheerder cannot block or demote themselves. */
    public void accountStatus(Context ctx) {
        String username = ctx.pathParam("username");
        accounts.byUsername(username).orElseThrow(() -> new NotFound("account"));
        String action = RequestParts.field(ctx, "action");
        boolean self = username.equals(Current.viewer(ctx).username());
        try {
            switch (action) {
                case "blokkeren" -> {
                    if (self) {
                        throw new InvalidInput("action", "error.account.notSelf");
                    }
                    accounts.setDisabled(username, true, author(ctx));
                }
                case "deblokkeren" -> accounts.setDisabled(username, false, author(ctx));
                case "beheerder" -> accounts.setAdmin(username, true, author(ctx));
                case "geen-beheerder" -> {
                    if (self) {
                        throw new InvalidInput("action", "error.account.notSelf");
                    }
                    accounts.setAdmin(username, false, author(ctx));
                }
                default -> throw new InvalidInput("action", "error.account.action");
            }
            ctx.redirect("/beheer/accounts?melding=" + action);
        } catch (InvalidInput e) {
            ctx.status(422);
            renderAccounts(ctx, Map.of(), views.texts(ctx).messages(e));
        }
    }

    /** Corrects an account's name, e-mail address or organisation. */
    public void updateAccount(Context ctx) {
        Account account = accounts.byUsername(ctx.pathParam("username")).orElseThrow(() -> new NotFound("account"));
        try {
            accounts.update(account.id(), ctx.formParam("displayName"), ctx.formParam("email"), ctx.formParam("organisation"),
                    author(ctx));
            ctx.redirect("/beheer/accounts?melding=gewijzigd");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderAccounts(ctx, Map.of(), views.texts(ctx).messages(e));
        }
    }

    public void resetPassword(Context ctx) {
        String username = ctx.pathParam("username");
        accounts.byUsername(username).orElseThrow(() -> new NotFound("account"));
        try {
            accounts.setPassword(username, null, RequestParts.field(ctx, "password"), author(ctx));
            ctx.redirect("/beheer/accounts?melding=wachtwoord");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderAccounts(ctx, Map.of(), Map.of("reset-" + username, views.texts(ctx).messages(e).values().iterator().next()));
        }
    }

    private void renderAccounts(Context ctx, Map<String, String> values, Map<String, String> errors) {
        views.render(ctx, "admin/accounts.jte", new Accounts(accounts.all(), admin.organisations(), values, errors,
                notice(ctx)));
    }
}
