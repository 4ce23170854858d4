package nl.afsprakenwiki.search;

import nl.afsprakenwiki.text.FilesInPlace;
import nl.afsprakenwiki.text.Hashes;
import nl.afsprakenwiki.text.IndexedFile;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One pass of {@link SimilarLists} or {@link DraftLists}: every agreement's list found for one state of
 * an index and written to its file; and the stamp that names that state.
 */
final class SimilarListPass {

    private static final Logger LOG = LoggerFactory.getLogger(SimilarListPass.class);
    private static final String SUFFIX = ".lijsten";
    /** A pass checks this often whether the public index changed under it (then the pass is of no use). */
    private static final int CHECK_EVERY = 64;

    /** Finds the list of document {@code doc} of the pass's reader and adds it to {@code writer}. */
    @FunctionalInterface
    interface Lister {
        void add(SimilarListWriter writer, Snapshot snapshot, int doc, Cards cards) throws IOException;
    }

    /** Whether {@code file}'s list of document {@code doc} of the sampled reader is what a fresh search finds. */
    @FunctionalInterface
    interface SampleCheck {
        boolean holds(SimilarListFile file, int doc, Cards cards) throws IOException;
    }

    /** How many lists of a file are compared with a fresh search before it is used. */
    static final int SAMPLE = 16;

    private final SearchIndex index;
    private final Lister lister;
    private final BooleanSupplier stopped;
    private final String whose;

    /**
     * {@code stopped}: whether the pass should end now (the server stops). {@code whose}: for whom the
     * lists are, as the log says it ("for visitors").
     */
    SimilarListPass(SearchIndex index, Lister lister, BooleanSupplier stopped, String whose) {
        this.index = index;
        this.lister = lister;
        this.stopped = stopped;
        this.whose = whose;
    }

    /**
     * Finds the list of every live document of {@code reader} (one of {@code snapshot}'s) and writes
     * them to {@code path}. Returns false when it stopped before the end: the server is stopping, or
     * the public index changed meanwhile (every list's scores rest on it).
     */
    boolean run(Snapshot snapshot, DirectoryReader reader, Path path, String stamp, boolean checks, boolean paced)
            throws IOException {
        long generation = snapshot.publicGeneration();
        long started = System.nanoTime();
        LOG.info("finding similar agreements {} ahead: {} agreements", whose, reader.numDocs());
        Files.createDirectories(path.getParent());
        Cards cards = new Cards();
        int done = 0;
        try (SimilarListWriter writer = new SimilarListWriter(path, stamp, checks)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    if (done % CHECK_EVERY == 0 && (stopped.getAsBoolean() || latestGeneration() != generation)) {
                        LOG.info("finding similar agreements {} ahead stopped after {}: {}", whose, done,
                                stopped.getAsBoolean() ? "the server stops" : "the published texts changed");
                        return false;
                    }
                    long start = System.nanoTime();
                    lister.add(writer, snapshot, leaf.docBase + doc, cards);
                    done++;
                    if (paced) {
                        rest(System.nanoTime() - start);
                    }
                }
            }
            writer.finish();
        }
        LOG.info("similar agreements {} found ahead: {} lists in {} s", whose, done,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        return true;
    }

    /** The lists a state of an index has: its file (null: the pass stopped before the end), and whether they were found now. */
    record Outcome(SimilarListFile file, boolean found) {
    }

    /**
     * The lists of {@code reader} (one of {@code snapshot}'s) in the state {@code stamp} names: the
     * file in {@code folder} made for it when it holds ({@link #openChecked}), else all found now
     * ({@link #run}); then the files of other states there, and unfinished ones, are removed.
     */
    Outcome openOrRun(Snapshot snapshot, DirectoryReader reader, Path folder, String stamp, boolean checks,
                      boolean paced, SampleCheck check) throws IOException {
        Path path = folder.resolve(name(stamp));
        SimilarListFile file = openChecked(path, stamp, checks, reader, check);
        boolean found = file == null;
        if (found) {
            if (!run(snapshot, reader, path, stamp, checks, paced)) {
                return new Outcome(null, true);
            }
            file = SimilarListFile.open(path);
        } else {
            LOG.info("similar agreements {}: the {} lists found ahead in {} are used", whose, file.size(), path);
        }
        try {
            FilesInPlace.removeAllBut(folder, path);
        } catch (IOException e) {
            LOG.warn("removing old lists of similar agreements {} failed: {}", whose, e.toString());
        }
        return new Outcome(file, found);
    }

    /**
     * The file at {@code path} when it is whole, of {@code stamp}, carries checks when {@code checks}
     * asks for them, has a list for every live document of {@code reader}, and the lists of
     * {@link #SAMPLE} of those spread over it pass {@code check}; else null (the log says why) and the
     * lists are found again.
     */
    SimilarListFile openChecked(Path path, String stamp, boolean checks, DirectoryReader reader, SampleCheck check)
            throws IOException {
        if (!Files.isRegularFile(path)) {
            return null;
        }
        SimilarListFile file;
        try {
            file = SimilarListFile.open(path);
        } catch (IndexedFile.Unreadable e) {
            LOG.warn("similar agreements {} in {} are unreadable ({}); they are found again", whose, path, e.getMessage());
            return null;
        }
        if (file.checks() != checks || !file.stamp().equals(stamp) || !sampleHolds(file, reader, check)) {
            LOG.warn("similar agreements {} in {} are not the lists this version finds; they are found again", whose, path);
            return null;
        }
        return file;
    }

    private static boolean sampleHolds(SimilarListFile file, DirectoryReader reader, SampleCheck check) throws IOException {
        if (file.size() != reader.numDocs()) {
            return false;
        }
        Cards cards = new Cards();
        int step = Math.max(1, reader.maxDoc() / SAMPLE);
        List<LeafReaderContext> leaves = reader.leaves();
        for (int doc = 0; doc < reader.maxDoc(); doc += step) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            Bits live = leaf.reader().getLiveDocs();
            if ((live == null || live.get(doc - leaf.docBase)) && !check.holds(file, doc, cards)) {
                return false;
            }
        }
        return true;
    }

    private long latestGeneration() {
        return index.withSnapshot(Snapshot::publicGeneration);
    }

    /** Sleeps about as long as {@code worked} nanoseconds, so the pass takes at most half a core. */
    private void rest(long worked) {
        try {
            TimeUnit.NANOSECONDS.sleep(worked);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What a visitor's lists depend on, besides the code: the public index's documents, told by each
     * segment's unique id, size and number of deletions (deletions in a segment only grow, so the
     * same number is the same deletions), and the lists' format. Null when a segment cannot be told.
     */
    static String stamp(DirectoryReader reader) {
        StringBuilder stamp = new StringBuilder("format ").append(SimilarListFile.FORMAT)
                .append(" index ").append(SearchIndex.FORMAT);
        return documents(reader, stamp) ? stamp.toString() : null;
    }

    /** Appends what tells {@code reader}'s documents apart (see {@link #stamp}); false when a segment cannot be told. */
    static boolean documents(DirectoryReader reader, StringBuilder stamp) {
        HexFormat hex = HexFormat.of();
        for (LeafReaderContext leaf : reader.leaves()) {
            if (!(FilterLeafReader.unwrap(leaf.reader()) instanceof SegmentReader segment)) {
                return false;
            }
            stamp.append(' ').append(hex.formatHex(segment.getSegmentInfo().info.getId()))
                    .append(':').append(segment.maxDoc()).append('-').append(segment.numDeletedDocs());
        }
        return true;
    }

    /** A file name for {@code stamp}: its SHA-256, shortened. */
    static String name(String stamp) {
        return HexFormat.of().formatHex(Hashes.sha256Bytes(stamp), 0, 16) + SUFFIX;
    }
}
