package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.markdown.RenderedFile;
import nl.afsprakenwiki.markdown.RenderedWriter;
import nl.afsprakenwiki.text.FilesInPlace;
import nl.afsprakenwiki.text.Hashes;
import nl.afsprakenwiki.text.IndexedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The texts readers open first, rendered ahead of the views: of every agreement its current,
 * proposed and endorsed revision, rendered to HTML into a file the renderer reads them from
 * ({@link RenderedFile}).
 *
 * <p>At national scale (35,000 agreements) most agreement views are the agreement's first since the
 * server started, and each of those rendered its markdown: in the steady state of the national load
 * mix, after the kept HTML had long filled up, rendering was still a fifth of the request threads'
 * samples. A stored revision does not change, so its HTML can be rendered once, ahead, and kept on
 * disk. It is exact by construction: an entry serves only the text it was rendered from (the view
 * compares the key of the text it has), so a redacted revision is rendered anew; and the file is
 * named by the code that rendered it, so a new version of the server renders again rather than show
 * HTML of the old one.
 *
 * <p>A background thread binds the file of this code at start-up, and then every ten minutes looks
 * whether revisions readers open first are missing from it (saved or published since): if so it
 * writes a new file with the entries that still hold and the missing ones rendered, working at most
 * half the time (it sleeps as long as it rendered). Revisions not in the file are rendered on view
 * and kept in memory as before.
 */
public final class RenderedAhead implements AutoCloseable {

    public static final String FOLDER = "weergaven";
    private static final Logger LOG = LoggerFactory.getLogger(RenderedAhead.class);
    private static final String SUFFIX = ".html";
    private static final long RECHECK_MILLIS = TimeUnit.MINUTES.toMillis(10);
    private static final int BATCH = 200;

    private final Database db;
    private final AgreementStore store;
    private final MarkdownRenderer markdown;
    private final Path folder;
    private final Object signal = new Object();
    private volatile boolean stopped;
    private RenderedFile bound;
    private String stamp;
    private volatile Thread worker;
    private long passes;
    private long rendered;

    public RenderedAhead(Database db, AgreementStore store, MarkdownRenderer markdown, Path folder) {
        this.db = db;
        this.store = store;
        this.markdown = markdown;
        this.folder = folder;
    }

    /** Starts the background thread. */
    public synchronized void start() {
        if (worker == null && !stopped) {
            worker = new Thread(this::run, "rendered-ahead");
            worker.setDaemon(true);
            worker.start();
        }
    }

    /** Whether the background thread runs (for tests). */
    boolean running() {
        Thread running = worker;
        return running != null && running.isAlive();
    }

    /** How many passes wrote a file, and how many revisions they rendered (for tests). */
    synchronized long[] passes() {
        return new long[] {passes, rendered};
    }

    private void run() {
        while (!stopped) {
            try {
                keepUp(true);
            } catch (RuntimeException e) {
                LOG.warn("rendering agreement texts ahead failed; they are rendered on view until it works: {}", e.toString());
            }
            synchronized (signal) {
                if (!stopped) {
                    try {
                        signal.wait(RECHECK_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /**
     * Makes the renderer read from a file that holds every revision readers open first: binds this
     * code's file when there is one, then renders what it lacks into a new one. {@code paced}: sleep
     * as long as the rendering took (the background thread); tests run it unpaced. Returns whether
     * the bound file is complete (false when stopped half-way).
     */
    synchronized boolean keepUp(boolean paced) {
        try {
            if (stamp == null) {
                stamp = RenderedFile.codeStamp();
            }
            Path path = folder.resolve(HexFormat.of().formatHex(Hashes.sha256Bytes(stamp), 0, 16) + SUFFIX);
            if (bound == null && Files.isRegularFile(path)) {
                bind(open(path));
                if (bound != null) {
                    LOG.info("agreement texts rendered ahead: the {} in {} are used", bound.size(), path);
                }
            }
            List<Long> wanted = wanted();
            long missing = bound == null ? wanted.size() : wanted.stream().filter(id -> !bound.contains(id)).count();
            if (missing == 0 && (bound == null || bound.stale() == 0)) {
                removeOthers(path);
                return true;
            }
            if (!write(path, wanted, missing, paced)) {
                return false;
            }
            bind(open(path));
            removeOthers(path);
            return bound != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void bind(RenderedFile file) {
        bound = file;
        markdown.useAhead(file);
    }

    private static RenderedFile open(Path path) throws IOException {
        try {
            return RenderedFile.open(path);
        } catch (IndexedFile.Unreadable e) {
            LOG.warn("agreement texts rendered ahead in {} are unreadable ({}); they are rendered again", path, e.getMessage());
            return null;
        }
    }

    /** The revisions readers open first: of every agreement the current, proposed and endorsed one. */
    private List<Long> wanted() {
        return db.read(handle -> handle.createQuery("""
                        SELECT r.id FROM agreement a JOIN revision r ON r.agreement_id = a.id AND r.number = a.current_revision
                        UNION SELECT r.id FROM agreement a JOIN revision r ON r.agreement_id = a.id AND r.number = a.proposed_revision
                        UNION SELECT r.id FROM agreement a JOIN revision r ON r.agreement_id = a.id AND r.number = a.endorsed_revision
                        ORDER BY 1
                        """).mapTo(Long.class).list());
    }

    /** Writes every revision in {@code wanted} to {@code path}: kept entries copied, the others rendered. */
    private boolean write(Path path, List<Long> wanted, long missing, boolean paced) throws IOException {
        long started = System.nanoTime();
        LOG.info("rendering agreement texts ahead: {} revisions, {} not rendered yet", wanted.size(), missing);
        Files.createDirectories(folder);
        int renderedNow = 0;
        try (RenderedWriter writer = new RenderedWriter(path, stamp)) {
            for (int from = 0; from < wanted.size(); from += BATCH) {
                if (stopped) {
                    LOG.info("rendering agreement texts ahead stopped after {}: the server stops", from);
                    return false;
                }
                List<Long> ids = wanted.subList(from, Math.min(wanted.size(), from + BATCH));
                for (Revision revision : db.read(handle -> handle.createQuery("SELECT * FROM revision WHERE id IN (<ids>)")
                        .bindList("ids", ids).map(AgreementRows.REVISION).list())) {
                    Map<String, MarkdownRenderer.LinkedFile> files = revision.body().contains(MarkdownRenderer.FILE_SCHEME)
                            ? AgreementService.linkedFiles(revision.agreementId(), revision.number(),
                                    db.read(handle -> store.attachments(handle, revision.id())))
                            : Map.of();
                    long key = RenderedFile.key(revision.body(), files);
                    if (bound != null && bound.copyTo(writer, revision.id(), key)) {
                        continue;
                    }
                    long start = System.nanoTime();
                    if (!writer.add(revision.id(), key, markdown.render(revision.body(), files))) {
                        LOG.warn("agreement texts rendered ahead: the file is full after {} revisions", writer.size());
                        break;
                    }
                    renderedNow++;
                    if (paced) {
                        rest(System.nanoTime() - start);
                    }
                }
            }
            writer.finish();
        }
        passes++;
        rendered += renderedNow;
        LOG.info("agreement texts rendered ahead: {} revisions ({} rendered now) in {} s", wanted.size(), renderedNow,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        return true;
    }

    /** Sleeps about as long as {@code worked} nanoseconds, so rendering takes at most half a core. */
    private static void rest(long worked) {
        try {
            TimeUnit.NANOSECONDS.sleep(worked);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes files of other code, and unfinished ones. */
    private void removeOthers(Path keep) {
        try {
            FilesInPlace.removeAllBut(folder, keep);
        } catch (IOException e) {
            LOG.warn("removing old rendered agreement texts failed: {}", e.toString());
        }
    }

    /** Stops the background thread after the revision at hand. */
    @Override
    public void close() {
        Thread running;
        synchronized (signal) {
            stopped = true;
            running = worker;
            signal.notifyAll();
        }
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
