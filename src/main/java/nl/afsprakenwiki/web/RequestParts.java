package nl.afsprakenwiki.web;

import io.javalin.http.Context;
import nl.afsprakenwiki.NotFound;
import nl.afsprakenwiki.Settings;

import java.util.Optional;

/** Reading the parts of a request every feature needs in the same way: numeric path ids, the public address. */
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

    /** The agreement {@code {id}} of the path. */
    public static long agreementId(Context ctx) {
        return id(ctx, "id");
    }

    /** Where the wiki is reached from outside: the configured base URL, else what this request used. */
    public static String baseUrl(Context ctx, Settings settings) {
        String configured = settings.baseUrl() == null ? "" : settings.baseUrl().strip();
        if (!configured.isEmpty()) {
            return configured.replaceAll("/+$", "");
        }
        return ctx.scheme() + "://" + ctx.host();
    }
}
