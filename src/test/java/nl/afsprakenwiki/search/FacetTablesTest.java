package nl.afsprakenwiki.search;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory facet tables count exactly what Lucene's own doc-values counting counts, over
 * several segments with deletions and multi-valued dimensions, and let go of a segment's table
 * when Lucene closes the segment.
 */
class FacetTablesTest {

    private static final FacetsConfig CONFIG = Fields.facetsConfig();

    @Test
    void countsWhatLuceneCountsAndForgetsClosedSegments() throws IOException {
        Random random = new Random(5);
        FacetTables tables = new FacetTables();
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (int doc = 0; doc < 600; doc++) {
                Document document = new Document();
                document.add(new StringField("id", "d" + doc, Field.Store.NO));
                document.add(new StringField("word", "w" + random.nextInt(7), Field.Store.NO));
                document.add(new SortedSetDocValuesFacetField(Fields.FACET_MUNICIPALITY, "Gemeente " + random.nextInt(90)));
                document.add(new SortedSetDocValuesFacetField(Fields.FACET_STATUS, random.nextBoolean() ? "concept" : "bekrachtigd"));
                // a dimension whose name begins with another's: its values sort after all of the other's
                document.add(new SortedSetDocValuesFacetField("status2", "s" + random.nextInt(3)));
                for (int party = 0; party < random.nextInt(4); party++) {
                    document.add(new SortedSetDocValuesFacetField(Fields.FACET_PARTY_KIND, "soort" + random.nextInt(6)));
                }
                writer.addDocument(CONFIG.build(document));
                if (doc % 150 == 149) {
                    writer.commit(); // another segment
                }
            }
            writer.deleteDocuments(new Term("word", "w3"));
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(1);
                assertThat(FacetTables.hasValues(reader)).isTrue();
                IndexSearcher searcher = new IndexSearcher(reader);
                DefaultSortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, CONFIG);
                for (int query = 0; query < 20; query++) {
                    BooleanQuery.Builder words = new BooleanQuery.Builder();
                    for (int word = 0; word < 1 + random.nextInt(3); word++) {
                        words.add(new TermQuery(new Term("word", "w" + random.nextInt(7))), Occur.SHOULD);
                    }
                    FacetsCollector hits = searcher.search(words.build(), new FacetsCollectorManager());
                    Map<String, Map<String, Long>> expected = lucene(state, hits);
                    assertThat(tables.count(hits.getMatchingDocs())).isEqualTo(expected);
                    // one dimension at a time (as drill sideways needs): only its own values
                    for (String dim : List.of(Fields.FACET_MUNICIPALITY, Fields.FACET_STATUS, Fields.FACET_PARTY_KIND,
                            "status2", "nowhere")) {
                        assertThat(tables.count(hits.getMatchingDocs(), dim)).as(dim)
                                .isEqualTo(expected.containsKey(dim) ? Map.of(dim, expected.get(dim)) : Map.of());
                    }
                }
                assertThat(tables.size()).isEqualTo(reader.leaves().size());
            }
            writer.forceMerge(1);
            writer.commit();
        }
        assertThat(tables.size()).as("tables of closed segments").isZero();
    }

    private static Map<String, Map<String, Long>> lucene(DefaultSortedSetDocValuesReaderState state,
                                                         FacetsCollector hits) throws IOException {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (FacetResult dim : new SortedSetDocValuesFacetCounts(state, hits).getAllDims(1000)) {
            for (LabelAndValue value : dim.labelValues) {
                counts.computeIfAbsent(dim.dim, d -> new HashMap<>()).put(value.label, value.value.longValue());
            }
        }
        return counts;
    }

    @Test
    void anIndexWithoutFacetValuesHasNothingToCount() throws IOException {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            Document document = new Document();
            document.add(new StringField("id", "d1", Field.Store.NO));
            writer.addDocument(document);
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                assertThat(FacetTables.hasValues(reader)).isFalse();
                assertThat(new FacetTables().count(new IndexSearcher(reader)
                        .search(new TermQuery(new Term("id", "d1")), new FacetsCollectorManager()).getMatchingDocs()))
                        .isEmpty();
            }
        }
    }

}
