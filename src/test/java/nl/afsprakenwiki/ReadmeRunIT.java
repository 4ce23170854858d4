package nl.afsprakenwiki;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.testing.ServerProcess;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command, {@code java -jar target/afsprakenwiki.jar serve --demo}, started in
 * an empty directory: it serves the demo on the default port 7070 with its data in ./data.
 */
class ReadmeRunIT {

    @TempDir
    Path dir;

    @Test
    void theReadmeRunCommandServesTheDemoOnPort7070() throws Exception {
        try (ServerProcess server = ServerProcess.start(dir, 7070, Map.of(), "serve", "--demo")) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create("http://localhost:7070/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("Werkafspraken in de jeugdhulp").contains("Tilburg").contains("Utrecht");
            JsonNode agreements = TestApp.JSON.readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:7070/api/v1/agreements")).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(agreements.get("total").asInt()).isGreaterThanOrEqualTo(40);
            assertThat(server.output()).contains("Demo-inhoud geladen").contains("http://localhost:7070/");
        }
        assertThat(Files.exists(dir.resolve("data").resolve("afsprakenwiki.db"))).isTrue();
        assertThat(Files.exists(dir.resolve("data").resolve("secret.key"))).isTrue();
    }
}
