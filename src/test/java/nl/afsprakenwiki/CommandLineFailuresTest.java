package nl.afsprakenwiki;

import io.javalin.Javalin;
import nl.afsprakenwiki.accounts.PasswordHashing;
import nl.afsprakenwiki.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Every failure an operator can expect is one line of Dutch on standard error with exit code 1 and
 * no stack trace; an unexpected one is one line too, with the stack trace only on --verbose.
 */
class CommandLineFailuresTest {

    private static final String NL = System.lineSeparator();

    @TempDir
    Path temp;

    private record Run(int code, String out, String err) {
        /** One line, no stack trace. */
        String oneLine() {
            assertThat(err).as("one line on standard error").endsWith(NL);
            assertThat(err.strip().lines().count()).as(err).isEqualTo(1);
            assertThat(err).startsWith("Fout: ").doesNotContain("Exception").doesNotContain("\tat ");
            return err.strip();
        }
    }

    /** Runs the command line in this JVM; {@code main} lets a test stop a server it started. */
    private static Run run(Main main, ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        int code = main.run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        return run(main(out, err), out, err, args);
    }

    private static Main main(ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(), () -> null);
    }

    private static Path demo() {
        try {
            return Path.of(CommandLineFailuresTest.class.getResource("/demo").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int agreements(Path data) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM agreement")) {
            return result.getInt(1);
        }
    }

    // --- serve ----------------------------------------------------------------------------------

    @Test
    void aServerOnAPortInUseExitsOneWithOneLineAndLeavesTheDataDirectoryFree() throws IOException {
        Path data = temp.resolve("data");
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            Run run = run("serve", "--port", String.valueOf(port), "--host", "127.0.0.1", "--data", data.toString());

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.oneLine()).isEqualTo("Fout: poort " + port + " op 127.0.0.1 is al in gebruik of niet beschikbaar; "
                    + "stop het andere programma of kies een andere poort met --port of PORT");
            assertThat(run.out()).isEmpty();
        }
        // the failed start let go of the data directory
        DataDirectory.lock(data).close();
    }

    @Test
    void aPortTakenAfterTheCheckIsReportedAsAPortInUseToo() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Settings settings = new Settings(port, temp, false, "127.0.0.1", false, false, "", Optional.empty(),
                    PasswordHashing.LIGHT);
            Javalin app = Javalin.create(config -> {
                config.jetty.host = "127.0.0.1";
                config.jetty.port = port;
            });
            try {
                assertThatThrownBy(() -> ServeCommand.start(app, settings)).isInstanceOf(CommandFailed.class)
                        .hasMessageStartingWith("poort " + port + " op 127.0.0.1 is al in gebruik");
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void aSecondServerOnADataDirectoryInUseExitsOneWithOneLineFromThisProcessAndFromAnother() throws Exception {
        Path data = temp.resolve("data");
        ByteArrayOutputStream firstOut = new ByteArrayOutputStream();
        ByteArrayOutputStream firstErr = new ByteArrayOutputStream();
        Main first = main(firstOut, firstErr);
        int[] firstCode = {-1};
        Thread server = new Thread(() -> firstCode[0] = first.run(new String[]{"serve", "--port", "0", "--host", "127.0.0.1",
                "--data", data.toString()}));
        server.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!firstOut.toString(StandardCharsets.UTF_8).contains("draait op")) {
                assertThat(System.nanoTime()).as(firstErr.toString(StandardCharsets.UTF_8)).isLessThan(deadline);
                assertThat(server.isAlive()).as(firstErr.toString(StandardCharsets.UTF_8)).isTrue();
                Thread.sleep(20);
            }

            Run second = run("serve", "--port", "0", "--host", "127.0.0.1", "--data", data.toString());
            assertThat(second.code()).isEqualTo(1);
            assertThat(second.oneLine()).startsWith("Fout: de datamap " + data.toAbsolutePath().normalize()
                    + " is al in gebruik door een andere server (proces " + ProcessHandle.current().pid() + ")");

            // another process, as an operator would start it: the operating system's lock holds there too
            Process other = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "serve", "--port", "0", "--host", "127.0.0.1", "--data", data.toString())
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String otherErr = new String(other.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(other.exitValue()).as(otherErr).isEqualTo(1);
            assertThat(new Run(1, "", otherErr).oneLine()).contains("is al in gebruik door een andere server (proces "
                    + ProcessHandle.current().pid() + ")");
            assertThat(new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        } finally {
            first.stop();
            server.join(30_000);
        }
        assertThat(firstCode[0]).isZero();
        // once the first server stopped, the directory is free again
        DataDirectory.lock(data).close();
    }

    @Test
    void aReadOnlyDataDirectoryIsReportedInOneLine() throws IOException {
        Path data = Files.createDirectories(temp.resolve("alleen-lezen"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(data), "permissions are not enforced for this user (root)");
            for (String command : List.of("serve", "export")) {
                List<String> args = new ArrayList<>(List.of(command));
                if (command.equals("export")) {
                    args.add(temp.resolve("uitvoer").toString());
                }
                args.addAll(List.of("--port", "0", "--data", data.toString()));
                Run run = run(args.toArray(String[]::new));
                assertThat(run.code()).isEqualTo(1);
                assertThat(run.oneLine()).startsWith("Fout: de datamap " + data + " is niet schrijfbaar");
            }
        } finally {
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsReportedInOneLineForEveryCommand() throws IOException {
        // below a regular file no directory can be made, whoever runs it (root too)
        Path file = Files.writeString(temp.resolve("gewoon-bestand"), "geen map");
        Path data = file.resolve("data");
        for (String[] args : List.of(new String[]{"serve", "--port", "0"}, new String[]{"import", demo().toString()},
                new String[]{"reindex"}, new String[]{"token", "create", "anne"})) {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--data", data.toString()));
            Run run = run(all.toArray(String[]::new));
            assertThat(run.code()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(run.oneLine()).isEqualTo("Fout: de datamap " + data + " kan niet worden aangemaakt: "
                    + file + " is een bestand, geen map");
        }
    }

    // --- backup ---------------------------------------------------------------------------------

    @Test
    void aBackupTargetThatCannotBeWrittenIsReportedInOneLineAndNothingIsLeftBehind() throws IOException {
        Path data = temp.resolve("data");
        assertThat(run("import", demo().toString(), "--data", data.toString()).code()).isZero();
        Path file = Files.writeString(temp.resolve("gewoon-bestand"), "geen map");

        Run belowAFile = run("backup", file.resolve("kopie.db").toString(), "--data", data.toString());
        assertThat(belowAFile.code()).isEqualTo(1);
        assertThat(belowAFile.oneLine()).isEqualTo("Fout: kan de kopie niet schrijven naar " + file.resolve("kopie.db")
                + ": " + file + " is een bestand, geen map");

        Path missing = temp.resolve("bestaat-niet/kopie.db");
        Run noFolder = run("backup", missing.toString(), "--data", data.toString());
        assertThat(noFolder.code()).isEqualTo(1);
        assertThat(noFolder.oneLine()).isEqualTo("Fout: kan de kopie niet schrijven naar " + missing + ": de map "
                + missing.getParent() + " bestaat niet");
        assertThat(missing.getParent()).doesNotExist();
    }

    @Test
    void aBackupIntoAFolderWithoutWritePermissionIsReportedInOneLine() throws IOException {
        Path data = temp.resolve("data");
        Database.open(data).close();
        Path readOnly = Files.createDirectories(temp.resolve("alleen-lezen"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(readOnly), "permissions are not enforced for this user (root)");
            Run refused = run("backup", readOnly.resolve("kopie.db").toString(), "--data", data.toString());
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.oneLine()).startsWith("Fout: kan de kopie niet schrijven naar " + readOnly.resolve("kopie.db")
                    + ": geen toestemming");
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    // --- import ---------------------------------------------------------------------------------

    @Test
    void anImportFolderWithASymbolicLinkIsRefusedNamingTheLinkAndImportsNothing() throws Exception {
        Path data = temp.resolve("data");
        Path folder = temp.resolve("import");
        copy(demo(), folder);
        Path secret = Files.writeString(temp.resolve("geheim.md"), "---\ntitle: Geheim\n---\nNiet voor de wiki.\n");
        Path koppelzone;
        try (var dirs = Files.list(folder)) {
            koppelzone = dirs.filter(Files::isDirectory).sorted().findFirst().orElseThrow();
        }
        Path link = Files.createSymbolicLink(koppelzone.resolve("zz-koppeling.md"), secret);

        Run run = run("import", folder.toString(), "--data", data.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.oneLine()).isEqualTo("Fout: de importmap bevat een symbolische koppeling: " + link
                + "; import volgt geen koppelingen - zet het bestand zelf in de map. Er is niets geïmporteerd.");
        assertThat(agreements(data)).isZero();

        // a linked folder is refused the same way
        Files.delete(link);
        Path linkedFolder = Files.createSymbolicLink(folder.resolve("gekoppelde-map"), temp);
        Run folderLink = run("import", folder.toString(), "--data", data.toString());
        assertThat(folderLink.code()).isEqualTo(1);
        assertThat(folderLink.oneLine()).contains("symbolische koppeling: " + linkedFolder + ";");
        assertThat(agreements(data)).isZero();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    // --- the unexpected -------------------------------------------------------------------------

    @Test
    void anUnexpectedFailureIsOneLineWithAHintAndTheStackTraceOnlyWithVerbose() throws Exception {
        Path data = temp.resolve("data");
        assertThat(run("import", demo().toString(), "--data", data.toString()).code()).isZero();
        // someone edited a migration that was already applied: Flyway refuses to go on
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE_NAME));
             Statement statement = connection.createStatement()) {
            statement.execute("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '001'");
        }

        Run quiet = run("export", temp.resolve("uitvoer").toString(), "--data", data.toString());
        assertThat(quiet.code()).isEqualTo(1);
        assertThat(quiet.oneLine()).isEqualTo("Fout: er ging iets onverwachts mis; draai opnieuw met --verbose "
                + "voor de technische details, of zie het log.");

        Run verbose = run("export", temp.resolve("uitvoer").toString(), "--data", data.toString(), "--verbose");
        assertThat(verbose.code()).isEqualTo(1);
        assertThat(verbose.err()).startsWith(quiet.err()).contains("\tat ").contains("checksum");
    }
}
