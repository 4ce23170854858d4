package nl.afsprakenwiki.search;

import nl.afsprakenwiki.search.LikeQuery.Like;
import nl.afsprakenwiki.search.SimilarAgreements.Similar;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A kept answer of {@link SimilarAgreements}: the generation of the current texts it was found in
 * (-1: not searched, a visitor's answer, which is never checked), the agreement, its municipality
 * and words (null when it has none to compare, or for a visitor's answer), the agreements listed,
 * and the score a newcomer must reach to change the list (the last one's when the list is full,
 * else the least likeness shown), and the newest segment of the current texts in that generation
 * ({@link #newestSegment}; -1 when not known, as for a visitor's answer).
 */
record KeptSimilar(long generation, long id, String municipality, List<LikeTerms.Word> words,
                   List<Similar> similar, float cutoff, long segment) {

    /**
     * A written document scoring within this share below the cutoff is searched again anyway: a
     * score summed in another order can differ in its last digits.
     */
    private static final float MARGIN = 1e-4f;
    /** Beyond this many agreements written since an answer was found, it is searched again rather than checked. */
    static final int MOST_CHECKED = 256;

    /** The same answer, known to hold in generation {@code later} too, whose newest segment is {@code newest}. */
    KeptSimilar at(long later, long newest) {
        return new KeptSimilar(later, id, municipality, words, similar, cutoff, newest);
    }

    /**
     * The number in the name of the newest segment of {@code reader} (-1 when none can be told).
     * An index writer numbers the segments it writes, flushed or merged, one after another: a
     * document written after a reader was opened is in a segment with a higher number than all of
     * that reader's.
     */
    static long newestSegment(IndexReader reader) {
        long newest = -1;
        for (LeafReaderContext leaf : reader.leaves()) {
            newest = Math.max(newest, segment(leaf.reader()));
        }
        return newest;
    }

    /** The number in a segment's name ({@code _1f} is 51), or -1 for a reader that is not a segment's. */
    private static long segment(LeafReader reader) {
        if (!(FilterLeafReader.unwrap(reader) instanceof SegmentReader segment)) {
            return -1;
        }
        String name = segment.getSegmentName();
        try {
            return Long.parseLong(name.substring(1), Character.MAX_RADIX);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return -1;
        }
    }

    /**
     * Whether this answer, found in an older generation of the current texts, is what a search of
     * {@code snapshot} would find: nothing it depends on was written since, and no agreement written
     * since now scores high enough to be listed. The public part is the same (the key has its
     * generation); in the current texts, the written agreements' documents are scored word by word
     * from their kept words ({@link WrittenScores}: scores use public statistics, so they are the
     * search's scores); where both indexes are read as one, they are looked up and the query is run on
     * them. When many were written since, searching again is the cheaper way.
     */
    boolean holdsIn(Snapshot snapshot, List<SimilarAgreements.Part> parts) {
        try {
            Written written = snapshot.writtenSince(generation, segment);
            Set<Long> changed = written.changed();
            if (changed == null || changed.contains(id) || similar.stream().anyMatch(item -> changed.contains(item.id()))) {
                return false;
            }
            if (changed.isEmpty() || words == null) {
                return true;
            }
            for (SimilarAgreements.Part part : parts) {
                if (part.searcher() == snapshot.publicSearcher()) {
                    continue;
                }
                IndexReader reader = part.searcher().getIndexReader();
                if (reader == snapshot.currentReader() && part.searcher() instanceof PublicStatisticsSearcher) {
                    // the current texts: the written documents scored from their kept words
                    if (written.docs().length > 0 && WrittenScores.anyReaches(part.searcher(),
                            SimilarAgreements.others(part, new MatchAllDocsQuery(), id, municipality), words,
                            written.docs(), written.counts(), cutoff * (1 - MARGIN))) {
                        return false;
                    }
                    continue;
                }
                // both indexes read as one: the written documents looked up there, the query run on them
                Set<LeafReaderContext> within = new HashSet<>();
                int[] docs = documents(reader, written.keys(), -1, within);
                if (docs.length == 0) {
                    continue;
                }
                Like like = LikeQuery.of(part.searcher(), words, -1, within);
                float[] scores = ScoresAt.of(part.searcher(), SimilarAgreements.others(part, like.query(), id, municipality),
                        ScoreMode.COMPLETE, docs);
                for (float score : scores) {
                    if (!Float.isNaN(score) && score >= cutoff * (1 - MARGIN)) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("checking similar agreements failed", e);
        }
    }

    /**
     * The agreements whose current documents were written since a generation (null when that is not
     * known or more than {@link #MOST_CHECKED}), their keys in order, and their live documents in the
     * current texts in segments newer than that generation's newest, with their body words.
     * What every kept answer of that generation is checked against (see {@link Snapshot#writtenSince}).
     */
    record Written(Set<Long> changed, List<BytesRef> keys, int[] docs, WrittenWords.Counts[] counts) {

        static Written of(Snapshot snapshot, long generation, long segment) throws IOException {
            Set<Long> changed = snapshot.currentChangedSince(generation, MOST_CHECKED);
            if (changed == null || changed.isEmpty()) {
                return new Written(changed, List.of(), new int[0], new WrittenWords.Counts[0]);
            }
            List<BytesRef> keys = new ArrayList<>(changed.size());
            for (long agreement : changed) {
                keys.add(new BytesRef(Fields.key(Fields.KIND_CURRENT, agreement)));
            }
            Collections.sort(keys);
            // in the current texts, what was written since is in segments newer than the answer's
            int[] docs = documents(snapshot.currentReader(), keys, segment, new HashSet<>());
            // and their body words, mostly kept from an earlier snapshot
            List<LeafReaderContext> leaves = snapshot.currentReader().leaves();
            WrittenWords.Counts[] counts = new WrittenWords.Counts[docs.length];
            for (int i = 0; i < docs.length; i++) {
                counts[i] = snapshot.writtenWords().of(leaves.get(ReaderUtil.subIndex(docs[i], leaves)), docs[i]);
            }
            return new Written(changed, List.copyOf(keys), docs, counts);
        }
    }

    /**
     * The live documents under {@code keys} (sorted) in {@code reader}, looked up segment by segment
     * in the key dictionary, in the segments numbered above {@code after} only (-1: all); the
     * segments they are in are added to {@code within}. A segment that cannot be told is looked in.
     */
    static int[] documents(IndexReader reader, List<BytesRef> keys, long after, Set<LeafReaderContext> within)
            throws IOException {
        List<Integer> docs = new ArrayList<>();
        PostingsEnum postings = null;
        for (LeafReaderContext leaf : reader.leaves()) {
            long number = segment(leaf.reader());
            if (after >= 0 && number >= 0 && number <= after) {
                continue;
            }
            Terms terms = leaf.reader().terms(Fields.KEY);
            if (terms == null) {
                continue;
            }
            TermsEnum dictionary = terms.iterator();
            Bits live = leaf.reader().getLiveDocs();
            for (BytesRef key : keys) {
                if (!dictionary.seekExact(key)) {
                    continue;
                }
                postings = dictionary.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        docs.add(leaf.docBase + doc);
                        within.add(leaf);
                    }
                }
            }
        }
        return docs.stream().mapToInt(Integer::intValue).toArray();
    }
}
