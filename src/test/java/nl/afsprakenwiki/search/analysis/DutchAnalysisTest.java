package nl.afsprakenwiki.search.analysis;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** All steps together: a small real index of agreement sentences, searched as the wiki does. */
class DutchAnalysisTest {
  private static final List<String> SENTENCES = List.of(
    /* 0 */ "De jeugdhulpaanbieder meldt wachttijden wekelijks bij de zorgbemiddelaar.",
    /* 1 */ "Jeugd- en opvoedhulp wordt ingezet na verwijzing door het lokaal team.",
    /* 2 */ "Bij op- en afschalen maakt het buurtteam samenwerkingsafspraken met de GI’s.",
    /* 3 */ "De POH-jeugd in de huisartsenpraktijk verwijst kinderen met enkelvoudige problematiek.",
    /* 4 */ "Een gecertificeerde instelling overlegt over uithuisplaatsingen met Veilig Thuis.",
    /* 5 */ "Afspraken over in-, door- en uitstroom bij JeugdzorgPlus en de jeugd GGZ.",
    /* 6 */ "Wachtlijstbemiddeling voor 17+ en 18-: jongeren zonder verblijf krijgen overbruggingszorg.",
    /* 7 */ "De coördinatie van cliënten in Fryslân volgt het budgetplafond per regio’s.",
    /* 8 */ "Gezinshuizen en pleeg- en gezinshuiszorg vallen onder de kindermishandeling-aanpak.",
    /* 9 */ "Ouders kiezen voor een pgb of zorg in natura; de (werk-)afspraken staan in het contract.",
    /* 10 */ "Het heeft geen zin om de verslaving te negeren; de verslavingszorg is gecontracteerd.");

  private static SmallIndex index() {
    return new SmallIndex(Dutch.ANALYSIS, SENTENCES.toArray(String[]::new));
  }

  private static String[] sentences(int... ids) {
    return Arrays.stream(ids).mapToObj(SENTENCES::get).toArray(String[]::new);
  }

  @Test
  void stemmingFindsOtherFormsOfTheSameWord() throws IOException {
    try (SmallIndex index = index()) {
      // samenwerkingsafspraken (sentence 2) holds "afspraken" as a part
      assertThat(index.search("afspraak")).containsExactly(sentences(2, 5, 9));
      // kinderen, and kindermishandeling whose modifier "kinder" stems to kind
      assertThat(index.search("kind")).containsExactly(sentences(3, 8));
      assertThat(index.search("verwijzer")).containsExactly(sentences(1, 3));
      assertThat(index.search("contracteren")).containsExactly(sentences(10));
      assertThat(index.search("gezinshuis")).containsExactly(sentences(8));
    }
  }

  @Test
  void compoundPartsFindTheCompound() throws IOException {
    try (SmallIndex index = index()) {
      assertThat(index.search("aanbieder")).containsExactly(sentences(0));
      // and JeugdzorgPlus (5): jeugdzorg is a synonym of jeugdhulp
      assertThat(index.search("jeugdhulp")).containsExactly(sentences(0, 1, 5));
      assertThat(index.search("bemiddeling")).containsExactly(sentences(6));
      assertThat(index.search("praktijk")).containsExactly(sentences(3));
      assertThat(index.search("plafond")).containsExactly(sentences(7));
      assertThat(index.search("zorg")).contains(sentences(9, 10));
    }
  }

  @Test
  void ellipsisCompoundsAreFoundByTheirFullWords() throws IOException {
    try (SmallIndex index = index()) {
      assertThat(index.search("opvoedhulp")).containsExactly(sentences(1));
      assertThat(index.search("opschalen")).containsExactly(sentences(2));
      assertThat(index.search("doorstroom")).containsExactly(sentences(5));
      assertThat(index.search("pleegzorg")).containsExactly(sentences(8));
      assertThat(index.search("werkafspraken")).containsExactly(sentences(9));
    }
  }

  @Test
  void foldedAndVariantWritingsMeet() throws IOException {
    try (SmallIndex index = index()) {
      assertThat(index.search("coordinatie clienten friesland fryslan")).isEmpty();
      assertThat(index.search("coordinatie client fryslan")).containsExactly(sentences(7));
      assertThat(index.search("regio")).containsExactly(sentences(7));
      assertThat(index.search("GI")).containsExactly(sentences(2, 4));
      assertThat(index.search("jeugd-ggz")).containsExactly(sentences(5));
      assertThat(index.search("\"jeugdzorg plus\"")).containsExactly(sentences(5));
      assertThat(index.search("pohjeugd")).containsExactly(sentences(3));
      assertThat(index.search("17+")).containsExactly(sentences(6));
      assertThat(index.search("18-")).containsExactly(sentences(6));
      assertThat(index.search("18+")).isEmpty();
    }
  }

  @Test
  void synonymsAndAbbreviationsWorkAtQueryTime() throws IOException {
    try (SmallIndex index = index()) {
      assertThat(index.search("wijkteam")).containsExactly(sentences(1, 2));
      assertThat(index.search("VT")).containsExactly(sentences(4));
      assertThat(index.search("\"persoonsgebonden budget\"")).containsExactly(sentences(9));
      assertThat(index.search("ZIN")).containsExactly(sentences(9, 10));
      assertThat(index.search("praktijkondersteuner")).containsExactly(sentences(3));
      // doorverwijzing = verwijzing, which shares its stem with "verwijst" (sentence 3)
      assertThat(index.search("doorverwijzing")).containsExactly(sentences(1, 3));
    }
  }

  @Test
  void phrasesWithStopwordsAndMeaningfulSmallWordsMatch() throws IOException {
    try (SmallIndex index = index()) {
      assertThat(index.search("\"zonder verblijf\"")).containsExactly(sentences(6));
      assertThat(index.search("\"veilig thuis\"")).containsExactly(sentences(4));
      assertThat(index.search("\"zorg in natura\"")).containsExactly(sentences(9));
      assertThat(index.search("\"samenwerkingsafspraken met de GI's\"")).containsExactly(sentences(2));
    }
  }

  @Test
  void theHighlighterMarksJeugdhulpInsideEllipsisAndCompound() throws IOException {
    try (SmallIndex index = index()) {
      IndexSearcher searcher = index.searcher();
      Query query = index.parse("jeugdhulp");
      TopDocs top = searcher.search(query, 10);
      UnifiedHighlighter highlighter =
          UnifiedHighlighter.builder(searcher, Dutch.ANALYSIS.indexAnalyzer()).build();
      String[] fragments = highlighter.highlight(SmallIndex.BODY, query, top);
      assertThat(fragments).hasSize(3).allSatisfy(f -> assertThat(f).contains("<b>"));
      assertThat(String.join("\n", fragments))
          .contains("<b>jeugdhulpaanbieder</b>")
          .contains("<b>Jeugd- en opvoedhulp</b>");
    }
  }

  @Test
  void everyDemoAgreementIndexesWithOffsetsWithoutErrors() throws IOException, URISyntaxException {
    List<String> texts = demoAgreements();
    assertThat(texts).hasSizeGreaterThan(20);
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriter writer =
            new IndexWriter(directory, new IndexWriterConfig(Dutch.ANALYSIS.indexAnalyzer()))) {
      for (String text : texts) {
        Document doc = new Document();
        doc.add(new Field(SmallIndex.BODY, text, SmallIndex.TEXT));
        writer.addDocument(doc); // throws on offsets going backwards
      }
      writer.commit();
      assertThat(writer.getDocStats().numDocs).isEqualTo(texts.size());
    }
  }

  @Test
  void aWordAloneGetsTheSameTermsOnTheIndexAndTheQuerySide() throws IOException, URISyntaxException {
    Set<String> words = new TreeSet<>();
    for (String text : demoAgreements()) {
      for (String word : text.split("\\s+")) {
        if (!word.isBlank() && word.indexOf('(') < 0 && word.indexOf(')') < 0) {
          words.add(word);
        }
      }
    }
    List<String> different = new ArrayList<>();
    for (String word : words) {
      Set<String> indexed = new HashSet<>();
      Dutch.index(word).tokens().stream()
          .filter(t -> !DecompoundFilter.PART.equals(t.type()) && !NumberFilter.BARE.equals(t.type())
              && !KnownPhraseFilter.PHRASE.equals(t.type()))
          .forEach(t -> indexed.add(t.term()));
      List<String> queried = Dutch.query(word).terms();
      if (!queried.containsAll(indexed)) {
        different.add(word + " " + indexed + " vs " + queried);
      }
    }
    assertThat(words).hasSizeGreaterThan(3_000);
    assertThat(different).isEmpty();
  }

  /** The Markdown bodies of the demo agreements shipped in src/main/resources/demo. */
  static List<String> demoAgreements() throws IOException, URISyntaxException {
    URL root = DutchAnalysisTest.class.getClassLoader().getResource("demo");
    assertThat(root).as("demo agreements on the classpath").isNotNull();
    try (Stream<Path> files = Files.walk(Path.of(root.toURI()))) {
      return files.filter(p -> p.toString().endsWith(".md")).sorted().map(p -> {
        try (InputStream in = Files.newInputStream(p)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    }
  }
}
