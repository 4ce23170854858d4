package nl.afsprakenwiki;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import nl.afsprakenwiki.agreements.AgreementApi;
import nl.afsprakenwiki.agreements.AgreementPages;
import nl.afsprakenwiki.auth.Authorship;
import nl.afsprakenwiki.auth.Csrf;
import nl.afsprakenwiki.koppelzones.KoppelzoneApi;
import nl.afsprakenwiki.koppelzones.KoppelzonePages;
import nl.afsprakenwiki.web.Access;
import nl.afsprakenwiki.web.ErrorHandling;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.Routes;
import nl.afsprakenwiki.web.SiteHandlers;
import nl.afsprakenwiki.web.Translations;
import nl.afsprakenwiki.web.Views;
import nl.afsprakenwiki.web.WebFilters;

import java.util.Map;
import java.util.Set;

/** Builds the web application from its parts. Returns it unstarted; the caller chooses when and where. */
public final class App {

    /** Requests larger than this are refused with 413 (an agreement text is at most 500,000 characters). */
    public static final long MAX_REQUEST_BYTES = 512 * 1024;

    private App() {
    }

    public static Javalin create(Services services) {
        Translations translations = new Translations();
        Csrf csrf = new Csrf(services.secret());
        Views views = new Views(translations, csrf);
        Json json = new Json();
        Authorship authorship = new Authorship();
        Routes routes = new Routes(
                new SiteHandlers(services.db(), translations),
                new KoppelzonePages(services.koppelzones(), services.agreements(), views, services.clock()),
                new KoppelzoneApi(services.koppelzones()),
                new AgreementPages(services.agreements(), services.koppelzones(), services.markdown(), authorship, views),
                new AgreementApi(services.agreements(), services.koppelzones(), services.markdown(), authorship, json));
        ErrorHandling errors = new ErrorHandling(views, translations, json);
        WebFilters filters = new WebFilters(csrf);

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.http.defaultContentType = "text/plain; charset=utf-8";
            config.jsonMapper(new JavalinJackson(json.mapper(), false));
            config.jetty.host = services.settings().host();
            config.jetty.port = services.settings().port();
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/static";
                files.location = Location.CLASSPATH;
                files.roles = Set.of(Access.ANYONE);
                files.headers = Map.of("Cache-Control", "public, max-age=3600");
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/webjars";
                files.directory = "/META-INF/resources/webjars";
                files.location = Location.CLASSPATH;
                files.roles = Set.of(Access.ANYONE);
                files.headers = Map.of("Cache-Control", "public, max-age=31536000, immutable");
            });
            filters.register(config.routes);
            routes.register(config.routes);
            errors.register(config.routes);
        });
    }
}
