package nl.afsprakenwiki.search;

import nl.afsprakenwiki.text.Hashes;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One pass of {@link SimilarLists}: every published agreement's list found for one state of the public
 * index and written to its file; and the stamp that names that state.
 */
final class SimilarListPass {

    private static final Logger LOG = LoggerFactory.getLogger(SimilarListPass.class);
    private static final String SUFFIX = ".lijsten";
    /** A pass checks this often whether the public index changed under it (then the pass is of no use). */
    private static final int CHECK_EVERY = 64;

    private final SearchIndex index;
    private final SimilarLists.Finder finder;
    private final BooleanSupplier stopped;

    /** {@code stopped}: whether the pass should end now (the server stops). */
    SimilarListPass(SearchIndex index, SimilarLists.Finder finder, BooleanSupplier stopped) {
        this.index = index;
        this.finder = finder;
        this.stopped = stopped;
    }

    /**
     * Finds every published agreement's list and writes them to {@code path}. Returns false when it
     * stopped before the end: the server is stopping, or the public index changed meanwhile.
     */
    boolean run(Snapshot snapshot, Path path, String stamp, boolean paced) throws IOException {
        DirectoryReader reader = snapshot.publicReader();
        long generation = snapshot.publicGeneration();
        long started = System.nanoTime();
        LOG.info("finding similar agreements for visitors ahead: {} published agreements", reader.numDocs());
        Files.createDirectories(path.getParent());
        Cards cards = new Cards();
        int done = 0;
        try (SimilarListFile.Writer writer = new SimilarListFile.Writer(path, stamp)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    if (done % CHECK_EVERY == 0 && (stopped.getAsBoolean() || latestGeneration() != generation)) {
                        LOG.info("finding similar agreements ahead stopped after {}: {}", done,
                                stopped.getAsBoolean() ? "the server stops" : "the published texts changed");
                        return false;
                    }
                    long start = System.nanoTime();
                    SimilarLists.Found found = finder.find(snapshot, leaf.docBase + doc, cards);
                    writer.add(found.agreement(), found.similar());
                    done++;
                    if (paced) {
                        rest(System.nanoTime() - start);
                    }
                }
            }
            writer.finish();
        }
        LOG.info("similar agreements for visitors found ahead: {} lists in {} s", done,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
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
        HexFormat hex = HexFormat.of();
        for (LeafReaderContext leaf : reader.leaves()) {
            if (!(FilterLeafReader.unwrap(leaf.reader()) instanceof SegmentReader segment)) {
                return null;
            }
            stamp.append(' ').append(hex.formatHex(segment.getSegmentInfo().info.getId()))
                    .append(':').append(segment.maxDoc()).append('-').append(segment.numDeletedDocs());
        }
        return stamp.toString();
    }

    /** A file name for {@code stamp}: its SHA-256, shortened. */
    static String name(String stamp) {
        return HexFormat.of().formatHex(Hashes.sha256Bytes(stamp), 0, 16) + SUFFIX;
    }
}
