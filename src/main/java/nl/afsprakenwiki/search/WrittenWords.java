package nl.afsprakenwiki.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

import java.io.IOException;

/**
 * The body words of documents of the current texts as a check of a kept list of similar agreements
 * needs them (see {@link KeptSimilar#holdsIn}): per document, how often each word of its body occurs
 * (read once from its term vector) and the length its body is scored with. A check then scores the
 * documents written since a list was found by looking its words up here, instead of building the
 * list's query over their segments and running it.
 *
 * <p>A segment's documents never change (a changed agreement is a new document), so what was read of
 * a document is kept per segment core and document number; the documents a check asks about are the
 * few written lately, asked about again and again until a later list is found.
 */
final class WrittenWords {

    /** Documents kept: the checks look at most {@link KeptSimilar#MOST_CHECKED} written agreements. */
    private static final int KEPT = 2 * KeptSimilar.MOST_CHECKED;

    /**
     * One document's body words: their 64-bit hashes in an open-addressed table, each with its count
     * (0: an empty place), and the body's length as the index keeps it for scoring. {@code exact} is
     * false when two of its words share a hash: then no count of it can be trusted. {@code filter}
     * holds two bits of each word's hash, in one long chosen by it (a Bloom filter of 512 bytes for a
     * body of 400 words): most words a check asks about are not in a body, and the filter says so
     * with one read of memory a check has read before, where the table would cost one it has not.
     */
    record Counts(long[] hashes, int[] counts, long[] filter, long bodyNorm, boolean exact) {

        static final Counts NONE = new Counts(new long[1], new int[1], new long[1], 1L, true);

        /** How often the word of hash {@code hash} occurs in the body (0: not at all). */
        int count(long hash) {
            long bits = bits(hash);
            if ((filter[slot(hash, filter.length)] & bits) != bits) {
                return 0;
            }
            int mask = hashes.length - 1;
            for (int at = (int) hash & mask; ; at = (at + 1) & mask) {
                if (counts[at] == 0) {
                    return 0;
                }
                if (hashes[at] == hash) {
                    return counts[at];
                }
            }
        }

        /** The long of the filter a hash marks: from its bits 40 and up (the table's place is from its lowest). */
        static int slot(long hash, int longs) {
            return (int) (hash >>> 40) & (longs - 1);
        }

        /** The two bits it sets there: from its bits 26-31 and 32-37. */
        static long bits(long hash) {
            return 1L << (hash >>> 32) | 1L << (hash >>> 26);
        }
    }

    private final SegmentDocuments<Counts> kept = new SegmentDocuments<>(KEPT, WrittenWords::read);

    /** How many documents' words were read from their term vectors (for tests). */
    long reads() {
        return kept.reads();
    }

    /** The body words of document {@code doc} (of the whole reader) of {@code leaf}. */
    Counts of(LeafReaderContext leaf, int doc) throws IOException {
        return kept.of(leaf, doc - leaf.docBase);
    }

    /** The 64-bit hash a word is kept and looked up under. */
    static long hash(BytesRef term) {
        return (long) StringHelper.murmurhash3_x86_32(term, 0x5bd1e995) << 32
                | (StringHelper.murmurhash3_x86_32(term, 0x1b873593) & 0xffffffffL);
    }

    private static Counts read(LeafReaderContext leaf, int doc) throws IOException {
        Terms vector = leaf.reader().termVectors().get(doc, Fields.BODY);
        if (vector == null) {
            return Counts.NONE;
        }
        NumericDocValues norms = leaf.reader().getNormValues(Fields.BODY);
        // as the search scores it (LeafSimScorer): 1 without norms, 0 for a document without one
        long norm = norms == null ? 1L : norms.advanceExact(doc) ? norms.longValue() : 0L;
        long size = vector.size();
        if (size < 0) {
            size = 0;
            for (TermsEnum words = vector.iterator(); words.next() != null; ) {
                size++;
            }
        }
        // at most half full
        int places = Integer.highestOneBit((int) Math.max(2, size) * 2 - 1) << 1;
        long[] hashes = new long[places];
        int[] counts = new int[places];
        // four bits of filter per place, so at least eight per word: one word in twenty passes it wrongly
        long[] filter = new long[Math.max(1, places / 16)];
        int mask = places - 1;
        boolean exact = true;
        TermsEnum words = vector.iterator();
        for (BytesRef word = words.next(); word != null; word = words.next()) {
            long hash = hash(word);
            int at = (int) hash & mask;
            while (counts[at] != 0 && hashes[at] != hash) {
                at = (at + 1) & mask;
            }
            exact &= counts[at] == 0; // else two words share a hash
            hashes[at] = hash;
            counts[at] = (int) Math.max(1, words.totalTermFreq());
            filter[Counts.slot(hash, filter.length)] |= Counts.bits(hash);
        }
        return new Counts(hashes, counts, filter, norm, exact);
    }
}
