package nl.afsprakenwiki.web;

import io.javalin.Javalin;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads do their work in turns, one per core, and give the turn back before their answer is sent;
 * writes, page files, attachments and the health check take none; a failing read gives its turn back;
 * a read that waited too long goes ahead. On a Javalin server wired as the wiki wires it (a turn taken
 * in the first "before" filter, given back in the "after" filter), and on the wiki itself.
 */
class WorkTurnsTest {

    private static final int TURNS = 2;
    private static final int AT_ONCE = 8;
    private static final List<String> UNQUEUED = List.of("/static/<path>", "/api/v1/health",
            "/afspraken/{id}/revisies/{number}/bijlagen/{name}");
    /** Larger than any socket buffer between the two ends, so that its sending waits for the reader. */
    private static final byte[] LARGE = new byte[32 * 1024 * 1024];

    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    /** Answers sent in full (Javalin's request logger runs after the answer is written). */
    private final AtomicInteger sent = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Javalin server;
    private WorkTurns turns;

    private void start(int count, Duration mostWait, long workMillis) {
        turns = new WorkTurns(count, UNQUEUED, mostWait);
        server = Javalin.create(config -> {
            config.requestLogger.http((ctx, millis) -> sent.incrementAndGet());
            config.routes.before(turns::begin);
            config.routes.after(turns::end);
            io.javalin.http.Handler work = ctx -> {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(workMillis);
                } finally {
                    inside.decrementAndGet();
                }
                ctx.result("klaar");
            };
            config.routes.get("/afspraken/{id}", work);
            config.routes.head("/afspraken/{id}", work);
            config.routes.post("/afspraken/{id}", work);
            config.routes.put("/api/v1/agreements/{id}", work);
            config.routes.get("/api/v1/health", work);
            config.routes.get("/static/<path>", work);
            config.routes.get("/afspraken/{id}/revisies/{number}/bijlagen/{name}", work);
            config.routes.get("/fout", ctx -> {
                throw new IllegalStateException("kapot");
            });
            config.routes.get("/groot", ctx -> ctx.contentType("application/octet-stream").result(LARGE));
        }).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** {@link #AT_ONCE} requests sent together; the most that were at work at the same moment. */
    private int mostAtOnce(String method, String path) {
        most.set(0);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < AT_ONCE; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertThat(answer.join().statusCode()).as(method + " " + path).isEqualTo(200);
        }
        return most.get();
    }

    @Test
    void readsWorkInTurnsAndEveryOneIsAnswered() {
        start(TURNS, Duration.ofSeconds(30), 100);
        assertThat(mostAtOnce("GET", "/afspraken/12")).isEqualTo(TURNS);
        assertThat(mostAtOnce("HEAD", "/afspraken/12")).isEqualTo(TURNS);
        assertThat(turns.free()).as("every turn is back").isEqualTo(TURNS);
        assertThat(turns.taken()).isEqualTo(2 * AT_ONCE);
        assertThat(turns.wentAheadWithout()).isZero();
    }

    @Test
    void writesPageFilesAttachmentsAndTheHealthCheckTakeNoTurn() {
        start(TURNS, Duration.ofSeconds(30), 100);
        assertThat(mostAtOnce("POST", "/afspraken/12")).isGreaterThan(TURNS);
        assertThat(mostAtOnce("PUT", "/api/v1/agreements/12")).isGreaterThan(TURNS);
        assertThat(mostAtOnce("GET", "/static/css/site.css")).isGreaterThan(TURNS);
        assertThat(mostAtOnce("GET", "/api/v1/health")).isGreaterThan(TURNS);
        assertThat(mostAtOnce("GET", "/afspraken/12/revisies/3/bijlagen/plan.pdf")).isGreaterThan(TURNS);
        assertThat(turns.taken()).isZero();
    }

    @Test
    void aFailingReadAndAnUnknownPathGiveTheirTurnBack() throws Exception {
        start(1, Duration.ofSeconds(30), 10);
        for (int i = 0; i < 3; i++) {
            assertThat(client.send(HttpRequest.newBuilder(uri("/fout")).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(500);
            assertThat(client.send(HttpRequest.newBuilder(uri("/bestaat-niet")).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(404);
        }
        assertThat(turns.free()).isEqualTo(1);
        assertThat(turns.taken()).isEqualTo(6);
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri("/afspraken/1")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).isEqualTo("klaar");
        assertThat(turns.wentAheadWithout()).isZero();
    }

    @Test
    void aClientThatDoesNotReadItsAnswerHoldsNoTurn() throws Exception {
        start(1, Duration.ofSeconds(60), 10);
        try (Socket slow = new Socket("127.0.0.1", server.port())) {
            OutputStream out = slow.getOutputStream();
            out.write(("GET /groot HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = slow.getInputStream();
            byte[] start = new byte[12];
            assertThat(in.readNBytes(start, 0, start.length)).isEqualTo(start.length);
            assertThat(new String(start, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
            // the large answer is being sent to a client that reads no more; the only turn must be free
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri("/afspraken/1"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).isEqualTo("klaar");
            assertThat(turns.wentAheadWithout()).as("it had a turn of its own").isZero();
            assertThat(sent.get()).as("the large answer is still being sent").isEqualTo(1);
        }
    }

    @Test
    void aReadThatWaitedTooLongGoesAheadAndGivesBackNothing() throws Exception {
        start(1, Duration.ofMillis(100), 1_000);
        CompletableFuture<HttpResponse<String>> first = client.sendAsync(HttpRequest.newBuilder(uri("/afspraken/1")).build(),
                HttpResponse.BodyHandlers.ofString());
        while (turns.free() > 0) {
            Thread.sleep(5);
        }
        HttpResponse<String> second = client.send(HttpRequest.newBuilder(uri("/afspraken/2")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(most.get()).as("it went ahead while the first was at work").isEqualTo(2);
        assertThat(first.join().statusCode()).isEqualTo(200);
        assertThat(turns.wentAheadWithout()).isEqualTo(1);
        assertThat(turns.free()).as("only the turn that was taken came back").isEqualTo(1);
    }

    @Test
    void theWikiTakesATurnForEveryReadAndGetsEachOneBack(@TempDir Path dir) {
        try (TestApp app = TestApp.start(dir)) {
            WorkTurns wiki = app.javalin().jettyServer().server().getBean(WorkTurns.class);
            assertThat(wiki).as("the turns are a bean of the server").isNotNull();
            assertThat(wiki.free()).isEqualTo(WorkTurns.defaultTurns());
            long before = wiki.taken();
            assertThat(app.get("/").status()).isEqualTo(200);
            assertThat(app.get("/afspraken/999999").status()).isEqualTo(404);
            assertThat(app.get("/beheer").status()).as("sign in first").isIn(302, 303);
            assertThat(app.get("/api/v1/agreements/abc").status()).isEqualTo(404);
            assertThat(wiki.taken()).isEqualTo(before + 4);
            app.get("/api/v1/health");
            app.get("/static/css/site.css");
            assertThat(app.send("PUT", "/api/v1/agreements/1", "application/json", "{}").status()).isBetween(400, 499);
            assertThat(wiki.taken()).as("health, page files and writes take no turn").isEqualTo(before + 4);
            assertThat(wiki.free()).as("every turn is back").isEqualTo(WorkTurns.defaultTurns());
            assertThat(wiki.wentAheadWithout()).isZero();
        }
    }
}
