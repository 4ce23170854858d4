package nl.afsprakenwiki.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import nl.afsprakenwiki.App;
import nl.afsprakenwiki.Services;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.transfer.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    public final Path dataDir;
    public final Database db;
    public final Services services;
    private final Javalin app;
    private final HttpClient http;
    public final String baseUrl;

    private TestApp(Path dataDir, boolean demo) {
        this.dataDir = dataDir;
        this.db = Database.open(dataDir);
        this.services = Services.create(Settings.forTests(dataDir), db, Clock.systemUTC());
        if (demo) {
            services.demo().loadIfEmpty(Progress.NONE);
        }
        this.app = App.create(services).start();
        this.baseUrl = "http://127.0.0.1:" + app.port();
        this.http = newClient();
    }

    public static TestApp start(Path dataDir) {
        return new TestApp(dataDir, false);
    }

    public static TestApp startWithDemo(Path dataDir) {
        return new TestApp(dataDir, true);
    }

    /** A second, independent browser (own cookies) against the same server. */
    public TestApp.Client newBrowser() {
        return new Client(newClient());
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public Response get(String path) {
        return new Client(http).get(path);
    }

    public Response postJson(String path, Object body) {
        return new Client(http).send("POST", path, "application/json", json(body));
    }

    public Response putJson(String path, Object body) {
        return new Client(http).send("PUT", path, "application/json", json(body));
    }

    public Response send(String method, String path, String contentType, String body) {
        return new Client(http).send(method, path, contentType, body);
    }

    public Response postForm(String path, List<Map.Entry<String, String>> fields) {
        return new Client(http).postForm(path, fields);
    }

    /** The CSRF token the server put in the form on {@code page} (also sets the browser's cookie). */
    public String csrfToken(String page) {
        return new Client(http).csrfToken(page);
    }

    /** Creates a koppelzone with three parties through the real importer. Returns its slug. */
    public String koppelzone(String name, String municipality) {
        try {
            Path folder = Files.createTempDirectory(dataDir, "seed");
            Files.writeString(folder.resolve("koppelzone.yaml"), """
                    name: %s
                    municipality: %s
                    level: lokaal
                    chair: Wijkteam %s
                    description: Testkoppelzone
                    parties:
                      - name: Wijkteam %s
                        kind: lokaal_team
                      - name: Jeugdhulp De Brug %s
                        kind: aanbieder
                      - name: Huisartsen %s
                        kind: huisarts
                    """.formatted(name, municipality, municipality, municipality, municipality, municipality));
            services.importer().importFolder(folder, "test", Progress.NONE);
            return nl.afsprakenwiki.Slugs.of(name, 120);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (nl.afsprakenwiki.transfer.ImportFailed e) {
            throw new IllegalStateException(e.problems().toString(), e);
        }
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
        db.close();
    }

    /** One browser: a cookie jar and the requests it sends. */
    public final class Client {
        private final HttpClient client;

        Client(HttpClient client) {
            this.client = client;
        }

        public Response get(String path) {
            return exchange(HttpRequest.newBuilder(uri(path)).GET().build());
        }

        public Response send(String method, String path, String contentType, String body) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            return exchange(builder.build());
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
