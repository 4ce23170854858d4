package nl.afsprakenwiki.transfer;

import nl.afsprakenwiki.agreements.AgreementStore;
import nl.afsprakenwiki.db.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * The demo corpus (src/main/resources/demo, in the import format), loaded into an empty database by
 * {@code serve --demo}. It is read straight from the jar, through the same importer as any folder.
 */
public final class DemoContent {

    private static final String RESOURCE = "/demo";

    private final Database db;
    private final AgreementStore agreements;
    private final Importer importer;

    public DemoContent(Database db, AgreementStore agreements, Importer importer) {
        this.db = db;
        this.agreements = agreements;
        this.importer = importer;
    }

    /** Imports the demo corpus if the database has no agreements; returns the report, or null if skipped. */
    public Importer.Report loadIfEmpty(Progress progress) {
        boolean empty = db.read(h -> agreements.allIds(h).isEmpty());
        if (!empty) {
            return null;
        }
        URL url = DemoContent.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("the demo content is missing from the classpath");
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                try (FileSystem jar = FileSystems.newFileSystem(url.toURI(), Map.of())) {
                    return importer.importFolder(jar.getPath(RESOURCE), "demo", progress);
                }
            }
            return importer.importFolder(Path.of(url.toURI()), "demo", progress);
        } catch (ImportFailed e) {
            throw new IllegalStateException("the demo content does not import: " + String.join("; ", e.problems()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
