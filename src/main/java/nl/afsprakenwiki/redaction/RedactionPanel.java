package nl.afsprakenwiki.redaction;

import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementPanel;
import nl.afsprakenwiki.agreements.Revision;
import nl.afsprakenwiki.web.PageContext;
import nl.afsprakenwiki.web.Views;

import java.util.List;
import java.util.Map;

/** For a beheerder, "Persoonsgegeven verwijderen" among the agreement's actions; and the notice after a redaction. */
public final class RedactionPanel implements AgreementPanel {

    private final Views views;

    public RedactionPanel(Views views) {
        this.views = views;
    }

    @Override
    public List<Part> parts(Agreement agreement, PageContext page) {
        if (!page.viewer().can(Permission.REDACT, agreement.koppelzone().id())) {
            return List.of();
        }
        return List.of(new Part(Slot.ACTIONS, views.content("redaction/action.jte", Map.of("page", page,
                "agreement", agreement, "revision", agreement.currentRevision()))));
    }

    /** On an earlier revision's page: the same, for that revision. */
    @Override
    public List<Part> revisionParts(Agreement agreement, Revision revision, PageContext page) {
        if (!page.viewer().can(Permission.REDACT, agreement.koppelzone().id())) {
            return List.of();
        }
        return List.of(new Part(Slot.ARTICLE_END, views.content("redaction/revision.jte", Map.of("page", page,
                "agreement", agreement, "revision", revision.number()))));
    }

    @Override
    public Map<String, String> notices() {
        return Map.of("persoonsgegeven-verwijderd", "redaction.notice.done");
    }
}
