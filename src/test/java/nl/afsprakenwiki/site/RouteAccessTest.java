package nl.afsprakenwiki.site;

import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.web.Csrf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every route of the route table as every kind of visitor and checks the answer against the
 * permission matrix ({@code auth.Permissions}, docs/PERMISSIONS.md). A route without a rule, or with
 * a path parameter this test does not know, fails the build.
 *
 * <p>Requests carry no meaningful input, so allowed writes are refused for their content (400, 404,
 * 422) or change nothing that matters; what is checked is who gets past the access filter:
 * <ul>
 *   <li>not allowed, anonymous: 401 from the API, a redirect to the login page from pages;</li>
 *   <li>not allowed, signed in: 403;</li>
 *   <li>an agreement the visitor may not read (a draft of another koppelzone): 404 on every route;</li>
 *   <li>allowed: anything but 401, 403, a redirect to the login page or a server error.</li>
 * </ul>
 */
class RouteAccessTest {

    private static final Set<HandlerType> METHODS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);
    /** {@code {name}}, or {@code <name>} for a parameter that may hold slashes (a file's path). */
    private static final Pattern PARAMETER = Pattern.compile("[{<]([a-z]+)[}>]");
    private static final String X = "Koppelzone Jeugd Xstad";
    private static final String Y = "Koppelzone Jeugd Ystad";

    @TempDir
    static Path dir;
    static TestApp app;
    static String x;
    static long xId;
    static long published;
    static long draft;
    static long meeting;
    static long leak;
    static List<Person> people;

    /** One kind of visitor, signed in with the login form (or not), with the CSRF token of its browser. */
    private record Person(String name, Viewer viewer, TestApp.Client browser, String csrf) {
    }

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        x = app.koppelzone(X, "Xstad");
        String y = app.koppelzone(Y, "Ystad");
        xId = app.services.koppelzones().bySlug(x).orElseThrow().id();
        published = app.agreement(X, "Xstad", "bekrachtigde-afspraak", "Bekrachtigde afspraak", "bekrachtigd");
        draft = app.agreement(X, "Xstad", "concept-afspraak", "Concept", "concept");

        app.account("zonder-rol");
        app.member(x, "lezer", Role.LEZER);
        app.member(x, "expert", Role.PRAKTIJKEXPERT);
        app.member(x, "manager", Role.MANAGER);
        app.member(x, "voorzitter", Role.VOORZITTER);
        app.member(y, "expert-y", Role.PRAKTIJKEXPERT);
        app.admin("beheerder");
        meeting = app.bearer("voorzitter").postJson("/api/v1/koppelzones/" + x + "/meetings", Map.of("date", "2030-01-15",
                "startTime", "14:00", "endTime", "16:00")).json().get("id").asLong();
        // an unpublished waardelek of x: only its members may see it
        leak = app.bearer("expert").postJson("/api/v1/koppelzones/" + x + "/leaks", Map.of("parties",
                List.of("wijkteam-xstad", "huisartsen-xstad"), "moment", "overdracht", "title", "Lek in Xstad",
                "description", "Niemand neemt het over.", "frequency", "zelden")).json().get("id").asLong();

        people = new ArrayList<>();
        TestApp.Client anonymous = app.newBrowser();
        people.add(new Person("anoniem", Viewer.ANONYMOUS, anonymous, anonymous.csrfToken("/login")));
        for (String username : List.of("zonder-rol", "lezer", "expert", "manager", "voorzitter", "expert-y", "beheerder")) {
            TestApp.Client browser = app.signIn(username);
            people.add(new Person(username, app.services.accounts().viewer(username).orElseThrow(), browser,
                    browser.csrfToken("/profiel")));
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static List<Endpoint> routes() {
        return app.server().unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> METHODS.contains(endpoint.method))
                // signing out ends the session the rest of the walk needs: last
                .sorted(Comparator.comparing((Endpoint endpoint) -> endpoint.path.equals("/logout")))
                .toList();
    }

    private static Rule rule(Endpoint endpoint) {
        Roles roles = endpoint.metadata(Roles.class);
        Set<RouteRole> declared = roles == null ? Set.of() : roles.getRoles();
        assertThat(declared).as("%s %s must declare exactly one Rule in Routes", endpoint.method, endpoint.path)
                .hasSize(1).allMatch(role -> role instanceof Rule);
        return (Rule) declared.iterator().next();
    }

    @Test
    void everyRouteDeclaresOneRuleAndTheTableIsComplete() {
        List<Endpoint> routes = routes();
        assertThat(routes).hasSizeGreaterThan(60);
        routes.forEach(RouteAccessTest::rule);
        assertThat(routes).extracting(endpoint -> endpoint.method + " " + endpoint.path)
                .contains("POST /api/v1/organisations", "POST /api/v1/koppelzones", "POST /api/v1/koppelzones/{slug}/parties",
                        "POST /api/v1/koppelzones/{slug}/members", "DELETE /api/v1/koppelzones/{slug}/members/{username}",
                        "GET /api/v1/me", "GET /login", "POST /logout", "GET /beheer/audit");
    }

    @Test
    void everyRouteAnswersEveryKindOfVisitorAsTheMatrixSays() {
        List<String> mismatches = new ArrayList<>();
        List<Endpoint> routes = routes();
        for (Person person : people) {
            for (Endpoint endpoint : routes) {
                check(person, endpoint, published, mismatches);
                if (endpoint.path.contains("{id}")) {
                    check(person, endpoint, draft, mismatches);
                }
            }
        }
        assertThat(mismatches).as("routes answering against the matrix").isEmpty();
    }

    private static void check(Person person, Endpoint endpoint, long agreement, List<String> mismatches) {
        Rule rule = rule(endpoint);
        String path = concrete(endpoint.path, agreement);
        boolean api = path.startsWith("/api/");
        boolean get = endpoint.method == HandlerType.GET;
        Response response = person.browser().send(endpoint.method.name(), path,
                get ? null : api ? "application/json" : "application/x-www-form-urlencoded", get ? null : "",
                Map.of(Csrf.HEADER, person.csrf()));
        int status = response.status();
        String location = String.valueOf(response.header("Location"));
        boolean toLogin = (status == 302 || status == 303) && location.startsWith("/login?terug=");

        Long koppelzone = rule.scope() == Rule.Scope.NONE ? null : xId;
        boolean hidden = (endpoint.path.contains("{id}") && agreement == draft
                || rule.scope() == Rule.Scope.MEETING || rule.scope() == Rule.Scope.COMMENT
                || rule.scope() == Rule.Scope.LEAK)
                && !person.viewer().can(Permission.READ_DRAFTS, xId);
        String expected;
        boolean ok;
        if (hidden) {
            expected = "404 (a draft of another koppelzone does not exist for this visitor)";
            ok = status == 404;
        } else if (!person.viewer().can(rule.permission(), koppelzone)) {
            if (!person.viewer().authenticated()) {
                expected = api ? "401" : "redirect to /login";
                ok = api ? status == 401 : toLogin;
            } else {
                expected = "403";
                ok = status == 403;
            }
        } else {
            expected = "allowed (not 401, 403, login redirect or 5xx)";
            ok = status != 401 && status != 403 && !toLogin && status < 500;
        }
        if (!ok) {
            mismatches.add("%s: %s %s (rule %s) answered %d%s, expected %s".formatted(person.name(), endpoint.method,
                    path, rule, status, status == 302 || status == 303 ? " → " + location : "", expected));
        }
    }

    /** The route's path with every parameter filled in with something that exists (or harmlessly does not). */
    private static String concrete(String pattern, long agreement) {
        Matcher matcher = PARAMETER.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = switch (matcher.group(1)) {
                case "slug" -> x;
                case "id" -> String.valueOf(agreement);
                case "number" -> "1";
                case "language" -> "nl";
                case "username" -> "niemand";
                case "organisation" -> "geen-organisatie";
                case "token" -> "999999";
                case "proposal" -> "999999";
                case "meeting" -> String.valueOf(meeting);
                case "item", "action" -> "999999";
                case "theme" -> "geen-thema";
                case "experience", "endorsement" -> "999999";
                // a decision (an endorsement, or a meeting's decision) that does not exist: the handler decides
                case "decision" -> "999999";
                // a comment that does not exist: whose comment it is decides in the handler (DiscussionTest)
                case "comment" -> "999999";
                case "template" -> "999999";
                // an unpublished waardelek of x (members only; others 404)
                case "leak" -> String.valueOf(leak);
                case "field" -> "beschrijving";
                case "name" -> "geen-bijlage.pdf";
                // a health series of x (members only)
                case "reeks" -> "status";
                // a file of the site (or, under /webjars, one that is not there)
                case "path" -> "css/site.css";
                default -> throw new AssertionError("RouteAccessTest does not know the path parameter {"
                        + matcher.group(1) + "} of " + pattern + "; teach it a harmless value");
            };
            matcher.appendReplacement(path, value);
        }
        matcher.appendTail(path);
        return path.toString();
    }
}
