package nl.afsprakenwiki.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.Test;

class RobustnessTest {
  /** Pieces that exercise every special case of the tokenizer and filters, glued at random. */
  private static final List<String> PIECES = List.of(
    "jeugd", "-", "- ", " -", "ggz", "(", ")", "(werk-)", "afspraken", "’s", "'", "s", "GI", "17",
    "+", "18-", "/", ",", ".", "6.72", "&", "*", "P*Q", "JeugdzorgPlus", "Jeugd- en ", "op- en ",
    "in-, door- en ", "uitstroom", " en -voorwaarden", "pleeg-en", "\u00AD", "\u00E9", "e\u0301",
    "\uD83D\uDE00", "\u2019", "\u2010", "wachtlijst(en)", "  ", "\n", "\t", "zorg in natura",
    "Fryslân", "coördinatie", "verslavingszorg", "jeugdhulpaanbieder", "x".repeat(300), "0-23",
    "kennis(werk)groep", "(L)VB", "-)", "(-", "--", "++", "''", "a", "Z", "\u0133");

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int pieces = 1 + random.nextInt(40);
    for (int i = 0; i < pieces; i++) {
      text.append(PIECES.get(random.nextInt(PIECES.size())));
      if (random.nextInt(3) == 0) {
        text.append(' ');
      }
    }
    return text.toString();
  }

  @Test
  void anyTextIndexesWithValidOffsetsAndParsesAsAQuery() throws IOException {
    Random random = new Random(20261124);
    QueryBuilder queries = new QueryBuilder(Dutch.ANALYSIS.queryAnalyzer());
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriter writer =
            new IndexWriter(directory, new IndexWriterConfig(Dutch.ANALYSIS.indexAnalyzer()))) {
      for (int i = 0; i < 2_000; i++) {
        String text = randomText(random);
        Document doc = new Document();
        doc.add(new Field(SmallIndex.BODY, text, SmallIndex.TEXT));
        assertThatCode(() -> writer.addDocument(doc)).as("indexing %s", text)
            .doesNotThrowAnyException();
        assertThatCode(() -> queries.createBooleanQuery(SmallIndex.BODY, text, Occur.MUST))
            .as("query %s", text).doesNotThrowAnyException();
        assertThatCode(() -> phraseOrTooManyClauses(queries, text)).as("phrase %s", text)
            .doesNotThrowAnyException();
        assertThatCode(() -> Dutch.spell(text)).as("spell %s", text).doesNotThrowAnyException();
      }
    }
  }

  /**
   * QueryBuilder turns a quoted phrase with alternatives into one phrase query per path through
   * the token graph; a long phrase full of hyphenated words and synonyms can exceed Lucene's
   * clause limit. That one exception is expected (the caller falls back to the words unquoted);
   * anything else is a bug.
   */
  private static void phraseOrTooManyClauses(QueryBuilder queries, String text) {
    try {
      queries.createPhraseQuery(SmallIndex.BODY, text);
    } catch (IndexSearcher.TooManyClauses expected) {
      // documented limit of graph phrase queries
    }
  }

  @Test
  void aRealisticPhraseWithSeveralExpandingWordsStaysWithinTheClauseLimit() {
    QueryBuilder queries = new QueryBuilder(Dutch.ANALYSIS.queryAnalyzer());
    assertThatCode(() -> queries.createPhraseQuery(SmallIndex.BODY,
        "het wijkteam en de GI overleggen over jeugd-ggz en JeugdzorgPlus"))
        .doesNotThrowAnyException();
  }

  @Test
  void theAnalyzersGiveTheSameTermsFromManyThreadsAtOnce() throws Exception {
    List<String> texts = DutchAnalysisTest.demoAgreements();
    List<List<String>> expected = new ArrayList<>();
    for (String text : texts) {
      expected.add(Dutch.index(text).terms());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        int offset = thread;
        results.add(pool.submit(() -> {
          int mismatches = 0;
          for (int round = 0; round < 3; round++) {
            for (int i = 0; i < texts.size(); i++) {
              int k = (i * 7 + offset * 13) % texts.size();
              if (!Dutch.index(texts.get(k)).terms().equals(expected.get(k))) {
                mismatches++;
              }
            }
          }
          return mismatches;
        }));
      }
      for (Future<Integer> result : results) {
        assertThat(result.get()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theDemoAgreementsAreAvailableForTheseTests() throws IOException, URISyntaxException {
    assertThat(DutchAnalysisTest.demoAgreements()).isNotEmpty();
  }
}
