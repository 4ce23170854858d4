package nl.afsprakenwiki.adoption;

import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.MorePending;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * For "Mijn overzicht": adopted agreements whose source has a newer endorsed revision (to take over
 * or set aside), and the viewer's agreements that adopters sent proposals to. Both only in the
 * koppelzones where the viewer may act on them (edit).
 */
public final class PendingAdoption implements MorePending {

    /** More than this many lines would not be an overview; the koppelzone pages have the rest. */
    private static final int MOST = 50;

    private final Adoptions adoptions;
    private final AgreementService agreements;

    public PendingAdoption(Adoptions adoptions, AgreementService agreements) {
        this.adoptions = adoptions;
        this.agreements = agreements;
    }

    @Override
    public List<Section> sections(Viewer viewer, Texts texts) {
        List<Long> zones = viewer.roles().keySet().stream().filter(zone -> viewer.can(Permission.EDIT, zone)).sorted().toList();
        if (zones.isEmpty()) {
            return List.of();
        }
        List<Long> behind = adoptions.db().read(handle -> adoptions.store().behindTheirSource(handle, zones, MOST));
        List<Map.Entry<Long, Integer>> proposed = adoptions.db().read(handle -> adoptions.store().openProposalsIn(handle, zones, MOST));
        List<Entry> upstream = new ArrayList<>();
        for (long id : behind) {
            Optional<AgreementService.Version> adopted = agreements.version(id, null, viewer);
            Optional<Agreement> source = adoptions.link(id).flatMap(link -> agreements.find(link.sourceId(), viewer))
                    .filter(Agreement::published);
            if (adopted.isPresent() && source.isPresent()) {
                upstream.add(new Entry(adopted.get().revision().title(), Paths.agreement(id, "/bron-bijwerken"),
                        texts.get("mine.upstreamDetail", source.get().koppelzone().name(), source.get().endorsedRevision())));
            }
        }
        List<Entry> incoming = new ArrayList<>();
        for (Map.Entry<Long, Integer> open : proposed) {
            agreements.version(open.getKey(), null, viewer).ifPresent(version -> incoming.add(new Entry(
                    version.revision().title(), Paths.agreement(open.getKey(), "/bronvoorstellen"),
                    texts.get("mine.incomingDetail", open.getValue()))));
        }
        List<Section> sections = new ArrayList<>();
        if (!upstream.isEmpty()) {
            sections.add(new Section("bron-bijwerken", texts.get("mine.upstream"), upstream));
        }
        if (!incoming.isEmpty()) {
            sections.add(new Section("bronvoorstellen", texts.get("mine.incoming"), incoming));
        }
        return sections;
    }
}
