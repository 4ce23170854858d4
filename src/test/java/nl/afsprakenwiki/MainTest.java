package nl.afsprakenwiki;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a user runs it, minus {@code serve} (which blocks until the process ends). */
class MainTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path temp;

    /** What one run of the program printed and returned. */
    private record Run(int code, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) {
        return runWithInput(env, null, args);
    }

    /** A run whose password prompt reads {@code password} (as if typed on standard input). */
    private static Run runWithPassword(String password, String... args) {
        return runWithInput(Map.of(), password, args);
    }

    private static Run runWithInput(Map<String, String> env, String password, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Main(outStream, errStream, env, () -> password).run(args);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        return run(Map.of(), args);
    }

    // --- import ---------------------------------------------------------------------------------

    @Test
    void importingAFolderPrintsASummaryReportsProgressAndExitsZero() {
        Path data = temp.resolve("data");
        int files = fileCount(demo());
        int markdown = (int) files(demo()).stream().filter(path -> path.toString().endsWith(".md")).count();

        Run run = run("import", demo().toString(), "--data", data.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Geïmporteerd: 52 nieuwe afspraken, 0 bijgewerkt, 0 ongewijzigd, " + markdown
                + " revisies, 10 koppelzonebestanden." + NL + "Zoekindex bijgewerkt: 52 afspraken." + NL);
        assertThat(run.err()).contains("lezen: 1/" + files + " (1%)", "lezen: " + files + "/" + files + " (100%)",
                "schrijven: 62/62 (100%)", "zoekindex bijwerken: 52/52 (100%)");
        assertThat(count(data, "agreement")).isEqualTo(52);
        assertThat(count(data, "revision")).isEqualTo(markdown);
    }

    @Test
    void anImportIsFullySearchableAsSoonAsTheServerStartsWithoutAReindex() {
        Path data = temp.resolve("data");
        assertThat(run("import", demo().toString(), "--data", data.toString()).code()).isZero();
        try (TestApp app = TestApp.start(data)) {
            // no waiting: the import command left the index current
            var everything = app.get("/api/v1/search?q=").json();
            assertThat(everything.get("total").asLong())
                    .isEqualTo(app.get("/api/v1/agreements").json().get("total").asLong()).isPositive();
            assertThat(app.get("/api/v1/search?q=huisartsenpraktijk").json().get("total").asLong()).isPositive();
        }
    }

    @Test
    @SuppressWarnings("try") // the running server is what the block needs, not a call on it
    void reindexRebuildsTheIndexAndReportsProgressAndRefusesWhileAServerHoldsIt() {
        Path data = temp.resolve("data");
        assertThat(run("import", demo().toString(), "--data", data.toString()).code()).isZero();
        Run reindex = run("reindex", "--data", data.toString());
        assertThat(reindex.code()).as(reindex.err()).isZero();
        assertThat(reindex.out()).startsWith("Zoekindex opnieuw opgebouwd: 52 afspraken in ");
        assertThat(reindex.err()).contains("zoekindex bijwerken: 52/52 (100%)");
        try (TestApp app = TestApp.start(data)) {
            Run refused = run("reindex", "--data", data.toString());
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).contains("stop eerst de server");
            Run importing = run("import", demo().toString(), "--data", data.toString());
            assertThat(importing.code()).as(importing.err()).isZero();
            assertThat(importing.out()).contains("draaiende server");
        }
    }

    @Test
    void importingABadFolderExitsOnePrintsEveryProblemAndImportsNothing() {
        Path data = temp.resolve("data");
        Path folder = temp.resolve("bad");
        write(folder.resolve("goed.md"), agreement("Goed", "status: concept"));
        write(folder.resolve("zonder-titel.md"), agreement("", "status: concept").replace("title: \n", ""));
        write(folder.resolve("sub/status.md"), agreement("Status", "status: klaar"));

        Run run = run("import", folder.toString(), "--data", data.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Niets geïmporteerd; 2 probleem/problemen gevonden:" + NL,
                "  zonder-titel.md:1: 'title' ontbreekt" + NL,
                "  sub/status.md:6: status 'klaar' bestaat niet; kies concept, ter_bekrachtiging, bekrachtigd of vervallen" + NL);
        for (String table : List.of("municipality", "organisation", "koppelzone", "agreement", "revision", "audit_event")) {
            assertThat(count(data, table)).as(table).isZero();
        }
    }

    @Test
    void importingSomethingThatIsNotAFolderExitsOne() {
        Path file = temp.resolve("los.md");
        write(file, agreement("Los", "status: concept"));

        Run run = run("import", file.toString(), "--data", temp.resolve("data").toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Fout: " + file + " is geen map" + NL);
    }

    // --- export ---------------------------------------------------------------------------------

    @Test
    void exportingWritesEveryKoppelzoneAndAgreementWithHistoryAndExitsZero() {
        Path data = temp.resolve("data");
        assertThat(run("import", demo().toString(), "--data", data.toString()).code()).isZero();
        Path target = temp.resolve("export");
        int markdown = (int) files(demo()).stream().filter(path -> path.toString().endsWith(".md")).count();

        Run run = run("export", target.toString(), "--data", data.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Geëxporteerd naar " + target + ": 10 koppelzones, 52 afspraken, "
                + (markdown + 10) + " bestanden." + NL);
        assertThat(run.err()).contains("exporteren: 62/62 (100%)");
        List<Path> written = files(target);
        assertThat(written).hasSize(markdown + 10);
        assertThat(written).filteredOn(path -> path.getFileName().toString().equals("koppelzone.yaml")).hasSize(10);
        assertThat(target.resolve("tilburg/koppelzone-jeugd-tilburg/warme-overdracht-bij-afschaling.history/1.md")).isRegularFile();
        assertThat(read(target.resolve("tilburg/koppelzone-jeugd-tilburg/warme-overdracht-bij-afschaling.md")))
                .startsWith("---\ntitle: Warme overdracht bij afschaling naar het wijkteam\nmunicipality: Tilburg\n");
    }

    @Test
    void exportingIntoAFolderThatIsNotEmptyExitsOneWithAClearMessageAndWritesNothing() {
        Path data = temp.resolve("data");
        assertThat(run("import", demo().toString(), "--data", data.toString()).code()).isZero();
        Path target = temp.resolve("export");
        write(target.resolve("eerder.txt"), "al aanwezig");

        Run run = run("export", target.toString(), "--data", data.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("Fout: " + target + " is niet leeg; export schrijft naar een lege of nieuwe map" + NL);
        assertThat(files(target)).containsExactly(target.resolve("eerder.txt"));
    }

    // --- backup ---------------------------------------------------------------------------------

    @Test
    void backupWritesAConsistentSqliteCopyWithTheSameAgreements() throws Exception {
        Path data = temp.resolve("data");
        assertThat(run("import", demo().toString(), "--data", data.toString()).code()).isZero();
        Path backup = temp.resolve("kopieen/afsprakenwiki-backup.db");
        Files.createDirectories(backup.getParent());

        Run run = run("backup", backup.toString(), "--data", data.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Kopie geschreven naar " + backup.toAbsolutePath() + NL);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + backup);
             Statement statement = connection.createStatement()) {
            assertThat(single(statement, "PRAGMA integrity_check")).isEqualTo("ok");
            assertThat(single(statement, "SELECT count(*) FROM agreement")).isEqualTo("52");
            assertThat(single(statement, "SELECT count(*) FROM revision")).isEqualTo(String.valueOf(count(data, "revision")));
        }
        Path restored = temp.resolve("restored");
        Files.createDirectories(restored);
        Files.copy(backup, restored.resolve(Database.FILE_NAME));
        assertThat(count(restored, "agreement")).isEqualTo(52);
    }

    @Test
    void backupWithoutADatabaseExitsOneAndCreatesNothing() {
        Path data = temp.resolve("leeg");
        Path backup = temp.resolve("backup.db");

        Run run = run("backup", backup.toString(), "--data", data.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("Fout: er is geen database in " + data.toAbsolutePath().normalize() + NL);
        assertThat(data.resolve(Database.FILE_NAME)).doesNotExist();
        assertThat(backup).doesNotExist();
    }

    @Test
    void backupToAnExistingFileExitsOneWithAClearMessageAndLeavesTheFileAlone() {
        Path data = temp.resolve("data");
        assertThat(run("import", demo().toString(), "--data", data.toString()).code()).isZero();
        Path backup = temp.resolve("bestaat.db");
        write(backup, "niet overschrijven");

        Run run = run("backup", backup.toString(), "--data", data.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("Fout: het bestand voor de kopie bestaat al: " + backup + NL);
        assertThat(read(backup)).isEqualTo("niet overschrijven");
    }

    // --- accounts and tokens --------------------------------------------------------------------

    @Test
    void userAddAndTokenCreateGiveATokenThatWorksWithBearer() {
        Path data = temp.resolve("data");
        Run add = runWithPassword("een lang wachtwoord", "user", "add", "Anne", "--name", "Anne de Beheerder",
                "--email", "anne@gemeente.example", "--admin", "--data", data.toString());
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).isEqualTo("Account 'anne' aangemaakt (beheerder)." + NL);

        Run token = run("token", "create", "anne", "--label", "Koppeling", "--data", data.toString());
        assertThat(token.code()).as(token.err()).isZero();
        assertThat(token.out()).matches("aw_[A-Za-z0-9_-]{43}" + NL);
        assertThat(token.err()).contains("API-sleutel 'Koppeling' aangemaakt voor anne");

        try (TestApp app = TestApp.start(data)) {
            TestApp.Client api = app.withToken(token.out().strip());
            assertThat(api.get("/api/v1/me").json().get("username").asText()).isEqualTo("anne");
            assertThat(api.postJson("/api/v1/municipalities", Map.of("name", "Teststad")).status()).isEqualTo(201);
            assertThat(app.newBrowser().signIn("anne", "een lang wachtwoord").header("Location")).isEqualTo("/");

            // disabling on the command line stops the token of the running server at once; enabling restores it
            assertThat(run("user", "disable", "anne", "--data", data.toString()).out())
                    .isEqualTo("Account 'anne' geblokkeerd; inloggen en API-sleutels werken niet meer." + NL);
            assertThat(api.get("/api/v1/me").status()).isEqualTo(401);
            assertThat(run("token", "create", "anne", "--data", data.toString()).code()).isEqualTo(1);
            assertThat(run("user", "enable", "anne", "--data", data.toString()).code()).isZero();
            assertThat(api.get("/api/v1/me").status()).isEqualTo(200);

            assertThat(runWithPassword("nog een ander wachtwoord", "user", "passwd", "anne", "--data", data.toString()).out())
                    .isEqualTo("Wachtwoord van 'anne' gewijzigd; wie ermee was ingelogd, is uitgelogd." + NL);
            assertThat(app.newBrowser().signIn("anne", "een lang wachtwoord").header("Location")).startsWith("/login?");
            assertThat(app.newBrowser().signIn("anne", "nog een ander wachtwoord").header("Location")).isEqualTo("/");
        }
        assertThat(count(data, "audit_event")).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theCommandLineRefusesWeakPasswordsSayingWhyAndCleansTheName() {
        String dataDir = temp.resolve("data").toString();
        Run usernameTwice = runWithPassword("jansenjansen", "user", "add", "jansen", "--name", "Kees Jansen", "--data", dataDir);
        assertThat(usernameTwice.code()).isEqualTo(1);
        assertThat(usernameTwice.err()).contains("Fout (password): Het wachtwoord is te veel gebouwd op de gebruikersnaam");
        Run common = runWithPassword("welkom123456", "user", "add", "jansen", "--name", "Kees Jansen", "--data", dataDir);
        assertThat(common.err()).contains("Fout (password): Dit wachtwoord staat op de lijsten van veelgebruikte");
        Run siteName = runWithPassword("afsprakenwiki!", "user", "add", "jansen", "--name", "Kees Jansen", "--data", dataDir);
        assertThat(siteName.err()).contains("de naam van deze site (afsprakenwiki)");
        assertThat(count(temp.resolve("data"), "account")).isZero();

        Run added = runWithPassword("paraplu lantaarn dijk", "user", "add", "jansen", "--name", "Kees\u202E Jansen\u200B",
                "--data", dataDir);
        assertThat(added.code()).as(added.err()).isZero();
        Run weakChange = runWithPassword(" ".repeat(11) + "x", "user", "passwd", "jansen", "--data", dataDir);
        assertThat(weakChange.code()).isEqualTo(1);
        assertThat(weakChange.err()).contains("Fout (password): Het wachtwoord is makkelijk te raden door herhaling");
        try (TestApp app = TestApp.start(temp.resolve("data"))) {
            assertThat(app.services.accounts().byUsername("jansen").orElseThrow().displayName()).isEqualTo("Kees Jansen");
            assertThat(app.newBrowser().signIn("jansen", "paraplu lantaarn dijk").header("Location")).isEqualTo("/");
        }
    }

    @Test
    void accountCommandsExplainWhatIsWrongInDutch() {
        Path data = temp.resolve("data");
        String dataDir = data.toString();
        assertThat(run("user", "add", "anne", "--data", dataDir).err()).contains("user add heeft --name nodig");
        Run noPassword = run("user", "add", "anne", "--name", "Anne", "--data", dataDir);
        assertThat(noPassword.code()).isEqualTo(1);
        assertThat(noPassword.err()).contains("geef het wachtwoord op standaardinvoer");

        Run invalid = runWithPassword("kort", "user", "add", "a b", "--name", "Anne", "--email", "geen-adres",
                "--organisation", "bestaat-niet", "--data", dataDir);
        assertThat(invalid.code()).isEqualTo(1);
        assertThat(invalid.err()).contains("Fout (username): Kies een gebruikersnaam van 2 tot 40 tekens")
                .contains("Fout (email): Vul een geldig e-mailadres in")
                .contains("Fout (organisation): Organisatie \"bestaat-niet\" bestaat niet.")
                .contains("Fout (password): Het wachtwoord moet minstens 12 tekens lang zijn.")
                .doesNotContain("Exception");
        assertThat(count(data, "account")).isZero();

        assertThat(runWithPassword("een lang wachtwoord", "user", "add", "anne", "--name", "Anne", "--data", dataDir).code()).isZero();
        assertThat(runWithPassword("een lang wachtwoord", "user", "add", "anne", "--name", "Anne", "--data", dataDir).err())
                .contains("De gebruikersnaam \"anne\" is al in gebruik.");
        assertThat(run("user", "disable", "niemand", "--data", dataDir).err()).contains("er is geen account 'niemand'");
        assertThat(runWithPassword("een lang wachtwoord", "user", "passwd", "niemand", "--data", dataDir).code()).isEqualTo(1);
        assertThat(run("token", "create", "niemand", "--data", dataDir).err()).contains("er is geen account 'niemand'");
        assertThat(run("token", "create", "anne", "--label", "x".repeat(81), "--data", dataDir).err())
                .contains("Geef de sleutel een naam van hoogstens 80 tekens.");
        assertThat(run("user", "verwijder", "anne", "--data", dataDir).code()).isEqualTo(2);
        assertThat(run("token", "list", "anne", "--data", dataDir).code()).isEqualTo(2);
        assertThat(run("user", "add", "--data", dataDir).err()).contains("user heeft een gebruikersnaam nodig");
    }

    // --- usage ----------------------------------------------------------------------------------

    @Test
    void anUnknownCommandExitsTwoWithTheUsageText() {
        Path data = temp.resolve("data");

        Run run = run("importeer", "map", "--data", data.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("Fout: onbekende opdracht 'importeer'" + NL + Main.USAGE);
        assertThat(run.err()).contains("Gebruik: java -jar afsprakenwiki.jar <opdracht> [opties]");
        assertThat(data).doesNotExist();
    }

    @Test
    void anUnknownOptionExitsTwoWithTheUsageTextAndDoesNothing() {
        Path data = temp.resolve("data");

        Run run = run("import", demo().toString(), "--data", data.toString(), "--force");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("Fout: onbekende optie --force" + NL + Main.USAGE);
        assertThat(data).doesNotExist();
    }

    @Test
    void anOptionWithoutItsValueOrACommandWithoutItsArgumentExitsTwo() {
        Run missingValue = run("import", demo().toString(), "--data");
        Run missingArgument = run("export", "--data", temp.resolve("data").toString());

        assertThat(missingValue.code()).isEqualTo(2);
        assertThat(missingValue.err()).startsWith("Fout: --data heeft een waarde nodig" + NL).endsWith(Main.USAGE);
        assertThat(missingArgument.code()).isEqualTo(2);
        assertThat(missingArgument.err()).startsWith("Fout: export heeft een (lege) map om naar te exporteren nodig" + NL)
                .endsWith(Main.USAGE);
        assertThat(temp.resolve("data")).doesNotExist();
    }

    @Test
    void helpPrintsTheUsageTextAndExitsZero() {
        Run flag = run("--help");
        Run command = run("help");
        Run withCommand = run("import", "--help");

        for (Run run : List.of(flag, command, withCommand)) {
            assertThat(run.code()).isZero();
            assertThat(run.out()).isEqualTo(Main.USAGE);
            assertThat(run.err()).isEmpty();
        }
        assertThat(Main.USAGE).contains("import MAP", "export MAP", "backup BESTAND", "--data MAP", "AFSPRAKENWIKI_DATA");
    }

    // --- settings -------------------------------------------------------------------------------

    @Test
    void theDataFolderComesFromAfsprakenwikiDataWhenNoDataOptionIsGiven() {
        Path fromEnvironment = temp.resolve("uit-omgeving");
        Path fromOption = temp.resolve("uit-optie");
        Map<String, String> env = Map.of("AFSPRAKENWIKI_DATA", fromEnvironment.toString());

        Run viaEnvironment = run(env, "import", demo().toString());

        assertThat(viaEnvironment.code()).as(viaEnvironment.err()).isZero();
        assertThat(count(fromEnvironment, "agreement")).isEqualTo(52);

        Run viaOption = run(env, "backup", temp.resolve("kopie.db").toString(), "--data", fromOption.toString());

        assertThat(viaOption.code()).isEqualTo(1);
        assertThat(viaOption.err()).isEqualTo("Fout: er is geen database in " + fromOption.toAbsolutePath().normalize() + NL);
        assertThat(run(env, "backup", temp.resolve("kopie.db").toString()).code()).isZero();
        assertThat(temp.resolve("kopie.db")).isRegularFile();
    }

    // --- helpers --------------------------------------------------------------------------------

    private Path demo() {
        try {
            return Path.of(getClass().getResource("/demo").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String agreement(String title, String extra) {
        return """
                ---
                title: %s
                municipality: Teststad
                koppelzone: Koppelzone Test
                parties: [Wijkteam Teststad]
                %s
                ---
                Tekst.
                """.formatted(title, extra);
    }

    /** Rows in {@code table} of the database in {@code dataDir}, through the application's own Database. */
    private static int count(Path dataDir, String table) {
        try (Database db = Database.open(dataDir)) {
            Integer count = db.read(handle -> handle.createQuery("SELECT count(*) FROM " + table).mapTo(Integer.class).one());
            return count;
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }

    private static int fileCount(Path root) {
        return files(root).size();
    }

    private static List<Path> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
