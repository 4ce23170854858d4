package nl.afsprakenwiki.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import nl.afsprakenwiki.notifications.MailNotificationTest;
import nl.afsprakenwiki.testing.ServerProcess;
import nl.afsprakenwiki.testing.TestApp;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 during a burst of concurrent saves: every save the server answered with 2xx must be
 * there after a restart, and the database file must be intact. Before the burst a revision is
 * proposed for endorsement while nothing listens on the mail port, so its mails cannot have left;
 * restarted with the mail server up, each manager's mail arrives, exactly once.
 */
class CrashRecoveryIT {

    private static final int WRITERS = 8;
    private static final String TILBURG = "koppelzone-jeugd-tilburg";

    @TempDir
    Path dir;
    /** The Authorization header of every request. */
    private volatile String bearer;

    private record Acknowledged(long agreement, int revision, String sha256, String body) {
    }

    @Test
    void everyAnsweredSaveSurvivesAKillDashNine() throws Exception {
        Path data = dir.resolve("data");
        int port = ServerProcess.freePort();
        List<Long> agreements = new ArrayList<>();
        ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        int smtpPort = ServerProcess.freePort();
        Map<String, String> mail = Map.of("AFSPRAKENWIKI_SMTP_HOST", "127.0.0.1", "AFSPRAKENWIKI_SMTP_PORT",
                String.valueOf(smtpPort), "AFSPRAKENWIKI_MAIL_FROM", "wiki@afspraken.example.nl",
                "AFSPRAKENWIKI_BASE_URL", "https://afspraken.example.nl");

        try (ServerProcess server = ServerProcess.start(dir, port, mail, "serve", "--data", data.toString(),
                "--port", String.valueOf(port), "--demo")) {
            // the demo's beheerder may write in every koppelzone; a token from the command line, as an operator would
            ServerProcess.Command token = ServerProcess.command(dir, null, "token", "create", "beheerder",
                    "--data", data.toString(), "--label", "crashtest");
            assertThat(token.code()).as(token.err()).isZero();
            bearer = "Bearer " + token.out().strip();
            HttpClient http = HttpClient.newHttpClient();
            proposeWhileMailIsDown(server, http);
            JsonNode koppelzone = json(http.send(get(server, "/api/v1/koppelzones"), HttpResponse.BodyHandlers.ofString()))
                    .get("items").get(0);
            String party = koppelzone.get("parties").get(0).get("slug").asText();
            for (int i = 0; i < WRITERS; i++) {
                String body = TestApp.json(Map.of("title", "Crashtest " + i, "body", "regel 0",
                        "parties", List.of(party)));
                HttpResponse<String> created = http.send(send(server, "POST",
                        "/api/v1/koppelzones/" + koppelzone.get("slug").asText() + "/agreements", body),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                agreements.add(json(created).get("id").asLong());
            }

            CountDownLatch enoughSaves = new CountDownLatch(WRITERS * 15);
            List<Thread> writers = new ArrayList<>();
            for (long id : agreements) {
                Thread writer = new Thread(() -> saveUntilTheServerDies(server, id, acknowledged, failures, enoughSaves));
                writers.add(writer);
                writer.start();
            }
            enoughSaves.await();
            server.kill();
            for (Thread writer : writers) {
                writer.join(Duration.ofSeconds(30).toMillis());
            }
        }

        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(WRITERS * 15);
        GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        // a port picked now: the first one, free a minute ago, may be any other program's by now (a
        // connection of the burst's clients takes its local port from the same range)
        int restartPort = ServerProcess.freePort();
        try (ServerProcess restarted = ServerProcess.start(dir, restartPort, mail, "serve", "--data", data.toString(),
                "--port", String.valueOf(restartPort))) {
            HttpClient http = HttpClient.newHttpClient();
            for (Acknowledged save : acknowledged) {
                HttpResponse<String> response = http.send(get(restarted,
                        "/api/v1/agreements/" + save.agreement() + "/revisions/" + save.revision()),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("revision %d of %d", save.revision(), save.agreement()).isEqualTo(200);
                JsonNode revision = json(response);
                assertThat(revision.get("sha256").asText()).isEqualTo(save.sha256());
                assertThat(revision.get("body").asText()).isEqualTo(save.body());
            }
            assertThat(greenMail.waitForIncomingEmail(20_000, 2)).as(restarted.output()).isTrue();
            // a second copy would have to come from a mail still waiting or being sent; once the outbox
            // has none (a mail is marked sent only after the server accepted it), all that comes is here
            awaitOutboxDelivered(data, restarted);
            MimeMessage[] received = greenMail.getReceivedMessages();
            assertThat(MailNotificationTest.recipients(received)).containsExactlyInAnyOrder(
                    "manager.tilburg@demo.afsprakenwiki.invalid", "manager.wijkteam@demo.afsprakenwiki.invalid");
            assertThat(Arrays.stream(received).map(MailNotificationTest::outboxId).distinct()).hasSize(2);
            assertThat(received[0].getSubject()).isEqualTo("Ter bekrachtiging: Terugbellen na aanmelding");
        } finally {
            greenMail.stop();
        }
        Jdbi file = Jdbi.create("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));
        assertThat(file.<String, RuntimeException>withHandle(handle -> handle.createQuery("PRAGMA integrity_check")
                .mapTo(String.class).one())).isEqualTo("ok");
        assertThat(file.<Integer, RuntimeException>withHandle(handle -> handle.createQuery(
                "SELECT count(*) FROM agreement a WHERE current_revision <> (SELECT max(number) FROM revision r WHERE r.agreement_id = a.id)")
                .mapTo(Integer.class).one())).isZero();
    }

    /** Reads the running server's database file (WAL: readers do not wait for its writer) until nothing is left to send. */
    private static void awaitOutboxDelivered(Path data, ServerProcess server) throws InterruptedException {
        Jdbi file = Jdbi.create("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (file.<Integer, RuntimeException>withHandle(handle -> handle.createQuery(
                "SELECT count(*) FROM outbox WHERE state IN ('queued', 'sending')").mapTo(Integer.class).one()) > 0) {
            assertThat(System.nanoTime()).as("the outbox delivered within 20 s%n%s", server.output()).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** An agreement of two parties proposed for endorsement: each party's manager is to get a mail. */
    private void proposeWhileMailIsDown(ServerProcess server, HttpClient http) throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(send(server, "POST", "/api/v1/koppelzones/" + TILBURG + "/agreements",
                TestApp.json(Map.of("title", "Terugbellen na aanmelding", "body", "Het wijkteam belt binnen vijf werkdagen terug.",
                        "parties", List.of("wijkteam-tilburg", "ggz-jeugd-brabant-midden")))), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> proposed = http.send(send(server, "POST", "/api/v1/agreements/" + json(created).get("id").asLong()
                + "/proposals", TestApp.json(Map.of("revision", 1))), HttpResponse.BodyHandlers.ofString());
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
    }

    /** Each writer edits its own agreement in a loop, always on top of the last revision it saw. */
    private void saveUntilTheServerDies(ServerProcess server, long id, ConcurrentLinkedQueue<Acknowledged> acknowledged,
                                               AtomicInteger failures, CountDownLatch progress) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        int base = 1;
        StringBuilder body = new StringBuilder("regel 0");
        for (int line = 1; line < 100_000; line++) {
            body.append("\n\nregel ").append(line).append(" van afspraak ").append(id);
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("title", "Crashtest");
            request.put("body", body.toString());
            request.put("baseRevision", base);
            request.put("summary", "regel " + line);
            try {
                HttpResponse<String> response = http.send(send(server, "PUT", "/api/v1/agreements/" + id,
                        TestApp.json(request)), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    failures.incrementAndGet();
                    return;
                }
                JsonNode saved = json(response);
                base = saved.get("revision").asInt();
                acknowledged.add(new Acknowledged(id, base, saved.get("sha256").asText(), body.toString()));
                progress.countDown();
            } catch (IOException e) {
                return; // the server is gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private HttpRequest get(ServerProcess server, String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Authorization", bearer).GET().build();
    }

    private HttpRequest send(ServerProcess server, String method, String path, String json) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Content-Type", "application/json")
                .header("Authorization", bearer).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return TestApp.JSON.readTree(response.body());
    }
}
