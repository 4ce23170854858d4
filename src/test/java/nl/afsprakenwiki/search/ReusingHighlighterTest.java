package nl.afsprakenwiki.search;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walking one postings enumeration per term through a page's hits marks exactly what Lucene's own
 * highlighter marks: same passages, same marks, for hits in any order, across segments, for terms
 * that some hits or segments lack.
 */
class ReusingHighlighterTest {

    private static final String[] WORDS = {"wijkteam", "overdracht", "huisarts", "jeugdhulp", "pleegzorg",
        "termijn", "school", "ouders", "gesprek", "binnen", "weken", "de", "het", "een", "en"};
    /** Each only in one segment's texts. */
    private static final String[] OWN = {"noord", "oost", "zuid", "west"};

    @Test
    void marksExactlyWhatLucenesHighlighterMarks() throws Exception {
        Random random = new Random(3);
        FieldType offsets = new FieldType(TextField.TYPE_STORED);
        offsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
             StandardAnalyzer analyzer = new StandardAnalyzer()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
                for (int doc = 0; doc < 600; doc++) {
                    Document document = new Document();
                    document.add(new Field("title", text(random, 2 + random.nextInt(5)), offsets));
                    document.add(new Field("body", text(random, 20 + random.nextInt(300))
                            + (random.nextBoolean() ? " " + OWN[doc / 150] : ""), offsets));
                    writer.addDocument(document);
                    if (doc % 150 == 149) {
                        writer.commit(); // several segments
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(1);
                IndexSearcher searcher = new IndexSearcher(reader);
                int marked = 0;
                for (int round = 0; round < 120; round++) {
                    BooleanQuery.Builder query = new BooleanQuery.Builder();
                    for (int i = 0; i < 1 + random.nextInt(4); i++) {
                        String word = random.nextInt(3) == 0 ? OWN[random.nextInt(OWN.length)]
                                : WORDS[random.nextInt(WORDS.length)];
                        query.add(new TermQuery(new Term("title", word)), Occur.SHOULD);
                        query.add(new TermQuery(new Term("body", word)), Occur.SHOULD);
                    }
                    int[] docs = random.ints(1 + random.nextInt(60), 0, reader.maxDoc()).distinct().toArray();
                    String[] fields = {"title", "body"};
                    int[] passages = {1, 2};
                    // as the search's hits are highlighted: term by term, not through weight matches
                    Map<String, String[]> lucene = UnifiedHighlighter.builder(searcher, analyzer)
                            .withWeightMatches(false).build().highlightFields(fields, query.build(), docs, passages);
                    Map<String, String[]> ours = new ReusingHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                            .withWeightMatches(false)).highlightFields(fields, query.build(), docs, passages);
                    for (String field : fields) {
                        assertThat(ours.get(field)).as("%s of %s", field, query.build()).containsExactly(lucene.get(field));
                        for (String snippet : lucene.get(field)) {
                            marked += snippet != null && snippet.contains("<b>") ? 1 : 0;
                        }
                    }
                }
                assertThat(marked).isGreaterThan(1_000);
            }
        }
    }

    private static String text(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(9) == 0 ? ". " : " ");
        }
        return text.toString();
    }
}
