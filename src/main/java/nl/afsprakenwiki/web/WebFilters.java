package nl.afsprakenwiki.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import nl.afsprakenwiki.App;
import nl.afsprakenwiki.auth.Csrf;

/** What runs around every request: security headers, early refusal of oversized bodies, access rules, CSRF. */
public final class WebFilters {

    private final Csrf csrf;

    public WebFilters(Csrf csrf) {
        this.csrf = csrf;
    }

    public void register(RoutesConfig routes) {
        routes.before(this::before);
        routes.beforeMatched(this::beforeMatched);
    }

    private void before(Context ctx) {
        SecurityHeaders.apply(ctx);
        long declared = ctx.contentLength();
        if (declared > App.MAX_REQUEST_BYTES) {
            throw new io.javalin.http.HttpResponseException(413, "too large");
        }
    }

    private void beforeMatched(Context ctx) {
        Access.check(ctx);
        if (!ErrorHandling.isApi(ctx)) {
            csrf.check(ctx);
        }
    }
}
