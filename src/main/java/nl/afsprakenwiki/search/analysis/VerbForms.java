package nl.afsprakenwiki.search.analysis;

import java.util.List;

/**
 * Finds the verb behind a derived form, so that a word family meets on one stem: a noun in -ing
 * (toetsing, melding, plaatsing → toetsen, melden, plaatsen) and a weak past participle with ge-
 * (getoetst, gemeld, afgekeurd, opgeschaald → toetsen, melden, afkeuren, opschalen). The verb must
 * be in the word list; a separable verb that the list lacks (afkeuren) is accepted when its verb
 * without the particle is listed (keuren).
 *
 * <p>Strong participles (afgewezen, gesloten) are irregular and stay as they are.
 */
final class VerbForms {
  /** Particles of separable verbs, longest first so that "terug" wins over "te…". */
  static final List<String> PARTICLES = List.of("terug", "samen", "onder", "door", "over",
      "voor", "aan", "mee", "toe", "uit", "bij", "weg", "af", "op", "in", "na");
  /** Shorter verb roots are left alone: "gezond" is not ge + zon(nen). */
  private static final int MIN_ROOT = 4;

  private final Lexicon lexicon;

  VerbForms(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** The verb of a noun in -ing (its stem as the stemmer left it: toetsing), or null. */
  String verbOfNounInIng(String stem) {
    int n = stem.length();
    if (n < 6 || !stem.endsWith("ing")) {
      return null;
    }
    return withParticle(stem.substring(0, n - 3));
  }

  /** The verb of a weak past participle (gekeurd, afgekeurd, getoetst), or null. */
  String verbOfParticiple(String word) {
    int n = word.length();
    char last = word.charAt(n - 1);
    if (n < 6 || last != 'd' && last != 't') {
      return null;
    }
    // a verb that itself starts with ge-: gebeurd is gebeuren, not ge + beuren
    String own = word.startsWith("ge") ? infinitive(word.substring(0, n - 1)) : null;
    if (own != null) {
      return own;
    }
    int ge = geStart(word);
    if (ge < 0) {
      return null;
    }
    String particle = word.substring(0, ge);
    String root = word.substring(ge + 2);
    // the verb's own d or t merges with the ending: gemeld (melden), gericht (richten)
    for (String candidate : new String[] {root, root.substring(0, root.length() - 1)}) {
      if (candidate.length() < MIN_ROOT) {
        continue;
      }
      String verb = infinitive(candidate);
      if (verb != null) {
        return particle + verb;
      }
    }
    return null;
  }

  /** Where "ge" starts: at the beginning, or right after one particle (af-ge-keurd). */
  private static int geStart(String word) {
    if (word.startsWith("ge")) {
      return 0;
    }
    for (String particle : PARTICLES) {
      if (word.startsWith(particle) && word.startsWith("ge", particle.length())) {
        return particle.length();
      }
    }
    return -1;
  }

  /** The verb of a root that may start with a particle: afschal → afschalen (or af + schalen). */
  private String withParticle(String root) {
    if (root.length() < MIN_ROOT) {
      return null;
    }
    String verb = infinitive(root);
    if (verb != null) {
      return verb;
    }
    for (String particle : PARTICLES) {
      if (root.startsWith(particle) && root.length() - particle.length() >= MIN_ROOT) {
        String inner = infinitive(root.substring(particle.length()));
        if (inner != null) {
          return particle + inner;
        }
      }
    }
    return null;
  }

  /**
   * The infinitive whose root is {@code root}, as Dutch spells it: root + en (toetsen), with a
   * voiced last consonant (reis → reizen, leef → leven), a long vowel written single in the open
   * syllable (vraag → vragen, schaal → schalen), or a doubled consonant after a short vowel
   * (plan → plannen, stop → stoppen). Null when the word list knows none of them.
   */
  String infinitive(String root) {
    int n = root.length();
    if (n < 3) {
      return null;
    }
    char last = root.charAt(n - 1);
    if (Lexicon.isVowel(last)) {
      return lexicon.isWord(root + "en") ? root + "en" : null;
    }
    String voiced = last == 's' ? root.substring(0, n - 1) + 'z'
        : last == 'f' ? root.substring(0, n - 1) + 'v' : root;
    for (String candidate : new String[] {root, voiced}) {
      if (lexicon.isWord(candidate + "en")) {
        return candidate + "en";
      }
    }
    if (n >= 4 && root.charAt(n - 2) == root.charAt(n - 3) && Lexicon.isVowel(root.charAt(n - 2))) {
      String open = voiced.substring(0, n - 2) + voiced.substring(n - 1);
      if (lexicon.isWord(open + "en")) {
        return open + "en";
      }
    }
    if (Lexicon.isVowel(root.charAt(n - 2)) && !Lexicon.isVowel(root.charAt(Math.max(0, n - 3)))) {
      String doubled = root + last;
      if (lexicon.isWord(doubled + "en")) {
        return doubled + "en";
      }
    }
    return null;
  }
}
