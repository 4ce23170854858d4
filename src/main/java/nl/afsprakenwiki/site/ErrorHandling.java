package nl.afsprakenwiki.site;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Refused;
import nl.afsprakenwiki.agreements.AgreementEditing;
import nl.afsprakenwiki.auth.Authentication;
import nl.afsprakenwiki.db.DiskFull;
import nl.afsprakenwiki.db.Unreachable;
import nl.afsprakenwiki.koppelzones.OrganisationVersion;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.ProblemException;
import nl.afsprakenwiki.web.Texts;
import nl.afsprakenwiki.web.Translations;
import nl.afsprakenwiki.web.Views;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.afsprakenwiki.agreements.PrivacyJson;
import nl.afsprakenwiki.privacy.PersonalDataFound;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one place where failures become responses: {@code application/problem+json} under
 * {@code /api/}, a friendly page (in the visitor's language) elsewhere. Unexpected exceptions are
 * logged once with an id that is also shown to the user; their message never reaches the user.
 */
public final class ErrorHandling {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

    private final Views views;
    private final Translations translations;
    private final Json json;

    public ErrorHandling(Views views, Translations translations, Json json) {
        this.views = views;
        this.translations = translations;
        this.json = json;
    }

    /** An error page's content. */
    public record ErrorView(int status, String title, String message, String errorId) {
    }

    public void register(RoutesConfig routes) {
        routes.exception(ProblemException.class, (e, ctx) -> problem(ctx, e));
        routes.exception(InvalidInput.class, (e, ctx) -> {
            Texts dutch = translations.dutch();
            String detail = e.errors().stream().map(dutch::message).collect(Collectors.joining(" "));
            Map<String, Object> errors = new LinkedHashMap<>();
            e.errors().forEach(error -> errors.putIfAbsent(error.field(), dutch.message(error)));
            respond(ctx, new ProblemException(400, "about:blank", "Ongeldige invoer", detail, Json.object("errors", errors)));
        });
        routes.exception(NotFound.class, (e, ctx) -> respond(ctx, notFound()));
        routes.exception(PersonalDataFound.class, this::personalData);
        routes.exception(Refused.class, this::refused);
        routes.exception(Authentication.Unauthenticated.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"afsprakenwiki\"");
            respond(ctx, new ProblemException(401, "Niet ingelogd",
                    "Log in, of stuur een geldig API-token mee in de header 'Authorization: Bearer <token>'."));
        });
        routes.exception(AccessFilter.LoginRequired.class, (e, ctx) ->
                ctx.redirect("/login?terug=" + URLEncoder.encode(afterLogin(ctx), StandardCharsets.UTF_8)));
        routes.exception(AgreementEditing.StaleRevision.class, (e, ctx) -> respond(ctx, new ProblemException(409,
                "about:blank", "Intussen gewijzigd",
                "De afspraak is intussen gewijzigd; de huidige revisie is " + e.currentRevision() + ".",
                Json.object("currentRevision", e.currentRevision()))));
        routes.exception(OrganisationVersion.Stale.class, (e, ctx) -> respond(ctx, staleOrganisation(e)));
        routes.exception(OrganisationVersion.Missing.class, (e, ctx) -> respond(ctx, new ProblemException(400,
                "about:blank", "Versie ontbreekt", translations.dutch().get("api.organisation.versionMissing", e.current(),
                e.slug()), Json.object("currentVersion", e.current()))));
        routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, fromHttp(e)));
        routes.exception(DiskFull.class, (e, ctx) -> diskFull(ctx, e));
        routes.exception(Exception.class, (e, ctx) -> {
            if (DiskFull.causedBy(e)) {
                diskFull(ctx, e);
                return;
            }
            if (Unreachable.causedBy(e)) {
                unreachable(ctx, e);
                return;
            }
            Integer unreadable = unreadableBody(e);
            if (unreadable != null) {
                respond(ctx, fromHttp(new HttpResponseException(unreadable,
                        unreadable == 413 && WebFilters.isUpload(ctx) ? "upload too large" : "unreadable body")));
                return;
            }
            String errorId = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("unexpected error {} on {} {}", errorId, ctx.method(), ctx.path(), e);
            respond(ctx, new ProblemException(500, "about:blank", "Interne fout",
                    "Er ging iets mis aan onze kant (foutcode " + errorId + ").", Json.object("errorId", errorId)));
        });
    }

    /** The 409 of an organisation change based on an older version (docs/API.md, "Administration"). */
    private ProblemException staleOrganisation(OrganisationVersion.Stale e) {
        Texts dutch = translations.dutch();
        OrganisationVersion now = e.current();
        return new ProblemException(409, "/problemen/intussen-gewijzigd", "Intussen gewijzigd",
                dutch.get("api.organisation.stale", now.version(), now.changedBy(), dutch.dateTime(now.changedAt()),
                        e.base(), e.slug()),
                Json.object("baseVersion", e.base(), "currentVersion", now.version(), "changedBy", now.changedBy(),
                        "changedAt", now.changedAt()));
    }

    /**
     * Text that seems to hold personal data (issue 17): the API answers 422 with the findings; a page
     * that does not show them itself (pages that save text do) shows the kinds and where they are.
     */
    private void personalData(PersonalDataFound e, Context ctx) {
        if (isApi(ctx)) {
            problem(ctx, PrivacyJson.problem(e, translations.dutch()));
            return;
        }
        Texts t = views.texts(ctx);
        ctx.status(422);
        String kinds = e.findings().stream().map(found -> t.get("privacy.kind." + found.kind().code()))
                .distinct().collect(Collectors.joining(", "));
        views.render(ctx, "errors/error.jte", new ErrorView(422, t.get("privacy.refused.title"),
                t.get("privacy.refused." + e.reason().name().toLowerCase(), kinds), null));
    }

    /** A refusal with its reason: in problem+json's detail, or on the error page in the visitor's language. */
    private void refused(Refused e, Context ctx) {
        if (isApi(ctx)) {
            String detail = translations.dutch().get(e.messageKey(), e.arguments());
            problem(ctx, e.status() == 403
                    ? new ProblemException(403, "/problemen/niet-toegestaan", "Geen toestemming", detail, Map.of())
                    : new ProblemException(409, "/problemen/niet-in-deze-fase", "Niet mogelijk in deze fase", detail, Map.of()));
            return;
        }
        Texts t = views.texts(ctx);
        ctx.status(e.status());
        views.render(ctx, "errors/error.jte", new ErrorView(e.status(), t.get(e.status() == 403 ? "error.403.title" : "refused.title"),
                t.get(e.messageKey(), e.arguments()), null));
    }

    /**
     * 507 Insufficient Storage: the write was refused as a whole (its transaction rolled back) and
     * everything saved before stays. Logged without a stack trace: it is the disk, not the code.
     */
    private void diskFull(Context ctx, Exception e) {
        LOG.warn("the disk is full: {} {} refused, nothing of it kept ({})", ctx.method(), ctx.path(), e.toString());
        respond(ctx, new ProblemException(507, "/problemen/schijf-vol", "De schijf is vol",
                "De schijf van de server is vol: deze wijziging is niet opgeslagen en er is niets verloren gegaan; "
                        + "wat eerder was opgeslagen blijft bewaard. Probeer het opnieuw zodra er weer ruimte is.", Map.of()));
    }

    /**
     * 503 Service Unavailable: the database server could not be reached (a restart, a failover). The
     * request's transaction, if it had begun, was not committed: nothing of it was kept. Logged without a
     * stack trace: it is the server, not the code.
     */
    private void unreachable(Context ctx, Exception e) {
        LOG.warn("the database is unreachable: {} {} refused, nothing of it kept ({})", ctx.method(), ctx.path(), e.toString());
        ctx.header("Retry-After", "5");
        respond(ctx, new ProblemException(503, "/problemen/database-onbereikbaar", "De database is even niet bereikbaar",
                "De database van de wiki is even niet bereikbaar: wat u net deed, is niet opgeslagen en er is niets "
                        + "verloren gegaan. Probeer het over een paar seconden opnieuw.", Map.of()));
    }

    /**
     * A multipart body Jetty could not read: 413 when it was longer than the limit (a chunked upload,
     * which WebFilters cannot measure in advance), else 400; null for any other exception.
     */
    private static Integer unreadableBody(Throwable e) {
        Integer status = null;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalStateException && String.valueOf(cause.getMessage()).startsWith("max length exceeded")) {
                return 413;
            }
            if (cause instanceof BadMessageException) {
                status = 400;
            }
        }
        return status;
    }

    private static ProblemException notFound() {
        return new ProblemException(404, "Niet gevonden", "Deze pagina of dit object bestaat niet.");
    }

    private static ProblemException fromHttp(HttpResponseException e) {
        int status = e.getStatus();
        return switch (status) {
            case 404 -> notFound();
            case 403 -> "csrf".equals(e.getMessage())
                    ? new ProblemException(403, "/problemen/csrf", "Formulier verlopen",
                            "Het CSRF-token ontbreekt of klopt niet. Stuur het token van de pagina mee in het veld 'csrf' "
                                    + "of de header 'X-CSRF-Token'.", Map.of())
                    : new ProblemException(403, "Geen toegang", "U hebt geen toestemming voor deze actie.");
            case 413 -> "upload too large".equals(e.getMessage())
                    ? new ProblemException(413, "/problemen/bijlage-te-groot", "Te groot",
                            "Het bestand is te groot: een bijlage mag hoogstens 10 MB zijn.", Map.of())
                    : new ProblemException(413, "Te groot", "De aanvraag is groter dan de toegestane 512 KB.");
            case 405 -> new ProblemException(405, "Methode niet toegestaan", "Deze methode is hier niet toegestaan.");
            case 400 -> new ProblemException(400, "Ongeldige aanvraag", "De aanvraag kon niet worden gelezen.");
            default -> new ProblemException(status, HttpStatus.forStatus(status).getMessage(),
                    HttpStatus.forStatus(status).getMessage());
        };
    }

    private void respond(Context ctx, ProblemException problem) {
        if (isApi(ctx)) {
            problem(ctx, problem);
        } else {
            page(ctx, problem);
        }
    }

    private void problem(Context ctx, ProblemException problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("instance", ctx.path());
        body.putAll(problem.extensions());
        try {
            ctx.status(problem.status())
                    .contentType("application/problem+json")
                    .result(json.mapper().writeValueAsString(body));
        } catch (Exception e) {
            ctx.status(500).contentType("application/problem+json").result("{\"status\":500}");
        }
    }

    private void page(Context ctx, ProblemException problem) {
        int status = problem.status();
        String key = "/problemen/csrf".equals(problem.type()) ? "error.csrf"
                : "/problemen/bijlage-te-groot".equals(problem.type()) ? "error.413.attachment" : switch (status) {
            case 400, 403, 404, 405, 409, 413, 429, 503, 507 -> "error." + status;
            default -> status >= 500 ? "error.500" : "error.400";
        };
        Object errorId = problem.extensions().get("errorId");
        try {
            Texts t = views.texts(ctx);
            ErrorView view = new ErrorView(status, t.get(key + ".title"), t.get(key + ".message"),
                    errorId == null ? null : errorId.toString());
            ctx.status(status);
            views.render(ctx, "errors/error.jte", view);
        } catch (RuntimeException e) {
            LOG.error("error page failed to render", e);
            ctx.status(status).contentType("text/plain; charset=utf-8").result(problem.title());
        }
    }

    static boolean isApi(Context ctx) {
        return ctx.path().startsWith("/api/");
    }

    /**
     * Where to return after signing in: the page itself, or for a form sent after the session ended,
     * the page the form was on (the editor keeps its draft there), else the home page.
     */
    private static String afterLogin(Context ctx) {
        if ("GET".equals(ctx.method().name())) {
            return ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        }
        String referer = ctx.header("Referer");
        String site = ctx.scheme() + "://" + ctx.host();
        if (referer != null && referer.startsWith(site + "/")) {
            return referer.substring(site.length());
        }
        return "/";
    }
}
