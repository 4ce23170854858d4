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
        long koppelzone = agreement.koppelzone().id();
        boolean mayEdit = viewer.can(Permission.EDIT, koppelzone);
        Lineage.Family family = lineage.family(agreement.id(), viewer).orElse(null);
        boolean adopted = family != null && family.source().isPresent();
        return new AdoptionViews.Panel(family,
                mayEdit && adopted ? adoptions.upstream(agreement.id(), viewer).orElse(null) : null,
                viewer.can(Permission.READ_DRAFTS, koppelzone) ? proposals.openCount(agreement.id()) : 0,
                mayEdit && adopted ? proposals.outgoing(agreement.id()).stream().limit(3).toList() : List.of(),
                viewer.authenticated() && agreement.published() && !adoptions.targets(agreement, viewer).isEmpty(),
                mayEdit && adopted && agreement.status() != nl.afsprakenwiki.agreements.AgreementStatus.VERVALLEN);
    }
}
