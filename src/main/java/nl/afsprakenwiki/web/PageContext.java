package nl.afsprakenwiki.web;

import nl.afsprakenwiki.access.Viewer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * What every page template needs besides its own view: the texts of the visitor's language, the
 * CSRF token for forms (computed, and its cookie set, only when a page has a form), the current
 * path (for the language switch and the login link to return to) and who is looking.
 */
public record PageContext(Texts texts, Supplier<String> csrfToken, String path, Viewer viewer) {

    public String csrf() {
        return csrfToken.get();
    }

    public String t(String key) {
        return texts.get(key);
    }

    public String t(String key, Object... arguments) {
        return texts.get(key, arguments);
    }

    public String language() {
        return texts.language();
    }

    /** Link to the login page that comes back here. */
    public String loginUrl() {
        return "/login?terug=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    /** Link that switches to the other language and comes back here. */
    public String otherLanguageUrl() {
        String other = Translations.DUTCH.equals(texts.language()) ? Translations.ENGLISH : Translations.DUTCH;
        return "/taal/" + other + "?terug=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }
}
