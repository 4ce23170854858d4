package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.text.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 17 point 2 for imported files: a high-confidence finding is an import problem (file:line,
 * without the text) and nothing is imported, unless the front matter lists its fingerprint under
 * {@code accepted_findings}; an export writes the stored confirmations back.
 */
class PrivacyImportTest {

    private static final String VALID_BSN = "111222333";

    @TempDir
    Path dir;
    private TestApp app;

    @BeforeEach
    void start() {
        app = TestApp.start(dir.resolve("data"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static String file(String accepted) {
        return "---\ntitle: Terugbellen\nmunicipality: Importstad\nkoppelzone: Koppelzone Import\nparties:\n"
                + "  - Wijkteam Importstad\n" + accepted + "---\n# Terugbellen\n\nHet wijkteam belt terug.\n\n"
                + "Voorbeeld: BSN " + VALID_BSN + ".\n";
    }

    private Path folder(String name, String content) throws IOException {
        Path folder = dir.resolve(name);
        Files.createDirectories(folder.resolve("import"));
        Files.writeString(folder.resolve("import/terugbellen.md"), content);
        return folder;
    }

    private int count(String sql) {
        return app.db.read(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void aValidBsnIsAnImportProblemWithItsLineAndNothingIsImported() throws IOException {
        Path folder = folder("met-bsn", file(""));

        assertThatThrownBy(() -> app.services.importer().importFolder(folder, "test", Progress.NONE))
                .isInstanceOfSatisfying(ImportFailed.class, failed -> assertThat(failed.problems())
                        .singleElement().asString()
                        .startsWith("import/terugbellen.md:12: mogelijk persoonsgegeven (bsn) in 'body'")
                        .contains("accepted_findings").doesNotContain(VALID_BSN));
        assertThat(count("SELECT count(*) FROM agreement WHERE slug = 'terugbellen'")).isZero();
    }

    @Test
    void theFingerprintUnderAcceptedFindingsImportsStoresTheConfirmationAndTheExportWritesItBack() throws Exception {
        String problem = "";
        try {
            app.services.importer().importFolder(folder("eerst", file("")), "test", Progress.NONE);
        } catch (ImportFailed failed) {
            problem = failed.problems().get(0);
        }
        String fingerprint = problem.replaceAll(".*vingerafdruk ([0-9a-f]+) .*", "$1");

        app.services.importer().importFolder(folder("bevestigd", file("accepted_findings: [" + fingerprint + "]\n")),
                "test", Progress.NONE);

        assertThat(count("SELECT count(*) FROM privacy_confirmation WHERE fingerprint = '" + fingerprint + "'")).isEqualTo(1);
        Path export = dir.resolve("export");
        app.services.exporter().exportTo(export, Progress.NONE);
        try (var files = Files.walk(export)) {
            String exported = Files.readString(files.filter(path -> path.getFileName().toString().equals("terugbellen.md"))
                    .findFirst().orElseThrow());
            assertThat(exported).contains("accepted_findings:").contains(fingerprint);
        }
    }

    private static String named(String status) {
        return "---\ntitle: Terugbellen\nmunicipality: Importstad\nkoppelzone: Koppelzone Import\nparties:\n"
                + "  - Wijkteam Importstad\nstatus: " + status + "\n---\n# Terugbellen\n\nHet wijkteam belt de moeder Fatima"
                + " de Vries terug.\n";
    }

    @Test
    void aNameNextToAFamilyWordIsAProblemOnlyInTheRevisionTheImportMakesPublic() throws Exception {
        assertThatThrownBy(() -> app.services.importer().importFolder(folder("openbaar", named("bekrachtigd")), "test",
                Progress.NONE))
                .isInstanceOfSatisfying(ImportFailed.class, failed -> assertThat(failed.problems())
                        .singleElement().asString()
                        .startsWith("import/terugbellen.md:11: mogelijk persoonsgegeven (naam) in 'body' van de bekrachtigde,"
                                + " openbare revisie")
                        .contains("accepted_findings").doesNotContain("Fatima"));
        assertThat(count("SELECT count(*) FROM agreement WHERE slug = 'terugbellen'")).isZero();

        app.services.importer().importFolder(folder("concept", named("concept")), "test", Progress.NONE);
        assertThat(count("SELECT count(*) FROM agreement WHERE slug = 'terugbellen'"))
                .as("a draft with a warning imports; it cannot be proposed until confirmed").isEqualTo(1);
    }
}
