package nl.afsprakenwiki;

import io.javalin.Javalin;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.transfer.Exporter;
import nl.afsprakenwiki.transfer.ImportFailed;
import nl.afsprakenwiki.transfer.Importer;
import nl.afsprakenwiki.transfer.Progress;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The command line: {@code serve} (default), {@code import}, {@code export}, {@code backup}.
 * Builds the parts from the settings and hands them to the command. Exit codes: 0 ok, 1 failed,
 * 2 wrong usage.
 */
public final class Main {

    static final String USAGE = """
            Gebruik: java -jar afsprakenwiki.jar <opdracht> [opties]

            Opdrachten:
              serve [--port N] [--host ADRES] [--demo]   start de wiki (standaard); --demo vult een lege database met voorbeeldafspraken
              import MAP                                 importeer markdownbestanden (docs/IMPORT-FORMAT.md); alles of niets
              export MAP                                 schrijf alle koppelzones en afspraken met geschiedenis naar een lege map
              backup BESTAND                             maak een consistente kopie van de database, ook terwijl de server draait

            Elke opdracht kent --data MAP (standaard ./data, of AFSPRAKENWIKI_DATA).
            Poort: --port of PORT (standaard 7070).
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    Main(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    public static void main(String[] args) {
        int code = new Main(System.out, System.err, System.getenv()).run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    int run(String[] args) {
        CommandLine line;
        Settings settings;
        try {
            line = CommandLine.parse(args, Set.of("port", "data", "host"), Set.of("demo", "help"));
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
        try {
            return switch (line.command()) {
                case "serve" -> serve(settings);
                case "import" -> importFolder(settings, Path.of(line.argument(0, "een map om te importeren")));
                case "export" -> export(settings, Path.of(line.argument(0, "een (lege) map om naar te exporteren")));
                case "backup" -> backup(settings, Path.of(line.argument(0, "een bestandsnaam voor de kopie")));
                default -> throw new CommandLine.UsageException("onbekende opdracht '" + line.command() + "'");
            };
        } catch (CommandLine.UsageException e) {
            err.println("Fout: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("Fout: " + e.getMessage());
            return 1;
        }
    }

    private int serve(Settings settings) {
        Database db = Database.open(settings.dataDir());
        Services services = Services.create(settings, db, Clock.systemUTC());
        if (settings.demo()) {
            Importer.Report report = services.demo().loadIfEmpty(Progress.to(err));
            out.println(report == null ? "Database bevat al afspraken; demo-inhoud niet geladen."
                    : "Demo-inhoud geladen: " + report.created() + " afspraken, " + report.revisions() + " revisies.");
        }
        Javalin app = App.create(services);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            db.close();
            stopped.countDown();
        }, "shutdown"));
        app.start();
        out.println("Afsprakenwiki draait op http://localhost:" + app.port() + "/  (data: " + settings.dataDir() + ")");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private int importFolder(Settings settings, Path folder) {
        if (!Files.isDirectory(folder)) {
            err.println("Fout: " + folder + " is geen map");
            return 1;
        }
        try (Database db = Database.open(settings.dataDir())) {
            Services services = Services.create(settings, db, Clock.systemUTC());
            Importer.Report report = services.importer().importFolder(folder, "import", Progress.to(err));
            out.printf("Geïmporteerd: %d nieuwe afspraken, %d bijgewerkt, %d ongewijzigd, %d revisies, %d koppelzonebestanden.%n",
                    report.created(), report.updated(), report.unchanged(), report.revisions(), report.koppelzones());
            return 0;
        } catch (ImportFailed e) {
            err.println("Niets geïmporteerd; " + e.problems().size() + " probleem/problemen gevonden:");
            e.problems().forEach(problem -> err.println("  " + problem));
            return 1;
        }
    }

    private int export(Settings settings, Path folder) {
        try (Database db = Database.open(settings.dataDir())) {
            Services services = Services.create(settings, db, Clock.systemUTC());
            Exporter.Report report = services.exporter().exportTo(folder, Progress.to(err));
            out.printf("Geëxporteerd naar %s: %d koppelzones, %d afspraken, %d bestanden.%n",
                    folder, report.koppelzones(), report.agreements(), report.files());
            return 0;
        }
    }

    private int backup(Settings settings, Path target) {
        if (!Files.exists(settings.dataDir().resolve(Database.FILE_NAME))) {
            err.println("Fout: er is geen database in " + settings.dataDir());
            return 1;
        }
        try (Database db = Database.open(settings.dataDir())) {
            db.backupTo(target);
            out.println("Kopie geschreven naar " + target.toAbsolutePath());
            return 0;
        }
    }
}
