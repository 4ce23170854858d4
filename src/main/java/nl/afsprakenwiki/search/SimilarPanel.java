package nl.afsprakenwiki.search;

import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementPanel;
import nl.afsprakenwiki.web.PageContext;
import nl.afsprakenwiki.web.Views;

import java.util.List;
import java.util.Map;

/** "Vergelijkbare afspraken elders" on the agreement page: what works in other koppelzones on the same subject. */
public final class SimilarPanel implements AgreementPanel {

    private final SimilarAgreements similar;
    private final Views views;

    public SimilarPanel(SimilarAgreements similar, Views views) {
        this.similar = similar;
        this.views = views;
    }

    @Override
    public List<Part> parts(Agreement agreement, PageContext page) {
        List<SimilarAgreements.Similar> found = similar.like(agreement.id(), agreement.koppelzone().id(), page.viewer());
        return List.of(new Part(Slot.SECTIONS, views.content("search/similar.jte", Map.of("page", page, "similar", found))));
    }
}
