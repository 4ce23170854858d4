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
        try (ServerProcess server = ServerProcess.startAsInTheReadme(dir, 7070, "serve", "--demo")) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create("http://localhost:7070/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("Werkafspraken in de jeugdhulp").contains("Tilburg").contains("Utrecht");
            JsonNode agreements = TestApp.JSON.readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:7070/api/v1/agreements")).build(), HttpResponse.BodyHandlers.ofString()).body());
            // visitors see the endorsed agreements; the drafts are for the koppelzones' members
            assertThat(agreements.get("total").asInt()).isGreaterThanOrEqualTo(30);
            assertThat(agreements.get("items").findValuesAsText("status")).containsOnly("bekrachtigd");
            assertThat(server.output()).contains("Demo-inhoud geladen").contains("http://localhost:7070/")
                    .as("the demo has accounts, so no setup link").doesNotContain("/setup/");

            // the README's demo accounts sign in with the documented password
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
            String login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:7070/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String csrf = login.replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
            HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:7070/callback?client_name=FormClient"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=expert.tilburg&password=lente-kanaal-fietsbel&csrf=" + csrf))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isBetween(200, 399);
            JsonNode me = TestApp.JSON.readTree(browser.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:7070/api/v1/me")).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(me.get("username").asText()).isEqualTo("expert.tilburg");

            // SQLite's library is loaded from the copy kept in the data directory (db/SqliteLibrary),
            // not written anew to the temporary directory on every start
            Path library = dir.resolve("data").resolve("sqlite-native").resolve("libsqlitejdbc.so");
            assertThat(library).isRegularFile();
            if (Files.exists(Path.of("/proc/self/maps"))) {
                assertThat(server.mappedFiles()).contains(library.toRealPath().toString())
                        .doesNotContain("-libsqlitejdbc.so");
            }

            // visitors' similar agreements are found ahead in the background and kept beside the index
            Path lists = dir.resolve("data").resolve("zoekindex").resolve("vergelijkbaar");
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (!server.output().contains("similar agreements for visitors found ahead")) {
                assertThat(System.nanoTime()).as("the lists were found in time").isLessThan(until);
                Thread.sleep(100);
            }
            try (var files = Files.list(lists)) {
                // a later change of the public index (the indexer's merge of its segments after the demo
                // was loaded, say) starts another pass: its unfinished file may be there beside the first
                assertThat(files.map(file -> file.getFileName().toString()).toList())
                        .anyMatch(name -> name.endsWith(".lijsten"))
                        .allMatch(name -> name.endsWith(".lijsten") || name.endsWith(".lijsten.tmp"));
            }
            // then beheerders' lists among drafts, into a folder of their own
            while (!server.output().contains("similar agreements among drafts found ahead")) {
                assertThat(System.nanoTime()).as("the beheerders' lists were found in time").isLessThan(until);
                Thread.sleep(100);
            }
            try (var files = Files.list(dir.resolve("data").resolve("zoekindex").resolve("vergelijkbaar-concepten"))) {
                assertThat(files.map(file -> file.getFileName().toString()).toList())
                        .anyMatch(name -> name.endsWith(".lijsten"))
                        .allMatch(name -> name.endsWith(".lijsten") || name.endsWith(".lijsten.tmp"));
            }
            // and the agreement texts readers open first are rendered ahead, into one file of this jar
            while (!server.output().contains("agreement texts rendered ahead: ")) {
                assertThat(System.nanoTime()).as("the texts were rendered in time").isLessThan(until);
                Thread.sleep(100);
            }
            try (var files = Files.list(dir.resolve("data").resolve("weergaven"))) {
                assertThat(files.map(file -> file.getFileName().toString()).toList())
                        .singleElement().asString().matches("[0-9a-f]{32}\\.html");
            }
        }
        assertThat(Files.exists(dir.resolve("data").resolve("afsprakenwiki.db"))).isTrue();
        // the signing key is in the database (web/ServerSecret), no file of its own
        assertThat(Files.exists(dir.resolve("data").resolve("secret.key"))).isFalse();
    }
}
