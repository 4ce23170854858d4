package nl.afsprakenwiki.search.analysis;

import org.apache.lucene.analysis.CharArraySet;

/**
 * The Dutch words the analysis knows: the OpenTaal word list (lemmas and verb stems, folded) plus
 * the curated youth-care vocabulary. It answers "is this a word?", also for regular plurals and
 * inflected adjectives, because the word list holds lemmas only (afspraak, not afspraken).
 *
 * <p>The curated file also lists strings that are real words but must never be a compound part
 * (derivational suffixes such as -heid or -schap, and short words that cut ordinary words in two,
 * like "ving" in verslaving), and particles that are never a part either (samen + werking is a
 * derivation of samenwerken, medewerker is not mede + werker). Stopwords are never parts.
 */
final class Lexicon {
  static final String WORD_LIST = "wordlist-nl.txt.gz";
  static final String DOMAIN_WORDS = "domain-words.txt";

  /** Parts shorter than this are only accepted when the curated list names them (ggz, poh, wet). */
  static final int MIN_PART = 4;

  private final CharArraySet words;
  private final CharArraySet shortParts;
  private final CharArraySet notParts;
  private final CharArraySet particles;
  private final CharArraySet stopwords;

  private Lexicon(
      CharArraySet words, CharArraySet shortParts, CharArraySet notParts, CharArraySet particles,
      CharArraySet stopwords) {
    this.words = CharArraySet.unmodifiableSet(words);
    this.shortParts = CharArraySet.unmodifiableSet(shortParts);
    this.notParts = CharArraySet.unmodifiableSet(notParts);
    this.particles = CharArraySet.unmodifiableSet(particles);
    this.stopwords = stopwords;
  }

  /** @param stopwords function words are never compound parts (leerplichtambte + naar) */
  static Lexicon load(CharArraySet stopwords) {
    CharArraySet words = new CharArraySet(180_000, false);
    ResourceFiles.forEachLine(WORD_LIST, words::add);
    CharArraySet shortParts = new CharArraySet(64, false);
    CharArraySet notParts = new CharArraySet(64, false);
    CharArraySet particles = new CharArraySet(64, false);
    String[] section = {"[words]"};
    ResourceFiles.forEachLine(
        DOMAIN_WORDS,
        line -> {
          if (line.startsWith("[")) {
            section[0] = line;
            return;
          }
          String word = Folding.fold(line);
          switch (section[0]) {
            case "[words]" -> {
              words.add(word);
              if (word.length() < MIN_PART) {
                shortParts.add(word);
              }
            }
            case "[not-a-part]" -> notParts.add(word);
            case "[particles]" -> particles.add(word);
            default -> throw new IllegalStateException(
                "unknown section " + section[0] + " in " + DOMAIN_WORDS);
          }
        });
    return new Lexicon(words, shortParts, notParts, particles, stopwords);
  }

  boolean isWord(CharSequence word) {
    return words.contains(word);
  }

  boolean isShortPart(CharSequence word) {
    return shortParts.contains(word);
  }

  /** May this string stand on its own as a part of a compound? */
  boolean mayBePart(String part) {
    return (part.length() >= MIN_PART || shortParts.contains(part))
        && !notParts.contains(part)
        && !particles.contains(part)
        && !stopwords.contains(part);
  }

  /** A word of the list, or a regular inflection of one. */
  boolean isKnown(String word) {
    return words.contains(word) || isInflected(word);
  }

  /**
   * Regular Dutch plurals and inflections of a listed lemma: -s (aanbieders), -es (coaches), -e
   * (geestelijke), -n (jongeren, gemeenten), -heden (omstandigheden), -en with the spelling
   * changes of Dutch plurals (gezinnen, afspraken, huizen, verblijven) and -eren (kinderen).
   */
  boolean isInflected(String word) {
    int n = word.length();
    if (n < 5) {
      return false;
    }
    char last = word.charAt(n - 1);
    if (last == 's') {
      return words.contains(word.substring(0, n - 1))
          || (word.endsWith("es") && words.contains(word.substring(0, n - 2)));
    }
    if (last == 'e') {
      return words.contains(word.substring(0, n - 1));
    }
    if (last != 'n') {
      return false;
    }
    if (words.contains(word.substring(0, n - 1))) {
      return true;
    }
    if (word.endsWith("heden") && words.contains(word.substring(0, n - 5) + "heid")) {
      return true; // omstandigheden -> omstandigheid
    }
    if (word.endsWith("eren") && n >= 8 && words.contains(word.substring(0, n - 4))) {
      return true;
    }
    return word.endsWith("en") && n >= 6 && isPluralStem(word.substring(0, n - 2));
  }

  private boolean isPluralStem(String stem) {
    if (words.contains(stem)) {
      return true;
    }
    int n = stem.length();
    char last = stem.charAt(n - 1);
    // gezinnen -> gezin
    if (n >= 3 && last == stem.charAt(n - 2) && !isVowel(last)) {
      return words.contains(stem.substring(0, n - 1));
    }
    // huizen -> huis, verblijven -> verblijf (a voiced consonant before -en)
    boolean voiced = last == 'z' || last == 'v';
    String devoiced = voiced ? stem.substring(0, n - 1) + (last == 'z' ? 's' : 'f') : stem;
    if (voiced && words.contains(devoiced)) {
      return true;
    }
    // afspraken -> afspraak, graven -> graaf: an open syllable spells a long vowel single
    if (n >= 3 && !isVowel(last) && isVowel(stem.charAt(n - 2)) && stem.charAt(n - 2) != 'i'
        && (n == 3 || !isVowel(stem.charAt(n - 3)))) {
      String doubled = devoiced.substring(0, n - 1) + stem.charAt(n - 2) + devoiced.charAt(n - 1);
      return words.contains(doubled);
    }
    return false;
  }

  static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
  }
}
