package nl.afsprakenwiki.web;

import io.javalin.http.Context;
import nl.afsprakenwiki.db.Database;


/** Site-wide endpoints: the health check and the language switch. */
public final class SiteHandlers {

    private final Database db;
    private final Translations translations;

    public SiteHandlers(Database db, Translations translations) {
        this.db = db;
        this.translations = translations;
    }

    /** {@code {"status":"ok"}} when the database answers; 503 otherwise (for load balancers and HEALTHCHECK). */
    public void health(Context ctx) {
        boolean database = db.answers();
        ctx.status(database ? 200 : 503).json(database ? Json.object("status", "ok")
                : Json.object("status", "unavailable", "database", false));
    }

    /** Remembers the chosen language and returns to the page the visitor came from (same site only). */
    public void switchLanguage(Context ctx) {
        String language = ctx.pathParam("language");
        if (translations.supports(language)) {
            translations.choose(ctx, language);
        }
        String back = ctx.queryParam("terug");
        boolean local = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
        ctx.redirect(local ? back : "/");
    }
}
