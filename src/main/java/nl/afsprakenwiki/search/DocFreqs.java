package nl.afsprakenwiki.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * In how many documents of a reader a term occurs, looked up through one terms enumeration per
 * field and segment: {@code IndexReader.docFreq} opens a new one on every call, which cost as much
 * as the rest of feedback. For one search at a time (an enumeration is not shared between threads).
 */
final class DocFreqs {

    private final IndexReader reader;
    private final Map<String, List<TermsEnum>> byField = new HashMap<>();

    DocFreqs(IndexReader reader) {
        this.reader = reader;
    }

    int of(String field, String term) throws IOException {
        return states(field, term).docFreq();
    }

    /**
     * Where {@code term} is in each segment, with its counts: what a {@code TermQuery} on this reader
     * would look up again (given to it, it does not).
     */
    TermStates states(String field, String term) throws IOException {
        List<TermsEnum> segments = byField.get(field);
        if (segments == null) {
            segments = new ArrayList<>();
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms terms = leaf.reader().terms(field);
                segments.add(terms == null ? null : terms.iterator());
            }
            byField.put(field, segments);
        }
        BytesRef bytes = new BytesRef(term);
        TermStates states = new TermStates(reader.getContext());
        for (int ord = 0; ord < segments.size(); ord++) {
            TermsEnum segment = segments.get(ord);
            if (segment != null && segment.seekExact(bytes)) {
                states.register(segment.termState(), ord, segment.docFreq(), segment.totalTermFreq());
            }
        }
        return states;
    }

    /** Whether {@link #states} can be given to queries searched with {@code searcher}. */
    boolean readerOf(IndexSearcher searcher) {
        return searcher.getIndexReader() == reader;
    }
}
