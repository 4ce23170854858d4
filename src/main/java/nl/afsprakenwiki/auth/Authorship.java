package nl.afsprakenwiki.auth;

import io.javalin.http.Context;
import nl.afsprakenwiki.InvalidInput;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Decides who is writing. This is the one place authorship comes from: until accounts exist the
 * writer states a name (form field {@code auteur}, or {@code author} in the API); with accounts this
 * becomes the logged-in user and the field disappears.
 */
public final class Authorship {

    public static final String FORM_FIELD = "author";
    public static final String COOKIE = "aw_auteur";
    static final int MAX_LENGTH = 100;
    private static final String API_DEFAULT = "API";

    /** The author of a form submission; remembered in a cookie so the next form is pre-filled. */
    public Author fromForm(Context ctx) {
        String name = clean(ctx.formParam(FORM_FIELD));
        if (name.isEmpty()) {
            throw new InvalidInput(FORM_FIELD, "error.author.required");
        }
        if (name.length() > MAX_LENGTH) {
            throw new InvalidInput(FORM_FIELD, "error.author.tooLong", MAX_LENGTH);
        }
        return new Author(name);
    }

    /** The author of an API call: the {@code author} field if given, else "API". */
    public Author fromApi(String claimed) {
        String name = clean(claimed);
        if (name.length() > MAX_LENGTH) {
            throw new InvalidInput("author", "error.author.tooLong", MAX_LENGTH);
        }
        return new Author(name.isEmpty() ? API_DEFAULT : name);
    }

    /** The name to pre-fill in a form. */
    public String suggestedName(Context ctx) {
        String remembered = ctx.cookie(COOKIE);
        return remembered == null ? "" : clean(URLDecoder.decode(remembered, StandardCharsets.UTF_8));
    }

    public void remember(Context ctx, Author author) {
        var cookie = new io.javalin.http.Cookie(COOKIE,
                URLEncoder.encode(author.name(), StandardCharsets.UTF_8));
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setHttpOnly(true);
        cookie.setSameSite(io.javalin.http.SameSite.LAX);
        cookie.setPath("/");
        ctx.cookie(cookie);
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip().replaceAll("\\p{Cntrl}", "");
    }
}
