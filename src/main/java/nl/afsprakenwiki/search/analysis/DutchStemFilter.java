package nl.afsprakenwiki.search.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/** Applies {@link DutchStemming} to every token not marked as a keyword (stopwords are). */
final class DutchStemFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  private final DutchStemming stemming;

  DutchStemFilter(TokenStream input, DutchStemming stemming) {
    super(input);
    this.stemming = stemming;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (!keyword.isKeyword()) {
      stemming.stem(term);
    }
    return true;
  }
}
