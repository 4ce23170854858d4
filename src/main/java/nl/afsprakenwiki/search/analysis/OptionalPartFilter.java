package nl.afsprakenwiki.search.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Resolves a word with a bracketed optional part: "(werk-)afspraken" means werkafspraken and
 * afspraken, "wachtlijst(en)" wachtlijsten and wachtlijst, "(L)VB" LVB and VB. With {@code
 * bothForms} the long form is emitted and the short one stacked on it (index side); otherwise only
 * the long form (query side, where a stacked token would be a graph the synonym filter cannot
 * read).
 */
final class OptionalPartFilter extends TokenFilter {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final PositionIncrementAttribute positionIncrement =
      addAttribute(PositionIncrementAttribute.class);
  private final boolean bothForms;
  private String pendingShortForm;
  private State pendingState;

  OptionalPartFilter(TokenStream input, boolean bothForms) {
    super(input);
    this.bothForms = bothForms;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (pendingShortForm != null) {
      restoreState(pendingState);
      term.setEmpty().append(pendingShortForm);
      positionIncrement.setPositionIncrement(0);
      pendingShortForm = null;
      pendingState = null;
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    if (!AgreementTokenizer.OPTIONAL.equals(type.type())) {
      return true;
    }
    String written = term.toString();
    String longForm = longForm(written);
    String shortForm = shortForm(written);
    type.setType(AgreementTokenizer.WORD);
    term.setEmpty().append(longForm);
    if (bothForms && !shortForm.isEmpty() && !shortForm.equals(longForm)) {
      pendingShortForm = shortForm;
      pendingState = captureState();
    }
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pendingShortForm = null;
    pendingState = null;
  }

  /** Brackets removed, and the hyphen before a closing bracket: (werk-)afspraken -> werkafspraken. */
  static String longForm(String written) {
    StringBuilder out = new StringBuilder(written.length());
    for (int i = 0; i < written.length(); i++) {
      char c = written.charAt(i);
      boolean hyphenBeforeClose =
          AgreementTokenizer.isHyphen(c) && i + 1 < written.length() && written.charAt(i + 1) == ')';
      if (c != '(' && c != ')' && !hyphenBeforeClose) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The bracketed parts left out: (werk-)afspraken -> afspraken. */
  static String shortForm(String written) {
    StringBuilder out = new StringBuilder(written.length());
    int depth = 0;
    for (int i = 0; i < written.length(); i++) {
      char c = written.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
