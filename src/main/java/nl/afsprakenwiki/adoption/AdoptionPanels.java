package nl.afsprakenwiki.adoption;

import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementPanel;
import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.web.PageContext;
import nl.afsprakenwiki.web.Views;

import java.util.List;
import java.util.Map;

/** What the agreement page shows about adoption (see {@link AdoptionViews.Panel}): its family, upstream changes, adopting it. */
public final class AdoptionPanels implements AgreementPanel {

    private final Adoptions adoptions;
    private final Lineage lineage;
    private final SourceProposals proposals;
    private final Views views;

    public AdoptionPanels(Adoptions adoptions, Lineage lineage, SourceProposals proposals, Views views) {
        this.views = views;
        this.adoptions = adoptions;
        this.lineage = lineage;
        this.proposals = proposals;
    }

    @Override
    public List<Part> parts(Agreement agreement, PageContext page) {
        AdoptionViews.Panel panel = panel(agreement, page.viewer());
        if (panel.empty()) {
            return List.of();
        }
        return List.of(new Part(Slot.SECTIONS, views.content("adoption/panel.jte",
                Map.of("page", page, "agreement", agreement, "panel", panel))));
    }

    @Override
    public Map<String, String> notices() {
        return Map.of("overgenomen", "notice.adopted", "bron-bijgewerkt", "notice.upstreamMerged",
                "bron-gelijk", "notice.upstreamSame", "bron-genegeerd", "notice.upstreamDismissed",
                "voorstel-aan-bron", "notice.proposedBack", "voorstel-aanvaard", "notice.proposalAccepted");
    }

    AdoptionViews.Panel panel(Agreement agreement, Viewer viewer) {
        boolean mayAdopt = adoptions.mayAdoptSomewhere(agreement, viewer);
        // a visitor learns that signing in is how one adopts a public agreement, where a member sees the action
        boolean signInToAdopt = !viewer.authenticated() && agreement.published();
        Adoptions.Links links = adoptions.links(agreement.id());
        if (links.none()) {
            // most agreements have no family: nothing more to read on the most visited page
            return new AdoptionViews.Panel(null, null, 0, List.of(), mayAdopt, false, signInToAdopt);
        }
        long koppelzone = agreement.koppelzone().id();
        boolean mayEdit = viewer.can(Permission.EDIT, koppelzone);
        Lineage.Family family = lineage.family(agreement.id(), viewer).orElse(null);
        boolean adopted = family != null && family.source().isPresent();
        return new AdoptionViews.Panel(family,
                mayEdit && adopted ? adoptions.upstream(agreement.id(), viewer).orElse(null) : null,
                !links.adopters().isEmpty() && viewer.can(Permission.READ_DRAFTS, koppelzone)
                        ? proposals.openCount(agreement.id()) : 0,
                mayEdit && adopted ? proposals.outgoing(agreement.id()).stream().limit(3).toList() : List.of(),
                mayAdopt, mayEdit && adopted && agreement.status() != AgreementStatus.VERVALLEN, signInToAdopt);
    }
}
