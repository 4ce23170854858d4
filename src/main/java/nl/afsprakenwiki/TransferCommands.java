package nl.afsprakenwiki;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.DiskFull;
import nl.afsprakenwiki.search.Search;
import nl.afsprakenwiki.search.SearchIndex;
import nl.afsprakenwiki.text.Progress;
import nl.afsprakenwiki.transfer.Exporter;
import nl.afsprakenwiki.transfer.ImportFailed;
import nl.afsprakenwiki.transfer.Importer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** The command line's {@code import}, {@code export} and {@code reindex}: agreements between files, database and search index. */
final class TransferCommands {

    private final PrintStream out;
    private final PrintStream err;

    TransferCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs {@code import FOLDER}: all files or nothing (docs/IMPORT-FORMAT.md); the exit code. */
    int importFolder(Settings settings, Path folder) {
        if (!Files.isDirectory(folder)) {
            err.println("Fout: " + folder + " is geen map");
            return 1;
        }
        try (Database db = DataDirectory.openDatabase(settings)) {
            Services services = Services.create(settings, db, Clock.systemUTC());
            Importer.Report report = services.importer().importFolder(folder, "import", Progress.to(err));
            out.printf("Geïmporteerd: %d nieuwe afspraken, %d bijgewerkt, %d ongewijzigd, %d revisies, %d koppelzonebestanden.%n",
                    report.created(), report.updated(), report.unchanged(), report.revisions(), report.koppelzones());
            updateIndex(services);
            return 0;
        } catch (ImportFailed e) {
            err.println("Niets geïmporteerd; " + e.problems().size() + " probleem/problemen gevonden:");
            e.problems().forEach(problem -> err.println("  " + problem));
            return 1;
        }
    }

    /**
     * Brings the search index up to date after an import, so everything imported is searchable as soon
     * as the server starts. A running server holds the index and picks the import up by itself.
     */
    private void updateIndex(Services services) {
        try (Search search = services.search()) {
            int indexed = search.index().catchUp(Progress.to(err));
            out.printf("Zoekindex bijgewerkt: %d afspraken.%n", indexed);
        } catch (SearchIndex.Locked e) {
            out.println("De zoekindex is in gebruik door een draaiende server; die neemt de import binnen een seconde op.");
        } catch (RuntimeException e) {
            if (!DiskFull.causedBy(e)) {
                throw e;
            }
            // the import is committed; the index is derived from it and catches up at the next start
            err.println("Let op: de import is opgeslagen, maar de zoekindex kon niet worden bijgewerkt: de schijf is vol. "
                    + "Hij wordt bijgewerkt bij de volgende start met ruimte.");
        }
    }

    @SuppressWarnings("try") // the data directory stays claimed for the whole block
    /** Runs {@code reindex}: the search index rebuilt from the database, the server stopped; the exit code. */
    int reindex(Settings settings) {
        try (DataDirectory claimed = DataDirectory.lock(settings.dataDir());
             Database db = DataDirectory.openDatabase(settings)) {
            Services services = Services.create(settings, db, Clock.systemUTC());
            try (Search search = services.search()) {
                long start = System.nanoTime();
                int indexed = search.index().rebuild(Progress.to(err));
                double seconds = (System.nanoTime() - start) / 1e9;
                out.printf("Zoekindex opnieuw opgebouwd: %d afspraken in %.1f s (%.0f per seconde), %d documenten, %.1f MB.%n",
                        indexed, seconds, indexed / Math.max(seconds, 0.001), search.index().documentCount(),
                        search.index().sizeOnDisk() / 1e6);
                return 0;
            } catch (SearchIndex.Locked e) {
                err.println("Fout: de zoekindex is in gebruik; stop eerst de server die deze datamap gebruikt.");
                return 1;
            }
        }
    }

    /** Runs {@code export FOLDER} into an empty folder; the exit code. */
    int export(Settings settings, Path folder) {
        try (Database db = DataDirectory.openDatabase(settings)) {
            Services services = Services.create(settings, db, Clock.systemUTC());
            Exporter.Report report = services.exporter().exportTo(folder, Progress.to(err));
            out.printf("Geëxporteerd naar %s: %d koppelzones, %d afspraken, %d bestanden.%n",
                    folder, report.koppelzones(), report.agreements(), report.files());
            return 0;
        }
    }
}
