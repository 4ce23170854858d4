package nl.afsprakenwiki.search.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Numbers meet whatever way they are written: number words and ordinals become digits (achttien,
 * achttiende, 18e and achttienjarige all become "18"; twaalf maanden = 12 maanden), marked as
 * keywords so that neither the stemmer nor the compound splitter touches them (achttien is not
 * acht + tien).
 *
 * <p>An age with a sign (the tokenizer's 18plus for "18+", 18min for "18-") keeps its own term and,
 * on the index side, also gets the bare number stacked on it, so that a search for 18 or achttien
 * finds "18+" too while a search for "18+" still prefers it.
 */
final class NumberFilter extends TokenFilter {
  /** The type of the bare number stacked on an age with a sign (index side only). */
  static final String BARE = "<BARE>";
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  private final PositionIncrementAttribute positionIncrement =
      addAttribute(PositionIncrementAttribute.class);
  private final JoinAttribute join = addAttribute(JoinAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final boolean stackBareNumbers;
  private State signed;
  private String bare;

  /** @param stackBareNumbers index side: add "18" on the same position as "18plus" */
  NumberFilter(TokenStream input, boolean stackBareNumbers) {
    super(input);
    this.stackBareNumbers = stackBareNumbers;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (bare != null) {
      restoreState(signed);
      term.setEmpty().append(bare);
      positionIncrement.setPositionIncrement(0);
      keyword.setKeyword(true);
      join.set(0, 0, null);
      type.setType(BARE);
      bare = null;
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    if (term.length() == 0 || term.length() > 40) {
      return true;
    }
    String word = term.toString();
    String signedNumber = signedAge(word);
    if (signedNumber != null) {
      keyword.setKeyword(true);
      if (stackBareNumbers) {
        signed = captureState();
        bare = signedNumber;
      }
      return true;
    }
    int value = Numbers.value(word);
    if (value > 0) {
      term.setEmpty().append(Integer.toString(value));
      keyword.setKeyword(true);
    }
    return true;
  }

  /** "18" for the tokenizer's "18plus" or "18min", otherwise null. */
  static String signedAge(String word) {
    int end = 0;
    while (end < word.length() && Character.isDigit(word.charAt(end))) {
      end++;
    }
    if (end == 0 || end > 3) {
      return null;
    }
    String sign = word.substring(end);
    return sign.equals("plus") || sign.equals("min") ? word.substring(0, end) : null;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    signed = null;
    bare = null;
  }
}
