package nl.afsprakenwiki.search.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Expands Dutch ellipsis compounds (the "weglatingsstreepje") so that each member is indexed whole:
 *
 * <ul>
 *   <li>"jeugd- en opvoedhulp": the head of the last conjunct (hulp, found by the decompounder)
 *       completes each open member, so jeugdhulp is indexed at "jeugd-";
 *   <li>"in-, door- en uitstroom", "op-/afschalen": when the members are separable particles, the
 *       particle of the last conjunct is replaced: instroom, doorstroom; opschalen;
 *   <li>"arbeidsomstandigheden en -voorwaarden": the modifier of the previous word (arbeids)
 *       completes the open member: arbeidsvoorwaarden;
 *   <li>"pleeg-en gezinshuiszorg" (space forgotten) is read as "pleeg- en gezinshuiszorg".
 * </ul>
 *
 * The completed words are stacked on the open member (position increment 0). A backward member's
 * offsets run to the end of the last conjunct, so a hit on "jeugdhulp" highlights "jeugd- en
 * opvoedhulp". Index side only: a query is written out in full.
 */
final class EllipsisFilter extends LookaheadFilter {
  private static final Set<String> CONJUNCTIONS = Set.of("en", "of", "tot");
  /** Separable particles, longest first so that "onder" wins over "on…". */
  private static final List<String> PARTICLES =
      List.of("achter", "samen", "tegen", "terug", "onder", "door", "mede", "neer", "over", "voor",
          "aan", "bij", "mee", "toe", "uit", "weg", "af", "in", "na", "om", "op");
  private static final int MAX_LOOKAHEAD = 12;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute positionIncrement =
      addAttribute(PositionIncrementAttribute.class);
  private final Decompounder decompounder;
  /** The last plain word as written, kept without allocating since it is rarely needed. */
  private final StringBuilder lastWord = new StringBuilder();

  EllipsisFilter(TokenStream input, Decompounder decompounder) {
    super(input);
    this.decompounder = decompounder;
  }

  @Override
  boolean handle() throws IOException {
    if (isOpenMember()) {
      collectBackward();
      return true;
    }
    if (AgreementTokenizer.SUFFIX.equals(type.type())) {
      completeForward();
    } else {
      rememberWord();
    }
    return false;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    lastWord.setLength(0);
  }

  /** "jeugd-", or "pleeg-en" where the space before "en" was forgotten (rewritten to "pleeg-"). */
  private boolean isOpenMember() {
    if (AgreementTokenizer.PREFIX.equals(type.type())) {
      return true;
    }
    if (!containsHyphen()) {
      return false;
    }
    String folded = Folding.fold(term);
    int hyphen = folded.indexOf('-');
    if (hyphen >= 3 && hyphen == folded.lastIndexOf('-')
        && CONJUNCTIONS.contains(folded.substring(hyphen + 1))
        && Folding.isAsciiLetters(folded.substring(0, hyphen))) {
      term.setLength(hyphen + 1);
      type.setType(AgreementTokenizer.PREFIX);
      return true;
    }
    return false;
  }

  private void collectBackward() throws IOException {
    List<State> tokens = new ArrayList<>();
    List<Integer> members = new ArrayList<>();
    List<String> memberTexts = new ArrayList<>();
    addMember(tokens, members, memberTexts);
    String last = null;
    int lastEnd = -1;
    while (tokens.size() < MAX_LOOKAHEAD) {
      if (!next()) {
        break;
      }
      if (isOpenMember()) {
        addMember(tokens, members, memberTexts);
        continue;
      }
      tokens.add(captureState());
      String folded = Folding.fold(term);
      boolean word = AgreementTokenizer.WORD.equals(type.type());
      if (word && CONJUNCTIONS.contains(folded)) {
        continue;
      }
      if (word) {
        last = lastSegment(folded);
        lastEnd = offset.endOffset();
        lastWord.setLength(0);
        lastWord.append(last);
      }
      break;
    }
    String head = last == null ? null : headOf(memberTexts, last);
    for (int i = 0; i < tokens.size(); i++) {
      enqueue(tokens.get(i));
      int member = members.indexOf(i);
      if (head != null && member >= 0 && !memberTexts.get(member).isEmpty()) {
        restoreState(tokens.get(i));
        term.setEmpty().append(memberTexts.get(member)).append(head);
        positionIncrement.setPositionIncrement(0);
        offset.setOffset(offset.startOffset(), Math.max(lastEnd, offset.endOffset()));
        type.setType(AgreementTokenizer.WORD);
        enqueue(captureState());
      }
    }
  }

  private void addMember(List<State> tokens, List<Integer> members, List<String> memberTexts) {
    members.add(tokens.size());
    tokens.add(captureState());
    String folded = Folding.fold(term);
    String text = folded.endsWith("-") ? folded.substring(0, folded.length() - 1) : folded;
    memberTexts.add(Folding.isAsciiLetters(text) ? text : "");
  }

  /** "in-, door- en uitstroom": particles swap; otherwise the innermost head of the last word. */
  private String headOf(List<String> members, String last) {
    boolean allParticles =
        members.stream().allMatch(member -> member.isEmpty() || PARTICLES.contains(member));
    if (allParticles) {
      for (String particle : PARTICLES) {
        if (last.startsWith(particle) && last.length() - particle.length() >= 3) {
          return last.substring(particle.length());
        }
      }
    }
    return decompounder.innermostHead(last);
  }

  private void completeForward() {
    if (lastWord.length() == 0) {
      return;
    }
    String modifier = decompounder.decompose(lastSegment(Folding.fold(lastWord))).modifier();
    String folded = Folding.fold(term);
    String open = folded.startsWith("-") ? folded.substring(1) : folded;
    if (modifier.isEmpty() || !Folding.isAsciiLetters(open)) {
      return;
    }
    State written = captureState();
    term.setEmpty().append(modifier).append(open);
    positionIncrement.setPositionIncrement(0);
    type.setType(AgreementTokenizer.WORD);
    enqueue(captureState());
    restoreState(written);
  }

  private void rememberWord() {
    if (!AgreementTokenizer.WORD.equals(type.type())) {
      lastWord.setLength(0);
    } else if (!isConjunction()) {
      lastWord.setLength(0);
      lastWord.append(term);
    }
  }

  /** en, of, tot in any case; checked on every token, so without allocating. */
  private boolean isConjunction() {
    int n = term.length();
    char[] b = term.buffer();
    if (n == 2) {
      char first = Character.toLowerCase(b[0]);
      char second = Character.toLowerCase(b[1]);
      return (first == 'e' && second == 'n') || (first == 'o' && second == 'f');
    }
    return n == 3 && Character.toLowerCase(b[0]) == 't' && Character.toLowerCase(b[1]) == 'o'
        && Character.toLowerCase(b[2]) == 't';
  }

  private boolean containsHyphen() {
    char[] buffer = term.buffer();
    for (int i = 0; i < term.length(); i++) {
      if (AgreementTokenizer.isHyphen(buffer[i])) {
        return true;
      }
    }
    return false;
  }

  /** The letters after the last joiner: "ggz-instellingen" -> "instellingen". */
  private static String lastSegment(String folded) {
    int i = folded.length();
    while (i > 0 && Character.isLetter(folded.charAt(i - 1))) {
      i--;
    }
    return folded.substring(i);
  }
}
