package nl.afsprakenwiki.web;

import nl.afsprakenwiki.testing.TestApp;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A few reads at work at once, the rest in turn; writes, page files, attachments and health never wait. */
class ActiveRequestsTest {

    private static final int LIMIT = 2;
    private static final int AT_ONCE = 8;
    /** Route paths declared unqueued, in the site's syntax, as the wiki declares its own. */
    private static final List<String> UNQUEUED = List.of("/static/<path>", "/api/v1/health",
            "/afspraken/{id}/revisies/{number}/bijlagen/{name}",
            "/api/v1/agreements/{id}/revisions/{number}/attachments/{name}");

    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    private Server server;
    private int port;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        QoSHandler limit = ActiveRequests.handler(LIMIT, UNQUEUED);
        limit.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(150);
                } finally {
                    inside.decrementAndGet();
                }
                response.setStatus(200);
                Content.Sink.write(response, true, "klaar", callback);
                return true;
            }
        });
        server.setHandler(limit);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    /** {@link #AT_ONCE} requests sent together; the most that were worked on at the same moment. */
    private int mostAtOnce(String method, String path) {
        most.set(0);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < AT_ONCE; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.join();
            assertThat(response.statusCode()).as(method + " " + path).isEqualTo(200);
            assertThat(response.body()).isEqualTo(method.equals("HEAD") ? "" : "klaar");
        }
        return most.get();
    }

    @Test
    void readsTakeTurnsAndEveryOneIsAnswered() {
        assertThat(mostAtOnce("GET", "/afspraken/12")).isEqualTo(LIMIT);
        assertThat(mostAtOnce("GET", "/zoeken?q=wijkteam")).isEqualTo(LIMIT);
        assertThat(mostAtOnce("HEAD", "/")).isEqualTo(LIMIT);
    }

    @Test
    void aRoutePathMatchesItsRequestsOnly() {
        java.util.regex.Pattern download = java.util.regex.Pattern.compile(
                ActiveRequests.pattern("/afspraken/{id}/revisies/{number}/bijlagen/{name}"));
        assertThat(download.matcher("/afspraken/12/revisies/3/bijlagen/stroomschema.pdf").matches()).isTrue();
        assertThat(download.matcher("/afspraken/12/revisies/3/bijlagen").matches()).isFalse();
        assertThat(download.matcher("/afspraken/12/revisies/3/bijlagen/a/b.pdf").matches())
                .as("{name} is one segment").isFalse();
        assertThat(download.matcher("/afspraken/12/geschiedenis").matches()).isFalse();
        java.util.regex.Pattern files = java.util.regex.Pattern.compile(ActiveRequests.pattern("/static/<path>"));
        assertThat(files.matcher("/static/css/site.css").matches()).as("<path> spans segments").isTrue();
        assertThat(files.matcher("/static/").matches()).isFalse();
        java.util.regex.Pattern csv = java.util.regex.Pattern.compile(ActiveRequests.pattern("/gezondheid/{reeks}.csv"));
        assertThat(csv.matcher("/gezondheid/leaks.csv").matches()).isTrue();
        assertThat(csv.matcher("/gezondheid/leaksxcsv").matches()).as("the rest is literal, dots too").isFalse();
    }

    @Test
    void writesPageFilesAttachmentsAndTheHealthCheckDoNotWait() {
        assertThat(mostAtOnce("POST", "/afspraken/12")).isGreaterThan(LIMIT);
        assertThat(mostAtOnce("PUT", "/api/v1/agreements/12")).isGreaterThan(LIMIT);
        assertThat(mostAtOnce("GET", "/static/site.css")).isGreaterThan(LIMIT);
        assertThat(mostAtOnce("GET", "/api/v1/health")).isGreaterThan(LIMIT);
        assertThat(mostAtOnce("GET", "/afspraken/12/revisies/3/bijlagen/stroomschema.pdf")).isGreaterThan(LIMIT);
        assertThat(mostAtOnce("GET", "/api/v1/agreements/12/revisions/3/attachments/stroomschema.pdf")).isGreaterThan(LIMIT);
    }

    @Test
    void aReadThatWaitsTooLongIsAnswered503WithWhenToAskAgain() throws Exception {
        server.stop();
        QoSHandler impatient = ActiveRequests.handler(1, UNQUEUED, java.time.Duration.ofMillis(100));
        impatient.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Thread.sleep(1_000);
                response.setStatus(200);
                Content.Sink.write(response, true, "klaar", callback);
                return true;
            }
        });
        server.setHandler(impatient);
        server.start();
        port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        URI page = URI.create("http://127.0.0.1:" + port + "/afspraken/12");
        CompletableFuture<HttpResponse<String>> first = client.sendAsync(HttpRequest.newBuilder(page).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(200);
        HttpResponse<String> second = client.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(second.statusCode()).as("waited longer than it may").isEqualTo(503);
        assertThat(second.headers().firstValue("Retry-After")).hasValue(ActiveRequests.RETRY_AFTER_SECONDS);
        assertThat(first.join().statusCode()).as("the one at work is answered").isEqualTo(200);
    }

    @Test
    void theWikiServesThroughTheLimit(@TempDir Path dir) {
        try (TestApp app = TestApp.start(dir)) {
            QoSHandler limit = app.javalin().jettyServer().server().getDescendant(QoSHandler.class);
            assertThat(limit).as("the limit is in the server's chain").isNotNull();
            assertThat(limit.getMaxRequestCount()).isEqualTo(ActiveRequests.defaultLimit()).isGreaterThanOrEqualTo(16);
            long before = limit.getTotalRequestCount();
            assertThat(app.get("/").status()).isEqualTo(200);
            assertThat(limit.getTotalRequestCount()).as("a page went through it").isEqualTo(before + 1);

            // what the site's route table declares unqueued passes by it
            app.get("/api/v1/health");
            app.get("/static/css/site.css");
            app.get("/afspraken/1/revisies/1/bijlagen/plan.pdf");
            app.get("/api/v1/agreements/1/revisions/1/attachments/plan.pdf");
            assertThat(limit.getTotalRequestCount()).as("health, page files and downloads do not take a turn")
                    .isEqualTo(before + 1);
            app.get("/afspraken/1/geschiedenis");
            assertThat(limit.getTotalRequestCount()).isEqualTo(before + 2);
        }
    }
}
