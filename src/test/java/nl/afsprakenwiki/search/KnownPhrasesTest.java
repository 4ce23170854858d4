package nl.afsprakenwiki.search;

import nl.afsprakenwiki.search.analysis.DutchAnalysis;
import nl.afsprakenwiki.search.analysis.KnownPhrases;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index keeps the several-word synonyms and related terms as one term each, and a search for
 * one reads that term instead of comparing positions. It must find exactly the agreements a phrase
 * query finds, with exactly the same score: checked for every known phrase, in the title and the
 * text, on every demo agreement and every agreement of the evaluation corpus, indexed with the
 * wiki's own analysis.
 */
class KnownPhrasesTest {

    private static final DutchAnalysis DUTCH = DutchAnalysis.load();

    @TempDir
    static Path folder;
    private static IndexSearcher searcher;
    private static DirectoryReader reader;

    @BeforeAll
    static void indexBothCorpora() throws IOException, URISyntaxException {
        List<String> texts = new ArrayList<>();
        for (String root : List.of("demo", "search-quality/corpus")) {
            Path directory = Path.of(KnownPhrasesTest.class.getClassLoader().getResource(root).toURI());
            try (Stream<Path> files = Files.walk(directory)) {
                files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(file -> {
                    try {
                        texts.add(Files.readString(file));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        assertThat(texts).hasSizeGreaterThan(150);
        FSDirectory directory = FSDirectory.open(folder);
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(DUTCH.indexAnalyzer()))) {
            for (String text : texts) {
                Document doc = new Document();
                String firstLine = text.strip().lines().findFirst().orElse("");
                doc.add(new Field(Fields.TITLE, firstLine, TextField.TYPE_NOT_STORED));
                doc.add(new Field(Fields.BODY, text, TextField.TYPE_NOT_STORED));
                writer.addDocument(doc);
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    @Test
    void aKnownPhraseFindsWhatThePhraseQueryFindsWithTheSameScore() throws IOException {
        KnownPhrases known = DUTCH.knownPhrases();
        assertThat(known.all()).hasSizeGreaterThan(50);
        int found = 0;
        List<String> different = new ArrayList<>();
        for (KnownPhrases.Path phrase : known.all()) {
            String joined = known.joined(phrase.terms(), phrase.positions());
            assertThat(joined).as(phrase.toString()).isNotNull();
            for (String field : List.of(Fields.TITLE, Fields.BODY)) {
                PhraseQuery.Builder builder = new PhraseQuery.Builder();
                for (int i = 0; i < phrase.terms().size(); i++) {
                    builder.add(new Term(field, phrase.terms().get(i)), phrase.positions().get(i));
                }
                Map<Integer, Float> expected = scores(builder.build());
                Map<Integer, Float> actual = scores(new JoinedPhraseQuery(field, joined, phrase.terms()));
                if (!expected.equals(actual)) {
                    different.add(field + " " + phrase + ": phrase query " + expected + ", joined term " + actual);
                }
                found += expected.size();
            }
        }
        assertThat(different).isEmpty();
        assertThat(found).as("matches of known phrases in both corpora").isGreaterThan(500);
    }

    @Test
    void aPhraseThatIsNotKnownIsLeftToThePhraseQuery() {
        KnownPhrases known = DUTCH.knownPhrases();
        assertThat(known.joined(List.of("schriftelijk", "verslag"), List.of(0, 1))).isNull();
        assertThat(known.joined(List.of("lokal", "team"), List.of(0, 1))).isEqualTo("lokal team");
        assertThat(known.joined(List.of("lokal", "team"), List.of(0, 2))).isNull();
    }

    private static Map<Integer, Float> scores(Query query) throws IOException {
        Map<Integer, Float> scores = new TreeMap<>();
        for (ScoreDoc hit : searcher.search(query, Math.max(1, reader.maxDoc())).scoreDocs) {
            scores.put(hit.doc, hit.score);
        }
        return scores;
    }
}
