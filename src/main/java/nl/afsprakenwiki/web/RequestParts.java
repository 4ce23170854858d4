package nl.afsprakenwiki.web;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.NotFound;

import java.util.Optional;

/** Reading the parts of a request every feature needs in the same way: numeric path ids. */
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
}
