package nl.afsprakenwiki.search.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.compound.hyphenation.Hyphenation;
import org.apache.lucene.analysis.compound.hyphenation.HyphenationTree;

/**
 * Splits Dutch compounds (jeugdhulpaanbieder = jeugdhulp + aanbieder, jeugdhulp = jeugd + hulp).
 *
 * <p>A split is accepted only at a point where Dutch hyphenation allows a break (so verslaving is
 * never vers + laving) and only when both halves are known words. The modifier may carry a
 * linking -s- or -en- (samenwerkings-, huisartsen-) and is split again; the head is not.
 *
 * <p>Which split wins: the shortest known head whose modifier is a word itself (maatwerk +
 * voorziening, jeugdhulp + instelling, jeugdbescherming + maatregel); only when there is none, the
 * shortest head with a compound modifier (wachtlijst + bemiddeling). The word list holds many
 * compounds, and "longest head first" split maatwerkvoorziening into maat + werkvoorziening and
 * jeugdhulpinstelling into jeugd + hulpinstelling, losing the meaningful modifier.
 *
 * <p>Hyphenation patterns do not know abbreviations (jeugdggz hyphenates as jeugdg-gz), so a short
 * curated part such as ggz or poh at either end of a word also counts as a break.
 *
 * <p>Thread-safe: the tree and the lexicon are read only, and results are memoised in a shared
 * bounded cache because the same few thousand words recur in every document.
 */
final class Decompounder {
  /** Shorter words are not compounds of two parts of at least three letters. */
  static final int MIN_WORD = 6;

  private static final int MAX_DEPTH = 4;
  /**
   * Without a split at a hyphenation point, a long compound may still split between two listed
   * words of at least this many letters each: the patterns do not always see the boundary
   * (wacht-tijdover-zicht), and two long listed words leave little room for chance.
   */
  private static final int MIN_UNHYPHENATED_PART = 6;
  /** First look for a split whose modifier is a word itself, then allow compound modifiers. */
  private static final List<Boolean> PASSES = List.of(false, true);
  /** Linking letters between modifier and head: gezin-s-huis, huisarts-en-praktijk. */
  private static final List<String> LINKING = List.of("s", "en");

  private final HyphenationTree hyphenation;
  private final Lexicon lexicon;
  private final BoundedCache<String, Decomposition> cache;

  Decompounder(HyphenationTree hyphenation, Lexicon lexicon, int cacheSize) {
    this.hyphenation = hyphenation;
    this.lexicon = lexicon;
    this.cache = new BoundedCache<>(cacheSize);
  }

  /** @param word lower case, folded */
  Decomposition decompose(String word) {
    if (word.length() < MIN_WORD || !Folding.isAsciiLetters(word)) {
      return Decomposition.NONE;
    }
    return cache.get(word, this::compute);
  }

  /** The last word of a compound all the way down: gezinshuiszorg -> zorg, uitstroom -> none. */
  String innermostHead(String word) {
    Decomposition d = decompose(word);
    if (!d.isCompound()) {
      return null;
    }
    String head = d.head();
    for (Decomposition inner = decompose(head); inner.isCompound(); inner = decompose(head)) {
      head = inner.head();
    }
    return head;
  }

  private Decomposition compute(String word) {
    int[] points = breakPoints(word);
    Split split = bestSplit(word, 0, word.length(), points, 0);
    if (split == null && word.length() >= 2 * MIN_UNHYPHENATED_PART) {
      split = unhyphenatedSplit(word, points);
    }
    return split == null
        ? Decomposition.NONE
        : new Decomposition(word.substring(0, split.point()), word.substring(split.point()),
            List.copyOf(split.parts()));
  }

  /** The shortest listed head whose modifier is listed too (or splits), both long; null if none. */
  private Split unhyphenatedSplit(String word, int[] points) {
    int n = word.length();
    for (int point = n - MIN_UNHYPHENATED_PART; point >= MIN_UNHYPHENATED_PART; point--) {
      String head = word.substring(point);
      String modifier = word.substring(0, point);
      if (!lexicon.isWord(head) || !lexicon.mayBePart(head) || !lexicon.mayBePart(modifier)) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      if (lexicon.isWord(modifier)) {
        parts.add(modifier);
        List<String> inner = split(word, 0, point, points, 1);
        if (inner != null) {
          parts.addAll(inner);
        }
      } else {
        List<String> inner = split(word, 0, point, points, 1);
        if (inner == null) {
          continue;
        }
        parts.add(modifier);
        parts.addAll(inner);
      }
      parts.add(head);
      return new Split(point, parts);
    }
    return null;
  }

  /** Where word[from, to) splits and all its parts (head last), or null. */
  private record Split(int point, List<String> parts) {}

  private Split bestSplit(String word, int from, int to, int[] points, int depth) {
    if (to - from < MIN_WORD || depth > MAX_DEPTH) {
      return null;
    }
    for (boolean compoundModifier : PASSES) {
      for (int i = points.length - 1; i >= 0; i--) {
        int point = points[i];
        if (point <= from || point >= to) {
          continue;
        }
        String head = word.substring(point, to);
        if (!acceptsHead(head)) {
          continue;
        }
        List<String> parts = modifierParts(word, from, point, points, depth + 1, compoundModifier);
        if (parts != null) {
          parts.add(head);
          return new Split(point, parts);
        }
      }
    }
    return null;
  }

  private List<String> split(String word, int from, int to, int[] points, int depth) {
    Split split = bestSplit(word, from, to, points, depth);
    return split == null ? null : split.parts();
  }

  /**
   * The parts of the modifier word[from, to), or null. Without {@code compoundModifier} the
   * modifier must be a word itself (possibly with a linking -s-/-en-, and then split further);
   * with it, the modifier may be a compound that is not in the word list (wachtlijst).
   */
  private List<String> modifierParts(
      String word, int from, int to, int[] points, int depth, boolean compoundModifier) {
    if (!compoundModifier) {
      String form = modifierForm(word.substring(from, to));
      if (form == null) {
        return null;
      }
      List<String> parts = new ArrayList<>();
      parts.add(form);
      List<String> inner = split(word, from, from + form.length(), points, depth);
      if (inner != null) {
        parts.addAll(inner);
      }
      return parts;
    }
    // The -s- may be linking (jeugdbeschermings-keten) or the word's own (woonplaats-beginsel):
    // prefer the reading whose own head is a listed word rather than only an inflection of one.
    List<String> fallback = null;
    for (int end : linkingEnds(word.substring(from, to), to)) {
      String candidate = word.substring(from, end);
      List<String> inner =
          lexicon.mayBePart(candidate) ? split(word, from, end, points, depth) : null;
      if (inner == null) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      parts.add(candidate);
      parts.addAll(inner);
      if (lexicon.isWord(inner.get(inner.size() - 1))) {
        return parts;
      }
      if (fallback == null) {
        fallback = parts;
      }
    }
    return fallback;
  }

  /** The form of a modifier to index: itself, or its base without a linking -s- or -en-. */
  private String modifierForm(String modifier) {
    if (!lexicon.mayBePart(modifier)) {
      return null;
    }
    if (lexicon.isWord(modifier)) {
      return modifier;
    }
    for (String linking : LINKING) {
      String base = stripLinking(modifier, linking);
      if (base != null && lexicon.mayBePart(base) && lexicon.isWord(base)) {
        return base;
      }
    }
    return lexicon.isInflected(modifier) ? modifier : null;
  }

  private static String stripLinking(String modifier, String linking) {
    return modifier.endsWith(linking) && modifier.length() > linking.length()
        ? modifier.substring(0, modifier.length() - linking.length())
        : null;
  }

  /** Where the modifier may end: as written first, then without a linking -s- or -en-. */
  private static int[] linkingEnds(String modifier, int to) {
    int[] ends = new int[LINKING.size() + 1];
    int count = 0;
    ends[count++] = to;
    for (String linking : LINKING) {
      if (modifier.endsWith(linking) && modifier.length() > linking.length()) {
        ends[count++] = to - linking.length();
      }
    }
    return Arrays.copyOf(ends, count);
  }

  private boolean acceptsHead(String head) {
    return lexicon.mayBePart(head) && lexicon.isKnown(head);
  }

  /** Hyphenation points, plus the edges of short curated parts (jeugd|ggz, poh|jeugd). */
  private int[] breakPoints(String word) {
    int n = word.length();
    int[] points = new int[n];
    int count = 0;
    Hyphenation h = hyphenation.hyphenate(word, 2, 2);
    if (h != null) {
      for (int point : h.getHyphenationPoints()) {
        if (point > 0 && point < n) {
          points[count++] = point;
        }
      }
    }
    for (int length = 2; length < Lexicon.MIN_PART; length++) {
      if (lexicon.isShortPart(word.substring(0, length))) {
        points[count++] = length;
      }
      if (lexicon.isShortPart(word.substring(n - length))) {
        points[count++] = n - length;
      }
    }
    int[] result = Arrays.copyOf(points, count);
    Arrays.sort(result);
    return Arrays.stream(result).distinct().toArray();
  }
}
