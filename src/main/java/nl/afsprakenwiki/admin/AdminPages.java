package nl.afsprakenwiki.admin;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.accounts.SsoAccounts;
import nl.afsprakenwiki.koppelzones.KoppelzoneAdmin;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.notifications.Outbox;
import nl.afsprakenwiki.web.Current;
import nl.afsprakenwiki.web.Notice;
import nl.afsprakenwiki.web.Views;

import java.util.Set;

/**
 * The beheerder's start page with the counts of what there is, the site-wide settings and the state of
 * mail (where it goes, the outbox, a test message). The other
 * administration pages: {@link AccountAdminPages}, {@link RegisterPages} (organisations, municipalities,
 * koppelzones) and {@link AuditPages}.
 */
public final class AdminPages {

    private final AccountService accounts;
    private final SsoAccounts ssoAccounts;
    private final KoppelzoneService koppelzones;
    private final KoppelzoneAdmin admin;
    private final Outbox outbox;
    private final Views views;

    public AdminPages(AccountService accounts, SsoAccounts ssoAccounts, KoppelzoneService koppelzones, KoppelzoneAdmin admin,
                      Outbox outbox, Views views) {
        this.outbox = outbox;
        this.accounts = accounts;
        this.ssoAccounts = ssoAccounts;
        this.koppelzones = koppelzones;
        this.admin = admin;
        this.views = views;
    }

    /** @param noticeIsProblem the notice says something did not happen (shown as a warning) */
    public record Overview(int accounts, int organisations, int municipalities, int koppelzones, boolean createOnSso,
                           String notice, boolean noticeIsProblem, Outbox.Status mail) {
    }

    public void overview(Context ctx) {
        String notice = notice(ctx);
        views.render(ctx, "admin/overview.jte", new Overview(accounts.count(), admin.organisations().size(),
                admin.municipalities().size(), koppelzones.all().size(), ssoAccounts.autoCreateOnSso(), notice,
                notice != null && PROBLEMS.contains(notice), outbox.status()));
    }

    /** A test message to the beheerder's own address, through the outbox. */
    public void testMessage(Context ctx) {
        String notice = switch (outbox.sendTest(Current.viewer(ctx).accountId(), author(ctx))) {
            case QUEUED -> "testbericht";
            case NO_ADDRESS -> "geen-adres";
            case MAIL_OFF -> "mail-uit";
        };
        ctx.redirect("/beheer?melding=" + notice + "#e-mail");
    }

    private static final Set<String> PROBLEMS = Set.of("admin.notice.geen_adres", "admin.notice.mail_uit");

    public void settings(Context ctx) {
        ssoAccounts.setAutoCreateOnSso("on".equals(ctx.formParam("createOnSso")), author(ctx));
        ctx.redirect("/beheer?melding=instellingen");
    }

    // --- shared by the administration pages ---------------------------------------------------

    private static final Set<String> NOTICES = Set.of("instellingen", "aangemaakt", "gewijzigd", "blokkeren",
            "deblokkeren", "beheerder", "geen-beheerder", "wachtwoord", "sleutel-ingetrokken", "testbericht", "geen-adres",
            "mail-uit");

    static Author author(Context ctx) {
        return Current.viewer(ctx).author();
    }

    static String notice(Context ctx) {
        return Notice.key(ctx, "admin.notice.", NOTICES);
    }
}
