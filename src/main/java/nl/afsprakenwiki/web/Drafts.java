package nl.afsprakenwiki.web;

import io.javalin.http.Context;

import java.util.regex.Pattern;

/**
 * The server side of the browser's local copies (web/static/js/drafts.js): an autosave request
 * carries the number of the text it sends, and the handler echoes it only after the text is
 * stored, so the browser drops exactly the copy that was saved and nothing typed after it. A
 * response that did not store anything (a sign-in page after an expired session) has no echo.
 */
public final class Drafts {

    public static final String SEQUENCE_HEADER = "X-Draft-Seq";
    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");

    private Drafts() {
    }

    /** Call after the text of this request is committed. */
    public static void acknowledge(Context ctx) {
        String sequence = ctx.header(SEQUENCE_HEADER);
        if (sequence != null && NUMBER.matcher(sequence).matches()) {
            ctx.header(SEQUENCE_HEADER, sequence);
        }
    }
}
