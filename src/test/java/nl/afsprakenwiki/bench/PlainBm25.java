package nl.afsprakenwiki.bench;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.markdown.SearchText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The baseline of the relevance evaluation: plain BM25 with Lucene's StandardAnalyzer over the same
 * texts and fields with the same weights as the wiki's search (title 4, headings 2, context 2, text
 * 1), every word of the query OR-ed, nothing else - no Dutch analysis, synonyms, tiers or spelling.
 */
final class PlainBm25 implements AutoCloseable {

    private static final Map<String, Float> FIELDS = Map.of("title", 4f, "headings", 2f, "context", 2f, "body", 1f);

    private final Analyzer analyzer = new StandardAnalyzer();
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private PlainBm25(Directory directory) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
    }

    /** Indexes the current text of every agreement in {@code db}. */
    static PlainBm25 of(Database db, MarkdownRenderer markdown) {
        try {
            Directory directory = new ByteBuffersDirectory();
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
                for (Map<String, Object> row : db.read(handle -> handle.createQuery("""
                        SELECT a.id, r.title, r.body, m.name AS municipality, k.name AS koppelzone,
                               coalesce(m.jeugdregio, '') AS region,
                               (SELECT group_concat(theme, ' ') FROM agreement_theme t WHERE t.agreement_id = a.id) AS themes,
                               (SELECT group_concat(o.name, ' ') FROM agreement_party p JOIN organisation o
                                  ON o.id = p.organisation_id WHERE p.agreement_id = a.id) AS parties
                        FROM agreement a JOIN revision r ON r.agreement_id = a.id AND r.number = a.current_revision
                        JOIN koppelzone k ON k.id = a.koppelzone_id JOIN municipality m ON m.id = k.municipality_id
                        """).mapToMap().list())) {
                    SearchText text = markdown.searchText((String) row.get("body"));
                    Document doc = new Document();
                    doc.add(new StoredField("id", ((Number) row.get("id")).longValue()));
                    doc.add(new TextField("title", (String) row.get("title"), Field.Store.NO));
                    doc.add(new TextField("headings", text.headings(), Field.Store.NO));
                    doc.add(new TextField("body", text.body(), Field.Store.NO));
                    doc.add(new TextField("context", String.join(" ", String.valueOf(row.get("themes")),
                            String.valueOf(row.get("parties")), (String) row.get("municipality"),
                            (String) row.get("koppelzone"), (String) row.get("region")), Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            return new PlainBm25(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Long> search(String query, int limit) {
        Set<String> words = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream("body", query)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String word : words) {
            FIELDS.forEach((field, weight) -> any.add(new BoostQuery(new TermQuery(new Term(field, word)), weight),
                    Occur.SHOULD));
        }
        List<Long> ids = new ArrayList<>();
        try {
            for (ScoreDoc hit : searcher.search(any.build(), limit).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).getField("id").numericValue().longValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
