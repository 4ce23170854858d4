package nl.afsprakenwiki.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The analysis chains. All share the first steps, so a single word gets the same terms on the
 * index and the query side:
 *
 * <pre>
 * AgreementTokenizer → OptionalPart → [Ellipsis: index] → WordParts → LowerCase → ASCIIFolding
 *   → Number → [Decompound: index] → mark stopwords → DutchStem → [Synonyms: query] → Join → Stop
 *   → [KnownPhrase: index] → [OrderedOffsets: index]
 * </pre>
 *
 * Stopwords are only marked (as keywords, so they are not stemmed) until the end, because the
 * synonym filter must see them ("centrum voor jeugd en gezin") and Lucene's synonym parser refuses
 * entries with position gaps. They are removed last, leaving a position gap on both sides, so
 * phrase queries still line up.
 *
 * <p>The index chain produces no token graph: every added token (compound part, completed
 * ellipsis member, joined form) is stacked on a position with position length 1, which is the
 * form FlattenGraphFilter would give it. FlattenGraphFilter is therefore not used: on these
 * stacked tokens it only shrank their offsets to the shortest token at the position (a completed
 * "jeugdhulp" would highlight just "Jeugd-") and cost about 40% of the throughput.
 */
final class AgreementAnalyzer extends Analyzer {
  enum Chain {
    INDEX,
    QUERY,
    /** The query chain up to the synonym filter: parses the synonym file. */
    SYNONYM_SOURCE,
    SPELL
  }

  /** Keeps phrase queries from matching across the values of a multi-valued field (themes). */
  private static final int POSITION_GAP = 100;

  private final Chain chain;
  private final AnalysisResources resources;
  private final SynonymMap synonyms;
  private final KnownPhrases phrases;

  AgreementAnalyzer(Chain chain, AnalysisResources resources, SynonymMap synonyms) {
    this(chain, resources, synonyms, null);
  }

  /** {@code phrases}: on the index side, the phrases to keep as one more term each (or null). */
  AgreementAnalyzer(Chain chain, AnalysisResources resources, SynonymMap synonyms, KnownPhrases phrases) {
    this.chain = chain;
    this.resources = resources;
    this.synonyms = synonyms;
    this.phrases = phrases;
    if (chain == Chain.QUERY && synonyms == null) {
      throw new IllegalArgumentException("the query chain needs the synonym map");
    }
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new AgreementTokenizer();
    boolean index = chain == Chain.INDEX;
    TokenStream stream = new OptionalPartFilter(source, index || chain == Chain.SPELL);
    if (index) {
      stream = new EllipsisFilter(stream, resources.decompounder());
    }
    stream = new WordPartsFilter(stream);
    stream = new LowerCaseFilter(stream);
    stream = new ASCIIFoldingFilter(stream);
    if (chain == Chain.SPELL) {
      return new TokenStreamComponents(source, new StopFilter(stream, resources.stopwords()));
    }
    stream = new NumberFilter(stream, index);
    if (index) {
      stream = new DecompoundFilter(stream, resources.decompounder());
    }
    stream = new SetKeywordMarkerFilter(stream, resources.stopwords());
    DutchStemming stemming = new DutchStemming(resources.stemOverrides(), resources.irregularVerbs(), resources.lexicon());
    stream = new DutchStemFilter(stream, stemming);
    if (chain == Chain.SYNONYM_SOURCE) {
      return new TokenStreamComponents(source, stream);
    }
    if (chain == Chain.QUERY) {
      stream = new SynonymGraphFilter(stream, synonyms, false);
    }
    stream = new JoinFilter(stream, stemming, !index);
    stream = new StopFilter(stream, resources.stopwords());
    if (index && phrases != null) {
      stream = new KnownPhraseFilter(stream, phrases);
    }
    if (index) {
      stream = new OrderedOffsetsFilter(stream);
    }
    return new TokenStreamComponents(source, stream);
  }

  /** For prefix, wildcard and fuzzy queries: the same letters as indexed, without stemming. */
  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }

  @Override
  public int getPositionIncrementGap(String fieldName) {
    return POSITION_GAP;
  }
}
