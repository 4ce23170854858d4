package nl.afsprakenwiki;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.DatabaseServer;
import nl.afsprakenwiki.db.TableCopy;
import nl.afsprakenwiki.db.Times;
import nl.afsprakenwiki.files.StoredFiles;
import nl.afsprakenwiki.text.Hashes;
import nl.afsprakenwiki.text.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The command line's {@code migrate --to JDBC-URL}: moves a wiki from SQLite to PostgreSQL. Copies the
 * database in the data directory, and the attachment files beside it, into an empty PostgreSQL
 * database, which PostgreSQL's own migrations first bring to the same version; all in one transaction,
 * so a failure leaves nothing but that empty schema. Then checks the committed copy on fresh
 * connections ({@link MigrateCheck}). The data directory stays locked meanwhile, so no server writes
 * to the source; a target that holds any table is refused before anything happens. The target's user
 * and password come from {@code AFSPRAKENWIKI_DATABASE_USER} and {@code _PASSWORD}, not from the command
 * line, which every user of the machine can see; no message shows the URL's query, where a password may be.
 */
final class MigrateCommand {

    private static final Logger LOG = LoggerFactory.getLogger(MigrateCommand.class);

    /** What the copy committed: the tables in the order they were filled, and the attachment files. */
    record Copied(List<String> tables, TableCopy.Report report, int files) {
    }

    /** A database failure inside a callback that may not throw it; {@link #reason} finds the database's words in it. */
    static final class Failed extends RuntimeException {
        Failed(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    MigrateCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    @SuppressWarnings("try") // the data directory stays claimed for the whole block
    int run(Settings settings, CommandLine line) {
        DatabaseServer server = target(line);
        Path dir = settings.dataDir();
        if (!Files.exists(dir.resolve(Database.FILE_NAME))) {
            throw new CommandFailed("er is geen database in " + dir);
        }
        refuseUnlessEmpty(server);
        try (DataDirectory claimed = DataDirectory.lock(dir);
             Database db = DataDirectory.openDatabase(dir)) {
            try {
                Database.open(server).close();
            } catch (RuntimeException e) {
                throw new CommandFailed("de database op " + server.shownUrl() + " kan niet worden ingericht: "
                        + reason(e), e);
            }
            Copied copied = copy(db, server, dir);
            TableCopy.Report report = copied.report();
            String replaced = report.replaced().isEmpty() ? "" : " De rijen die de migraties van PostgreSQL al hadden "
                    + "gemaakt (" + String.join(", ", report.replaced()) + ") zijn vervangen door die uit SQLite.";
            out.printf("Gekopieerd naar %s: %d tabellen, %d rijen en %s.%s%n", server.shownUrl(), report.tables(),
                    report.rows(), copied.files() == 1 ? "1 bijlage" : copied.files() + " bijlagen", replaced);
            MigrateCheck.Checked checked;
            try (Connection target = connect(server)) {
                checked = MigrateCheck.verify(db, target, copied.tables(), copied.files());
            } catch (SQLException | Failed e) {
                throw new CommandFailed("de kopie is vastgelegd, maar kon niet worden gecontroleerd: " + reason(e)
                        + "; gebruik haar niet voordat de controle slaagt", e);
            }
            out.printf("Gecontroleerd: alle %d tabellen hebben evenveel rijen als in SQLite en de datamap (samen %d), "
                            + "alle %d revisies hebben dezelfde SHA-256 en %s.%n",
                    checked.tables(), checked.rows(), checked.revisions(), checked.files() == 1
                            ? "de bijlage past bij haar SHA-256" : "alle " + checked.files() + " bijlagen passen bij hun SHA-256");
            out.println("Start de wiki voortaan met AFSPRAKENWIKI_DATABASE_URL=" + server.shownUrl()
                    + " (en AFSPRAKENWIKI_DATABASE_USER en _PASSWORD).");
            return 0;
        }
    }

    /** The target from {@code --to}, with the user and password of the environment. */
    private DatabaseServer target(CommandLine line) {
        String url = line.option("to").orElseThrow(() -> new CommandLine.UsageException(
                "migrate heeft --to jdbc:postgresql://host:5432/database nodig"));
        try {
            return new DatabaseServer(url.strip(), env.getOrDefault("AFSPRAKENWIKI_DATABASE_USER", "").strip(),
                    env.getOrDefault("AFSPRAKENWIKI_DATABASE_PASSWORD", ""));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException("--to moet een adres van de vorm jdbc:postgresql://host:5432/database zijn");
        }
    }

    /** Refuses a target whose current schema holds any table or view: migrate never mixes two wikis. */
    private static void refuseUnlessEmpty(DatabaseServer server) {
        try (Connection target = connect(server);
             Statement statement = target.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_schema(), (SELECT count(*) FROM information_schema.tables "
                     + "WHERE table_schema = current_schema())")) {
            rows.next();
            if (rows.getString(1) == null) {
                throw new CommandFailed("de database op " + server.shownUrl() + " heeft geen schema om in te schrijven "
                        + "(search_path); er is niets veranderd");
            }
            long tables = rows.getLong(2);
            if (tables > 0) {
                throw new CommandFailed("de database op " + server.shownUrl() + " is niet leeg (" + tables
                        + " tabellen en views in schema " + rows.getString(1)
                        + "); migrate kopieert alleen naar een lege database. "
                        + "Er is niets veranderd.");
            }
        } catch (SQLException e) {
            throw new CommandFailed("kan de database op " + server.shownUrl() + " niet bereiken: " + reason(e), e);
        }
    }

    /** Copies in one transaction on the target and one read snapshot of the source; commits or rolls back. */
    private Copied copy(Database db, DatabaseServer server, Path dir) {
        Progress progress = Progress.to(err);
        Connection target;
        try {
            target = connect(server);
        } catch (SQLException e) {
            throw new CommandFailed("kan de database op " + server.shownUrl() + " niet bereiken: " + reason(e), e);
        }
        try (target) {
            try {
                target.setAutoCommit(false);
                Copied copied = db.read(handle -> {
                    try {
                        TableCopy copy = TableCopy.plan(handle.getConnection(), target);
                        copy.disableTriggers();
                        int files = copyFiles(target, dir, progress);
                        TableCopy.Report report = copy.copy(progress);
                        copy.finish();
                        return new Copied(copy.tables(), report, files);
                    } catch (SQLException e) {
                        throw new Failed(e);
                    }
                });
                target.commit();
                return copied;
            } catch (RuntimeException | SQLException e) {
                rollback(target);
                LOG.debug("migrate failed", e);
                String what = e instanceof TableCopy.Mismatch || e instanceof CommandFailed ? e.getMessage()
                        : "het kopiëren is mislukt: " + reason(e);
                throw new CommandFailed(what + ". Alles is teruggedraaid: de database op " + server.shownUrl()
                        + " heeft nu alleen het lege schema van de wiki; maak haar opnieuw aan (DROP DATABASE, "
                        + "CREATE DATABASE) voor een nieuwe poging", e);
            }
        } catch (SQLException e) {
            // only closing the connection after the commit can end here
            LOG.debug("closing the connection after the copy failed", e);
            throw new CommandFailed("de verbinding met " + server.shownUrl() + " brak na het kopiëren: " + reason(e), e);
        }
    }

    /**
     * Copies every attachment file of the data directory into {@code stored_file}, where instances that
     * share PostgreSQL find them; each file's content is checked against the SHA-256 its name is.
     */
    private static int copyFiles(Connection target, Path dir, Progress progress) throws SQLException {
        StoredFiles stored = new StoredFiles(dir);
        Path root = dir.resolve(StoredFiles.FOLDER);
        List<Path> files;
        if (!Files.isDirectory(root)) {
            files = List.of();
        } else {
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).filter(file -> named(root, file)).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String now = Times.format(Instant.now());
        int done = 0;
        try (PreparedStatement insert = target.prepareStatement(
                "INSERT INTO stored_file (sha256, size, content, stored_at) VALUES (?, ?, ?, ?)")) {
            for (Path file : files) {
                String sha256 = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "");
                byte[] content = Files.readAllBytes(file);
                String hashed = HexFormat.of().formatHex(Hashes.sha256Bytes(content));
                if (!hashed.equals(sha256) || !stored.path(sha256).equals(file)) {
                    throw new CommandFailed("de bijlage " + file + " heeft niet de inhoud die haar naam (de SHA-256) belooft");
                }
                insert.setString(1, sha256);
                insert.setLong(2, content.length);
                insert.setBytes(3, content);
                insert.setString(4, now);
                insert.executeUpdate();
                progress.step("bijlagen", ++done, files.size());
            }
            if (files.isEmpty()) {
                progress.step("bijlagen", 0, 0);
            }
        } catch (IOException e) {
            throw new CommandFailed("kan een bijlage niet lezen: " + CommandFailed.reason(e), e);
        }
        return done;
    }

    /** A stored file's place: {@code ab/cdef…}, its SHA-256 split after two characters (not a temporary upload). */
    private static boolean named(Path root, Path file) {
        Path relative = root.relativize(file);
        return relative.getNameCount() == 2 && relative.getName(0).toString().matches("[0-9a-f]{2}")
                && relative.getName(1).toString().matches("[0-9a-f]{62}");
    }

    static Connection connect(DatabaseServer server) throws SQLException {
        Properties properties = server.credentials();
        properties.setProperty("ApplicationName", "afsprakenwiki-migrate");
        properties.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(server.url(), properties);
    }

    private static void rollback(Connection target) {
        try {
            target.rollback();
        } catch (SQLException ignored) {
            // the connection is closed next, which rolls back too
        }
    }

    /** The first line of the deepest database message (PostgreSQL's own words say best what went wrong). */
    static String reason(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            deepest = cause;
            if (cause instanceof SQLException) {
                break;
            }
        }
        String message = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
        int line = message.indexOf('\n');
        return line < 0 ? message : message.substring(0, line);
    }
}
