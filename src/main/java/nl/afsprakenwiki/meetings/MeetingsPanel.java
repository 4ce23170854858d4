package nl.afsprakenwiki.meetings;

import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementPanel;
import nl.afsprakenwiki.agreements.Discussions.Discussion;
import nl.afsprakenwiki.web.PageContext;
import nl.afsprakenwiki.web.Views;

import java.util.List;
import java.util.Map;

/**
 * "Besproken in overleggen" on the agreement page: what the koppelzone's meetings decided about it,
 * on which revision. Only for members, as the meetings themselves are; nothing when never discussed.
 */
public final class MeetingsPanel implements AgreementPanel {

    private final Meetings meetings;
    private final Views views;

    public MeetingsPanel(Meetings meetings, Views views) {
        this.meetings = meetings;
        this.views = views;
    }

    @Override
    public List<Part> parts(Agreement agreement, PageContext page) {
        if (!page.viewer().can(Permission.READ_DRAFTS, agreement.koppelzone().id())) {
            return List.of();
        }
        List<Discussion> discussed = meetings.discussions(agreement.id());
        if (discussed.isEmpty()) {
            return List.of();
        }
        return List.of(new Part(Slot.SECTIONS, views.content("meetings/agreement-panel.jte",
                Map.of("page", page, "discussed", discussed))));
    }
}
