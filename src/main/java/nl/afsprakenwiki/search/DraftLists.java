package nl.afsprakenwiki.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Beheerders' "vergelijkbare afspraken" among drafts, found ahead of the views.
 *
 * <p>A beheerder reads every agreement's current text, drafts included, so their list is searched in
 * the current texts, and a beheerder's first view of an agreement searched for it (under the national
 * load mix the largest single part of the request threads' work once visitors' lists were found ahead,
 * {@link SimilarLists}). Such a list depends on the current texts and on the public index (word rarity
 * comes from published text only). So, after the visitors' lists, the same background thread finds
 * every agreement's beheerder list for the current texts as they are, with what a later generation
 * needs to check it (the agreement's words, municipality and cutoff), and writes them to a file in
 * the search folder named by a stamp of both indexes' documents.
 *
 * <p>A list from the file is used exactly as a kept list is ({@link KeptSimilar}): in the generation
 * it was found in as it is, in a later one only after the check that none of the agreements written
 * since is the agreement, one it lists, or scores high enough to be listed; otherwise it is searched
 * for. So a beheerder never sees another list than a search would find. After a publication the file
 * serves no one until it is found again; when too many agreements were written since it to check
 * its lists (see {@link KeptSimilar}), it is found again, at most every {@link #RENEW_MILLIS}
 * milliseconds; a restart on unchanged indexes uses the file after comparing a sample with a search.
 */
final class DraftLists {

    static final String FOLDER = "vergelijkbaar-concepten";
    private static final Logger LOG = LoggerFactory.getLogger(DraftLists.class);
    /** A pass because too much was written since the last one waits at least this long after it (a pass is minutes of CPU). */
    static final long RENEW_MILLIS = TimeUnit.MINUTES.toMillis(10);

    /** Finds a beheerder's list the way a view would: agreement document {@code doc} of the current texts. */
    @FunctionalInterface
    interface Finder {
        KeptSimilar find(Snapshot snapshot, int doc, Cards cards) throws IOException;
    }

    /**
     * Which file serves: for public generation {@code publicGeneration}, holding the lists of current
     * generation {@code currentGeneration}, whose newest segment was {@code segment} (null file: none).
     */
    private record Bound(long publicGeneration, long currentGeneration, long segment, SimilarListFile file) {
    }

    private final SearchIndex index;
    private final Finder finder;
    private final Path folder;
    private final BooleanSupplier stopped;
    private volatile Bound bound;
    private long lastPass = Long.MIN_VALUE;
    /** When finding lists last failed (a full disk, say), in {@link System#nanoTime} (see {@link #keepUp(boolean)}). */
    private volatile long failed = Long.MIN_VALUE;
    private long passes;

    DraftLists(SearchIndex index, Finder finder, BooleanSupplier stopped) {
        this.index = index;
        this.finder = finder;
        this.folder = index.folder().resolve(FOLDER);
        this.stopped = stopped;
    }

    /**
     * Agreement {@code id}'s list for a beheerder reading {@code snapshot}, as it was found ahead (still
     * to be checked when its generation is older than the snapshot's); null when none was found for
     * this public index.
     */
    KeptSimilar get(Snapshot snapshot, long id) {
        Bound now = bound;
        if (now == null || now.file() == null || now.publicGeneration() != snapshot.publicGeneration()) {
            return null;
        }
        SimilarListFile.Checked checked = now.file().checked(id);
        if (checked == null) {
            return null;
        }
        return new KeptSimilar(now.currentGeneration(), id, checked.municipality(), checked.words(), checked.similar(),
                checked.cutoff(), now.segment());
    }

    /** How many passes found lists (for tests). */
    synchronized long passes() {
        return passes;
    }

    /**
     * Makes the lists serve the indexes as they are now, when they do not: binds the file made for
     * them (checked on a sample), or finds all lists and writes that file. {@code paced}: sleep as
     * long as the work took; tests run it unpaced. Returns whether lists serve.
     */
    boolean keepUp(boolean paced) {
        if (failed != Long.MIN_VALUE && System.nanoTime() - failed < TimeUnit.MILLISECONDS.toNanos(RENEW_MILLIS)) {
            return false;
        }
        try {
            return index.withSnapshot(snapshot -> keepUp(snapshot, paced));
        } catch (UncheckedIOException e) {
            // a failure of this pass is tried again later; the visitors' lists of the same thread go on
            failed = System.nanoTime();
            LOG.warn("finding similar agreements among drafts ahead failed; beheerders' first views search for them "
                    + "until it works (tried again in ten minutes): {}", e.toString());
            return false;
        }
    }

    private synchronized boolean keepUp(Snapshot snapshot, boolean paced) {
        try {
            return bind(snapshot, paced);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean bind(Snapshot snapshot, boolean paced) throws IOException {
        Bound now = bound;
        if (now != null && now.publicGeneration() == snapshot.publicGeneration()
                && (now.file() == null || checkable(snapshot, now) || !renewable())) {
            return now.file() != null;
        }
        String stamp = stamp(snapshot);
        if (stamp == null) {
            bound = new Bound(snapshot.publicGeneration(), -1, -1, null);
            return false;
        }
        SimilarListFile file = now != null && now.file() != null && now.file().stamp().equals(stamp) ? now.file() : null;
        if (file == null) {
            SimilarListPass pass = new SimilarListPass(index, (writer, at, doc, cards) -> {
                KeptSimilar found = finder.find(at, doc, cards);
                writer.add(found.id(), checked(found));
            }, stopped, "among drafts");
            SimilarListPass.Outcome outcome = pass.openOrRun(snapshot, snapshot.currentReader(), folder, stamp, true, paced,
                    (found, doc, cards) -> {
                        KeptSimilar fresh = finder.find(snapshot, doc, cards);
                        return checked(fresh).equals(found.checked(fresh.id()));
                    });
            if (outcome.found()) {
                lastPass = System.nanoTime();
            }
            if (outcome.file() == null) {
                return false;
            }
            if (outcome.found()) {
                passes++;
            }
            file = outcome.file();
        }
        bound = new Bound(snapshot.publicGeneration(), snapshot.currentGeneration(), snapshot.newestCurrentSegment(), file);
        return true;
    }

    /** Whether the bound lists can still be checked in {@code snapshot} (not too much written since). */
    private static boolean checkable(Snapshot snapshot, Bound now) {
        return snapshot.currentChangedSince(now.currentGeneration(), KeptSimilar.MOST_CHECKED) != null;
    }

    /** Whether the last pass is long enough ago for another because too much was written since. */
    private boolean renewable() {
        return lastPass == Long.MIN_VALUE || System.nanoTime() - lastPass >= TimeUnit.MILLISECONDS.toNanos(RENEW_MILLIS);
    }

    /** What the lists depend on besides the code: the documents of both indexes and the lists' format. */
    static String stamp(Snapshot snapshot) {
        StringBuilder stamp = new StringBuilder("drafts format ").append(SimilarListFile.FORMAT)
                .append(" index ").append(SearchIndex.FORMAT).append(" public");
        if (!SimilarListPass.documents(snapshot.publicReader(), stamp)) {
            return null;
        }
        stamp.append(" current");
        return SimilarListPass.documents(snapshot.currentReader(), stamp) ? stamp.toString() : null;
    }

    /** What the file keeps of a list found among drafts. */
    private static SimilarListFile.Checked checked(KeptSimilar found) {
        return new SimilarListFile.Checked(found.similar(), found.municipality(), found.cutoff(), found.words());
    }
}
