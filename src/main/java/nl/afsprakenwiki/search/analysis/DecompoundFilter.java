package nl.afsprakenwiki.search.analysis;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Index side: after each compound (folded) also emits its parts, stacked on the whole word with
 * its offsets, so that "jeugdhulpaanbieder" is found by aanbieder, jeugdhulp, jeugd and hulp. The
 * whole word stays first, so phrase queries with the compound still match.
 */
final class DecompoundFilter extends TokenFilter {
  static final String PART = "<PART>";

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute positionIncrement =
      addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final JoinAttribute join = addAttribute(JoinAttribute.class);
  private final Decompounder decompounder;
  private List<String> parts = List.of();
  private int nextPart;
  /** The whole word: later filters may restore other tokens between calls, so parts start from it. */
  private State word;

  DecompoundFilter(TokenStream input, Decompounder decompounder) {
    super(input);
    this.decompounder = decompounder;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (nextPart < parts.size()) {
      restoreState(word);
      term.setEmpty().append(parts.get(nextPart++));
      positionIncrement.setPositionIncrement(0);
      type.setType(PART);
      join.set(0, 0, null); // a part is not itself a part of a hyphenated word
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    parts = List.of();
    nextPart = 0;
    if (term.length() >= Decompounder.MIN_WORD) {
      parts = decompounder.decompose(term.toString()).parts();
      if (!parts.isEmpty()) {
        word = captureState();
      }
    }
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    parts = List.of();
    nextPart = 0;
    word = null;
  }
}
