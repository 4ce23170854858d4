package nl.afsprakenwiki.search;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.privacy.TextGuard;
import nl.afsprakenwiki.search.analysis.DutchAnalysis;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The search feature as the rest of the application sees it. The index is opened on first use, so
 * commands that never search (export, user add) do not need it - and do not collide with a running
 * server that holds it.
 */
public final class Search implements AutoCloseable {

    private final Path dataDir;
    private final Database db;
    private final MarkdownRenderer markdown;
    private final IndexStorage storage;
    private final TextGuard guard;
    private volatile SearchIndex index;
    private SearchService service;
    private Supplier<DutchAnalysis> analysis = DutchAnalysis::load;

    /** {@code guard}: the privacy rule that keeps pending experiences out of the public count. */
    public Search(Path dataDir, Database db, MarkdownRenderer markdown, TextGuard guard) {
        this(dataDir, db, markdown, guard, IndexStorage.FILES);
    }

    /** With the index's files written through {@code storage} (a test's full disk). */
    public Search(Path dataDir, Database db, MarkdownRenderer markdown, TextGuard guard, IndexStorage storage) {
        this.dataDir = dataDir;
        this.db = db;
        this.markdown = markdown;
        this.guard = guard;
        this.storage = storage;
    }

    /**
     * The Dutch analysis the index will use, loaded elsewhere: the server starts loading it (a second
     * of reading word lists and patterns) before it opens the database, so that both go on at once.
     */
    public synchronized void analysisFrom(CompletableFuture<DutchAnalysis> loading) {
        this.analysis = loading::join;
    }

    /** The index; opens it on first call. Throws {@link SearchIndex.Locked} if another process has it. */
    public synchronized SearchIndex index() {
        if (index == null) {
            index = SearchIndex.open(dataDir, db, Analyzers.of(analysis.get()), markdown, guard, storage);
        }
        return index;
    }

    public synchronized SearchService service() {
        if (service == null) {
            service = new SearchService(index());
        }
        return service;
    }

    /** Whether the index has been opened and answers (for the health check: no lock on that path). */
    public boolean answers() {
        SearchIndex opened = index;
        return opened != null && opened.answers();
    }

    @Override
    public synchronized void close() {
        if (service != null) {
            // the lists found ahead read the index: they stop first
            service.similar().close();
        }
        if (index != null) {
            index.close();
            index = null;
            service = null;
        }
    }
}
