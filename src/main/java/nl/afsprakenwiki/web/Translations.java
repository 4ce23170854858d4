package nl.afsprakenwiki.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.util.Map;

/** Dutch by default; English when the visitor chose it (a cookie set by the language switch). */
public final class Translations {

    public static final String COOKIE = "aw_taal";
    public static final String DUTCH = "nl";
    public static final String ENGLISH = "en";

    private final Map<String, Texts> byLanguage = Map.of(DUTCH, new Texts(DUTCH), ENGLISH, new Texts(ENGLISH));

    public Texts dutch() {
        return byLanguage.get(DUTCH);
    }

    public Texts of(String language) {
        return language == null ? dutch() : byLanguage.getOrDefault(language, dutch());
    }

    public Texts forRequest(Context ctx) {
        return of(ctx.cookie(COOKIE));
    }

    public boolean supports(String language) {
        return byLanguage.containsKey(language);
    }

    public void choose(Context ctx, String language) {
        Cookie cookie = new Cookie(COOKIE, language);
        cookie.setPath("/");
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.LAX);
        ctx.cookie(cookie);
    }
}
