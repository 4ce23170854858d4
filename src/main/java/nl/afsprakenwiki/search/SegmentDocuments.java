package nl.afsprakenwiki.search;

import nl.afsprakenwiki.text.Memo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;

import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;

/**
 * What is read of documents of an index's segments, kept by segment core and document: a segment's
 * documents never change (a changed agreement is a new document), so what was read is exactly what
 * the index holds, and what was read of a segment merged away is never asked for again and ages out.
 * A reader that cannot say which segment it reads keeps nothing.
 */
final class SegmentDocuments<V> {

    /** How one document is read: {@code doc} is its number within {@code leaf}. */
    @FunctionalInterface
    interface Reading<V> {
        V read(LeafReaderContext leaf, int doc) throws IOException;
    }

    /** A document of a segment: the segment's core and the document in it. */
    private record Key(IndexReader.CacheKey core, int doc) {
    }

    private final Memo<Key, V> kept;
    private final Reading<V> reading;
    private final LongAdder reads = new LongAdder();

    /** Keeping the last {@code size} documents read. */
    SegmentDocuments(int size, Reading<V> reading) {
        this.kept = new Memo<>(size);
        this.reading = reading;
    }

    /** How many documents were read rather than found kept (for tests). */
    long reads() {
        return reads.sum();
    }

    /** What is read of document {@code doc} (its number within {@code leaf}), kept or read now. */
    V of(LeafReaderContext leaf, int doc) throws IOException {
        IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
        if (core == null) {
            reads.increment();
            return reading.read(leaf, doc);
        }
        return kept.ofReading(new Key(core.getKey(), doc), () -> {
            reads.increment();
            return reading.read(leaf, doc);
        });
    }
}
