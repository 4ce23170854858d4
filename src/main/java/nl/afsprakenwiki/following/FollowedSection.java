package nl.afsprakenwiki.following;

import gg.jte.Content;
import nl.afsprakenwiki.accounts.ProfileSection;
import nl.afsprakenwiki.web.PageContext;
import nl.afsprakenwiki.web.Views;

import java.util.Map;

/** "Wat ik volg" on the profile: everything followed, each with a button to stop, and a theme to add. */
public final class FollowedSection implements ProfileSection {

    private final Follows follows;
    private final Views views;

    public FollowedSection(Follows follows, Views views) {
        this.follows = follows;
        this.views = views;
    }

    @Override
    public Content section(PageContext page) {
        return views.content("following/profile.jte", Map.of("page", page, "followed", follows.of(page.viewer()),
                "themes", follows.themes()));
    }

    @Override
    public Map<String, String> notices() {
        return Map.of("gevolgd", "follow.notice.theme", "niet-meer-gevolgd", "follow.notice.stopped");
    }
}
