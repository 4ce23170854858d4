package nl.afsprakenwiki.endorsements;

import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementPanel;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.agreements.TextDiff;
import nl.afsprakenwiki.web.PageContext;
import nl.afsprakenwiki.web.Views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The endorsement lifecycle on the agreement page: the herziening banner with its change against
 * the endorsed revision, the "onderhoud nodig" badge, the moves the viewer may make, and the
 * endorsement block with every party's decision.
 */
public final class LifecyclePanel implements AgreementPanel {

    private static final String TEMPLATE = "endorsements/agreement-parts.jte";

    private final Lifecycle lifecycle;
    private final RoundViews rounds;
    private final AgreementService agreements;
    private final Views views;

    public LifecyclePanel(Lifecycle lifecycle, RoundViews rounds, AgreementService agreements, Views views) {
        this.lifecycle = lifecycle;
        this.rounds = rounds;
        this.agreements = agreements;
        this.views = views;
    }

    /**
     * The agreement's place in the endorsement lifecycle as the page shows it, and the moves the
     * viewer may make.
     *
     * @param draftDiff for members looking at a herziening: the change against the endorsed revision
     */
    public record View(RoundViews.Block block, TextDiff.Comparison draftDiff, boolean reviewOverdue,
                       boolean mayPropose, boolean mayDecide, boolean mayRetire, boolean mayScheduleReview) {

        public boolean anyAction() {
            return mayPropose || mayDecide || mayRetire || mayScheduleReview;
        }
    }

    @Override
    public List<Part> parts(Agreement agreement, PageContext page) {
        View view = view(agreement, page.viewer());
        List<Part> parts = new ArrayList<>();
        if (view.draftDiff() != null) {
            parts.add(part(Slot.BANNER, page, agreement, view));
        }
        if (view.reviewOverdue()) {
            parts.add(part(Slot.BADGES, page, agreement, view));
        }
        if (view.anyAction()) {
            parts.add(part(Slot.ACTIONS, page, agreement, view));
        }
        parts.add(part(Slot.ARTICLE_END, page, agreement, view));
        return parts;
    }

    @Override
    public Map<String, String> notices() {
        return Map.of("voorgesteld", "notice.proposed", "ingetrokken", "notice.withdrawn", "vervallen", "notice.retired",
                "herzieningsdatum", "notice.reviewDate");
    }

    private Part part(Slot slot, PageContext page, Agreement agreement, View view) {
        return new Part(slot, views.content(TEMPLATE, Map.of("page", page, "agreement", agreement, "view", view,
                "slot", slot.name())));
    }

    View view(Agreement agreement, Viewer viewer) {
        long koppelzone = agreement.koppelzone().id();
        boolean open = agreement.status() != AgreementStatus.VERVALLEN;
        boolean member = viewer.can(Permission.READ_DRAFTS, koppelzone);
        TextDiff.Comparison draftDiff = member && agreement.endorsedRevision() != null
                && agreement.endorsedRevision() < agreement.currentRevision()
                ? agreements.compare(agreement.id(), agreement.endorsedRevision(), agreement.currentRevision(), viewer)
                        .map(AgreementService.RevisionComparison::body).orElse(null) : null;
        boolean proposedNow = agreement.underEndorsement() && agreement.proposedRevision() == agreement.currentRevision();
        boolean endorsedNow = agreement.endorsedRevision() != null && agreement.endorsedRevision() == agreement.currentRevision();
        boolean mayDecide = agreement.underEndorsement() && viewer.can(Permission.ENDORSE, koppelzone)
                && viewer.organisationId() != null
                && agreement.parties().stream().anyMatch(party -> party.id() == viewer.organisationId());
        return new View(rounds.block(agreement, viewer), draftDiff, agreement.reviewOverdue(lifecycle.today()),
                open && !proposedNow && !endorsedNow && viewer.can(Permission.PROPOSE, koppelzone), mayDecide,
                open && viewer.can(Permission.RETIRE, koppelzone), open && viewer.can(Permission.SCHEDULE_REVIEW, koppelzone));
    }
}
