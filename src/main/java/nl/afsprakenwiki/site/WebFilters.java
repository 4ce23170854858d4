package nl.afsprakenwiki.site;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import nl.afsprakenwiki.web.SecurityHeaders;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** What runs around every request: security headers, early refusal of oversized bodies, the access filter. */
public final class WebFilters {

    /** Requests larger than this are refused with 413 (an agreement text is at most 500,000 characters). */
    public static final long MAX_REQUEST_BYTES = 512 * 1024;
    /** Oversized bodies up to this size are read to the end before the 413 answer (see {@link #drain}). */
    private static final long DRAIN_LIMIT = 8L * MAX_REQUEST_BYTES;

    private final AccessFilter access;

    public WebFilters(AccessFilter access) {
        this.access = access;
    }

    public void register(RoutesConfig routes) {
        routes.before(WebFilters::before);
        routes.beforeMatched(access::check);
    }

    private static void before(Context ctx) {
        SecurityHeaders.apply(ctx);
        long length = ctx.contentLength();
        if (length > MAX_REQUEST_BYTES) {
            if (length <= DRAIN_LIMIT) {
                drain(ctx);
            }
            throw new HttpResponseException(413, "too large");
        }
    }

    /**
     * Reads and discards a body that is too large but not absurdly so. Answering while the client is
     * still sending makes the server close the connection under it, and the client then often sees a
     * reset instead of the 413 and its explanation.
     */
    private static void drain(Context ctx) {
        try (InputStream body = ctx.req().getInputStream()) {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the client went away; the 413 goes nowhere either way
        }
    }
}
