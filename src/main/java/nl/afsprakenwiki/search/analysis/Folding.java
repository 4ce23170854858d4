package nl.afsprakenwiki.search.analysis;

import java.util.Locale;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * The one definition of "the same letters" used everywhere in the analysis: lower case and
 * diacritics removed (coördinatie = coordinatie, cliënt = client, Fryslân = fryslan, the ligature
 * ĳ = ij). It must agree with the LowerCaseFilter + ASCIIFoldingFilter pair in the chains, because
 * filters that look words up before those two run (ellipsis, word list) use this function.
 */
final class Folding {
  private Folding() {}

  static String fold(CharSequence text) {
    String lower = text.toString().toLowerCase(Locale.ROOT);
    char[] input = lower.toCharArray();
    // ASCIIFoldingFilter expands a char to at most 4 chars (e.g. ⑽ -> "(10)")
    char[] output = new char[input.length * 4];
    int length = ASCIIFoldingFilter.foldToASCII(input, 0, output, 0, input.length);
    return new String(output, 0, length);
  }

  static boolean isAsciiLetters(CharSequence word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return word.length() > 0;
  }
}
