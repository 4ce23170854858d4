package nl.afsprakenwiki.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tokens of {@link Fields#WEIGHTED}: each word of the weighted fields once, with the sum of its
 * frequencies in them times their weights as its frequency (Lucene's custom term frequencies). The
 * field's length is then the sum of those frequencies: the weighted length of the four fields, as
 * BM25F has it (a stacked token - a compound's part, a known phrase - counts in the length, as it
 * does in the average length the score divides by).
 */
final class WeightedTerms extends TokenStream {

    /** Frequencies and norms, no positions: custom term frequencies allow nothing else. */
    static final FieldType TYPE = new FieldType();

    static {
        TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        TYPE.setTokenized(true);
        TYPE.freeze();
    }

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
    private final Map<String, Integer> counts;
    private Iterator<Map.Entry<String, Integer>> next;

    private WeightedTerms(Map<String, Integer> counts) {
        this.counts = counts;
    }

    /** The weighted words of the given fields' analysed texts ({@code streams} and {@code fields} in the same order). */
    static WeightedTerms of(List<String> fields, List<TokenStream> streams) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            int weight = Math.round(FieldQueries.FIELDS.get(fields.get(i)));
            TokenStream stream = streams.get(i);
            CharTermAttribute chars = stream.getAttribute(CharTermAttribute.class);
            try {
                stream.reset();
                while (stream.incrementToken()) {
                    counts.merge(chars.toString(), weight, Integer::sum);
                }
                stream.end();
                stream.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the analysed " + fields.get(i), e);
            }
        }
        return new WeightedTerms(counts);
    }

    @Override
    public boolean incrementToken() {
        if (!next.hasNext()) {
            return false;
        }
        clearAttributes();
        Map.Entry<String, Integer> entry = next.next();
        term.setEmpty().append(entry.getKey());
        frequency.setTermFrequency(entry.getValue());
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        next = counts.entrySet().iterator();
    }
}
