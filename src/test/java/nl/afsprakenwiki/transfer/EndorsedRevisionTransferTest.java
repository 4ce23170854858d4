package nl.afsprakenwiki.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.text.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A herziening survives export and import: the front matter names the endorsed revision when the
 * newest one is not endorsed, so the public keeps reading what the parties endorsed.
 */
class EndorsedRevisionTransferTest {

    @TempDir
    Path dir;

    private static Path folder(Path root, String status, String endorsed) throws IOException {
        Path folder = Files.createDirectories(root);
        Files.writeString(folder.resolve("koppelzone.yaml"), """
                name: Koppelzone Jeugd Teststad
                municipality: Teststad
                parties:
                  - name: Wijkteam Teststad
                    kind: lokaal_team
                """);
        Files.createDirectories(folder.resolve("terugbellen.history"));
        Files.writeString(folder.resolve("terugbellen.history/1.md"), """
                ---
                title: Terugbellen
                author: Anna
                date: 2025-01-10T10:00:00Z
                ---
                Het wijkteam belt binnen vijf werkdagen terug.
                """);
        Files.writeString(folder.resolve("terugbellen.md"), """
                ---
                title: Terugbellen
                municipality: Teststad
                koppelzone: Koppelzone Jeugd Teststad
                parties:
                  - Wijkteam Teststad
                status: %s
                %sauthor: Bert
                date: 2025-03-01T10:00:00Z
                ---
                Het wijkteam belt binnen twee werkdagen terug.
                """.formatted(status, endorsed == null ? "" : "endorsed_revision: " + endorsed + "\n"));
        return folder;
    }

    @Test
    void anEndorsedOlderRevisionStaysPublicThroughExportAndImport() throws Exception {
        Path export = dir.resolve("export");
        try (TestApp app = TestApp.start(dir.resolve("a"))) {
            app.services.importer().importFolder(folder(dir.resolve("in"), "bekrachtigd", "1"), "test", Progress.NONE);
            long id = app.get("/api/v1/agreements").json().get("items").get(0).get("id").asLong();
            JsonNode visitor = app.get("/api/v1/agreements/" + id).json();
            assertThat(visitor.get("body").asText()).contains("vijf werkdagen");
            assertThat(visitor.get("endorsedRevision").asInt()).isEqualTo(1);
            assertThat(visitor.get("herziening").asBoolean()).isTrue();
            app.services.exporter().exportTo(export, Progress.NONE);
        }
        String file = Files.readString(export.resolve("teststad/koppelzone-jeugd-teststad/terugbellen.md"));
        assertThat(file).contains("status: bekrachtigd\nendorsed_revision: 1\n");

        try (TestApp again = TestApp.start(dir.resolve("b"))) {
            again.services.importer().importFolder(export, "test", Progress.NONE);
            long id = again.get("/api/v1/agreements").json().get("items").get(0).get("id").asLong();
            assertThat(again.get("/api/v1/agreements/" + id).json().get("body").asText()).contains("vijf werkdagen");
        }
    }

    @Test
    void aProposedHerzieningKeepsItsEndorsedRevisionAndOpensARound() throws Exception {
        try (TestApp app = TestApp.start(dir.resolve("a"))) {
            app.services.importer().importFolder(folder(dir.resolve("in"), "ter_bekrachtiging", "1"), "test", Progress.NONE);
            long id = app.get("/api/v1/agreements").json().get("items").get(0).get("id").asLong();
            JsonNode visitor = app.get("/api/v1/agreements/" + id).json();
            assertThat(visitor.get("status").asText()).isEqualTo("bekrachtigd");
            assertThat(visitor.get("body").asText()).contains("vijf werkdagen");
            JsonNode rounds = app.get("/api/v1/agreements/" + id + "/endorsements").json().get("rounds");
            assertThat(rounds).hasSize(1);
            assertThat(rounds.get(0).get("imported").asBoolean()).isTrue();
        }
    }

    @Test
    void anEndorsedRevisionOutsideTheHistoryOrWithAConceptIsRefusedWithAClearMessage() throws Exception {
        try (TestApp app = TestApp.start(dir.resolve("a"))) {
            assertThatThrownBy(() -> app.services.importer().importFolder(folder(dir.resolve("in1"), "bekrachtigd", "3"),
                    "test", Progress.NONE)).isInstanceOf(ImportFailed.class)
                    .satisfies(e -> assertThat(((ImportFailed) e).problems().toString())
                            .contains("'endorsed_revision' moet een revisienummer van 1 tot en met 2 zijn"));
            assertThatThrownBy(() -> app.services.importer().importFolder(folder(dir.resolve("in2"), "concept", "1"),
                    "test", Progress.NONE)).isInstanceOf(ImportFailed.class)
                    .satisfies(e -> assertThat(((ImportFailed) e).problems().toString())
                            .contains("past alleen bij status bekrachtigd of ter_bekrachtiging"));
        }
    }
}
