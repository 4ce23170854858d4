package nl.afsprakenwiki.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import nl.afsprakenwiki.testing.ServerProcess;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the packaged server right after the proposal's 2xx answer, before any mail could go out
 * (nothing listens on the SMTP port yet); restarted with the mail server up, each manager's mail
 * arrives, exactly once.
 */
class MailAfterCrashIT {

    private static final String KOPPELZONE = "koppelzone-jeugd-tilburg";

    @TempDir
    Path dir;

    @Test
    void aProposalAnsweredBeforeAKillDashNineIsMailedAfterTheRestartExactlyOnce() throws Exception {
        Path data = dir.resolve("data");
        int port = ServerProcess.freePort();
        int smtpPort = ServerProcess.freePort();
        Map<String, String> env = Map.of("AFSPRAKENWIKI_SMTP_HOST", "127.0.0.1", "AFSPRAKENWIKI_SMTP_PORT",
                String.valueOf(smtpPort), "AFSPRAKENWIKI_MAIL_FROM", "wiki@afspraken.example.nl",
                "AFSPRAKENWIKI_BASE_URL", "https://afspraken.example.nl");
        HttpClient http = HttpClient.newHttpClient();

        try (ServerProcess server = ServerProcess.start(dir, port, env, "serve", "--data", data.toString(),
                "--port", String.valueOf(port), "--demo")) {
            ServerProcess.Command token = ServerProcess.command(dir, null, "token", "create", "expert.tilburg",
                    "--data", data.toString(), "--label", "mailtest");
            assertThat(token.code()).as(token.err()).isZero();
            String bearer = "Bearer " + token.out().strip();
            HttpResponse<String> created = http.send(post(server, bearer, "/api/v1/koppelzones/" + KOPPELZONE + "/agreements",
                    Map.of("title", "Terugbellen na aanmelding", "body", "Het wijkteam belt binnen vijf werkdagen terug.",
                            "parties", List.of("wijkteam-tilburg", "ggz-jeugd-brabant-midden"))),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            long id = TestApp.JSON.readTree(created.body()).get("id").asLong();

            HttpResponse<String> proposed = http.send(post(server, bearer, "/api/v1/agreements/" + id + "/proposals",
                    Map.of("revision", 1)), HttpResponse.BodyHandlers.ofString());
            assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
            server.kill();
        }

        GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        try (ServerProcess restarted = ServerProcess.start(dir, port, env, "serve", "--data", data.toString(),
                "--port", String.valueOf(port))) {
            assertThat(greenMail.waitForIncomingEmail(20_000, 2)).as(restarted.output()).isTrue();
            // a second copy would follow at once (the sender goes on while anything is due); give it the chance
            Thread.sleep(1_500);
            MimeMessage[] received = greenMail.getReceivedMessages();
            assertThat(MailNotificationTest.recipients(received)).containsExactlyInAnyOrder(
                    "manager.tilburg@demo.afsprakenwiki.invalid", "manager.wijkteam@demo.afsprakenwiki.invalid");
            assertThat(Arrays.stream(received).map(MailNotificationTest::outboxId).distinct()).hasSize(2);
            assertThat(received[0].getSubject()).isEqualTo("Ter bekrachtiging: Terugbellen na aanmelding");
        } finally {
            greenMail.stop();
        }
    }

    private static HttpRequest post(ServerProcess server, String bearer, String path, Object body) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Content-Type", "application/json")
                .header("Authorization", bearer).POST(HttpRequest.BodyPublishers.ofString(TestApp.json(body))).build();
    }
}
