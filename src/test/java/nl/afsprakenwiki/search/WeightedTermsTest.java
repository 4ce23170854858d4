package nl.afsprakenwiki.search;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SmallFloat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weighted field is BM25F's input over title, headings, context and text, kept as one field:
 * in every document of both indexes, each word's frequency there is the sum of its frequencies in
 * the four fields times their weights, and the field's length (its norm) their weighted lengths.
 * Checked on every agreement of the evaluation corpus, indexed the wiki's own way.
 */
class WeightedTermsTest {

    @RegisterExtension
    static final EvaluationWiki wiki = new EvaluationWiki();

    @Test
    void everyWordCountsAsOftenAsItsFieldsWeighTogether() {
        int[] checked = {0, 0};
        wiki.index().withSnapshot(snapshot -> {
            for (DirectoryReader reader : List.of(snapshot.publicReader(), snapshot.currentReader())) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    checked[0] += compare(leaf.reader());
                }
                checked[1]++;
            }
            return null;
        });
        assertThat(checked[1]).isEqualTo(2);
        assertThat(checked[0]).as("documents compared").isGreaterThan(200);
    }

    /** Compares the weighted field of every live document of one segment with its four fields; returns how many. */
    private static int compare(LeafReader reader) {
        try {
            Map<Integer, Map<String, Integer>> expected = new HashMap<>();
            Map<Integer, Integer> lengths = new HashMap<>();
            FieldQueries.FIELDS.forEach((field, weight) -> {
                try {
                    read(reader, field, Math.round(weight), expected, lengths);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Map<Integer, Map<String, Integer>> actual = new HashMap<>();
            read(reader, Fields.WEIGHTED, 1, actual, new HashMap<>());
            NumericDocValues norms = reader.getNormValues(Fields.WEIGHTED);
            int compared = 0;
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                if (reader.getLiveDocs() != null && !reader.getLiveDocs().get(doc)) {
                    continue;
                }
                assertThat(actual.get(doc)).as("words of document %d", doc).isEqualTo(expected.get(doc));
                assertThat(norms.advanceExact(doc)).isTrue();
                assertThat(norms.longValue()).as("length of document %d", doc)
                        .isEqualTo(SmallFloat.intToByte4(lengths.get(doc)));
                compared++;
            }
            return compared;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void read(LeafReader reader, String field, int weight, Map<Integer, Map<String, Integer>> counts,
                             Map<Integer, Integer> lengths) throws IOException {
        Terms terms = reader.terms(field);
        if (terms == null) {
            return;
        }
        TermsEnum each = terms.iterator();
        PostingsEnum postings = null;
        for (BytesRef term = each.next(); term != null; term = each.next()) {
            String word = term.utf8ToString();
            postings = each.postings(postings, PostingsEnum.FREQS);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                counts.computeIfAbsent(doc, d -> new HashMap<>()).merge(word, weight * postings.freq(), Integer::sum);
                lengths.merge(doc, weight * postings.freq(), Integer::sum);
            }
        }
    }
}
