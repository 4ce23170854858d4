package nl.afsprakenwiki.site;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.web.SecurityHeaders;
import nl.afsprakenwiki.web.WorkTurns;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.regex.Pattern;

/**
 * What runs around every request: a turn for the work of a read ({@link WorkTurns}), security headers,
 * early refusal of oversized bodies, the access filter, and one change stamp for all the request's
 * kept reads.
 */
public final class WebFilters {

    /** Requests larger than this are refused with 413 (an agreement text is at most 500,000 characters). */
    public static final long MAX_REQUEST_BYTES = 512 * 1024;
    /**
     * Uploads of attachments (at most 10 MB each, checked by the handler with a message of its own) may
     * be this large: the file, the multipart framing and the form's other fields.
     */
    public static final long MAX_UPLOAD_BYTES = 12L * 1024 * 1024;
    private static final Pattern UPLOAD = Pattern.compile("/afspraken/[^/]+/bijlagen|/api/v1/agreements/[^/]+/attachments");
    /** Oversized bodies up to this size are read to the end before the 413 answer (see {@link #drain}). */
    private static final long DRAIN_LIMIT = 8L * MAX_REQUEST_BYTES;

    private final AccessFilter access;
    private final Database db;
    private final WorkTurns turns;

    public WebFilters(AccessFilter access, Database db, WorkTurns turns) {
        this.access = access;
        this.db = db;
        this.turns = turns;
    }

    public void register(RoutesConfig routes) {
        routes.before(this::before);
        routes.beforeMatched(access::check);
        // Javalin runs the "after" filters also when a filter or handler failed, and sends the answer
        // only after them: the turn is back before a slow client reads a byte
        routes.after(this::after);
    }

    private void before(Context ctx) {
        turns.begin(ctx);
        // one look at what was committed serves all of this request's kept reads (Database.beginRequest)
        db.beginRequest();
        SecurityHeaders.apply(ctx);
        long length = ctx.contentLength();
        boolean upload = isUpload(ctx);
        if (length > (upload ? MAX_UPLOAD_BYTES : MAX_REQUEST_BYTES)) {
            if (length <= (upload ? 2 * MAX_UPLOAD_BYTES : DRAIN_LIMIT)) {
                drain(ctx);
            }
            throw new HttpResponseException(413, upload ? "upload too large" : "too large");
        }
    }

    private void after(Context ctx) {
        try {
            db.endRequest();
        } finally {
            turns.end(ctx);
        }
    }

    /** A POST to one of the two places that take a file. */
    public static boolean isUpload(Context ctx) {
        return "POST".equals(ctx.method().name()) && UPLOAD.matcher(ctx.path()).matches();
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
