package nl.afsprakenwiki;

import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import nl.afsprakenwiki.site.ServerErrorPages;
import nl.afsprakenwiki.site.WebFilters;
import nl.afsprakenwiki.text.IpAddress;
import nl.afsprakenwiki.web.ActiveRequests;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.Translations;
import nl.afsprakenwiki.web.WorkTurns;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.session.NullSessionCache;
import org.eclipse.jetty.session.SessionDataStore;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;

import java.util.List;

/** The web server's setup around {@link App}'s routes: request limits, sessions, addresses behind a proxy. */
final class ServerSetup {

    /** A login session ends after this long without requests. */
    private static final int SESSION_IDLE_SECONDS = 8 * 60 * 60;
    /** The buffer through which Javalin copies an answer to Jetty's (which stays 32 KB): one per answer. */
    static final int RESPONSE_COPY_BYTES = 8 * 1024;

    private ServerSetup() {
    }

    /** Sets up Javalin and Jetty in {@code config}; the routes, filters and error handling are App's to register. */
    static void configure(JavalinConfig config, Settings settings, Translations translations, Json json,
                          SessionDataStore sessionStore, List<String> unqueuedPaths, WorkTurns turns) {
        config.startup.showJavalinBanner = false;
        config.http.maxRequestSize = WebFilters.MAX_REQUEST_BYTES;
        // attachments: a body without a length (chunked) is cut off here too, as WebFilters does with one
        config.jetty.multipartConfig.maxTotalRequestSize(WebFilters.MAX_UPLOAD_BYTES, SizeUnit.BYTES);
        config.jetty.multipartConfig.maxFileSize(WebFilters.MAX_UPLOAD_BYTES, SizeUnit.BYTES);
        config.http.defaultContentType = "text/plain; charset=utf-8";
        // Javalin copies each answer to Jetty through a buffer of this size, allocated per answer; its
        // default, Jetty's whole output buffer (32 KB), was two thirds of what a kept page allocated
        config.http.responseBufferSize = RESPONSE_COPY_BYTES;
        config.jsonMapper(new JavalinJackson(json.mapper(), false));
        config.jetty.host = settings.host();
        config.jetty.port = settings.port();
        config.jetty.modifyServletContextHandler(handler -> handler.setSessionHandler(sessions(settings, sessionStore)));
        // a few reads at work at once, the rest waiting their turn in order, except the routes the
        // site declares unqueued: files, downloads, the health check (web/ActiveRequests)
        config.jetty.modifyServletContextHandler(handler -> handler.insertHandler(
                ActiveRequests.handler(ActiveRequests.defaultLimit(), unqueuedPaths)));
        // inside those, the work of reads in turns, one per core (web/WorkTurns, taken by site/WebFilters);
        // a bean of the server, where the tests find it
        config.jetty.modifyServer(server -> server.addBean(turns));
        // Jetty's own refusals (a URI it cannot read or too long, headers too large) answer like ours do
        config.jetty.modifyServer(server -> server.setErrorHandler(new ServerErrorPages(translations.dutch(), json)));
        // Addresses as people read them (::1, 127.0.0.1), in the audit log and the login throttle alike
        config.contextResolver.ip = ctx -> IpAddress.normalise(ctx.req().getRemoteAddr());
        if (settings.trustProxy()) {
            // Jetty itself then sees https requests as secure, so the session cookie is marked Secure too
            config.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new ForwardedRequestCustomizer()));
            // Only behind a proxy that sets these: the last address is the one the proxy saw.
            config.contextResolver.ip = ctx -> IpAddress.normalise(forwardedAddress(ctx));
            config.contextResolver.scheme = ctx -> {
                String proto = ctx.header("X-Forwarded-Proto");
                return proto == null ? ctx.req().getScheme() : proto.split(",")[0].strip();
            };
        }
        // the static files are routes (site/Routes, web/ClasspathFiles), not Javalin's static files
    }

    /**
     * Login sessions: a cookie that scripts cannot read, not sent cross-site, Secure when configured; the
     * sessions themselves in the database, none kept in memory (see auth/StoredSessions).
     */
    private static SessionHandler sessions(Settings settings, SessionDataStore store) {
        SessionHandler sessions = new SessionHandler();
        NullSessionCache cache = new NullSessionCache(sessions);
        cache.setSessionDataStore(store);
        // a session that cannot be read back (a class of its attributes changed in an update) is a
        // session that ended: its visitor signs in again
        cache.setRemoveUnloadableSessions(true);
        sessions.setSessionCache(cache);
        sessions.setSessionCookie("aw_sessie");
        sessions.setHttpOnly(true);
        sessions.setSameSite(HttpCookie.SameSite.LAX);
        sessions.setSecureRequestOnly(true);
        sessions.getSessionCookieConfig().setSecure(settings.secureCookies());
        sessions.setMaxInactiveInterval(SESSION_IDLE_SECONDS);
        return sessions;
    }

    private static String forwardedAddress(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return ctx.req().getRemoteAddr();
        }
        String[] hops = forwarded.split(",");
        return hops[hops.length - 1].strip();
    }
}
