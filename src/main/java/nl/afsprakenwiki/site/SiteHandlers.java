package nl.afsprakenwiki.site;

import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.web.Current;
import io.javalin.http.Context;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.search.Search;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.Translations;


/** Site-wide endpoints: the health check and the language switch. */
public final class SiteHandlers {

    private final Database db;
    private final Search search;
    private final Translations translations;
    private final AccountService accounts;

    public SiteHandlers(Database db, Search search, Translations translations, AccountService accounts) {
        this.accounts = accounts;
        this.db = db;
        this.search = search;
        this.translations = translations;
    }

    /**
     * {@code {"status":"ok"}} when the database and the search index answer; 503 otherwise (for load
     * balancers and HEALTHCHECK).
     */
    public void health(Context ctx) {
        boolean database = db.answers();
        boolean index = search.answers();
        ctx.status(database && index ? 200 : 503).json(database && index ? Json.object("status", "ok")
                : Json.object("status", "unavailable", "database", database, "index", index));
    }

    /** Remembers the chosen language and returns to the page the visitor came from (same site only). */
    public void switchLanguage(Context ctx) {
        String language = ctx.pathParam("language");
        if (translations.supports(language)) {
            translations.choose(ctx, language);
            Viewer viewer = Current.viewer(ctx);
            if (viewer.authenticated()) {
                // mails follow the language a person chose here
                accounts.setLanguage(viewer.accountId(), language);
            }
        }
        String back = ctx.queryParam("terug");
        boolean local = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
        ctx.redirect(local ? back : "/");
    }
}
