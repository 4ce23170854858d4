package nl.afsprakenwiki.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.testing.ServerProcess;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as an operator meets it: a first start without accounts prints a one-time setup
 * link; {@code user add} and {@code token create} on the command line give a token that works with
 * {@code Authorization: Bearer}; {@code user disable} stops it, even while the server runs.
 */
class FirstStartIT {

    private static final Pattern SETUP_LINK = Pattern.compile("http://localhost:(\\d+)(/setup/[A-Za-z0-9_-]+)");

    @TempDir
    Path dir;

    @Test
    void aFirstStartPrintsASetupLinkAndTheCommandLineMakesAccountsAndTokens() throws Exception {
        Path data = dir.resolve("data");
        int port = ServerProcess.freePort();
        HttpClient http = HttpClient.newHttpClient();

        try (ServerProcess server = ServerProcess.start(dir, port, Map.of(), "serve", "--data", data.toString(),
                "--port", String.valueOf(port))) {
            Matcher link = SETUP_LINK.matcher(server.output());
            assertThat(link.find()).as(server.output()).isTrue();
            assertThat(link.group(1)).isEqualTo(String.valueOf(port));
            HttpResponse<String> setup = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + link.group(2)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(setup.statusCode()).isEqualTo(200);
            assertThat(setup.body()).contains("Eerste beheerder aanmaken");
            // a guessed link is not the setup page
            assertThat(http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/setup/geraden")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        }

        ServerProcess.Command add = ServerProcess.command(dir, "een lang wachtwoord\n", "user", "add", "anne",
                "--name", "Anne de Beheerder", "--email", "anne@gemeente.example", "--admin", "--data", data.toString());
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("Account 'anne' aangemaakt (beheerder).");
        assertThat(add.out() + add.err()).doesNotContain("een lang wachtwoord");

        ServerProcess.Command token = ServerProcess.command(dir, null, "token", "create", "anne", "--label", "koppeling",
                "--data", data.toString());
        assertThat(token.code()).as(token.err()).isZero();
        assertThat(token.out()).as("the token alone on standard output").matches("aw_[A-Za-z0-9_-]{43}\\R");
        String bearer = "Bearer " + token.out().strip();

        // a port picked now, as the first may have become another program's in the meantime
        int second = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(dir, second, Map.of(), "serve", "--data", data.toString(),
                "--port", String.valueOf(second))) {
            assertThat(server.output()).as("accounts exist now").doesNotContain("/setup/");
            HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/me"))
                    .header("Authorization", bearer).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);
            JsonNode account = TestApp.JSON.readTree(me.body());
            assertThat(account.get("username").asText()).isEqualTo("anne");
            assertThat(account.get("beheerder").asBoolean()).isTrue();
            assertThat(account.get("authenticatedWith").asText()).isEqualTo("token");

            // the beheerder's token writes through the API
            HttpResponse<String> organisation = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/organisations"))
                    .header("Authorization", bearer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Jeugdteam Teststad\", \"kind\": \"lokaal_team\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(organisation.statusCode()).as(organisation.body()).isEqualTo(201);

            // disabling the account on the command line stops its token at once
            ServerProcess.Command disable = ServerProcess.command(dir, null, "user", "disable", "anne", "--data", data.toString());
            assertThat(disable.code()).as(disable.err()).isZero();
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/me"))
                    .header("Authorization", bearer).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
        }
    }
}
