package nl.afsprakenwiki.multi;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.testing.Postgres;
import nl.afsprakenwiki.testing.ServerProcess;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.transfer.DemoContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19's promise, on the packaged jar: two instances on one PostgreSQL server behind nginx (round
 * robin, no stickiness) share nothing but the database, and keep every promise one instance makes:
 * a login on one is valid on the other; what one saves the other returns at once and finds within two
 * seconds; concurrent edits of one agreement through both merge or answer 409 as on SQLite; and kill -9
 * of one during a burst of saves through the load balancer loses no acknowledged save while the load
 * balancer keeps serving from the other.
 */
class TwoInstancesIT {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\"[^>]*value=\"([^\"]+)\"");
    private static final String TILBURG = "koppelzone-jeugd-tilburg";
    private static final int WRITERS = 8;

    @TempDir
    Path dir;
    private String bearer;

    /** A save the server answered 200; {@code sha256} null when it answered "unchanged" (no new revision). */
    private record Acknowledged(long agreement, int revision, String sha256, String body) {
    }

    @Test
    void twoInstancesOnOneDatabaseBehindNginxLoseNothingAndShareSessionsAndSearch() throws Exception {
        PGSimpleDataSource database = Postgres.freshDatabase();
        Map<String, String> env = Map.of("AFSPRAKENWIKI_DATABASE_URL", database.getUrl(),
                "AFSPRAKENWIKI_DATABASE_USER", database.getUser() == null ? "" : database.getUser(),
                "AFSPRAKENWIKI_DATABASE_PASSWORD", database.getPassword() == null ? "" : database.getPassword());
        int portA = ServerProcess.freePort();
        int portB = ServerProcess.freePort();
        try (ServerProcess a = ServerProcess.start(dir, portA, env, "serve", "--data", dir.resolve("a").toString(),
                "--port", String.valueOf(portA), "--demo");
             ServerProcess b = ServerProcess.start(dir, portB, env, "serve", "--data", dir.resolve("b").toString(),
                     "--port", String.valueOf(portB));
             Nginx nginx = Nginx.roundRobin(dir.resolve("nginx"), List.of(portA, portB))) {
            ServerProcess.Command token = ServerProcess.command(dir, null, env, "token", "create", "beheerder",
                    "--data", dir.resolve("cli").toString(), "--label", "twee-instanties");
            assertThat(token.code()).as(token.err()).isZero();
            bearer = "Bearer " + token.out().strip();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

            aSessionFromOneIsValidOnTheOther(a, b);
            long id = whatOneSavesTheOtherReturnsAtOnceAndFindsWithinTwoSeconds(http, a, b);
            concurrentEditsThroughBothMergeOrConflictAsOnSqlite(http, a, b, id);
            aKillDashNineLosesNoAcknowledgedSaveAndNginxServesOn(http, a, b, nginx);
        }
    }

    private void aSessionFromOneIsValidOnTheOther(ServerProcess a, ServerProcess b) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(a.baseUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as(form.body()).isTrue();
        String fields = Map.of("username", "beheerder", "password", DemoContent.DEMO_PASSWORD, "csrf", csrf.group(1))
                .entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(a.baseUrl() + "/callback?client_name=FormClient"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(fields)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isIn(302, 303);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotStartWith("/login");
        String cookieHeader = cookies.getCookieStore().getCookies().stream().map(Object::toString).collect(Collectors.joining("; "));
        // the same cookie, sent to the other instance by a client that has never spoken to it
        HttpResponse<String> elsewhere = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(b.baseUrl() + "/profiel"))
                .header("Cookie", cookieHeader).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).as("the profile page on the other instance").isEqualTo(200);
        assertThat(elsewhere.body()).contains("beheerder");
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(b.baseUrl() + "/profiel"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("without the cookie: not signed in").isNotEqualTo(200);
    }

    private long whatOneSavesTheOtherReturnsAtOnceAndFindsWithinTwoSeconds(HttpClient http, ServerProcess a, ServerProcess b)
            throws Exception {
        String word = "Zwaluwstaartoverleg";
        HttpResponse<String> created = http.send(send(a.baseUrl(), "POST", "/api/v1/koppelzones/" + TILBURG + "/agreements",
                TestApp.json(Map.of("title", "Warme overdracht " + word, "body", "regel 1\n\nregel 2\n\nregel 3",
                        "parties", List.of("wijkteam-tilburg")))), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json(created).get("id").asLong();
        HttpResponse<String> there = http.send(get(b.baseUrl(), "/api/v1/agreements/" + id), HttpResponse.BodyHandlers.ofString());
        assertThat(there.statusCode()).as("the other instance at once").isEqualTo(200);
        http.send(get(a.baseUrl(), "/api/v1/agreements/" + id), HttpResponse.BodyHandlers.ofString());
        long start = System.nanoTime();
        while (true) {
            HttpResponse<String> found = http.send(get(b.baseUrl(), "/api/v1/search?q=" + word), HttpResponse.BodyHandlers.ofString());
            if (found.statusCode() == 200 && found.body().contains("\"id\":" + id)) {
                break;
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("found by the other instance's search within 2 s")
                    .isLessThan(Duration.ofSeconds(2));
            Thread.sleep(20);
        }
        return id;
    }

    /** From the same base, through both at once: different lines merge; the same line once saved, once 409. */
    private void concurrentEditsThroughBothMergeOrConflictAsOnSqlite(HttpClient http, ServerProcess a, ServerProcess b, long id)
            throws Exception {
        List<HttpResponse<String>> apart = together(http, a, b, id, 1,
                "regel 1 door A\n\nregel 2\n\nregel 3", "regel 1\n\nregel 2\n\nregel 3 door B");
        assertThat(apart).allSatisfy(response -> assertThat(response.statusCode()).as(response.body()).isEqualTo(200));
        // each instance has read the agreement before (and may keep what it read): both show the merge at once
        for (ServerProcess instance : List.of(a, b)) {
            HttpResponse<String> merged = http.send(get(instance.baseUrl(), "/api/v1/agreements/" + id),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(json(merged).get("body").asText()).isEqualTo("regel 1 door A\n\nregel 2\n\nregel 3 door B");
            assertThat(json(merged).get("revision").asInt()).isEqualTo(3);
        }
        HttpResponse<String> merged = http.send(get(a.baseUrl(), "/api/v1/agreements/" + id), HttpResponse.BodyHandlers.ofString());
        int base = json(merged).get("revision").asInt();
        List<HttpResponse<String>> same = together(http, a, b, id, base,
                "regel 1 door A\n\nregel 2 nogmaals door A\n\nregel 3 door B", "regel 1 door A\n\nregel 2 door B\n\nregel 3 door B");
        assertThat(same.stream().map(HttpResponse::statusCode).sorted().toList()).as("one saved, one conflict")
                .containsExactly(200, 409);
    }

    private List<HttpResponse<String>> together(HttpClient http, ServerProcess a, ServerProcess b, long id, int base,
                                                String bodyA, String bodyB) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<HttpResponse<String>> responses = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (Map.Entry<ServerProcess, String> edit : List.of(Map.entry(a, bodyA), Map.entry(b, bodyB))) {
            Thread thread = new Thread(() -> {
                try {
                    Map<String, Object> request = new LinkedHashMap<>();
                    request.put("title", "Warme overdracht Zwaluwstaartoverleg");
                    request.put("body", edit.getValue());
                    request.put("baseRevision", base);
                    request.put("summary", "gelijktijdig");
                    start.await();
                    responses.add(http.send(send(edit.getKey().baseUrl(), "PUT", "/api/v1/agreements/" + id, TestApp.json(request)),
                            HttpResponse.BodyHandlers.ofString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        assertThat(responses).hasSize(2);
        return responses;
    }

    private void aKillDashNineLosesNoAcknowledgedSaveAndNginxServesOn(HttpClient http, ServerProcess a, ServerProcess b, Nginx nginx)
            throws Exception {
        List<Long> agreements = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            HttpResponse<String> created = http.send(send(nginx.baseUrl(), "POST", "/api/v1/koppelzones/" + TILBURG + "/agreements",
                    TestApp.json(Map.of("title", "Burst " + i, "body", "regel 0", "parties", List.of("wijkteam-tilburg")))),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            agreements.add(json(created).get("id").asLong());
        }
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        CountDownLatch beforeKill = new CountDownLatch(WRITERS * 10);
        CountDownLatch afterKill = new CountDownLatch(WRITERS * 30);
        List<Thread> writers = new ArrayList<>();
        // a writer that stops on an answer it does not understand fails the test, not only its thread
        ConcurrentLinkedQueue<Throwable> broken = new ConcurrentLinkedQueue<>();
        for (long id : agreements) {
            Thread writer = new Thread(() -> saveThroughNginx(nginx, id, acknowledged, beforeKill, afterKill));
            writer.setUncaughtExceptionHandler((thread, e) -> broken.add(e));
            writers.add(writer);
            writer.start();
        }
        beforeKill.await();
        a.kill();
        for (Thread writer : writers) {
            writer.join(Duration.ofSeconds(60).toMillis());
        }
        assertThat(broken).as("writers that stopped on an exception").isEmpty();
        assertThat(afterKill.getCount()).as("saves went on through nginx after the kill").isZero();
        for (Acknowledged save : acknowledged) {
            HttpResponse<String> response = http.send(get(b.baseUrl(),
                    "/api/v1/agreements/" + save.agreement() + "/revisions/" + save.revision()), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("revision %d of %d", save.revision(), save.agreement()).isEqualTo(200);
            if (save.sha256() != null) {
                assertThat(json(response).get("sha256").asText()).isEqualTo(save.sha256());
            }
            assertThat(json(response).get("body").asText()).isEqualTo(save.body());
        }
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> health = http.send(get(nginx.baseUrl(), "/api/v1/health"), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as("nginx serves from the instance left").isEqualTo(200);
        }
    }

    /**
     * Each writer edits its own agreement on top of the last revision it saw. A request the killed
     * instance never answered is unknown, not acknowledged: the writer reads the agreement again and
     * goes on from what is there.
     */
    private void saveThroughNginx(Nginx nginx, long id, ConcurrentLinkedQueue<Acknowledged> acknowledged,
                                  CountDownLatch beforeKill, CountDownLatch afterKill) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        int base = 1;
        String body = "regel 0";
        long deadline = System.nanoTime() + Duration.ofSeconds(50).toNanos();
        for (int line = 1; afterKill.getCount() > 0 && System.nanoTime() < deadline; line++) {
            String next = body + "\n\nregel " + line + " van afspraak " + id;
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("title", "Burst");
            request.put("body", next);
            request.put("baseRevision", base);
            request.put("summary", "regel " + line);
            try {
                HttpResponse<String> response = http.send(send(nginx.baseUrl(), "PUT", "/api/v1/agreements/" + id,
                        TestApp.json(request)), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    JsonNode saved = json(response);
                    base = saved.get("revision").asInt();
                    body = next;
                    // "unchanged": the text sent is the current revision already - this request was
                    // applied once before (delivered again after its first delivery was saved but not
                    // answered); the server acknowledges it as that revision, without a new one
                    String sha256 = saved.path("unchanged").asBoolean() ? null : saved.get("sha256").asText();
                    acknowledged.add(new Acknowledged(id, base, sha256, next));
                    if (beforeKill.getCount() > 0) {
                        beforeKill.countDown();
                    } else {
                        afterKill.countDown();
                    }
                    continue;
                }
            } catch (IOException unanswered) {
                // the killed instance's connection: not acknowledged; read what is there below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                HttpResponse<String> current = http.send(get(nginx.baseUrl(), "/api/v1/agreements/" + id),
                        HttpResponse.BodyHandlers.ofString());
                if (current.statusCode() == 200) {
                    base = json(current).get("revision").asInt();
                    body = json(current).get("body").asText();
                }
            } catch (IOException | InterruptedException e) {
                // try again with the next request
            }
        }
    }

    private HttpRequest get(String baseUrl, String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", bearer).timeout(Duration.ofSeconds(10))
                .GET().build();
    }

    private HttpRequest send(String baseUrl, String method, String path, String json) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .header("Authorization", bearer).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return TestApp.JSON.readTree(response.body());
    }
}
