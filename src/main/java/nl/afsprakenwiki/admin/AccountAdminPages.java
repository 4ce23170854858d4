package nl.afsprakenwiki.admin;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.accounts.Account;
import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.accounts.ApiToken;
import nl.afsprakenwiki.accounts.ApiTokens;
import nl.afsprakenwiki.accounts.KoppelzonesOfAccount;
import nl.afsprakenwiki.koppelzones.KoppelzoneAdmin;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.web.Current;
import nl.afsprakenwiki.web.Paging;
import nl.afsprakenwiki.web.RequestParts;
import nl.afsprakenwiki.web.Views;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static nl.afsprakenwiki.admin.AdminPages.author;
import static nl.afsprakenwiki.admin.AdminPages.notice;

/**
 * The beheerder's account administration: a searchable, paged list and a page per account with its
 * details, memberships, state, beheerder right, password and API tokens. Nobody is offered (or allowed,
 * see {@link AccountService}) to block themselves or take away their own beheerder right.
 */
public final class AccountAdminPages {

    private static final String[] ACCOUNT_FIELDS = {"username", "displayName", "email", "organisation"};
    private static final String[] FILTER_FIELDS = {"zoek", "organisatie", "rol", "status"};

    private final AccountService accounts;
    private final ApiTokens tokens;
    private final AccountDirectory directory;
    private final KoppelzoneAdmin admin;
    private final Views views;

    public AccountAdminPages(AccountService accounts, ApiTokens tokens, AccountDirectory directory, KoppelzoneAdmin admin,
                             Views views) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.directory = directory;
        this.admin = admin;
        this.views = views;
    }

    /** The list: what was found, the filter that found it, and the new-account form. */
    public record Accounts(AccountDirectory.Found found, Map<String, String> filter, List<Organisation> organisations,
                           List<String> roles, List<String> states, Map<String, String> values,
                           Map<String, String> errors, String notice) {
        public String error(String field) {
            return errors.get(field);
        }

        public String pageLink(int number) {
            return PageLinks.link(filter, number);
        }

        /** Page numbers to offer; 0 stands for left-out pages. */
        public List<Integer> pageNumbers() {
            return PageLinks.numbers(found.page(), found.pages());
        }

        public boolean filtered() {
            return filter.values().stream().anyMatch(value -> !value.isBlank());
        }
    }

    /** One account's page. {@code self}: the beheerder looks at their own account. */
    public record AccountPage(Account account, List<KoppelzonesOfAccount.Entry> memberships, List<ApiToken> tokens,
                              List<Organisation> organisations, boolean self, boolean lastAdmin,
                              Map<String, String> errors, String notice) {
        public String error(String field) {
            return errors.get(field);
        }

        public String path() {
            return AccountAdminPages.path(account.username());
        }
    }

    public void accounts(Context ctx) {
        renderAccounts(ctx, Map.of(), Map.of());
    }

    public void account(Context ctx) {
        renderAccount(ctx, Map.of());
    }

    public void createAccount(Context ctx) {
        Map<String, String> values = RequestParts.fields(ctx, ACCOUNT_FIELDS);
        String password = RequestParts.field(ctx, "password");
        try {
            Account created = accounts.create(new AccountService.NewAccount(values.get("username"), values.get("displayName"),
                    values.get("email"), values.get("organisation"), "on".equals(ctx.formParam("admin")),
                    password.isEmpty() ? null : password), author(ctx));
            ctx.redirect(path(created.username()) + "?melding=aangemaakt");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderAccounts(ctx, values, views.texts(ctx).messages(e));
        }
    }

    /** Blocks, unblocks, grants or revokes beheerder rights; the service refuses what would harm the beheerder or the instance. */
    public void accountStatus(Context ctx) {
        Account account = account(ctx.pathParam("username"));
        String action = RequestParts.field(ctx, "action");
        try {
            switch (action) {
                case "blokkeren" -> accounts.setDisabled(account.username(), true, author(ctx));
                case "deblokkeren" -> accounts.setDisabled(account.username(), false, author(ctx));
                case "beheerder" -> accounts.setAdmin(account.username(), true, author(ctx));
                case "geen-beheerder" -> accounts.setAdmin(account.username(), false, author(ctx));
                default -> throw new InvalidInput("action", "error.account.action");
            }
            ctx.redirect(path(account.username()) + "?melding=" + action);
        } catch (InvalidInput e) {
            refused(ctx, views.texts(ctx).messages(e));
        }
    }

    /** Corrects an account's name, e-mail address or organisation. */
    public void updateAccount(Context ctx) {
        Account account = account(ctx.pathParam("username"));
        try {
            accounts.update(account.id(), ctx.formParam("displayName"), ctx.formParam("email"), ctx.formParam("organisation"),
                    author(ctx));
            ctx.redirect(path(account.username()) + "?melding=gewijzigd");
        } catch (InvalidInput e) {
            refused(ctx, views.texts(ctx).messages(e));
        }
    }

    public void resetPassword(Context ctx) {
        Account account = account(ctx.pathParam("username"));
        try {
            // the account's sessions end; a beheerder who resets their own stays signed in here
            accounts.setPassword(account.username(), null, RequestParts.field(ctx, "password"), author(ctx),
                    RequestParts.sessionId(ctx));
            ctx.redirect(path(account.username()) + "?melding=wachtwoord");
        } catch (InvalidInput e) {
            refused(ctx, Map.of("password", String.join(" ", views.texts(ctx).messages(e).values())));
        }
    }

    /** Revokes one of the account's API tokens, for instance when a laptop was lost. */
    public void revokeToken(Context ctx) {
        Account account = account(ctx.pathParam("username"));
        long token = RequestParts.id(ctx, "token");
        if (!tokens.revokeToken(account.id(), token, author(ctx))) {
            throw new NotFound("token");
        }
        ctx.redirect(path(account.username()) + "?melding=sleutel-ingetrokken");
    }

    static String path(String username) {
        return "/beheer/accounts/" + URLEncoder.encode(username, StandardCharsets.UTF_8);
    }

    private Account account(String username) {
        return accounts.byUsername(username).orElseThrow(() -> new NotFound("account"));
    }

    private void refused(Context ctx, Map<String, String> errors) {
        ctx.status(422);
        renderAccount(ctx, errors);
    }

    private void renderAccounts(Context ctx, Map<String, String> values, Map<String, String> errors) {
        Map<String, String> filter = RequestParts.fields(ctx, FILTER_FIELDS);
        var found = directory.search(new AccountDirectory.Search(filter.get("zoek"), filter.get("organisatie"),
                filter.get("rol"), filter.get("status"), Paging.pageNumber(ctx.queryParam("pagina"))));
        views.render(ctx, "admin/accounts.jte", new Accounts(found, filter, admin.organisations(), AccountDirectory.ROLES,
                AccountDirectory.STATES, values, errors, notice(ctx)));
    }

    private void renderAccount(Context ctx, Map<String, String> errors) {
        Account account = account(ctx.pathParam("username"));
        views.render(ctx, "admin/account.jte", new AccountPage(account, accounts.koppelzones(account.id()),
                tokens.tokens(account.id()), admin.organisations(), account.username().equals(Current.viewer(ctx).username()),
                accounts.lastActiveAdmin(account), errors, notice(ctx)));
    }
}
