package nl.afsprakenwiki.search.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.apache.lucene.analysis.nl.DutchAnalyzer;

/** The loaded, immutable data shared by all analyzers and all threads. */
record AnalysisResources(
    Lexicon lexicon, Decompounder decompounder, StemmerOverrideMap stemOverrides,
    Map<String, String> irregularVerbs, CharArraySet stopwords) {

  static final String STEM_OVERRIDES = "stem-overrides.txt";
  static final String IRREGULAR_VERBS = "irregular-verbs.txt";
  static final String STOPWORDS_KEEP = "stopwords-keep.txt";
  static final String HYPHENATION = "hyph_nl.xml";
  private static final int DECOMPOSITION_CACHE_SIZE = 200_000;

  static AnalysisResources load() {
    CharArraySet stopwords = dutchStopwords();
    Lexicon lexicon = Lexicon.load(stopwords);
    Decompounder decompounder =
        new Decompounder(HyphenationPatterns.load(HYPHENATION), lexicon, DECOMPOSITION_CACHE_SIZE);
    return new AnalysisResources(
        lexicon, decompounder, loadOverrides(STEM_OVERRIDES), loadIrregularVerbs(),
        stopwords);
  }

  /** Loads "word TAB stem" lines; both sides are folded so that they meet folded tokens. */
  static StemmerOverrideMap loadOverrides(String resource) {
    StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
    ResourceFiles.forEachLine(
        resource,
        line -> {
          String[] fields = line.split("\\s+");
          if (fields.length != 2) {
            throw new IllegalStateException("expected 'word<TAB>stem' in " + resource + ": " + line);
          }
          builder.add(Folding.fold(fields[0]), Folding.fold(fields[1]));
        });
    try {
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Strong verb forms and their infinitives ("form TAB infinitive"), folded. */
  static Map<String, String> loadIrregularVerbs() {
    Map<String, String> verbs = new HashMap<>();
    for (String line : ResourceFiles.lines(IRREGULAR_VERBS)) {
      String[] fields = line.split("\\t");
      if (fields.length != 2) {
        throw new IllegalStateException("expected 'form<TAB>infinitive' in " + IRREGULAR_VERBS + ": " + line);
      }
      verbs.put(Folding.fold(fields[0].strip()), Folding.fold(fields[1].strip()));
    }
    return Map.copyOf(verbs);
  }

  /** Lucene's Dutch stop list minus the words this domain needs (stopwords-keep.txt). */
  static CharArraySet dutchStopwords() {
    Set<String> keep = new HashSet<>(ResourceFiles.lines(STOPWORDS_KEEP));
    CharArraySet stopwords = new CharArraySet(128, false);
    for (Object word : DutchAnalyzer.getDefaultStopSet()) {
      String text = new String((char[]) word);
      if (!keep.contains(text)) {
        stopwords.add(text);
      }
    }
    return CharArraySet.unmodifiableSet(stopwords);
  }
}
