package nl.afsprakenwiki.koppelzones;

import io.javalin.http.Context;
import nl.afsprakenwiki.InvalidInput;
import nl.afsprakenwiki.NotFound;
import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.accounts.Membership;
import nl.afsprakenwiki.agreements.AgreementListItem;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.auth.Permission;
import nl.afsprakenwiki.auth.Role;
import nl.afsprakenwiki.auth.Viewer;
import nl.afsprakenwiki.koppelzones.KoppelzoneViews.Home;
import nl.afsprakenwiki.koppelzones.KoppelzoneViews.KoppelzoneCard;
import nl.afsprakenwiki.koppelzones.KoppelzoneViews.MunicipalityGroup;
import nl.afsprakenwiki.web.Current;
import nl.afsprakenwiki.web.Notice;
import nl.afsprakenwiki.web.Views;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The home page, the koppelzone page and the voorzitter's management page (members and parties). */
public final class KoppelzonePages {

    private static final int RECENT_CHANGES = 15;
    private static final Set<String> NOTICES = Set.of("lid", "lid-verwijderd", "partij", "partij-verwijderd",
            "koppelzone", "gegevens");

    private final KoppelzoneService koppelzones;
    private final KoppelzoneAdmin admin;
    private final AgreementService agreements;
    private final AccountService accounts;
    private final Views views;
    private final Clock clock;

    public KoppelzonePages(KoppelzoneService koppelzones, KoppelzoneAdmin admin, AgreementService agreements,
                           AccountService accounts, Views views, Clock clock) {
        this.koppelzones = koppelzones;
        this.admin = admin;
        this.agreements = agreements;
        this.accounts = accounts;
        this.views = views;
        this.clock = clock;
    }

    public void home(Context ctx) {
        Viewer viewer = Current.viewer(ctx);
        List<AgreementListItem> all = agreements.list(null, null, viewer);
        Map<String, Long> perKoppelzone = all.stream()
                .collect(Collectors.groupingBy(AgreementListItem::koppelzoneSlug, Collectors.counting()));
        Map<Long, MunicipalityGroup> groups = new LinkedHashMap<>();
        for (var details : koppelzones.allWithParties()) {
            Koppelzone k = details.koppelzone();
            groups.computeIfAbsent(k.municipality().id(), id -> new MunicipalityGroup(k.municipality(), new ArrayList<>()))
                    .koppelzones().add(new KoppelzoneCard(k, perKoppelzone.getOrDefault(k.slug(), 0L).intValue(),
                            details.parties().size()));
        }
        views.render(ctx, "koppelzones/home.jte", new Home(List.copyOf(groups.values()),
                agreements.recentChanges(RECENT_CHANGES, viewer), all.size(), "uitgelogd".equals(ctx.queryParam("melding"))));
    }

    public void show(Context ctx) {
        var details = koppelzones.details(ctx.pathParam("slug")).orElseThrow(() -> new NotFound("koppelzone"));
        Viewer viewer = Current.viewer(ctx);
        long id = details.koppelzone().id();
        Map<AgreementStatus, List<AgreementListItem>> byStatus = new EnumMap<>(AgreementStatus.class);
        for (AgreementListItem item : agreements.list(id, null, viewer)) {
            byStatus.computeIfAbsent(item.status(), status -> new ArrayList<>()).add(item);
        }
        List<Membership> members = viewer.can(Permission.READ_DRAFTS, id) ? accounts.members(id) : List.of();
        views.render(ctx, "koppelzones/show.jte", new KoppelzoneViews.Show(details.koppelzone(), details.parties(), byStatus,
                LocalDate.now(clock), members, viewer.can(Permission.CREATE, id), viewer.can(Permission.MANAGE_KOPPELZONE, id)));
    }

    public void manage(Context ctx) {
        renderManage(ctx, details(ctx), Map.of());
    }

    public void setMember(Context ctx) {
        var details = details(ctx);
        try {
            Role role = Role.fromCode(String.valueOf(ctx.formParam("role")))
                    .orElseThrow(() -> new InvalidInput("role", "error.membership.role"));
            accounts.setMember(details.koppelzone().id(), ctx.formParam("username"), role, Current.viewer(ctx).author());
            ctx.redirect(managePath(details) + "?melding=lid");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderManage(ctx, details, views.texts(ctx).messages(e));
        }
    }

    public void removeMember(Context ctx) {
        var details = details(ctx);
        if (!accounts.removeMember(details.koppelzone().id(), ctx.pathParam("username"), Current.viewer(ctx).author())) {
            throw new NotFound("member");
        }
        ctx.redirect(managePath(details) + "?melding=lid-verwijderd");
    }

    public void setParty(Context ctx) {
        var details = details(ctx);
        try {
            admin.setParty(details.koppelzone().id(), ctx.formParam("organisation"), date(ctx.formParam("joinedOn")),
                    Current.viewer(ctx).author());
            ctx.redirect(managePath(details) + "?melding=partij");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderManage(ctx, details, views.texts(ctx).messages(e));
        }
    }

    public void removeParty(Context ctx) {
        var details = details(ctx);
        try {
            admin.removeParty(details.koppelzone().id(), ctx.pathParam("organisation"), Current.viewer(ctx).author());
            ctx.redirect(managePath(details) + "?melding=partij-verwijderd");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderManage(ctx, details, views.texts(ctx).messages(e));
        }
    }

    private void renderManage(Context ctx, KoppelzoneService.Details details, Map<String, String> errors) {
        long id = details.koppelzone().id();
        views.render(ctx, "koppelzones/manage.jte", new KoppelzoneViews.Manage(details.koppelzone(), details.parties(),
                accounts.members(id), admin.organisations(), List.of(Role.values()), errors,
                Notice.key(ctx, "manage.notice.", NOTICES)));
    }

    private KoppelzoneService.Details details(Context ctx) {
        return koppelzones.details(ctx.pathParam("slug")).orElseThrow(() -> new NotFound("koppelzone"));
    }

    private static String managePath(KoppelzoneService.Details details) {
        return "/koppelzones/" + details.koppelzone().slug() + "/beheer";
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("joinedOn", "error.reviewDate.invalid");
        }
    }
}
