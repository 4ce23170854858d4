package nl.afsprakenwiki.site;

import io.javalin.Javalin;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.NotFoundResponse;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.web.Csrf;
import nl.afsprakenwiki.web.Current;
import nl.afsprakenwiki.web.ServerSecret;
import nl.afsprakenwiki.web.Translations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of {@link PageCache} on a server of its own, with handlers that show each rule: which
 * answers are kept and shared among visitors, and that a kept page ends with the commit that changes
 * what it was read from, and with its conditions. The pages of the wiki itself: {@link PageCacheTest}.
 */
class PageCacheRulesTest {

    private static final Viewer MEMBER = new Viewer(7L, "lid", "Een lid", null, false, Map.of(), Viewer.Via.SESSION);

    @TempDir
    Path dir;
    private Database db;
    private Javalin server;
    private final HttpClient client = HttpClient.newHttpClient();
    /** How often each handler ran: a page served from the cache does not run it. */
    private final AtomicInteger renders = new AtomicInteger();
    private final AtomicReference<Object> conditions = new AtomicReference<>("dag 1");

    @BeforeEach
    void start() {
        db = Database.open(dir);
        Csrf csrf = new Csrf(ServerSecret.loadOrCreate(dir, db), false);
        PageCache cache = new PageCache(db, new Translations(), conditions::get);
        Handler municipalities = ctx -> {
            renders.incrementAndGet();
            List<String> names = db.read(handle -> handle.createQuery("SELECT name FROM municipality ORDER BY name")
                    .mapTo(String.class).list());
            String who = Current.viewer(ctx).authenticated() ? "lid" : "bezoeker";
            ctx.header("X-Gemeenten", Integer.toString(names.size()))
                    .contentType("text/html; charset=utf-8").result(who + ": " + String.join(", ", names) + " " + conditions.get());
        };
        server = Javalin.create(config -> {
            config.routes.before(ctx -> Current.VIEWER.set(ctx, ctx.header("X-Lid") == null ? Viewer.ANONYMOUS : MEMBER));
            config.routes.get("/gemeenten", cache.forVisitors(municipalities));
            config.routes.get("/feed", cache.forVisitors(ctx -> {
                renders.incrementAndGet();
                ctx.contentType("application/atom+xml").result("<link href=\"http://" + ctx.host() + "/feed\"/>");
            }));
            config.routes.get("/formulier", cache.forVisitors(ctx -> {
                renders.incrementAndGet();
                ctx.html("<input name=csrf value=" + csrf.token(ctx) + ">");
            }));
            config.routes.get("/koekje", cache.forVisitors(ctx -> {
                renders.incrementAndGet();
                ctx.cookie(new Cookie("keuze", Integer.toString(renders.get())));
                ctx.html("koekje");
            }));
            config.routes.get("/weg", cache.forVisitors(ctx -> {
                renders.incrementAndGet();
                throw new NotFoundResponse("weg");
            }));
            config.routes.get("/verhuisd", cache.forVisitors(ctx -> {
                renders.incrementAndGet();
                ctx.status(410).html("verhuisd");
            }));
            config.routes.get("/fout", cache.forVisitors(ctx -> {
                renders.incrementAndGet();
                throw new IOException("gecontroleerde fout");
            }));
            config.routes.exception(IOException.class, (e, ctx) -> ctx.status(503).result(e.getMessage()));
        }).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
        db.close();
    }

    @Test
    void aVisitorsPageIsRenderedOnceAndSentWithItsHeadersUntilACommitChangesWhatItRead() {
        insert("Tilburg");
        HttpResponse<String> first = get("/gemeenten");
        HttpResponse<String> second = get("/gemeenten");
        assertThat(renders).hasValue(1);
        assertThat(second.body()).isEqualTo(first.body()).isEqualTo("bezoeker: Tilburg dag 1");
        assertThat(second.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(second.headers().firstValue("X-Gemeenten")).hasValue("1");

        insert("Breda");
        HttpResponse<String> after = get("/gemeenten");
        assertThat(after.body()).isEqualTo("bezoeker: Breda, Tilburg dag 1");
        assertThat(after.headers().firstValue("X-Gemeenten")).hasValue("2");
    }

    @Test
    void aChangeOfTheConditionsEndsAKeptPage() {
        get("/gemeenten");
        conditions.set("dag 2");
        assertThat(get("/gemeenten").body()).endsWith("dag 2");
        assertThat(renders).hasValue(2);
    }

    @Test
    void signedInViewersQueriesAndHtmxAreRenderedForTheirRequestAndNeverShared() {
        insert("Tilburg");
        assertThat(get("/gemeenten", "X-Lid", "ja").body()).startsWith("lid:");
        assertThat(get("/gemeenten").body()).startsWith("bezoeker:");
        assertThat(get("/gemeenten", "X-Lid", "ja").body()).startsWith("lid:");
        assertThat(renders).hasValue(3);
        get("/gemeenten?pagina=2");
        get("/gemeenten?pagina=2");
        get("/gemeenten", "HX-Request", "true");
        assertThat(renders).hasValue(6);
        // and the visitors' page was kept all along
        get("/gemeenten");
        assertThat(renders).hasValue(6);
    }

    @Test
    void aPageWithACsrfTokenOrACookieBelongsToOneBrowser() {
        HttpResponse<String> one = get("/formulier");
        HttpResponse<String> two = get("/formulier");
        assertThat(renders).hasValue(2);
        assertThat(one.body()).isNotEqualTo(two.body());
        assertThat(one.headers().firstValue("Set-Cookie")).isNotEqualTo(two.headers().firstValue("Set-Cookie"));

        assertThat(get("/koekje").headers().firstValue("Set-Cookie")).hasValueSatisfying(v -> assertThat(v).startsWith("keuze=3"));
        assertThat(get("/koekje").headers().firstValue("Set-Cookie")).hasValueSatisfying(v -> assertThat(v).startsWith("keuze=4"));
    }

    @Test
    void onlyAnswersOfTwoHundredAreKeptAndAHandlersExceptionReachesTheErrorHandlersAsItWas() {
        assertThat(get("/weg").statusCode()).isEqualTo(404);
        assertThat(get("/weg").statusCode()).isEqualTo(404);
        assertThat(get("/verhuisd").statusCode()).isEqualTo(410);
        assertThat(get("/verhuisd").statusCode()).isEqualTo(410);
        HttpResponse<String> failed = get("/fout");
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.body()).isEqualTo("gecontroleerde fout");
        assertThat(renders).hasValue(5);
    }

    @Test
    void aPageIsKeptPerHostAskedFor() throws IOException {
        assertThat(rawGet("/feed", "wiki.example")).contains("http://wiki.example/feed");
        assertThat(rawGet("/feed", "andere.example")).contains("http://andere.example/feed");
        assertThat(rawGet("/feed", "wiki.example")).contains("http://wiki.example/feed");
        assertThat(renders).hasValue(2);
    }

    /** A GET with a Host header of the test's choosing (java.net.http does not let one set it). */
    private String rawGet(String path, String host) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private void insert(String municipality) {
        db.write(handle -> handle.execute("INSERT INTO municipality (slug, name) VALUES (?, ?)",
                municipality.toLowerCase(), municipality));
    }

    private HttpResponse<String> get(String path, String... header) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
            if (header.length == 2) {
                request.header(header[0], header[1]);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
