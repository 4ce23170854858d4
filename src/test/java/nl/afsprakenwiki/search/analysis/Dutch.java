package nl.afsprakenwiki.search.analysis;

/** One loaded analysis for all tests in the JVM: it is immutable and thread-safe. */
final class Dutch {
  static final DutchAnalysis ANALYSIS;

  static {
    ANALYSIS = DutchAnalysis.load();
  }

  private Dutch() {}

  /** The words the index side makes of {@code text} (without the known phrases' joined terms). */
  static Tokens index(String text) {
    return Tokens.of(ANALYSIS.textAnalyzer(), text);
  }

  /** Everything the index side makes of {@code text}, the known phrases' joined terms included. */
  static Tokens indexWithPhrases(String text) {
    return Tokens.of(ANALYSIS.indexAnalyzer(), text);
  }

  static KnownPhrases knownPhrases() {
    return ANALYSIS.knownPhrases();
  }

  static Tokens query(String text) {
    return Tokens.of(ANALYSIS.queryAnalyzer(), text);
  }

  static Tokens spell(String text) {
    return Tokens.of(ANALYSIS.spellAnalyzer(), text);
  }

  /** The single term a single plain word becomes at index time (its first token). */
  static String stem(String word) {
    return index(word).tokens().get(0).term();
  }
}
