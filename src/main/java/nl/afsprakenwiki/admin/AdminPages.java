package nl.afsprakenwiki.admin;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.accounts.Account;
import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.accounts.SsoAccounts;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneAdmin;
import nl.afsprakenwiki.koppelzones.KoppelzoneLevel;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.koppelzones.Municipality;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.koppelzones.OrganisationKind;
import nl.afsprakenwiki.web.Current;
import nl.afsprakenwiki.web.Notice;
import nl.afsprakenwiki.web.Paging;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.Views;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The beheerder's pages: accounts, organisations, municipalities, koppelzones, settings and the audit log. */
public final class AdminPages {

    private static final int AUDIT_PAGE = 50;
    private static final String[] ACCOUNT_FIELDS = {"username", "displayName", "email", "organisation"};

    private final AccountService accounts;
    private final SsoAccounts ssoAccounts;
    private final KoppelzoneService koppelzones;
    private final KoppelzoneAdmin admin;
    private final AuditLog audit;
    private final Views views;

    public AdminPages(AccountService accounts, SsoAccounts ssoAccounts, KoppelzoneService koppelzones, KoppelzoneAdmin admin, AuditLog audit,
                      Views views) {
        this.accounts = accounts;
        this.ssoAccounts = ssoAccounts;
        this.koppelzones = koppelzones;
        this.admin = admin;
        this.audit = audit;
        this.views = views;
    }

    public record Overview(int accounts, int organisations, int municipalities, int koppelzones, boolean createOnSso,
                           String notice) {
    }

    public record Accounts(List<Account> accounts, List<Organisation> organisations, Map<String, String> values,
                           Map<String, String> errors, String notice) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    public record Organisations(List<Organisation> organisations, List<OrganisationKind> kinds, Map<String, String> values,
                                Map<String, String> errors, String notice) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    public record Municipalities(List<Municipality> municipalities, Map<String, String> values, Map<String, String> errors,
                                 String notice) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    public record Koppelzones(List<KoppelzoneService.Details> koppelzones, List<Municipality> municipalities,
                              List<KoppelzoneLevel> levels, Map<String, String> values, Map<String, String> errors,
                              String notice) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    public record Audit(List<AuditLog.Event> events, List<Koppelzone> koppelzones, Map<String, String> filter, int page,
                        boolean more) {
        /** The query string for another page of the same filter. */
        public String pageLink(int number) {
            StringBuilder query = new StringBuilder("?pagina=").append(number);
            filter.forEach((key, value) -> {
                if (!value.isEmpty()) {
                    query.append('&').append(key).append('=').append(java.net.URLEncoder.encode(value,
                            java.nio.charset.StandardCharsets.UTF_8));
                }
            });
            return query.toString();
        }
    }

    // --- overview and settings ------------------------------------------------------------------

    public void overview(Context ctx) {
        views.render(ctx, "admin/overview.jte", new Overview(accounts.all().size(), admin.organisations().size(),
                admin.municipalities().size(), koppelzones.all().size(), ssoAccounts.autoCreateOnSso(), notice(ctx)));
    }

    public void settings(Context ctx) {
        ssoAccounts.setAutoCreateOnSso("on".equals(ctx.formParam("createOnSso")), author(ctx));
        ctx.redirect("/beheer?melding=instellingen");
    }

    // --- accounts -------------------------------------------------------------------------------

    public void accounts(Context ctx) {
        renderAccounts(ctx, Map.of(), Map.of());
    }

    public void createAccount(Context ctx) {
        Map<String, String> values = values(ctx, ACCOUNT_FIELDS);
        Map<String, String> errors = new LinkedHashMap<>();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
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
        String action = String.valueOf(ctx.formParam("action"));
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
            accounts.setPassword(username, null, String.valueOf(ctx.formParam("password")), author(ctx));
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

    // --- organisations --------------------------------------------------------------------------

    public void organisations(Context ctx) {
        renderOrganisations(ctx, Map.of(), Map.of());
    }

    public void createOrganisation(Context ctx) {
        Map<String, String> values = values(ctx, "name", "slug", "kind");
        try {
            admin.createOrganisation(values.get("slug"), values.get("name"),
                    OrganisationKind.fromCode(values.get("kind")).orElse(null), author(ctx));
            ctx.redirect("/beheer/organisaties?melding=aangemaakt");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderOrganisations(ctx, values, views.texts(ctx).messages(e));
        }
    }

    public void updateOrganisation(Context ctx) {
        try {
            admin.updateOrganisation(ctx.pathParam("slug"), ctx.formParam("name"),
                    OrganisationKind.fromCode(String.valueOf(ctx.formParam("kind"))).orElse(null), author(ctx));
            ctx.redirect("/beheer/organisaties?melding=gewijzigd");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderOrganisations(ctx, Map.of(), views.texts(ctx).messages(e));
        }
    }

    private void renderOrganisations(Context ctx, Map<String, String> values, Map<String, String> errors) {
        views.render(ctx, "admin/organisations.jte", new Organisations(admin.organisations(),
                List.of(OrganisationKind.values()), values, errors, notice(ctx)));
    }

    // --- municipalities -------------------------------------------------------------------------

    public void municipalities(Context ctx) {
        renderMunicipalities(ctx, Map.of(), Map.of());
    }

    public void createMunicipality(Context ctx) {
        Map<String, String> values = values(ctx, "name", "slug", "jeugdregio");
        try {
            admin.createMunicipality(values.get("slug"), values.get("name"), values.get("jeugdregio"), author(ctx));
            ctx.redirect("/beheer/gemeenten?melding=aangemaakt");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderMunicipalities(ctx, values, views.texts(ctx).messages(e));
        }
    }

    private void renderMunicipalities(Context ctx, Map<String, String> values, Map<String, String> errors) {
        views.render(ctx, "admin/municipalities.jte", new Municipalities(admin.municipalities(), values, errors, notice(ctx)));
    }

    // --- koppelzones ----------------------------------------------------------------------------

    public void koppelzones(Context ctx) {
        renderKoppelzones(ctx, Map.of(), Map.of());
    }

    public void createKoppelzone(Context ctx) {
        Map<String, String> values = values(ctx, "name", "slug", "municipality", "level", "description");
        try {
            Koppelzone created = admin.createKoppelzone(new KoppelzoneAdmin.NewKoppelzone(values.get("slug"),
                    values.get("name"), values.get("municipality"), KoppelzoneLevel.fromCode(values.get("level")).orElse(null),
                    values.get("description"), null), author(ctx));
            ctx.redirect(Paths.koppelzone(created.slug()) + "/beheer?melding=koppelzone");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderKoppelzones(ctx, values, views.texts(ctx).messages(e));
        }
    }

    public void updateKoppelzone(Context ctx) {
        Koppelzone koppelzone = koppelzones.bySlug(ctx.pathParam("slug")).orElseThrow(() -> new NotFound("koppelzone"));
        try {
            admin.updateKoppelzone(koppelzone.id(), ctx.formParam("name"),
                    KoppelzoneLevel.fromCode(String.valueOf(ctx.formParam("level"))).orElse(null),
                    ctx.formParam("description"), ctx.formParam("chair"), author(ctx));
            ctx.redirect(Paths.koppelzone(koppelzone.slug()) + "/beheer?melding=gegevens");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderKoppelzones(ctx, Map.of(), views.texts(ctx).messages(e));
        }
    }

    private void renderKoppelzones(Context ctx, Map<String, String> values, Map<String, String> errors) {
        views.render(ctx, "admin/koppelzones.jte", new Koppelzones(koppelzones.allWithParties(), admin.municipalities(),
                List.of(KoppelzoneLevel.values()), values, errors, notice(ctx)));
    }

    // --- audit log ------------------------------------------------------------------------------

    public void audit(Context ctx) {
        Map<String, String> filter = values(ctx, "persoon", "koppelzone", "van", "tot", "actie");
        int page = Paging.pageNumber(ctx.queryParam("pagina"));
        Long koppelzone = koppelzones.bySlug(filter.get("koppelzone")).map(Koppelzone::id).orElse(null);
        var events = audit.search(new AuditLog.Filter(filter.get("persoon"), koppelzone, date(filter.get("van")),
                date(filter.get("tot")), filter.get("actie")), AUDIT_PAGE + 1, (page - 1) * AUDIT_PAGE);
        boolean more = events.size() > AUDIT_PAGE;
        views.render(ctx, "admin/audit.jte", new Audit(more ? events.subList(0, AUDIT_PAGE) : events, koppelzones.all(),
                filter, page, more));
    }

    // --- helpers --------------------------------------------------------------------------------

    private static Author author(Context ctx) {
        return Current.viewer(ctx).author();
    }

    private static final Set<String> NOTICES = Set.of("instellingen", "aangemaakt", "gewijzigd", "blokkeren",
            "deblokkeren", "beheerder", "geen-beheerder", "wachtwoord");

    private static String notice(Context ctx) {
        return Notice.key(ctx, "admin.notice.", NOTICES);
    }

    /** Form or query values exactly as typed, so a form that comes back with errors keeps them. */
    private static Map<String, String> values(Context ctx, String... fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            String value = ctx.formParam(field);
            if (value == null) {
                value = ctx.queryParam(field);
            }
            values.put(field, value == null ? "" : value);
        }
        return values;
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
