package nl.afsprakenwiki.site;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.AgreementListItem;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.following.Followed;
import nl.afsprakenwiki.following.Follows;
import nl.afsprakenwiki.koppelzones.Current;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.koppelzones.Membership;
import nl.afsprakenwiki.koppelzones.Memberships;
import nl.afsprakenwiki.site.KoppelzoneViews.Home;
import nl.afsprakenwiki.site.KoppelzoneViews.KoppelzoneCard;
import nl.afsprakenwiki.site.KoppelzoneViews.MunicipalityGroup;
import nl.afsprakenwiki.web.Notice;
import nl.afsprakenwiki.web.Views;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The hub pages: the home page (every koppelzone, recent changes) and the koppelzone page (its parties, agreements, members). */
public final class KoppelzonePages {

    /** How many agreements "recent changes" lists (each once, however busy). */
    private static final int RECENT_AGREEMENTS = 12;

    private final KoppelzoneService koppelzones;
    private final AgreementService agreements;
    private final Memberships memberships;
    private final Views views;
    private final Clock clock;
    private final Follows follows;

    public KoppelzonePages(KoppelzoneService koppelzones, AgreementService agreements, Memberships memberships,
                           Views views, Clock clock, Follows follows) {
        this.follows = follows;
        this.koppelzones = koppelzones;
        this.agreements = agreements;
        this.memberships = memberships;
        this.views = views;
        this.clock = clock;
    }

    public void home(Context ctx) {
        Viewer viewer = Current.viewer(ctx);
        // counted by the database: at national scale the home page must not read every agreement
        Map<Long, Integer> perKoppelzone = agreements.countsPerKoppelzone(viewer);
        Map<Long, MunicipalityGroup> groups = new LinkedHashMap<>();
        for (var details : koppelzones.allWithParties()) {
            Koppelzone k = details.koppelzone();
            groups.computeIfAbsent(k.municipality().id(), id -> new MunicipalityGroup(k.municipality(), new ArrayList<>()))
                    .koppelzones().add(new KoppelzoneCard(k, perKoppelzone.getOrDefault(k.id(), 0),
                            details.parties().size()));
        }
        int total = perKoppelzone.values().stream().mapToInt(Integer::intValue).sum();
        views.render(ctx, "koppelzones/home.jte", new Home(List.copyOf(groups.values()),
                agreements.recentlyChanged(RECENT_AGREEMENTS, viewer), total, "uitgelogd".equals(ctx.queryParam("melding"))));
    }

    public void show(Context ctx) {
        var details = koppelzones.details(Current.koppelzone(ctx));
        Viewer viewer = Current.viewer(ctx);
        long id = details.koppelzone().id();
        Map<AgreementStatus, List<AgreementListItem>> byStatus = new EnumMap<>(AgreementStatus.class);
        for (AgreementListItem item : agreements.list(id, null, viewer)) {
            byStatus.computeIfAbsent(item.status(), status -> new ArrayList<>()).add(item);
        }
        List<Membership> members = viewer.can(Permission.READ_DRAFTS, id) ? memberships.members(id) : List.of();
        Boolean following = viewer.authenticated() ? follows.follows(viewer, Followed.Kind.KOPPELZONE, id) : null;
        views.render(ctx, "koppelzones/show.jte", new KoppelzoneViews.Show(details.koppelzone(), details.parties(), byStatus,
                LocalDate.now(clock), members, viewer.can(Permission.CREATE, id), viewer.can(Permission.MANAGE_KOPPELZONE, id),
                following, Notice.key(ctx, "follow.notice.koppelzone.", Set.of("gevolgd", "niet-meer-gevolgd"))));
    }

}
