package nl.afsprakenwiki.adoption;

import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.auth.Permission;
import nl.afsprakenwiki.auth.Viewer;

import java.util.List;

/** Builds what the agreement page shows about adoption (see {@link AdoptionViews.Panel}). */
public final class AdoptionPanels {

    private final Adoptions adoptions;
    private final Lineage lineage;
    private final SourceProposals proposals;

    public AdoptionPanels(Adoptions adoptions, Lineage lineage, SourceProposals proposals) {
        this.adoptions = adoptions;
        this.lineage = lineage;
        this.proposals = proposals;
    }

    public AdoptionViews.Panel panel(Agreement agreement, Viewer viewer) {
        boolean mayAdopt = adoptions.mayAdoptSomewhere(agreement, viewer);
        Adoptions.Links links = adoptions.links(agreement.id());
        if (links.none()) {
            // most agreements have no family: nothing more to read on the most visited page
            return new AdoptionViews.Panel(null, null, 0, List.of(), mayAdopt, false);
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
                mayAdopt, mayEdit && adopted && agreement.status() != nl.afsprakenwiki.agreements.AgreementStatus.VERVALLEN);
    }
}
