package nl.afsprakenwiki.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefHash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The tokens of {@link Fields#WEIGHTED}: each word of the weighted fields once, with the sum of its
 * frequencies in them times their weights as its frequency (Lucene's custom term frequencies). The
 * field's length is then the sum of those frequencies: the weighted length of the four fields, as
 * BM25F has it (a stacked token - a compound's part, a known phrase - counts in the length, as it
 * does in the average length the score divides by). Words are counted as the analysed bytes the
 * index holds, without making a string of each.
 */
final class WeightedTerms extends TokenStream {

    /** Frequencies and norms, no positions: custom term frequencies allow nothing else. */
    static final FieldType TYPE = new FieldType();

    static {
        TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        TYPE.setTokenized(true);
        TYPE.freeze();
    }

    private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);
    private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
    private final BytesRefHash words;
    private final int[] counts;
    private final BytesRef scratch = new BytesRef();
    private int next;

    private WeightedTerms(BytesRefHash words, int[] counts) {
        this.words = words;
        this.counts = counts;
    }

    /** The weighted words of the given fields' analysed texts ({@code streams} and {@code fields} in the same order). */
    static WeightedTerms of(List<String> fields, List<TokenStream> streams) {
        BytesRefHash words = new BytesRefHash();
        int[] counts = new int[16];
        for (int i = 0; i < fields.size(); i++) {
            int weight = Math.round(FieldQueries.FIELDS.get(fields.get(i)));
            TokenStream stream = streams.get(i);
            TermToBytesRefAttribute bytes = stream.getAttribute(TermToBytesRefAttribute.class);
            try {
                stream.reset();
                while (stream.incrementToken()) {
                    int id = words.add(bytes.getBytesRef());
                    if (id < 0) {
                        id = -id - 1; // seen before
                    } else if (id >= counts.length) {
                        counts = ArrayUtil.grow(counts, id + 1);
                    }
                    counts[id] += weight;
                }
                stream.end();
                stream.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the analysed " + fields.get(i), e);
            }
        }
        return new WeightedTerms(words, counts);
    }

    @Override
    public boolean incrementToken() {
        if (next >= words.size()) {
            return false;
        }
        clearAttributes();
        term.setBytesRef(words.get(next, scratch));
        frequency.setTermFrequency(counts[next++]);
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        next = 0;
    }
}
