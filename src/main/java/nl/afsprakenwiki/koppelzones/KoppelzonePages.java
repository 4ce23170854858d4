package nl.afsprakenwiki.koppelzones;

import io.javalin.http.Context;
import nl.afsprakenwiki.NotFound;
import nl.afsprakenwiki.agreements.AgreementListItem;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.koppelzones.KoppelzoneViews.Home;
import nl.afsprakenwiki.koppelzones.KoppelzoneViews.KoppelzoneCard;
import nl.afsprakenwiki.koppelzones.KoppelzoneViews.MunicipalityGroup;
import nl.afsprakenwiki.web.Views;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The home page (municipalities, their koppelzones, recent changes) and the koppelzone page. */
public final class KoppelzonePages {

    private static final int RECENT_CHANGES = 15;

    private final KoppelzoneService koppelzones;
    private final AgreementService agreements;
    private final Views views;
    private final Clock clock;

    public KoppelzonePages(KoppelzoneService koppelzones, AgreementService agreements, Views views, Clock clock) {
        this.koppelzones = koppelzones;
        this.agreements = agreements;
        this.views = views;
        this.clock = clock;
    }

    public void home(Context ctx) {
        List<AgreementListItem> all = agreements.list(null, null);
        Map<String, Long> perKoppelzone = all.stream()
                .collect(Collectors.groupingBy(AgreementListItem::koppelzoneSlug, Collectors.counting()));
        Map<Long, MunicipalityGroup> groups = new LinkedHashMap<>();
        for (var details : koppelzones.allWithParties()) {
            Koppelzone k = details.koppelzone();
            groups.computeIfAbsent(k.municipality().id(), id -> new MunicipalityGroup(k.municipality(), new ArrayList<>()))
                    .koppelzones().add(new KoppelzoneCard(k, perKoppelzone.getOrDefault(k.slug(), 0L).intValue(),
                            details.parties().size()));
        }
        views.render(ctx, "koppelzones/home.jte",
                new Home(List.copyOf(groups.values()), agreements.recentChanges(RECENT_CHANGES), all.size()));
    }

    public void show(Context ctx) {
        var details = koppelzones.details(ctx.pathParam("slug")).orElseThrow(() -> new NotFound("koppelzone"));
        Map<AgreementStatus, List<AgreementListItem>> byStatus = new EnumMap<>(AgreementStatus.class);
        for (AgreementListItem item : agreements.list(details.koppelzone().id(), null)) {
            byStatus.computeIfAbsent(item.status(), status -> new ArrayList<>()).add(item);
        }
        views.render(ctx, "koppelzones/show.jte",
                new KoppelzoneViews.Show(details.koppelzone(), details.parties(), byStatus, LocalDate.now(clock)));
    }
}
