package nl.afsprakenwiki.testing;

import nl.afsprakenwiki.Services;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.text.Progress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The demo wiki's data directory (database, search index, server secret), imported and indexed once
 * per test JVM; every demo wiki of the tests starts on a copy of it. Importing the corpus, creating
 * the demo accounts and indexing them cost about a second per test class and gave the same content
 * every time. The copy is taken with the wiki closed, so it is what {@code serve --demo} leaves on
 * disk: {@link nl.afsprakenwiki.transfer.DemoContent#loadIfEmpty} then finds the content there, and
 * the search index has nothing to catch up. Loading the demo itself stays tested by every first
 * copy, by {@code ReadmeRunIT} and {@code CrashRecoveryIT} ({@code serve --demo}).
 */
final class DemoData {

    private static Path loaded;

    private DemoData() {
    }

    /** Copies the demo wiki's data into {@code dataDir}, which must not exist yet or be empty. */
    static void copyTo(Path dataDir) {
        Path source = loaded();
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = dataDir.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Without the web server, the outbox and the daily run: only what the import and the index write. */
    private static synchronized Path loaded() {
        if (loaded == null) {
            try {
                Path dir = Files.createTempDirectory("afsprakenwiki-demo");
                Path data = dir.resolve("data");
                Database db = TestDisk.open(data);
                try {
                    Services services = TestDisk.shareAnalysis(
                            Services.create(Settings.forTests(data), db, Clock.systemUTC(), TestDisk.INDEX));
                    try {
                        services.demo().loadIfEmpty(Progress.NONE);
                        if (!services.search().index().awaitCurrent(Duration.ofSeconds(60))) {
                            throw new IllegalStateException("the demo wiki's search index did not catch up");
                        }
                    } finally {
                        services.daily().close();
                        services.outbox().close();
                        services.search().close();
                    }
                } finally {
                    db.close();
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                loaded = data;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary copy left behind is harmless
        }
    }
}
