package nl.afsprakenwiki.endorsements;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.Current;
import nl.afsprakenwiki.agreements.MorePending;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.web.Notice;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.Views;

import java.util.List;
import java.util.Set;

/** "Mijn overzicht", a koppelzone's overview, and the kennisname of new parties. */
public final class OverviewPages {

    private final Overviews overviews;
    private final Lifecycle lifecycle;
    private final KoppelzoneService koppelzones;
    private final AgreementService agreements;
    private final Views views;
    private final List<MorePending> more;

    public OverviewPages(Overviews overviews, Lifecycle lifecycle, KoppelzoneService koppelzones,
                         AgreementService agreements, Views views, List<MorePending> more) {
        this.more = List.copyOf(more);
        this.overviews = overviews;
        this.lifecycle = lifecycle;
        this.koppelzones = koppelzones;
        this.agreements = agreements;
        this.views = views;
    }

    public void mine(Context ctx) {
        Viewer viewer = Current.viewer(ctx);
        var texts = views.texts(ctx);
        List<MorePending.Section> sections = more.stream().flatMap(pending -> pending.sections(viewer, texts).stream()).toList();
        views.render(ctx, "endorsements/mine.jte", new LifecycleViews.MineView(overviews.mine(viewer), sections));
    }

    public void koppelzone(Context ctx) {
        Koppelzone koppelzone = koppelzoneOf(ctx);
        views.render(ctx, "endorsements/overview.jte", new LifecycleViews.KoppelzoneView(
                overviews.koppelzone(koppelzone, Current.viewer(ctx)),
                Current.viewer(ctx).can(Permission.RETIRE, koppelzone.id())));
    }

    /** "Afspraken die voor u gelden" for the viewer's organisation, and who has taken note of what. */
    public void applying(Context ctx) {
        Koppelzone koppelzone = koppelzoneOf(ctx);
        Viewer viewer = Current.viewer(ctx);
        var parties = overviews.newParties(koppelzone, agreements.list(koppelzone.id(), null, viewer));
        var mine = viewer.organisationId() == null ? null : parties.stream()
                .filter(party -> party.organisation().id() == viewer.organisationId()).findFirst().orElse(null);
        views.render(ctx, "endorsements/applying.jte", new LifecycleViews.ApplyingView(koppelzone, parties, mine,
                viewer.can(Permission.ACKNOWLEDGE, koppelzone.id()),
                Notice.key(ctx, "applying.notice.", Set.of("kennisgenomen"))));
    }

    public void acknowledge(Context ctx) {
        Agreement agreement = Current.agreement(ctx);
        lifecycle.acknowledge(agreement.id(), Current.viewer(ctx));
        ctx.redirect("mijn-overzicht".equals(ctx.formParam("terug")) ? "/mijn-overzicht"
                : Paths.koppelzone(agreement.koppelzone().slug()) + "/kennisname?melding=kennisgenomen");
    }

    private Koppelzone koppelzoneOf(Context ctx) {
        return Current.koppelzone(ctx);
    }
}
