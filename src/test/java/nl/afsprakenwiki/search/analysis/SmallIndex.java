package nl.afsprakenwiki.search.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * A real in-memory index of a few texts, built with the index analyzer and searched with the query
 * analyzer through SimpleQueryParser (default operator MUST), as the search service does.
 */
final class SmallIndex implements AutoCloseable {
  static final String BODY = "body";
  static final FieldType TEXT = textType();

  private final DutchAnalysis analysis;
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final List<String> texts;
  private final DirectoryReader reader;

  SmallIndex(DutchAnalysis analysis, String... texts) {
    this.analysis = analysis;
    this.texts = List.of(texts);
    try (IndexWriter writer =
        new IndexWriter(directory, new IndexWriterConfig(analysis.indexAnalyzer()))) {
      for (String text : texts) {
        Document doc = new Document();
        doc.add(new Field(BODY, text, TEXT));
        doc.add(new StoredField("id", this.texts.indexOf(text)));
        writer.addDocument(doc);
      }
      writer.commit();
      reader = DirectoryReader.open(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FieldType textType() {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setStored(true);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  IndexSearcher searcher() {
    return new IndexSearcher(reader);
  }

  /**
   * The operators the wiki's search offers; '+' is not one of them, so "17+" reaches the
   * analyzer as written.
   */
  static final int FLAGS = SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.OR_OPERATOR
      | SimpleQueryParser.PHRASE_OPERATOR | SimpleQueryParser.PREFIX_OPERATOR
      | SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.WHITESPACE_OPERATOR
      | SimpleQueryParser.NEAR_OPERATOR;

  Query parse(String query) {
    SimpleQueryParser parser =
        new SimpleQueryParser(analysis.queryAnalyzer(), java.util.Map.of(BODY, 1f), FLAGS);
    parser.setDefaultOperator(Occur.MUST);
    return parser.parse(query);
  }

  /** The texts the query finds, in the order they were added. */
  Set<String> search(String query) {
    return hits(parse(query));
  }

  /** The whole query text analysed at once (multi-word synonyms can fire), all words required. */
  Set<String> searchAsOneText(String query) {
    QueryBuilder builder = new QueryBuilder(analysis.queryAnalyzer());
    return hits(builder.createBooleanQuery(BODY, query, Occur.MUST));
  }

  Set<String> hits(Query query) {
    if (query == null) {
      return Set.of();
    }
    try {
      TopDocs top = searcher().search(query, 100);
      int[] ids = new int[top.scoreDocs.length];
      for (int i = 0; i < ids.length; i++) {
        ScoreDoc hit = top.scoreDocs[i];
        ids[i] = searcher().storedFields().document(hit.doc).getField("id").numericValue().intValue();
      }
      Arrays.sort(ids);
      Set<String> found = new LinkedHashSet<>();
      for (int id : ids) {
        found.add(texts.get(id));
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
