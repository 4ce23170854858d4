package nl.afsprakenwiki;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.files.StoredFiles;
import nl.afsprakenwiki.db.DiskFull;
import nl.afsprakenwiki.koppelzones.PartyContacts;
import nl.afsprakenwiki.privacy.FindingRegister;
import nl.afsprakenwiki.privacy.PrivacyDetector;
import nl.afsprakenwiki.privacy.PrivacyScan;
import nl.afsprakenwiki.text.Progress;
import nl.afsprakenwiki.transfer.TransferRefused;
import nl.afsprakenwiki.web.Translations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The command line: {@code serve} (default), {@code import}, {@code export}, {@code backup},
 * {@code user}, {@code token} and {@code privacy-scan}.
 * Builds the parts from the settings and hands them to the command. Exit codes: 0 ok, 1 failed,
 * 2 wrong usage. Every failure is one line of Dutch on standard error: expected ones
 * ({@link CommandFailed}) say what to do, unexpected ones point to {@code --verbose} for the stack
 * trace, which otherwise only the log has (at debug level).
 */
public final class Main {

    static final String USAGE = """
            Gebruik: java -jar afsprakenwiki.jar <opdracht> [opties]

            Opdrachten:
              serve [--port N] [--host ADRES] [--demo]   start de wiki (standaard); --demo vult een lege database met voorbeeldafspraken
              import MAP                                 importeer markdownbestanden (docs/IMPORT-FORMAT.md); alles of niets
              export MAP                                 schrijf alle koppelzones en afspraken met geschiedenis naar een lege map
              backup BESTAND                             maak een consistente kopie van de database, ook terwijl de server draait
              reindex                                    bouw de zoekindex opnieuw op uit de database (server gestopt)
              user add NAAM --name "VOLLEDIGE NAAM" [--email ADRES] [--organisation ORG] [--admin]
                                                         maak een account; het wachtwoord komt van standaardinvoer
              user passwd NAAM                           stel een nieuw wachtwoord in (van standaardinvoer)
              user disable NAAM | user enable NAAM       blokkeer of deblokkeer een account (ook zijn API-sleutels)
              token create NAAM [--label TEKST]          maak een API-sleutel; alleen de sleutel gaat naar standaarduitvoer
              privacy-scan                               zoek persoonsgegevens in alle teksten (ook oude revisies); toont vindplaatsen, nooit de tekst
              migrate --to JDBC-URL                      kopieer de SQLite-database in de datamap naar een lege PostgreSQL-database (gebruiker en wachtwoord uit AFSPRAKENWIKI_DATABASE_USER/_PASSWORD)

            Elke opdracht kent --data MAP (standaard ./data, of AFSPRAKENWIKI_DATA) en --verbose
            (bij een onverwachte fout ook de technische details).
            Poort: --port of PORT (standaard 7070).
            E-mail bij serve: --smtp-host, --smtp-port, --smtp-user, --smtp-tls, --mail-from, --base-url en
            --digest-hour, of de AFSPRAKENWIKI_-variabelen in de README; het wachtwoord alleen als variabele.
            Afsluitcode: 0 gelukt, 1 mislukt (één regel uitleg op standaardfout), 2 verkeerd aangeroepen.
            """;

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Supplier<String> password;
    private volatile ServeCommand serving;

    /** @param password reads a password for the account commands (standard input, or the terminal without echo) */
    Main(PrintStream out, PrintStream err, Map<String, String> env, Supplier<String> password) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.password = password;
    }

    public static void main(String[] args) {
        int code = new Main(System.out, System.err, System.getenv(), Main::readPassword).run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    int run(String[] args) {
        CommandLine line;
        Settings settings;
        try {
            line = CommandLine.parse(args, Set.of("port", "data", "host", "name", "email", "organisation", "label",
                            "base-url", "smtp-host", "smtp-port", "smtp-user", "smtp-tls", "mail-from", "digest-hour", "to"),
                    Set.of("demo", "help", "admin", "verbose"));
            settings = Settings.from(line, env);
        } catch (CommandLine.UsageException e) {
            err.println("Fout: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (line.flag("help") || line.command().equals("help")) {
            out.print(USAGE);
            return 0;
        }
        TransferCommands transfer = new TransferCommands(out, err);
        try {
            return switch (line.command()) {
                case "serve" -> serve(settings);
                case "import" -> transfer.importFolder(settings, Path.of(line.argument(0, "een map om te importeren")));
                case "export" -> transfer.export(settings, Path.of(line.argument(0, "een (lege) map om naar te exporteren")));
                case "backup" -> backup(settings, Path.of(line.argument(0, "een bestandsnaam voor de kopie")));
                case "reindex" -> transfer.reindex(settings);
                case "user", "token" -> accountCommand(settings, line);
                case "privacy-scan" -> privacyScan(settings);
                case "migrate" -> new MigrateCommand(out, err, env).run(settings, line);
                default -> throw new CommandLine.UsageException("onbekende opdracht '" + line.command() + "'");
            };
        } catch (CommandLine.UsageException e) {
            err.println("Fout: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (CommandFailed | TransferRefused e) {
            LOG.debug("command {} failed", line.command(), e);
            err.println("Fout: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            return unexpected(line, e);
        }
    }

    /** One line for what we did not foresee; the stack trace goes to the log, or here with --verbose. */
    private int unexpected(CommandLine line, RuntimeException e) {
        LOG.debug("command {} failed unexpectedly", line.command(), e);
        if (DiskFull.causedBy(e)) {
            err.println("Fout: de schijf is vol; wat deze opdracht schreef is teruggedraaid. Maak ruimte en probeer het opnieuw.");
        } else if (e instanceof UncheckedIOException io && io.getCause() instanceof FileSystemException file) {
            err.println("Fout: kan " + file.getFile() + " niet lezen of schrijven: " + CommandFailed.reason(file) + ".");
        } else {
            err.println("Fout: er ging iets onverwachts mis; draai opnieuw met --verbose voor de technische details, "
                    + "of zie het log.");
        }
        if (line.flag("verbose")) {
            e.printStackTrace(err);
        }
        return 1;
    }

    private int serve(Settings settings) {
        serving = new ServeCommand(out, err);
        return serving.run(settings);
    }

    /** Stops a server this instance runs (tests; the process itself stops it at shutdown). */
    void stop() {
        ServeCommand running = serving;
        if (running != null) {
            running.stop();
        }
    }

    /**
     * Lists where personal data seems to be, in every current and historical text; scans into the
     * register the server's page shows, in short transactions, so a server may run meanwhile.
     */
    private int privacyScan(Settings settings) {
        if (settings.database().isEmpty() && !Files.exists(settings.dataDir().resolve(Database.FILE_NAME))) {
            err.println("Fout: er is geen database in " + settings.dataDir());
            return 1;
        }
        try (Database db = DataDirectory.openDatabase(settings)) {
            // a party organisation's listed numbers and domains are no findings in its koppelzones
            FindingRegister register = new FindingRegister(db, new PrivacyDetector(Clock.systemUTC()), new PartyContacts(db)::of);
            new PrivacyScan(db, register).run(out, Progress.to(err));
            return 0;
        }
    }

    private int accountCommand(Settings settings, CommandLine line) {
        try (Database db = DataDirectory.openDatabase(settings)) {
            Services services = Services.create(settings, db, Clock.systemUTC());
            AccountCommands commands = new AccountCommands(services.accounts(), services.tokens(), new Translations().dutch(), out, err,
                    password, Author.system("opdrachtregel:" + System.getProperty("user.name", "?")));
            return line.command().equals("user") ? commands.user(line) : commands.token(line);
        }
    }

    /** One line from standard input, or at a terminal the password typed twice without echo; null if none. */
    private static String readPassword() {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Wachtwoord: ");
            char[] again = first == null ? null : console.readPassword("Nogmaals: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                System.err.println("De wachtwoorden zijn niet gelijk.");
                return null;
            }
            return new String(first);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line;
        } catch (IOException e) {
            return null;
        }
    }

    private int backup(Settings settings, Path target) {
        if (settings.database().isPresent()) {
            out.println("De database staat op PostgreSQL (" + settings.database().get().shownUrl() + "): maak de kopie "
                    + "daar met pg_dump of een basisback-up met WAL-archivering; zie docs/DEPLOYMENT.md. "
                    + "Er is niets gekopieerd.");
            return 0;
        }
        if (!Files.exists(settings.dataDir().resolve(Database.FILE_NAME))) {
            err.println("Fout: er is geen database in " + settings.dataDir());
            return 1;
        }
        try (Database db = DataDirectory.openDatabase(settings)) {
            BackupTarget.check(target);
            try {
                db.backupTo(target);
            } catch (RuntimeException e) {
                throw BackupTarget.failed(target, e);
            }
            // after the database: files are only ever added, so every file the copy names is there
            Path files = BackupTarget.attachments(target);
            int copied;
            try {
                copied = new StoredFiles(settings.dataDir()).copyAllTo(files);
            } catch (RuntimeException e) {
                throw BackupTarget.failed(target, e);
            }
            out.println("Kopie geschreven naar " + target.toAbsolutePath()
                    + (copied == 0 ? "" : ", de " + copied + " bijlagen naar " + files.toAbsolutePath()));
            return 0;
        }
    }
}
