package nl.afsprakenwiki.markdown;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.zip.Inflater;

/**
 * Inflaters used again. Making one sets up zlib's state (some 40 KB of native memory) and costs
 * far more than inflating a revision's HTML, which a first view of an agreement does; so a few are
 * kept between uses, reset, and the rest ended.
 */
final class Inflaters {

    /** At most this many wait for a next use: a few per core is plenty. */
    private static final int KEPT = 8;
    private static final ArrayBlockingQueue<Inflater> FREE = new ArrayBlockingQueue<>(KEPT);

    private Inflaters() {
    }

    /** A fresh or reset inflater; give it back with {@link #giveBack} when done, whatever happened. */
    static Inflater take() {
        Inflater inflater = FREE.poll();
        return inflater != null ? inflater : new Inflater();
    }

    /** Resets {@code inflater} for its next use, or ends it when enough are kept. */
    static void giveBack(Inflater inflater) {
        inflater.reset();
        if (!FREE.offer(inflater)) {
            inflater.end();
        }
    }
}
