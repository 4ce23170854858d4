package nl.afsprakenwiki.accounts;

import gg.jte.Content;
import nl.afsprakenwiki.web.PageContext;

import java.util.Map;

/**
 * A port: a section that a feature above accounts adds to one's own profile page (what one
 * follows), rendered for {@code page.viewer()}. {@code App} hands the implementations to
 * {@link ProfilePages} in the order they appear, below the account's own sections.
 */
public interface ProfileSection {

    /** The section for the person on the page; null when there is nothing to show. */
    Content section(PageContext page);

    /**
     * The feature's own notices on the profile after one of its moves: the value of
     * {@code ?melding=} it redirects with, and the text key shown for it.
     */
    default Map<String, String> notices() {
        return Map.of();
    }
}
