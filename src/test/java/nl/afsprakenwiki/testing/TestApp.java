package nl.afsprakenwiki.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import nl.afsprakenwiki.App;
import nl.afsprakenwiki.Services;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.accounts.Account;
import nl.afsprakenwiki.chain.ChainLeaks;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.search.IndexStorage;
import nl.afsprakenwiki.text.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The real application on a temporary data directory and a free port, with an HTTP client that
 * keeps cookies (like a browser) and does not follow redirects (so tests see them).
 */
public final class TestApp implements AutoCloseable {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\"[^>]*value=\"([^\"]+)\"");
    /** The password of every account the tests create. */
    public static final String PASSWORD = "kruidenthee-zeilboot-fietsbel";
    private static final Author TEST = Author.system("test");
    /** A viewer who may read everything (drafts included), for tests that check what was stored. */
    public static final Viewer BEHEERDER = new Viewer(0L, "test-beheerder", "Test-beheerder", null, true, Map.of(),
            Viewer.Via.SESSION);
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    public final Path dataDir;
    public final Database db;
    public final Services services;
    /** Accounts, koppelzones and agreements made through the services, as an administrator would. */
    public final TestData data;
    private final Javalin app;
    /** The anonymous visitor's browser, which the shorthand methods below use. */
    private final Client browser;
    public final String baseUrl;

    private TestApp(Path dataDir, boolean demo) {
        this(Settings.forTests(dataDir), demo, TestDisk.INDEX);
    }

    private TestApp(Settings settings, boolean demo, IndexStorage indexStorage) {
        this(settings, demo, indexStorage, Clock.systemUTC());
    }

    private TestApp(Settings settings, boolean demo, IndexStorage indexStorage, Clock clock) {
        // the chain draws the real waardelekken, as in the application
        this(settings, demo, indexStorage, clock, null);
    }

    private TestApp(Settings settings, boolean demo, IndexStorage indexStorage, Clock clock, ChainLeaks chainLeaks) {
        this.dataDir = settings.dataDir();
        this.db = TestDisk.open(dataDir);
        this.services = TestDisk.shareAnalysis(Services.create(settings, db, clock, indexStorage));
        this.data = new TestData(services, dataDir);
        if (demo) {
            services.demo().loadIfEmpty(Progress.NONE);
        }
        services.search().index().start();
        services.outbox().start();
        services.daily().start();
        this.app = (chainLeaks == null ? App.create(services) : App.create(services, chainLeaks)).start();
        this.baseUrl = "http://127.0.0.1:" + app.port();
        this.browser = new Client(newClient(), Map.of());
    }

    public static TestApp start(Path dataDir) {
        return new TestApp(dataDir, false);
    }

    public static TestApp startWithDemo(Path dataDir) {
        DemoData.copyTo(dataDir);
        return new TestApp(dataDir, true);
    }

    /** The demo wiki with settings of the test's choosing, e.g. mail to a local SMTP server. */
    public static TestApp startWithDemo(Settings settings) {
        DemoData.copyTo(settings.dataDir());
        return new TestApp(settings, true, TestDisk.INDEX);
    }

    /** With settings of the test's choosing (single sign-on, proxy); the data directory is the settings'. */
    public static TestApp start(Settings settings) {
        return new TestApp(settings, false, TestDisk.INDEX);
    }

    /** With settings and a clock of the test's choosing (e.g. a {@link TestClock} for the daily run). */
    public static TestApp start(Settings settings, Clock clock) {
        return new TestApp(settings, false, TestDisk.INDEX, clock);
    }

    /** With the chain's leaks answered by {@code chainLeaks} (a test's stand-in for the leaks feature). */
    public static TestApp start(Path dataDir, ChainLeaks chainLeaks) {
        return new TestApp(Settings.forTests(dataDir), false, TestDisk.INDEX, Clock.systemUTC(), chainLeaks);
    }

    /** With the search index written through {@code indexStorage}: a test's disk that can fill up. */
    public static TestApp start(Path dataDir, IndexStorage indexStorage) {
        return new TestApp(Settings.forTests(dataDir), false, indexStorage);
    }

    /** A second, independent browser (own cookies) against the same server. */
    /** The running server, for tests of its setup. */
    public Javalin javalin() {
        return app;
    }

    public TestApp.Client newBrowser() {
        return new Client(newClient(), Map.of());
    }

    // --- people and content (see TestData) ------------------------------------------------------

    /** Creates an account (password {@link #PASSWORD}) without any role. */
    public Account account(String username) {
        return data.account(username);
    }

    public Account account(String username, String displayName) {
        return data.account(username, displayName);
    }

    /** Creates an account that is beheerder of the instance. */
    public Account admin(String username) {
        return data.admin(username);
    }

    /** Creates an account with a role in a koppelzone (or adds the role if the account exists). */
    public String member(String koppelzoneSlug, String username, Role role) {
        return data.member(koppelzoneSlug, username, role);
    }

    /** An account of {@code organisationSlug} with {@code role} in the koppelzone, e.g. a manager. */
    /**
     * The koppelzone's voorzitter "vera" (of the wijkteam) and praktijkexpert "marieke" (of jeugdhulp De
     * Brug), as the tests of texts and meetings need them.
     */
    public void chairAndExpert(String koppelzoneSlug) {
        member(koppelzoneSlug, "vera", Role.VOORZITTER, "wijkteam-teststad");
        member(koppelzoneSlug, "marieke", Role.PRAKTIJKEXPERT, "jeugdhulp-de-brug-teststad");
    }

    public String member(String koppelzoneSlug, String username, Role role, String organisationSlug) {
        return data.member(koppelzoneSlug, username, role, organisationSlug);
    }

    /** A browser in which {@code username} signed in through the login form. */
    public Client signIn(String username) {
        Client browser = newBrowser();
        Response response = browser.signIn(username, PASSWORD);
        if ((response.status() != 302 && response.status() != 303) || response.header("Location").startsWith("/login")) {
            throw new AssertionError("login of " + username + " failed: " + response.status() + " " + response.header("Location"));
        }
        return browser;
    }

    /** A client that sends a new API token of {@code username} with every request (and keeps no cookies). */
    public Client bearer(String username) {
        return withToken(services.tokens().createToken(username, "test", TEST).token());
    }

    public Client withToken(String token) {
        return new Client(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build(), Map.of("Authorization", "Bearer " + token));
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Response get(String path) {
        return browser.get(path);
    }

    public Response postJson(String path, Object body) {
        return browser.postJson(path, body);
    }

    public Response putJson(String path, Object body) {
        return browser.putJson(path, body);
    }

    public Response send(String method, String path, String contentType, String body) {
        return browser.send(method, path, contentType, body);
    }

    public Response postForm(String path, List<Map.Entry<String, String>> fields) {
        return browser.postForm(path, fields);
    }

    /** The CSRF token the server put in the form on {@code page} (also sets the browser's cookie). */
    public String csrfToken(String page) {
        return browser.csrfToken(page);
    }

    /** Creates a koppelzone with three parties through the real importer. Returns its slug. */
    public String koppelzone(String name, String municipality) {
        return data.koppelzone(name, municipality);
    }

    /** Imports one agreement with the given status, as {@link TestData#agreement} does. Returns its id. */
    public long agreement(String koppelzoneName, String municipality, String slug, String title, String status) {
        return data.agreement(koppelzoneName, municipality, slug, title, status);
    }

    /** {@link #agreement} between the named parties (organisation names, e.g. "Huisartsen M"). */
    public long agreementBetween(String koppelzoneName, String municipality, String slug, String title, String status,
                                 List<String> parties) {
        return data.agreementBetween(koppelzoneName, municipality, slug, title, status, parties);
    }

    /** {@link #agreement} with the given markdown body. */
    public long agreement(String koppelzoneName, String municipality, String slug, String title, String status,
                          String body) {
        return data.agreement(koppelzoneName, municipality, slug, title, status, body);
    }

    /**
     * {@link #agreement} whose personal-data findings the writer confirmed as "not personal data" — wrongly,
     * as happens: how personal data reaches a stored revision despite the guard (redaction tests).
     */
    public long agreementConfirmingFindings(String koppelzoneName, String municipality, String slug, String title,
                                            String status, String body) {
        List<String> fingerprints = new nl.afsprakenwiki.privacy.PrivacyDetector(Clock.systemUTC())
                .scan(body, nl.afsprakenwiki.privacy.Parties.NONE).stream()
                .map(nl.afsprakenwiki.privacy.Finding::fingerprint).distinct().toList();
        return data.agreement(koppelzoneName, municipality, slug, title, status, body, fingerprints);
    }

    /** {@link #agreement} on any {@link Services}, e.g. of a second "process" on the same data directory. */
    public static long importAgreement(Services services, Path dataDir, String koppelzoneName, String municipality,
                                       String slug, String title) {
        return new TestData(services, dataDir).agreement(koppelzoneName, municipality, slug, title, "bekrachtigd");
    }

    /** Waits until everything committed so far is searchable (the index catches up in the background). */
    public void awaitSearch() {
        if (!services.search().index().awaitCurrent(java.time.Duration.ofSeconds(60))) {
            throw new IllegalStateException("the search index did not catch up within a minute");
        }
    }

    /**
     * Waits until the outbox has nothing left to send: every mail committed so far was handed to the
     * SMTP server and marked sent (the sender marks a mail only after the server accepted it), or was
     * given up. After this, what the mail server received is all that will arrive for what happened so
     * far; a test that expects no (further) mail checks then, instead of waiting a while and hoping.
     */
    public void awaitOutboxDelivered() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (db.read(handle -> handle.createQuery("SELECT count(*) FROM outbox WHERE state IN ('queued', 'sending')")
                .mapTo(Integer.class).one()) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the outbox was not delivered within ten seconds");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The running Javalin, for tests that inspect the route table. */
    public Javalin server() {
        return app;
    }

    public static String json(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
        services.daily().close();
        services.outbox().close();
        services.search().close();
        db.close();
    }

    /** One browser or API client: a cookie jar, fixed headers (a token) and the requests it sends. */
    public final class Client {
        private final HttpClient client;
        private final Map<String, String> headers;

        Client(HttpClient client, Map<String, String> headers) {
            this.client = client;
            this.headers = headers;
        }

        public Response get(String path) {
            return send("GET", path, null, null);
        }

        /** The cookies this client holds (none for a client with a token). */
        public List<java.net.HttpCookie> cookies() {
            return client.cookieHandler().map(handler -> ((CookieManager) handler).getCookieStore().getCookies())
                    .orElse(List.of());
        }

        public Response postJson(String path, Object body) {
            return send("POST", path, "application/json", json(body));
        }

        public Response putJson(String path, Object body) {
            return send("PUT", path, "application/json", json(body));
        }

        public Response delete(String path) {
            return send("DELETE", path, null, null);
        }

        public Response send(String method, String path, String contentType, String body) {
            return send(method, path, contentType, body, Map.of());
        }

        /** Any request; {@code body} null for none, {@code extraHeaders} on top of the client's own. */
        public Response send(String method, String path, String contentType, String body, Map<String, String> extraHeaders) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).method(method, body == null
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            headers.forEach(builder::header);
            extraHeaders.forEach(builder::header);
            return exchange(builder.build());
        }

        /**
         * Any request with the body as raw bytes (for input that is not valid UTF-8) and the path sent
         * exactly as given (already percent-encoded).
         */
        public Response sendBytes(String method, String path, String contentType, byte[] body,
                                  Map<String, String> extraHeaders) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).method(method, body == null
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            headers.forEach(builder::header);
            extraHeaders.forEach(builder::header);
            return exchange(builder.build());
        }

        /** Posts a form as a browser does: with the CSRF token of the page the form is on. */
        public Response submit(String formPage, String action, List<Map.Entry<String, String>> fields) {
            List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
            all.add(Map.entry("csrf", csrfToken(formPage)));
            return postForm(action, all);
        }

        /** Fills in the login form and submits it; the callback's answer. */
        public Response signIn(String username, String password) {
            return submit("/login", "/callback?client_name=FormClient",
                    List.of(Map.entry("username", username), Map.entry("password", password)));
        }

        public Response postForm(String path, List<Map.Entry<String, String>> fields) {
            String body = fields.stream()
                    .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send("POST", path, "application/x-www-form-urlencoded", body);
        }

        public String csrfToken(String page) {
            Response response = get(page);
            Matcher matcher = CSRF.matcher(response.body());
            if (!matcher.find()) {
                throw new AssertionError("no CSRF token on " + page + " (status " + response.status() + ")");
            }
            return matcher.group(1);
        }

        private URI uri(String path) {
            return URI.create(baseUrl + path);
        }

        private Response exchange(HttpRequest request) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Response(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** An HTTP response as the tests see it. */
    public record Response(int status, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }
}
