package nl.afsprakenwiki.following;

import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementPanel;
import nl.afsprakenwiki.following.Followed.Kind;
import nl.afsprakenwiki.web.PageContext;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.Views;

import java.util.List;
import java.util.Map;

/** The "Volgen" button among an agreement's actions, for signed-in readers of it. */
public final class FollowPanel implements AgreementPanel {

    private final Follows follows;
    private final Views views;

    public FollowPanel(Follows follows, Views views) {
        this.follows = follows;
        this.views = views;
    }

    @Override
    public List<Part> parts(Agreement agreement, PageContext page) {
        if (!page.viewer().authenticated()) {
            return List.of();
        }
        boolean following = follows.follows(page.viewer(), Kind.AGREEMENT, agreement.id());
        return List.of(new Part(Slot.ACTIONS, views.content("following/button.jte", Map.of("page", page,
                "base", Paths.agreement(agreement.id()), "following", following, "what", "agreement"))));
    }

    @Override
    public Map<String, String> notices() {
        return Map.of("gevolgd", "follow.notice.agreement", "niet-meer-gevolgd", "follow.notice.agreementStopped");
    }
}
