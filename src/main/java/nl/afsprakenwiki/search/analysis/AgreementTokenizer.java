package nl.afsprakenwiki.search.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Splits agreement text into words, keeping the marks that Dutch writing gives meaning to, which
 * Lucene's StandardTokenizer throws away:
 *
 * <ul>
 *   <li>joined words stay one token with their joiners (jeugd-ggz, J&amp;O, P*Q, 12.00); {@link
 *       WordPartsFilter} splits them later so that the joined form can be indexed as well;
 *   <li>a hyphen that ends a word (jeugd- en opvoedhulp) or starts one (en -voorwaarden) is kept and
 *       the token typed {@link #PREFIX} or {@link #SUFFIX}, for {@link EllipsisFilter};
 *   <li>an optional part in brackets attached to a word, "(werk-)afspraken", "wachtlijst(en)",
 *       "(L)VB", is one token typed {@link #OPTIONAL}, for {@link OptionalPartFilter};
 *   <li>an apostrophe plural loses its 's (GI’s, GI's -> GI; regio's -> regio) and an apostrophe
 *       inside a word is dropped (zzp'ers -> zzpers), straight or curly;
 *   <li>an age with a sign keeps its meaning: 17+ -> 17plus, 18- -> 18min;
 *   <li>a soft hyphen (U+00AD) inside a word is ignored.
 * </ul>
 *
 * The term text may differ from the characters its offsets cover (GI's has the term "GI"); the
 * offsets always cover the whole written form, so highlighting marks what the reader sees.
 *
 * <p>The text is read whole on reset: agreements are at most a few hundred kilobytes and the scan
 * needs to look ahead past brackets and hyphens.
 */
final class AgreementTokenizer extends Tokenizer {
  static final String WORD = "<WORD>";
  static final String PREFIX = "<PREFIX>";
  static final String SUFFIX = "<SUFFIX>";
  static final String OPTIONAL = "<OPTIONAL>";

  static final int MAX_TOKEN_LENGTH = 255;
  private static final int MAX_OPTIONAL_LENGTH = 30;
  private static final char SOFT_HYPHEN = '\u00AD';

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);

  private char[] text = new char[1024];
  private int length;
  private int position;

  @Override
  public void reset() throws IOException {
    super.reset();
    length = 0;
    position = 0;
    int read;
    while ((read = input.read(text, length, text.length - length)) != -1) {
      length += read;
      if (length == text.length) {
        char[] grown = new char[text.length * 2];
        System.arraycopy(text, 0, grown, 0, length);
        text = grown;
      }
    }
  }

  @Override
  public boolean incrementToken() {
    clearAttributes();
    while (position < length) {
      char c = text[position];
      if (isWordChar(position)) {
        return scan(position, WORD, position);
      }
      if (isHyphen(c) && startsSuffix(position)) {
        term.append('-');
        return scan(position + 1, SUFFIX, position);
      }
      if (c == '(' && optionalEnd(position) > 0) {
        return scan(position, OPTIONAL, position);
      }
      position++;
    }
    return false;
  }

  @Override
  public void end() throws IOException {
    super.end();
    int end = correctOffset(length);
    offset.setOffset(end, end);
  }

  @Override
  public void close() throws IOException {
    super.close();
    if (text.length > 1 << 20) {
      text = new char[1024]; // do not keep a huge document's buffer alive in a pooled analyzer
    }
  }

  /**
   * Scans one token whose body starts at {@code from}; {@code start} is its first character. Every
   * caller starts at a word character, a bracket that opens an optional part, or a hyphen before a
   * letter, so the token is never empty.
   */
  private boolean scan(int from, String tokenType, int start) {
    String kind = tokenType;
    int i = from;
    while (i < length) {
      char c = text[i];
      if (c == SOFT_HYPHEN) {
        i++;
      } else if (isWordChar(i)) {
        int codePoint = Character.codePointAt(text, i, length);
        term.append(text[i]);
        if (Character.charCount(codePoint) == 2) {
          term.append(text[i + 1]);
        }
        i += Character.charCount(codePoint);
      } else if (c == '(' && optionalEnd(i) > 0) {
        int end = optionalEnd(i);
        while (i < end) {
          term.append(text[i++]);
        }
        kind = OPTIONAL;
      } else if (isApostrophe(c) && i + 1 < length && Character.isLetter(text[i + 1])) {
        if ((text[i + 1] == 's' || text[i + 1] == 'S') && !isWordChar(i + 2)) {
          i += 2; // GI's, regio's: the plural ending is not part of the word
          break;
        }
        i++; // zzp'ers
      } else if (isJoiner(c, i) && isWordChar(i + 1)) {
        term.append(c);
        i++;
      } else if (isHyphen(c) && !isWordChar(i + 1) && lastIsDigit()) {
        term.append("min");
        i++;
        break;
      } else if (c == '+' && !isWordChar(i + 1) && lastIsDigit()) {
        term.append("plus");
        i++;
        break;
      } else if (isHyphen(c) && !isWordChar(i + 1) && lastIsLetter() && WORD.equals(kind)) {
        term.append('-');
        kind = PREFIX;
        i++;
        break;
      } else {
        break;
      }
    }
    position = i;
    if (term.length() > MAX_TOKEN_LENGTH) {
      term.setLength(MAX_TOKEN_LENGTH);
    }
    type.setType(kind);
    offset.setOffset(correctOffset(start), correctOffset(i));
    return true;
  }

  /**
   * The index just after "(...)" when text[at] opens a short bracketed part attached to a word on
   * at least one side: (werk-)afspraken, wachtlijst(en), kennis(werk)groep. Otherwise -1.
   */
  private int optionalEnd(int at) {
    int i = at + 1;
    int limit = Math.min(length, at + 2 + MAX_OPTIONAL_LENGTH);
    while (i < limit && isWordChar(i)) {
      i++;
    }
    if (i == at + 1) {
      return -1;
    }
    if (i < limit && isHyphen(text[i])) {
      i++;
    }
    if (i >= limit || text[i] != ')') {
      return -1;
    }
    boolean attachedBefore = at > 0 && isWordChar(at - 1);
    boolean attachedAfter = isWordChar(i + 1);
    return attachedBefore || attachedAfter ? i + 1 : -1;
  }

  /** A hyphen at the start of a word after a space: "en -voorwaarden". */
  private boolean startsSuffix(int at) {
    boolean afterSpace = at == 0 || Character.isWhitespace(text[at - 1]) || text[at - 1] == '(';
    return afterSpace && at + 1 < length && Character.isLetter(text[at + 1]);
  }

  private boolean lastIsDigit() {
    int n = term.length();
    return n > 0 && Character.isDigit(term.charAt(n - 1));
  }

  private boolean lastIsLetter() {
    int n = term.length();
    return n > 0 && Character.isLetter(term.charAt(n - 1));
  }

  private boolean isWordChar(int at) {
    if (at >= length) {
      return false;
    }
    int codePoint = Character.codePointAt(text, at, length);
    if (Character.isLetterOrDigit(codePoint)) {
      return true;
    }
    int category = Character.getType(codePoint);
    return category == Character.NON_SPACING_MARK
        || category == Character.COMBINING_SPACING_MARK
        || category == Character.ENCLOSING_MARK;
  }

  /** Characters that join two words into one token: jeugd-ggz, J&O, P*Q, 6.72, 1,5, e_mail. */
  private boolean isJoiner(char c, int at) {
    if (isHyphen(c) || c == '&' || c == '*' || c == '_' || c == '.') {
      return at > 0 && isWordChar(at - 1);
    }
    // a comma joins only digits: 1,5 uur, but "jeugd,gezin" is a list
    return c == ',' && at > 0 && Character.isDigit(text[at - 1])
        && at + 1 < length && Character.isDigit(text[at + 1]);
  }

  static boolean isHyphen(char c) {
    return c == '-' || c == '\u2010' || c == '\u2011';
  }

  static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\u2018' || c == '`' || c == '\u00B4';
  }
}
