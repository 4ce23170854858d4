package nl.afsprakenwiki.site;

import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A real fault (the database gone) gives a friendly page or a problem with an error code, never a stack trace. */
class ErrorPagesTest {

    @TempDir
    Path dir;

    @Test
    void aFaultOnOurSideGivesAFriendlyPageAndAProblemWithAnErrorCode() {
        try (TestApp app = TestApp.start(dir)) {
            app.db.close();

            Response page = app.get("/afspraken/1");
            assertThat(page.status()).isEqualTo(500);
            assertThat(page.body()).contains("<h1>Er ging iets mis</h1>").containsPattern("Foutcode: [0-9a-f]{8}")
                    .doesNotContain("Exception").doesNotContain("at nl.").doesNotContain("SQLite");

            Response api = app.get("/api/v1/agreements/1");
            assertThat(api.status()).isEqualTo(500);
            assertThat(api.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.json().get("detail").asText()).matches("Er ging iets mis aan onze kant \\(foutcode [0-9a-f]{8}\\)\\.");
            assertThat(api.body()).doesNotContain("Exception").doesNotContain("SQLite");

            Response health = app.get("/api/v1/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("status").asText()).isEqualTo("unavailable");
        }
    }
}
