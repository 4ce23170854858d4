package nl.afsprakenwiki.search.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Splits a joined word into its parts at consecutive positions: jeugd-ggz -> jeugd ggz, POH-jeugd
 * -> POH jeugd, JeugdzorgPlus -> Jeugdzorg Plus (a lower-to-upper case change), J&amp;O -> J O.
 * Hyphens that open or close a word (ellipsis members, already handled) are dropped. Numbers keep
 * their decimal point or comma (6.72, 1,5).
 *
 * <p>So "jeugd-ggz" matches text that says "jeugd ggz". The joined form (jeugdggz), which makes it
 * match "jeugdggz" too, is not emitted here but recorded in {@link JoinAttribute} for {@link
 * JoinFilter}, which adds it at the end of the chain once synonyms have been applied.
 */
final class WordPartsFilter extends TokenFilter {
  private static final int MAX_PARTS = 16;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute positionIncrement =
      addAttribute(PositionIncrementAttribute.class);
  private final JoinAttribute join = addAttribute(JoinAttribute.class);

  private final int[] starts = new int[MAX_PARTS];
  private final int[] ends = new int[MAX_PARTS];
  private char[] word = new char[64];
  private int partCount;
  private int nextPart;
  private int wordStartOffset;
  private int wordEndOffset;
  private boolean exactOffsets;
  private String joined;
  /** The written token: later filters may restore other tokens between calls. */
  private State written;

  WordPartsFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (nextPart < partCount) {
      emitPart(nextPart++);
      return true;
    }
    int skippedPositions = 0;
    while (input.incrementToken()) {
      findParts();
      if (partCount == 0) {
        skippedPositions += positionIncrement.getPositionIncrement(); // a token of joiners only
        continue;
      }
      int increment = positionIncrement.getPositionIncrement() + skippedPositions;
      if (partCount == 1 && starts[0] == 0 && ends[0] == term.length()) {
        positionIncrement.setPositionIncrement(increment);
        partCount = 0;
        return true;
      }
      wordStartOffset = offset.startOffset();
      wordEndOffset = offset.endOffset();
      // parts get their own offsets (jeugd-ggz: jeugd 0-5, ggz 6-9); a single part that only lost
      // an ellipsis hyphen keeps the whole, because a completed word may be stacked on it
      exactOffsets = partCount > 1 && wordEndOffset - wordStartOffset == term.length();
      joined = partCount > 1 && allPartsHaveLetters() ? joinParts() : null;
      written = captureState();
      nextPart = 1;
      emitPart(0);
      positionIncrement.setPositionIncrement(increment);
      return true;
    }
    return false;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    partCount = 0;
    nextPart = 0;
    written = null;
  }

  private void emitPart(int index) {
    restoreState(written);
    term.copyBuffer(word, starts[index], ends[index] - starts[index]);
    if (exactOffsets) {
      offset.setOffset(wordStartOffset + starts[index], wordStartOffset + ends[index]);
    } else {
      offset.setOffset(wordStartOffset, wordEndOffset);
    }
    if (index > 0) {
      positionIncrement.setPositionIncrement(1);
    }
    if (partCount > 1) {
      join.set(index, partCount, index == 0 ? joined : null);
    }
    if (index == partCount - 1) {
      partCount = 0;
      nextPart = 0;
    }
  }

  /** Fills starts/ends with the parts of the current term; the term is copied to {@code word}. */
  private void findParts() {
    int length = term.length();
    if (word.length < length) {
      word = new char[Math.max(length, word.length * 2)];
    }
    System.arraycopy(term.buffer(), 0, word, 0, length);
    partCount = 0;
    nextPart = 0;
    int start = -1;
    for (int i = 0; i < length; i++) {
      char c = word[i];
      if (isBoundary(i, length)) {
        if (start >= 0) {
          addPart(start, i);
          start = -1;
        }
      } else {
        if (start >= 0 && i > 0 && Character.isLowerCase(word[i - 1]) && Character.isUpperCase(c)) {
          addPart(start, i);
          start = -1;
        }
        if (start < 0) {
          start = i;
        }
      }
    }
    if (start >= 0) {
      addPart(start, length);
    }
  }

  private void addPart(int start, int end) {
    if (partCount < MAX_PARTS) {
      starts[partCount] = start;
      ends[partCount] = end;
      partCount++;
    } else {
      ends[partCount - 1] = end; // absurdly many parts: keep the tail together
    }
  }

  private boolean isBoundary(int i, int length) {
    char c = word[i];
    if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
      return false;
    }
    int type = Character.getType(c);
    if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK) {
      return false;
    }
    // 6.72 and 1,5 are one number
    boolean decimal = (c == '.' || c == ',') && i > 0 && i + 1 < length
        && Character.isDigit(word[i - 1]) && Character.isDigit(word[i + 1]);
    return !decimal;
  }

  private boolean allPartsHaveLetters() {
    for (int p = 0; p < partCount; p++) {
      boolean letter = false;
      for (int i = starts[p]; i < ends[p] && !letter; i++) {
        letter = Character.isLetter(word[i]);
      }
      if (!letter) {
        return false;
      }
    }
    return true;
  }

  private String joinParts() {
    StringBuilder out = new StringBuilder(term.length());
    for (int p = 0; p < partCount; p++) {
      out.append(word, starts[p], ends[p] - starts[p]);
    }
    return out.toString();
  }
}
