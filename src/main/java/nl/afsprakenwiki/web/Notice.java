package nl.afsprakenwiki.web;

import io.javalin.http.Context;

import java.util.Set;

/**
 * The confirmation a page shows after a redirect ({@code ?melding=opgeslagen}). Only known notices
 * become message keys, so a hand-made link cannot ask for a text that does not exist.
 */
public final class Notice {

    private Notice() {
    }

    /** {@code prefix + notice} (dashes become underscores) when the request names a known notice, else null. */
    public static String key(Context ctx, String prefix, Set<String> known) {
        String notice = ctx.queryParam("melding");
        return notice != null && known.contains(notice) ? prefix + notice.replace('-', '_') : null;
    }
}
