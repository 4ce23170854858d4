package nl.afsprakenwiki.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * What every page template needs besides its own view: the texts of the visitor's language, the
 * CSRF token for forms (computed, and its cookie set, only when a page has a form), and the current
 * path (for the language switch to return to).
 */
public record PageContext(Texts texts, Supplier<String> csrfToken, String path) {

    public static PageContext of(Texts texts, String csrf, String path) {
        return new PageContext(texts, () -> csrf, path);
    }

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

    /** Link that switches to the other language and comes back here. */
    public String otherLanguageUrl() {
        String other = Translations.DUTCH.equals(texts.language()) ? Translations.ENGLISH : Translations.DUTCH;
        return "/taal/" + other + "?terug=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
    }
}
