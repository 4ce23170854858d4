package nl.afsprakenwiki.search;

import nl.afsprakenwiki.Services;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.testing.TestDisk;
import nl.afsprakenwiki.text.Progress;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A test wiki of its own holding the evaluation corpus (src/test/resources/search-quality/corpus),
 * imported and indexed the wiki's own way, in a folder of its own for one test class: for the tests
 * that compare two ways of searching it. Registered with {@code @RegisterExtension}.
 */
final class EvaluationWiki implements BeforeAllCallback, AfterAllCallback {

    private Path work;
    private Database db;
    private Services services;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        work = Files.createTempDirectory("evaluatie");
        Path data = work.resolve("data");
        db = TestDisk.open(data);
        services = TestDisk.shareAnalysis(Services.create(Settings.forTests(data), db, Clock.systemUTC(),
                TestDisk.INDEX));
        services.importer().importFolder(Path.of(EvaluationWiki.class.getClassLoader()
                .getResource("search-quality/corpus").toURI()), "evaluatie", Progress.NONE);
        services.search().index().catchUp(Progress.NONE);
    }

    SearchIndex index() {
        return services.search().index();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        services.search().close();
        db.close();
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
