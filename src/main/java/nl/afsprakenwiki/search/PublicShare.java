package nl.afsprakenwiki.search;

import org.apache.lucene.index.IndexReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Which share of the published agreements contains the most frequent of some terms (in title,
 * text or context): how common a concept is, from public text only. For one search at a time.
 */
final class PublicShare implements ToDoubleFunction<Set<String>> {

    private static final List<String> FIELDS = List.of(Fields.TITLE, Fields.BODY, Fields.CONTEXT);

    private final IndexReader published;
    private final DocFreqs docFreqs;

    PublicShare(IndexReader published) {
        this.published = published;
        this.docFreqs = new DocFreqs(published);
    }

    @Override
    public double applyAsDouble(Set<String> terms) {
        int documents = published.numDocs();
        if (documents == 0) {
            return 0;
        }
        try {
            int most = 0;
            for (String term : terms) {
                for (String field : FIELDS) {
                    most = Math.max(most, docFreqs.of(field, term));
                }
            }
            return (double) Math.min(most, documents) / documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
