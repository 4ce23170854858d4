package nl.afsprakenwiki.discussion;

import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementPanel;
import nl.afsprakenwiki.web.PageContext;
import nl.afsprakenwiki.web.Views;

import java.util.List;
import java.util.Map;

/**
 * "Discussie" on the agreement page: the koppelzone's comments and the form to add one. Only for
 * members of the koppelzone (and beheerders), for every agreement, public or not: the discussion is
 * where a koppelzone thinks aloud; the public sees the endorsed text, not the talk about it.
 */
public final class DiscussionPanel implements AgreementPanel {

    private final DiscussionViews discussions;
    private final Views views;

    public DiscussionPanel(DiscussionViews discussions, Views views) {
        this.discussions = discussions;
        this.views = views;
    }

    @Override
    public List<Part> parts(Agreement agreement, PageContext page) {
        if (!page.viewer().can(Permission.READ_DRAFTS, agreement.koppelzone().id())) {
            return List.of();
        }
        var discussion = discussions.of(agreement, page.viewer(), DiscussionViews.Typed.NONE);
        return List.of(new Part(Slot.SECTIONS, views.content("discussion/section.jte",
                Map.of("page", page, "view", discussion))));
    }

    @Override
    public Map<String, String> notices() {
        return Map.of("opmerking-geplaatst", "discussion.notice.posted", "opmerking-gewijzigd", "discussion.notice.edited",
                "draad-afgehandeld", "discussion.notice.resolved", "draad-heropend", "discussion.notice.reopened");
    }
}
