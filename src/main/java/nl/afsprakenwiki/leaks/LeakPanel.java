package nl.afsprakenwiki.leaks;

import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementPanel;
import nl.afsprakenwiki.web.PageContext;
import nl.afsprakenwiki.web.Views;

import java.util.List;
import java.util.Map;

/**
 * "Lost dit waardelek op" below the agreement: the leaks it solves. A visitor sees the published
 * solved ones; members of the koppelzone see every linked leak.
 */
public final class LeakPanel implements AgreementPanel {

    private final Leaks leaks;
    private final Views views;

    public LeakPanel(Leaks leaks, Views views) {
        this.leaks = leaks;
        this.views = views;
    }

    @Override
    public List<Part> parts(Agreement agreement, PageContext page) {
        List<Leak> solved = leaks.ofAgreement(agreement.id(), page.viewer());
        if (solved.isEmpty()) {
            return List.of();
        }
        return List.of(new Part(Slot.SECTIONS, views.content("leaks/panel.jte", Map.of("page", page, "leaks", solved))));
    }
}
