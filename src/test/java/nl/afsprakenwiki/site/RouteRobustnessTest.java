package nl.afsprakenwiki.site;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.web.Csrf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every route of the route table with input no page or program of ours sends, as an anonymous
 * visitor, as a praktijkexpert of a koppelzone and as a beheerder, each past the CSRF check (and with an
 * API token for the API), so the handlers are reached. Whatever the input, no answer may be a server
 * error, lack the security headers or show a stack trace; an API answer that refuses is problem+json.
 *
 * <p>The bad input, per route:
 * <ul>
 *   <li>odd values in every path parameter in turn: {@code 0}, {@code -1}, {@code 027}, a number too big
 *   for a long, an encoded NUL, invalid UTF-8, an encoded slash, a very long value;</li>
 *   <li>every query parameter any handler reads, all at once: empty, 200 and 10,000 characters, control
 *   characters, NUL, invalid UTF-8, an unknown value, odd numbers;</li>
 *   <li>for writes to pages: no fields at all, and every form field any handler reads with the values above;
 *   a JSON body instead of a form;</li>
 *   <li>for writes to the API: {@code null}, arrays, scalars, broken JSON, invalid UTF-8 as the body; and for
 *   every field the route reads (learnt from its answer to an unknown field) each wrong JSON type, alone
 *   and all fields at once; a form instead of JSON.</li>
 * </ul>
 * The bad input goes to the routes whose handler the visitor reaches (by the route's rule); a route that
 * refuses the visitor gets one bad request, to check the refusal. Input whose answer cannot depend on the
 * visitor (what Jetty refuses before any handler, each field alone with each wrong type) is sent once per
 * route; writes get the query values empty, control characters and invalid UTF-8 only.
 *
 * <p>Every GET route must also answer HEAD like GET, without a body.
 */
class RouteRobustnessTest {

    private static final String KOPPELZONE = "koppelzone-jeugd-tilburg";
    private static final String ORGANISATION = "wijkteam-tilburg";
    private static final Set<HandlerType> METHODS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.DELETE);
    /** {@code {name}}, or {@code <name>} for a parameter that may hold slashes (a file's path). */
    private static final Pattern PARAMETER = Pattern.compile("[{<]([a-z]+)[}>]");
    private static final Pattern KNOWN_FIELDS = Pattern.compile("Toegestaan zijn: ([^.]*)\\.");

    /** Every query parameter a handler reads (grep queryParam), including search facets in both languages. */
    private static final List<String> QUERY_NAMES = List.of("q", "terug", "melding", "weergave", "van", "tot", "naar",
            "met", "pagina", "koppelzone", "fout", "error", "client_name", "username", "status", "sortering", "sort",
            "a", "b", "from", "to", "limit", "offset", "municipality", "jeugdregio", "theme", "party", "gemeente",
            "thema", "partij", "persoon", "actie", "code", "state", "sjabloon");
    /** Every form field a handler reads (grep formParam), including the prefixed ones. */
    private static final List<String> FORM_NAMES = List.of("title", "body", "summary", "parties", "themes",
            "otherThemes", "reviewDate", "baseRevision", "baseParties", "baseThemes", "baseReviewDate", "action",
            "revision", "decision", "remark", "reason", "terug", "username", "password", "passwordAgain", "current",
            "displayName", "email", "organisation", "name", "slug", "kind", "level", "municipality", "jeugdregio",
            "description", "chair", "createOnSso", "admin", "label", "role", "joinedOn", "koppelzone", "note",
            "date", "startTime", "endTime", "location", "invitees", "agreement", "topic", "detail", "richting",
            "minutes", "owner", "due", "status", "partij-" + ORGANISATION, "aanwezig-1", "namen-1", "aanwezig-x",
            "sjabloon");
    /** Jetty reads request lines up to 8 KiB; a query of one parameter with 10,000 characters it refuses itself. */
    private static final int QUERY_BUDGET = 6_000;
    /** Values for path parameters that name nothing, or nothing sensible. */
    private static final List<String> ODD_IDS = List.of("0", "-1", "027", "99999999999999999999", "%00", "%FF",
            "%2F", "x".repeat(300));

    /** Path values Jetty refuses itself (400) before any filter or handler of ours. */
    private static final Set<String> JETTY_REFUSES = Set.of("%00", "%FF");

    /** A class of bad values for query and form parameters, already percent-encoded. */
    private record BadValue(String name, String encoded) {
    }

    private static final BadValue CONTROL_CHARACTERS = new BadValue("besturingstekens",
            encode("\u0001\u0007\u001b[31m\t\r\n\u007f\u0085\u2028\uFEFF"));
    private static final BadValue EMPTY = new BadValue("leeg", "");
    private static final BadValue INVALID_UTF8 = new BadValue("ongeldige UTF-8", "%FF%FE%C3%28%ED%A0%80");
    private static final List<BadValue> BAD_VALUES = List.of(
            EMPTY,
            new BadValue("200 tekens", "%C3%A9".repeat(20) + "x".repeat(180)),
            new BadValue("10.000 tekens", "x".repeat(10_000)),
            CONTROL_CHARACTERS,
            new BadValue("NUL", "a%00b"),
            INVALID_UTF8,
            new BadValue("onbekende waarde", "onbekend-xyz"),
            new BadValue("negatief", "-1"),
            new BadValue("te groot getal", "99999999999999999999"),
            new BadValue("kommagetal", "1.5e300"));

    /** Bodies no API write accepts. */
    private static final Map<String, byte[]> BAD_BODIES = badBodies();
    /** Values of each JSON type, to send where another type is expected. */
    private static final Map<String, String> JSON_KINDS = jsonKinds();

    @TempDir
    static Path dir;
    static TestApp app;
    static Map<String, String> valid;
    static long untouched;
    static List<Person> people;
    static final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    static final AtomicInteger requests = new AtomicInteger();
    static final Set<String> fieldsWalked = ConcurrentHashMap.newKeySet();
    static final Map<String, AtomicInteger> byKind = new ConcurrentHashMap<>();

    /** One kind of visitor: its browser (with the CSRF token of its session) and its API client. */
    private record Person(String name, TestApp.Client browser, TestApp.Client api, String csrf, Set<Rule> reaches) {
        TestApp.Client client(String path) {
            return path.startsWith("/api/") ? api : browser;
        }

        /** Whether this visitor passes the access filter of {@code route}, so bad input reaches its handler. */
        boolean reaches(Endpoint route) {
            Roles roles = route.metadata(Roles.class);
            return roles != null && roles.getRoles().stream().anyMatch(reaches::contains);
        }
    }

    @BeforeAll
    static void start() {
        app = TestApp.startWithDemo(dir.resolve("data"));
        app.member(KOPPELZONE, "expert", Role.PRAKTIJKEXPERT, ORGANISATION);
        app.member(KOPPELZONE, "slachtoffer", Role.LEZER);
        app.admin("baas");
        // a beheerder may do all but endorse and take note; as a manager too, the beheerder reaches every handler
        app.member(KOPPELZONE, "baas", Role.MANAGER);
        JsonNode endorsed = app.get("/api/v1/agreements?koppelzone=" + KOPPELZONE + "&status=bekrachtigd").json().get("items");
        long agreement = endorsed.get(0).get("id").asLong();
        // the walk sends forms that may retire the first one; HEAD is tried on one nothing touches
        untouched = endorsed.get(1).get("id").asLong();
        long meeting = app.bearer("baas").postJson("/api/v1/koppelzones/" + KOPPELZONE + "/meetings",
                Map.of("date", "2030-01-15", "startTime", "14:00", "endTime", "16:00")).json().get("id").asLong();
        valid = new LinkedHashMap<>();
        valid.put("id", String.valueOf(agreement));
        valid.put("number", "1");
        valid.put("path", "css/site.css");
        valid.put("language", "nl");
        valid.put("username", "slachtoffer");
        valid.put("organisation", "geen-organisatie");
        valid.put("token", "999999");
        valid.put("proposal", "999999");
        valid.put("meeting", String.valueOf(meeting));
        valid.put("item", "999999");
        valid.put("action", "999999");
        valid.put("theme", "wachtlijsten");
        valid.put("experience", "999999");
        valid.put("endorsement", "999999");
        valid.put("decision", "999999");
        // the expert's own comment, so bad input to editing and resolving reaches the handlers
        valid.put("comment", app.bearer("expert").postJson("/api/v1/agreements/" + agreement + "/comments",
                Map.of("text", "Een opmerking.")).json().get("id").asText());
        valid.put("template", "999999");
        valid.put("leak", "999999");
        valid.put("field", "beschrijving");
        valid.put("name", "geen-bijlage.pdf");
        valid.put("reeks", "status");

        people = new ArrayList<>();
        TestApp.Client anonymous = app.newBrowser();
        people.add(new Person("anoniem", anonymous, anonymous, anonymous.csrfToken("/login"),
                EnumSet.of(Rule.PUBLIC, Rule.READ_KOPPELZONE, Rule.READ_AGREEMENT)));
        TestApp.Client expert = app.signIn("expert");
        people.add(new Person("expert", expert, app.bearer("expert"), expert.csrfToken("/profiel"),
                EnumSet.complementOf(EnumSet.of(Rule.ADMINISTER, Rule.ENDORSE, Rule.RETIRE, Rule.SCHEDULE_REVIEW,
                        Rule.PLAN_MEETINGS, Rule.RUN_MEETING, Rule.MANAGE_KOPPELZONE, Rule.MODERATE_EXPERIENCES))));
        TestApp.Client baas = app.signIn("baas");
        people.add(new Person("baas", baas, app.bearer("baas"), baas.csrfToken("/profiel"), EnumSet.allOf(Rule.class)));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static List<Endpoint> routes() {
        return app.server().unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> METHODS.contains(endpoint.method))
                .toList();
    }

    @Test
    void everyRouteSurvivesBadInputFromEveryKindOfVisitor() throws Exception {
        long started = System.nanoTime();
        List<Runnable> walk = new ArrayList<>();
        List<Runnable> last = new ArrayList<>();
        for (Person person : people) {
            for (Endpoint route : routes()) {
                // signing out ends the session the rest of the walk needs
                (route.path.equals("/logout") ? last : walk).addAll(requestsFor(person, route));
            }
        }
        runInParallel(walk);
        last.forEach(Runnable::run);
        String walked = "%d requests to %d routes as %d kinds of visitor in %d ms %s; JSON fields learnt on %d routes"
                .formatted(requests.get(), routes().size(), people.size(), (System.nanoTime() - started) / 1_000_000, byKind,
                        fieldsWalked.size());
        // a walk that sent little would pass for the wrong reason
        assertThat(requests.get()).as(walked).isGreaterThan(routes().size() * people.size());
        assertThat(fieldsWalked).as(walked).isNotEmpty();
        assertThat(new TreeSet<>(failures)).as("answers to bad input (" + walked + ")").isEmpty();
    }

    private static List<Runnable> requestsFor(Person person, Endpoint route) {
        List<Runnable> requests = new ArrayList<>();
        String method = route.method.name();
        boolean api = route.path.startsWith("/api/");
        boolean write = route.method != HandlerType.GET;
        String noContentType = !write ? null : api ? "application/json" : "application/x-www-form-urlencoded";
        byte[] noBody = !write ? null : api ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0];

        boolean reached = person.reaches(route);
        // the beheerder reaches every handler; what cannot depend on the visitor, the beheerder alone sends
        boolean once = person == people.get(people.size() - 1);

        // odd values in each path parameter (the ones Jetty refuses before any handler: once per route)
        Matcher parameters = PARAMETER.matcher(route.path);
        while (parameters.find()) {
            String name = parameters.group(1);
            for (String odd : ODD_IDS) {
                if (JETTY_REFUSES.contains(odd) ? !once : !reached) {
                    continue;
                }
                String path = concrete(route.path, Map.of(name, odd));
                requests.add(() -> send(person, route, "pad {" + name + "}=" + shorten(odd), method, path, noContentType,
                        noBody));
            }
        }
        String path = concrete(route.path, Map.of());
        if (!reached) {
            // refused before the handler reads anything: the refusal itself is what is checked here
            requests.add(() -> send(person, route, "query " + CONTROL_CHARACTERS.name(), method, path + "?"
                    + queries(CONTROL_CHARACTERS).get(0), write && api ? "application/json" : noContentType,
                    write && api ? BAD_BODIES.get("null") : noBody));
            return requests;
        }
        // bad query parameters, as many at once as fit in a URI Jetty reads; one of 10,000 characters Jetty
        // refuses itself with 414, so once per route; a write reads few query parameters, so fewer kinds
        for (BadValue bad : write ? List.of(EMPTY, CONTROL_CHARACTERS, INVALID_UTF8) : BAD_VALUES) {
            if (bad.encoded().length() > QUERY_BUDGET && !once) {
                continue;
            }
            for (String query : queries(bad)) {
                requests.add(() -> send(person, route, "query " + bad.name(), method, path + "?" + query, noContentType, noBody));
            }
        }
        if (!write) {
            return requests;
        }
        if (api) {
            BAD_BODIES.forEach((name, body) -> requests.add(() -> send(person, route, "body " + name, method, path,
                    "application/json", body)));
            requests.add(() -> send(person, route, "formulier i.p.v. JSON", method, path,
                    "application/x-www-form-urlencoded", "title=x".getBytes(StandardCharsets.UTF_8)));
            requests.add(() -> wrongTypes(person, route, path));
        } else {
            for (BadValue bad : BAD_VALUES) {
                String form = FORM_NAMES.stream().map(name -> name + "=" + bad.encoded()).collect(Collectors.joining("&"));
                requests.add(() -> send(person, route, "formulier " + bad.name(), method, path,
                        "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.US_ASCII)));
            }
            requests.add(() -> send(person, route, "JSON i.p.v. formulier", method, path, "application/json",
                    "{\"title\": null}".getBytes(StandardCharsets.UTF_8)));
        }
        return requests;
    }

    /**
     * Learns the fields the route reads from its answer to an unknown one, then sends each field each
     * wrong JSON type: alone, and all fields at once.
     */
    private static void wrongTypes(Person person, Endpoint route, String path) {
        String method = route.method.name();
        Response probe = send(person, route, "onbekend veld", method, path, "application/json",
                "{\"onbekendVeld\": 1}".getBytes(StandardCharsets.UTF_8));
        if (probe == null || probe.status() != 400) {
            return;
        }
        Matcher known = KNOWN_FIELDS.matcher(probe.json().path("detail").asText());
        if (!known.find()) {
            failures.add("%s: %s %s answers an unknown field without naming the known ones: %s".formatted(person.name(),
                    method, route.path, shorten(probe.body())));
            return;
        }
        List<String> fields = List.of(known.group(1).split(", "));
        // what a wrong type does to a field does not depend on who sends it: each field alone once per route
        boolean alone = fieldsWalked.add(method + " " + route.path);
        if (alone) {
            // a route that reads a JSON object refuses every other body, saying so
            for (String body : List.of("null", "[]", "\"x\"", "1")) {
                Response response = send(person, route, "body " + body, method, path, "application/json",
                        body.getBytes(StandardCharsets.UTF_8));
                if (response != null && (response.status() != 400
                        || !response.json().path("detail").asText().startsWith("De body moet een JSON-object zijn"))) {
                    failures.add("%s: %s %s answers the body %s with %d: %s".formatted(person.name(), method, route.path,
                            body, response.status(), shorten(response.body())));
                }
            }
        }
        JSON_KINDS.forEach((kind, value) -> {
            for (String field : alone ? fields : List.<String>of()) {
                send(person, route, "veld " + field + " = " + kind, method, path, "application/json",
                        ("{\"" + field + "\": " + value + "}").getBytes(StandardCharsets.UTF_8));
            }
            String all = fields.stream().map(field -> "\"" + field + "\": " + value).collect(Collectors.joining(", ", "{", "}"));
            Response response = send(person, route, "alle velden " + kind, method, path, "application/json",
                    all.getBytes(StandardCharsets.UTF_8));
            // no field of any route is a boolean or a list of objects
            if (response != null && response.status() < 400 && (kind.equals("boolean") || kind.equals("lijst met object"))) {
                failures.add("%s: %s %s accepted every field as %s: %d".formatted(person.name(), method, route.path, kind,
                        response.status()));
            }
        });
    }

    private static Response send(Person person, Endpoint route, String input, String method, String path,
                                 String contentType, byte[] body) {
        requests.incrementAndGet();
        byKind.computeIfAbsent(input.split(" ")[0], kind -> new AtomicInteger()).incrementAndGet();
        String label = "%s: %s %s [%s]".formatted(person.name(), method, route.path, input);
        Response response;
        try {
            response = person.client(path).sendBytes(method, path, contentType, body, headers(person, path));
        } catch (RuntimeException stale) {
            // The client may reuse a kept-alive connection just as the server closes it (after an answer
            // that did not read the whole body); the request then never arrived. Once more, on a new one.
            try {
                response = person.client(path).sendBytes(method, path, contentType, body, headers(person, path));
            } catch (RuntimeException e) {
                failures.add(label + " → no answer: " + e);
                return null;
            }
        }
        check(label, path, response);
        return response;
    }

    /** The CSRF token as a page's script sends it; for the API, also the Accept header of an API client. */
    private static Map<String, String> headers(Person person, String path) {
        return path.startsWith("/api/") ? Map.of(Csrf.HEADER, person.csrf(), "Accept", "application/json")
                : Map.of(Csrf.HEADER, person.csrf());
    }

    /** The checks every answer must pass; a failure is noted, not thrown, so one run shows them all. */
    private static void check(String label, String path, Response response) {
        String problem = problemWith(path, response);
        if (problem != null) {
            failures.add(label + " → " + response.status() + ": " + problem);
        }
    }

    private static String problemWith(String path, Response response) {
        if (response.status() >= 500) {
            return "server error " + shorten(response.body());
        }
        String csp = response.header("Content-Security-Policy");
        if (csp == null || !csp.contains("default-src 'self'") || !"nosniff".equals(response.header("X-Content-Type-Options"))
                || !"DENY".equals(response.header("X-Frame-Options")) || response.header("Referrer-Policy") == null
                || response.header("Permissions-Policy") == null || response.header("Cross-Origin-Opener-Policy") == null) {
            return "security headers missing: " + response.headers().keySet();
        }
        String body = response.body();
        for (String trace : List.of("Exception", "\tat ", "java.lang.", "org.eclipse.jetty", "io.javalin")) {
            if (body.contains(trace)) {
                return "a stack trace or class name in the body: " + shorten(body.substring(body.indexOf(trace)));
            }
        }
        // a URI too long or with a NUL Jetty refuses before it has read the path or any header: it cannot
        // know that the API was asked
        boolean unread = response.status() == 414 || response.status() == 400 && path.contains("%00");
        if (path.startsWith("/api/") && response.status() >= 400 && !unread
                && !String.valueOf(response.header("Content-Type")).startsWith("application/problem+json")) {
            return "an API refusal that is not problem+json: " + response.header("Content-Type");
        }
        return null;
    }

    @Test
    void everyGetRouteAnswersHeadLikeGetWithoutABody() throws Exception {
        List<String> mismatches = new ArrayList<>();
        Set<String> heads = app.server().unsafe.internalRouter.allHttpHandlers().stream()
                .filter(parsed -> parsed.endpoint.method == HandlerType.HEAD)
                .map(parsed -> parsed.endpoint.path).collect(Collectors.toSet());
        for (Person person : people) {
            for (Endpoint route : routes()) {
                if (route.method != HandlerType.GET) {
                    continue;
                }
                if (!heads.contains(route.path)) {
                    mismatches.add("no HEAD route for " + route.path);
                }
                String path = concrete(route.path, Map.of());
                TestApp.Client client = person.client(path);
                Response get = client.send("GET", path, null, null);
                Response head = client.send("HEAD", path, null, null);
                String problem = problemWith(path, head);
                if (head.status() != get.status() || !head.body().isEmpty() || problem != null) {
                    mismatches.add("%s: HEAD %s answered %d with %d bytes (GET: %d)%s".formatted(person.name(), path,
                            head.status(), head.body().length(), get.status(), problem == null ? "" : ", " + problem));
                }
            }
        }
        assertThat(mismatches).isEmpty();
        // on the wire: a status line, the headers, and nothing after them
        for (String path : List.of("/", "/api/v1/health", "/afspraken/" + untouched, "/api/v1/agreements/" + untouched)) {
            String answer = raw("HEAD " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(answer).as("HEAD " + path).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\n")
                    .containsIgnoringCase("\r\nContent-Security-Policy: ");
        }
    }

    @Test
    void jettysOwnRefusalsCarryTheSecurityHeadersAndADutchAnswer() throws Exception {
        // what → the request and the status Jetty must answer it with
        Map<String, Map.Entry<String, Integer>> requests = new LinkedHashMap<>();
        requests.put("invalid UTF-8 in the path", Map.entry("GET /afspraken/%FF%FE HTTP/1.1\r\nHost: localhost\r\n", 400));
        requests.put("invalid UTF-8 in an API path", Map.entry("GET /api/v1/agreements/%FF%FE HTTP/1.1\r\nHost: localhost\r\n",
                400));
        requests.put("an encoded NUL in the path", Map.entry("GET /afspraken/%00 HTTP/1.1\r\nHost: localhost\r\n", 400));
        requests.put("a URI too long", Map.entry("GET /zoeken?q=" + "x".repeat(70_000) + " HTTP/1.1\r\nHost: localhost\r\n",
                414));
        // Jetty refuses a URI too long or with a NUL before it has read its path or any header, so even an API
        // client gets the Dutch page there
        requests.put("an API URI too long", Map.entry("GET /api/v1/search?q=" + "x".repeat(70_000)
                + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n", 414));
        requests.put("an encoded NUL in an API path", Map.entry("GET /api/v1/agreements/%00 HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: application/json\r\n", 400));
        requests.put("headers too large", Map.entry("GET / HTTP/1.1\r\nHost: localhost\r\nX-Groot: " + "x".repeat(70_000)
                + "\r\n", 431));
        requests.put("an API request with headers too large", Map.entry("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Groot: " + "x".repeat(70_000) + "\r\n", 431));
        requests.put("a bad request line", Map.entry("GET /a b c HTTP/1.1\r\nHost: localhost\r\n", 400));
        List<String> problems = new ArrayList<>();
        requests.forEach((what, sent) -> {
            String request = sent.getKey();
            String answer = raw(request + "Connection: close\r\n\r\n");
            String head = answer.contains("\r\n\r\n") ? answer.substring(0, answer.indexOf("\r\n\r\n")) : answer;
            String body = answer.substring(head.length()).strip();
            int status = Integer.parseInt(head.substring(9, 12));
            boolean api = request.contains(" /api/") && !what.equals("an API URI too long")
                    && !what.equals("an encoded NUL in an API path");
            List<String> wrong = new ArrayList<>();
            if (status != sent.getValue()) {
                wrong.add("status " + status);
            }
            for (String header : List.of("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options",
                    "Referrer-Policy")) {
                if (!head.toLowerCase().contains("\r\n" + header.toLowerCase() + ": ")) {
                    wrong.add("no " + header);
                }
            }
            if (api ? !head.toLowerCase().contains("content-type: application/problem+json") || !body.contains("\"detail\"")
                    : !body.contains("lang=\"nl\"")) {
                wrong.add(api ? "no problem+json" : "no Dutch page");
            }
            if (body.contains("Exception") || body.contains("\tat ") || body.contains("org.eclipse.jetty")) {
                wrong.add("a stack trace or class name");
            }
            if (!wrong.isEmpty()) {
                problems.add(what + ": " + wrong + "\n" + shorten(answer));
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void aWrongTypeIsRefusedNamingTheField() {
        TestApp.Client expert = people.get(1).api();
        String id = valid.get("id");
        Response title = expert.send("POST", "/api/v1/koppelzones/" + KOPPELZONE + "/agreements", "application/json",
                "{\"title\": 123, \"body\": \"Tekst\", \"parties\": [\"" + ORGANISATION + "\"]}");
        assertThat(title.status()).isEqualTo(400);
        assertThat(title.json().get("detail").asText()).startsWith("title: een tekst verwacht, niet een getal");

        Response base = expert.send("PUT", "/api/v1/agreements/" + id, "application/json",
                "{\"title\": \"T\", \"body\": \"B\", \"baseRevision\": 1.5}");
        assertThat(base.status()).isEqualTo(400);
        assertThat(base.json().get("detail").asText()).startsWith("baseRevision: een geheel getal verwacht");

        Response themes = expert.send("PUT", "/api/v1/agreements/" + id, "application/json",
                "{\"title\": \"T\", \"body\": \"B\", \"baseRevision\": 1, \"themes\": \"los\"}");
        assertThat(themes.status()).isEqualTo(400);
        assertThat(themes.json().get("detail").asText()).startsWith("themes: een lijst verwacht, niet een tekst");

        for (String body : List.of("null", "[]", "[{}]", "3", "\"tekst\"", "true")) {
            Response response = expert.send("PUT", "/api/v1/agreements/" + id, "application/json", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            JsonNode problem = response.json();
            assertThat(problem.get("detail").asText()).as(body).startsWith("De body moet een JSON-object zijn");
        }
    }

    @Test
    void anUnknownCodeIsRefusedNamingTheFieldAndTheAllowedValues() {
        TestApp.Client baas = app.bearer("baas");
        Response level = baas.postJson("/api/v1/koppelzones", Map.of("name", "Landelijk", "municipality", "tilburg",
                "level", "landelijk"));
        assertThat(level.status()).isEqualTo(400);
        assertThat(level.json().get("detail").asText()).isEqualTo("level: 'landelijk' is onbekend; toegestaan zijn: lokaal, regionaal.");
        assertThat(level.json().get("errors").get("level").asText()).startsWith("'landelijk' is onbekend");
        Response role = baas.postJson("/api/v1/koppelzones/" + KOPPELZONE + "/members", Map.of("username", "slachtoffer"));
        assertThat(role.status()).isEqualTo(400);
        assertThat(role.json().get("detail").asText()).startsWith("role: ontbreekt; toegestaan zijn: lezer, ");
    }

    @Test
    void unknownSearchFacetValuesAreIgnoredAndThePageStillAnswers() {
        Response page = app.get("/zoeken?status=x&partij=y&gemeente=z&thema=%00&sortering=q");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1");
        Response api = app.get("/api/v1/search?status=x&party=y&municipality=z&sort=q");
        assertThat(api.status()).isLessThan(500);
        assertThat(api.header("Content-Type")).startsWith(api.status() == 200 ? "application/json" : "application/problem+json");
    }

    @Test
    void aFormWithoutItsFieldsIsRefusedNextToTheFieldAndStoresNoNullText() {
        app.member(KOPPELZONE, "invuller", Role.LEZER);
        TestApp.Client browser = app.signIn("invuller");
        String before = app.bearer("invuller").get("/api/v1/me").json().get("name").asText();

        Response details = browser.submit("/profiel", "/profiel/gegevens", List.of(Map.entry("email", "getypt@voorbeeld.nl")));
        assertThat(details.status()).isEqualTo(422);
        assertThat(details.body()).contains("Vul een naam in van hoogstens 100 tekens.").contains("getypt@voorbeeld.nl");
        assertThat(app.bearer("invuller").get("/api/v1/me").json().get("name").asText()).isEqualTo(before);

        Response password = browser.submit("/profiel", "/profiel/wachtwoord", List.of(Map.entry("password", "nieuw-wachtwoord-2026"),
                Map.entry("passwordAgain", "nieuw-wachtwoord-2026")));
        assertThat(password.status()).as("without the current password").isEqualTo(422);

        TestApp.Client baas = app.signIn("baas");
        Response reset = baas.submit("/beheer/accounts", "/beheer/accounts/invuller/wachtwoord", List.of());
        assertThat(reset.status()).isEqualTo(422);
        assertThat(app.newBrowser().signIn("invuller", "null").header("Location")).as("no password 'null'").startsWith("/login?");
        assertThat(app.newBrowser().signIn("invuller", TestApp.PASSWORD).header("Location")).isEqualTo("/");
        Response status = baas.submit("/beheer/accounts", "/beheer/accounts/invuller/status", List.of());
        assertThat(status.status()).isEqualTo(422);
        Response organisation = baas.submit("/beheer/organisaties", "/beheer/organisaties/" + ORGANISATION, List.of());
        assertThat(organisation.status()).isEqualTo(422);
        assertThat(app.get("/organisaties/" + ORGANISATION).body()).doesNotContain(">null<");
    }

    // --- helpers --------------------------------------------------------------------------------

    private static void runInParallel(List<Runnable> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            tasks.forEach(task -> running.add(pool.submit(task)));
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Every query parameter with the bad value, in as few queries under {@link #QUERY_BUDGET} characters as
     * will do; a value longer than that alone.
     */
    private static List<String> queries(BadValue bad) {
        if (bad.encoded().length() > QUERY_BUDGET) {
            // Jetty refuses the request line before any handler: one parameter shows how
            return List.of(QUERY_NAMES.get(0) + "=" + bad.encoded());
        }
        List<String> queries = new ArrayList<>();
        StringBuilder query = new StringBuilder();
        for (String name : QUERY_NAMES) {
            String parameter = name + "=" + bad.encoded();
            if (!query.isEmpty() && query.length() + parameter.length() > QUERY_BUDGET) {
                queries.add(query.toString());
                query.setLength(0);
            }
            query.append(query.isEmpty() ? "" : "&").append(parameter);
        }
        queries.add(query.toString());
        return queries;
    }

    /** The route's path with the parameters in {@code odd} as given and every other one filled in with one that exists. */
    private static String concrete(String pattern, Map<String, String> odd) {
        Matcher matcher = PARAMETER.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = odd.containsKey(name) ? odd.get(name) : name.equals("slug") ? slug(pattern) : valid.get(name);
            assertThat(value).as("a harmless value for {%s} of %s", name, pattern).isNotNull();
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static String slug(String pattern) {
        return pattern.startsWith("/organisaties/") || pattern.startsWith("/beheer/organisaties/")
                || pattern.startsWith("/api/v1/organisations/") ? ORGANISATION : KOPPELZONE;
    }

    /** A raw HTTP/1.1 exchange, for what an HTTP client library would not send or would hide. */
    private static String raw(String request) {
        URI base = URI.create(app.baseUrl);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            try {
                in.transferTo(answer);
            } catch (IOException e) {
                // a reset after the answer: what arrived is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, byte[]> badBodies() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        for (String body : List.of("null", "[]", "[{}]", "[null]", "0", "-1", "1.5", "\"tekst\"", "true", "{",
                "{\"title\": }", "{} {}", "{\"title\": \"a\u0000b\"}", "\"\u0000\"", "")) {
            bodies.put(body.isEmpty() ? "leeg" : body.replace("\u0000", "NUL"), body.getBytes(StandardCharsets.UTF_8));
        }
        bodies.put("ongeldige UTF-8", new byte[] {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xFF,
                (byte) 0xC3, '(', '"', '}'});
        bodies.put("NUL-byte", new byte[] {'{', 0, '}'});
        return bodies;
    }

    private static Map<String, String> jsonKinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("getal", "123");
        kinds.put("te groot getal", "99999999999999999999");
        kinds.put("kommagetal", "1.5");
        kinds.put("boolean", "true");
        kinds.put("tekst", "\"onbekend-xyz\"");
        kinds.put("lege tekst", "\"\"");
        kinds.put("10.000 tekens", "\"" + "x".repeat(10_000) + "\"");
        kinds.put("besturingstekens", "\"\\u0000\\u0001\\u001b\\u2028\"");
        kinds.put("object", "{}");
        kinds.put("lijst", "[]");
        kinds.put("lijst met object", "[{}]");
        kinds.put("lijst met null", "[null]");
        kinds.put("lijst met getal", "[1]");
        kinds.put("null", "null");
        return kinds;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String shorten(String text) {
        String flat = text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
