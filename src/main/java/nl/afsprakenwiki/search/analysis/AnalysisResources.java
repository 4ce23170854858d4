package nl.afsprakenwiki.search.analysis;

import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.apache.lucene.analysis.nl.DutchAnalyzer;

/** The loaded, immutable data shared by all analyzers and all threads. */
record AnalysisResources(
    Lexicon lexicon, Decompounder decompounder, StemmerOverrideMap stemOverrides,
    CharArraySet stopwords) {

  static final String STEM_OVERRIDES = "stem-overrides.txt";
  static final String STOPWORDS_KEEP = "stopwords-keep.txt";
  static final String HYPHENATION = "hyph_nl.xml";
  private static final int DECOMPOSITION_CACHE_SIZE = 200_000;

  static AnalysisResources load() {
    CharArraySet stopwords = dutchStopwords();
    Lexicon lexicon = Lexicon.load(stopwords);
    Decompounder decompounder =
        new Decompounder(HyphenationPatterns.load(HYPHENATION), lexicon, DECOMPOSITION_CACHE_SIZE);
    return new AnalysisResources(
        lexicon, decompounder, DutchStemming.loadOverrides(STEM_OVERRIDES), stopwords);
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
