package nl.afsprakenwiki.admin;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.accounts.SsoAccounts;
import nl.afsprakenwiki.koppelzones.KoppelzoneAdmin;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.web.Current;
import nl.afsprakenwiki.web.Notice;
import nl.afsprakenwiki.web.Views;

import java.util.Set;

/**
 * The beheerder's start page with the counts of what there is, and the site-wide settings. The other
 * administration pages: {@link AccountAdminPages}, {@link RegisterPages} (organisations, municipalities,
 * koppelzones) and {@link AuditPages}.
 */
public final class AdminPages {

    private final AccountService accounts;
    private final SsoAccounts ssoAccounts;
    private final KoppelzoneService koppelzones;
    private final KoppelzoneAdmin admin;
    private final Views views;

    public AdminPages(AccountService accounts, SsoAccounts ssoAccounts, KoppelzoneService koppelzones, KoppelzoneAdmin admin,
                      Views views) {
        this.accounts = accounts;
        this.ssoAccounts = ssoAccounts;
        this.koppelzones = koppelzones;
        this.admin = admin;
        this.views = views;
    }

    public record Overview(int accounts, int organisations, int municipalities, int koppelzones, boolean createOnSso,
                           String notice) {
    }

    public void overview(Context ctx) {
        views.render(ctx, "admin/overview.jte", new Overview(accounts.count(), admin.organisations().size(),
                admin.municipalities().size(), koppelzones.all().size(), ssoAccounts.autoCreateOnSso(), notice(ctx)));
    }

    public void settings(Context ctx) {
        ssoAccounts.setAutoCreateOnSso("on".equals(ctx.formParam("createOnSso")), author(ctx));
        ctx.redirect("/beheer?melding=instellingen");
    }

    // --- shared by the administration pages ---------------------------------------------------

    private static final Set<String> NOTICES = Set.of("instellingen", "aangemaakt", "gewijzigd", "blokkeren",
            "deblokkeren", "beheerder", "geen-beheerder", "wachtwoord", "sleutel-ingetrokken");

    static Author author(Context ctx) {
        return Current.viewer(ctx).author();
    }

    static String notice(Context ctx) {
        return Notice.key(ctx, "admin.notice.", NOTICES);
    }
}
