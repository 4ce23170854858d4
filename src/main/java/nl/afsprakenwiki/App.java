package nl.afsprakenwiki;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import nl.afsprakenwiki.accounts.AccountApi;
import nl.afsprakenwiki.accounts.ProfilePages;
import nl.afsprakenwiki.admin.AdminPages;
import nl.afsprakenwiki.agreements.AgreementApi;
import nl.afsprakenwiki.agreements.AgreementPages;
import nl.afsprakenwiki.adoption.AdoptionApi;
import nl.afsprakenwiki.adoption.AdoptionPages;
import nl.afsprakenwiki.adoption.AdoptionPanels;
import nl.afsprakenwiki.adoption.SourceProposalPages;
import nl.afsprakenwiki.auth.Authentication;
import nl.afsprakenwiki.meetings.MeetingApi;
import nl.afsprakenwiki.meetings.MeetingPages;
import nl.afsprakenwiki.meetings.Meetings;
import nl.afsprakenwiki.meetings.PendingMeetings;
import nl.afsprakenwiki.auth.Csrf;
import nl.afsprakenwiki.auth.SignIn;
import nl.afsprakenwiki.endorsements.Feeds;
import nl.afsprakenwiki.endorsements.Inbox;
import nl.afsprakenwiki.endorsements.InboxPages;
import nl.afsprakenwiki.endorsements.LifecycleApi;
import nl.afsprakenwiki.endorsements.LifecyclePages;
import nl.afsprakenwiki.endorsements.OverviewPages;
import nl.afsprakenwiki.endorsements.Overviews;
import nl.afsprakenwiki.auth.SignInPages;
import nl.afsprakenwiki.koppelzones.KoppelzoneAdminApi;
import nl.afsprakenwiki.koppelzones.KoppelzoneApi;
import nl.afsprakenwiki.koppelzones.KoppelzonePages;
import nl.afsprakenwiki.koppelzones.OrganisationPages;
import nl.afsprakenwiki.agreements.AgreementComparePages;
import nl.afsprakenwiki.search.SearchApi;
import nl.afsprakenwiki.search.SearchPages;
import nl.afsprakenwiki.search.SearchService;
import nl.afsprakenwiki.web.AccessFilter;
import nl.afsprakenwiki.web.ErrorHandling;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.Routes;
import nl.afsprakenwiki.web.Rule;
import nl.afsprakenwiki.web.SiteHandlers;
import nl.afsprakenwiki.web.Translations;
import nl.afsprakenwiki.web.Views;
import nl.afsprakenwiki.web.WebFilters;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;

import java.util.Map;
import java.util.Set;

/** Builds the web application from its parts. Returns it unstarted; the caller chooses when and where. */
public final class App {

    /** Requests larger than this are refused with 413 (an agreement text is at most 500,000 characters). */
    public static final long MAX_REQUEST_BYTES = 512 * 1024;
    /** A login session ends after this long without requests. */
    private static final int SESSION_IDLE_SECONDS = 8 * 60 * 60;

    private App() {
    }

    public static Javalin create(Services services) {
        Settings settings = services.settings();
        Translations translations = new Translations();
        Csrf csrf = new Csrf(services.secret(), settings.secureCookies());
        Views views = new Views(translations, csrf);
        Json json = new Json();
        // The index keeps up with the database from here on; changes are searchable within a second.
        services.search().index().start();
        SearchService search = services.search().service();
        SignIn signIn = new SignIn(settings, services.accounts(), services.loginThrottle(), services.audit());
        Inbox inbox = new Inbox(services.db(), services.lifecycle(), services.agreements(), services.rounds());
        Overviews overviews = new Overviews(services.db(), services.lifecycle(), services.agreements(), services.rounds(),
                inbox, services.koppelzones());
        Meetings meetings = new Meetings(services.db(), new nl.afsprakenwiki.koppelzones.KoppelzoneStore(), services.agreements(),
                services.lifecycle(), overviews, services.audit(), services.clock());
        Routes routes = new Routes(
                new SiteHandlers(services.db(), services.search(), translations),
                new SignInPages(signIn, services.loginThrottle(), services.accounts(), services.firstStart(), views),
                new ProfilePages(services.accounts(), views),
                new KoppelzonePages(services.koppelzones(), services.koppelzoneAdmin(), services.agreements(),
                        services.accounts(), views, services.clock()),
                new KoppelzoneApi(services.koppelzones()),
                new KoppelzoneAdminApi(services.koppelzones(), services.koppelzoneAdmin(), services.accounts(), json),
                new AgreementPages(services.agreements(), services.koppelzones(), services.markdown(), search.similar(), views,
                        services.rounds(), services.lifecycle(), new AdoptionPanels(services.adoptions(), services.lineage(),
                        services.sourceProposals()), meetings::discussions),
                new AgreementApi(services.agreements(), services.koppelzones(), services.markdown(), json),
                new AccountApi(services.accounts()),
                new AdminPages(services.accounts(), services.koppelzones(), services.koppelzoneAdmin(), services.audit(), views),
                new SearchPages(search, views), new SearchApi(search, translations),
                new LifecyclePages(services.lifecycle(), services.rounds(), services.agreements(), views),
                new InboxPages(inbox, services.lifecycle(), views),
                new OverviewPages(overviews, services.lifecycle(), services.koppelzones(), services.agreements(), views,
                        new PendingMeetings(meetings)),
                new LifecycleApi(services.lifecycle(), services.rounds(), services.agreements(), overviews, json),
                new Feeds(services.db(), services.lifecycle(), services.koppelzones(), services.agreements(), settings),
                new OrganisationPages(services.db(), services.koppelzones(), services.agreements(), views),
                new AgreementComparePages(services.agreements(), views),
                new AdoptionPages(services.adoptions(), services.lineage(), services.agreements(), views),
                new SourceProposalPages(services.sourceProposals(), services.adoptions(), services.agreements(), views),
                new AdoptionApi(services.adoptions(), services.lineage(), services.sourceProposals(), json),
                new MeetingPages(meetings, services.koppelzones(), services.agreements(), services.accounts(), views, settings,
                        services.clock(), services.markdown()),
                new MeetingApi(meetings, services.koppelzones(), json));
        ErrorHandling errors = new ErrorHandling(views, translations, json);
        WebFilters filters = new WebFilters(new AccessFilter(new Authentication(services.accounts(), signIn), csrf,
                services.koppelzones(), services.agreements(),
                id -> meetings.find(id).map(meeting -> meeting.koppelzone().id())));

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.http.defaultContentType = "text/plain; charset=utf-8";
            config.jsonMapper(new JavalinJackson(json.mapper(), false));
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.jetty.modifyServletContextHandler(handler -> handler.setSessionHandler(sessions(settings)));
            if (settings.trustProxy()) {
                // Jetty itself then sees https requests as secure, so the session cookie is marked Secure too
                config.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new ForwardedRequestCustomizer()));
                // Only behind a proxy that sets these: the last address is the one the proxy saw.
                config.contextResolver.ip = App::forwardedAddress;
                config.contextResolver.scheme = ctx -> {
                    String proto = ctx.header("X-Forwarded-Proto");
                    return proto == null ? ctx.req().getScheme() : proto.split(",")[0].strip();
                };
            }
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
                files.roles = Set.of(Rule.PUBLIC);
                files.headers = Map.of("Cache-Control", "public, max-age=3600");
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/webjars";
                files.directory = "/META-INF/resources/webjars";
                files.location = Location.CLASSPATH;
                files.roles = Set.of(Rule.PUBLIC);
                files.headers = Map.of("Cache-Control", "public, max-age=31536000, immutable");
            });
            filters.register(config.routes);
            routes.register(config.routes);
            errors.register(config.routes);
        });
    }

    /** Login sessions: a cookie that scripts cannot read, not sent cross-site, Secure when configured. */
    private static SessionHandler sessions(Settings settings) {
        SessionHandler sessions = new SessionHandler();
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
