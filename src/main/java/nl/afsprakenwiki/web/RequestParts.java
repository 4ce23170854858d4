package nl.afsprakenwiki.web;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.NotFound;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reading the parts of a request every feature needs in the same way: numeric path ids, form fields. */
public final class RequestParts {

    private RequestParts() {
    }

    /** The number in the path parameter {@code name}, or empty when it is not one. */
    public static Optional<Long> optionalId(Context ctx, String name) {
        try {
            return Optional.of(Long.parseLong(ctx.pathParam(name)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The number in the path parameter {@code name}; anything else names nothing that exists (404). */
    public static long id(Context ctx, String name) {
        return optionalId(ctx, name).orElseThrow(() -> new NotFound(name));
    }

    /**
     * The form field {@code name} exactly as typed, or the empty text when the form lacks it. Never
     * {@code String.valueOf(ctx.formParam(name))}: that turns a missing field into the text "null".
     */
    public static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    /**
     * Form fields (or, for a GET filter, query parameters) exactly as typed, the empty text for a
     * missing one, so a form that comes back with errors shows what was typed.
     */
    public static Map<String, String> fields(Context ctx, String... names) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : names) {
            String value = ctx.formParam(name);
            if (value == null) {
                value = ctx.queryParam(name);
            }
            values.put(name, value == null ? "" : value);
        }
        return values;
    }

    /** The id of this request's login session, if it has one (never creates one). */
    public static String sessionId(Context ctx) {
        var session = ctx.req().getSession(false);
        return session == null ? null : session.getId();
    }
}
