package nl.afsprakenwiki;

import nl.afsprakenwiki.privacy.Finding;
import nl.afsprakenwiki.privacy.Parties;
import nl.afsprakenwiki.privacy.PrivacyDetector;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code privacy-scan} on a data directory: every revision read, findings per koppelzone, never the text. */
class PrivacyScanCommandTest {

    private static final String NL = System.lineSeparator();
    private static final String BSN = "268506590";
    private static final String WITH_BSN = "De jongere met BSN " + BSN + " wordt aangemeld.";

    @TempDir
    Path temp;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Main(outStream, errStream, Map.of(), () -> null).run(args);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBsnInAnEarlierRevisionIsListedUnderItsKoppelzoneWithFingerprintAndOffsetsButNeverItsDigits() {
        Path data = temp.resolve("data");
        long id;
        try (TestApp app = TestApp.start(data)) {
            app.koppelzone("Koppelzone Jeugd Breda", "Breda");
            app.koppelzone("Koppelzone Jeugd Delft", "Delft");
            // a number confirmed when it was imported: the scan lists it all the same
            String fingerprint = new PrivacyDetector(Clock.systemUTC()).scan(WITH_BSN, Parties.NONE).get(0).fingerprint();
            id = app.data.agreement("Koppelzone Jeugd Breda", "Breda", "aanmelding", "Aanmelding", "concept", WITH_BSN,
                    List.of(fingerprint));
            // the second import makes revision 2 without the number: the BSN lives on in history only
            app.agreement("Koppelzone Jeugd Breda", "Breda", "aanmelding", "Aanmelding", "concept",
                    "De jongere wordt aangemeld.");
            app.agreement("Koppelzone Jeugd Delft", "Delft", "overdracht", "Overdracht", "concept",
                    "Het dossiernummer 813415348 staat op de brief.");
        }
        Finding expected = new PrivacyDetector(Clock.systemUTC()).scan(WITH_BSN, Parties.NONE).get(0);

        Run scan = run("privacy-scan", "--data", data.toString());

        assertThat(scan.code()).as(scan.err()).isZero();
        assertThat(scan.out()).isEqualTo("Koppelzone koppelzone-jeugd-breda (Koppelzone Jeugd Breda):" + NL
                + "  afspraak " + id + ", revisie 1, tekst: bsn (zeker, bevestigd), vingerafdruk " + expected.fingerprint()
                + ", tekens " + expected.start() + "-" + expected.end() + NL
                + "Gescand: 3 teksten in 2 koppelzones; 1 vondsten (1 zeker, 0 mogelijk), 0 niet bevestigd." + NL);
        assertThat(scan.out() + scan.err()).doesNotContain(BSN);
        assertThat(scan.err()).contains("teksten scannen: 3/3 (100%)");
        // the scan fills the register the beheerder's page reads
        int stored = openRegisterCount(data);
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void theScanOfTheDemoContentFindsNothing() {
        Path data = temp.resolve("demo");
        try (TestApp app = TestApp.startWithDemo(data)) {
            assertThat(app.get("/api/v1/agreements").json().get("total").asLong()).isPositive();
        }

        Run scan = run("privacy-scan", "--data", data.toString());

        assertThat(scan.code()).as(scan.err()).isZero();
        assertThat(scan.out().lines().toList()).hasSize(1);
        assertThat(scan.out()).startsWith("Gescand: ").contains("; 0 vondsten (0 zeker, 0 mogelijk), 0 niet bevestigd.");
    }

    private static int openRegisterCount(Path data) {
        try (var db = DataDirectory.openDatabase(data)) {
            return db.read(handle -> handle.createQuery("SELECT count(*) FROM privacy_finding").mapTo(Integer.class).one());
        }
    }

    @Test
    void aDataDirectoryWithoutADatabaseIsRefusedWithOneLine() {
        Run scan = run("privacy-scan", "--data", temp.resolve("leeg").toString());
        assertThat(scan.code()).isEqualTo(1);
        assertThat(scan.err().lines().toList()).isEqualTo(List.of("Fout: er is geen database in " + temp.resolve("leeg")));
    }
}
