package nl.afsprakenwiki.search.analysis;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter.StemmerOverrideMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.CharsRefBuilder;
import org.apache.lucene.util.fst.FST;
import org.tartarus.snowball.ext.DutchStemmer;

/**
 * Stems one folded Dutch word: an override dictionary first ({@code search/stem-overrides.txt},
 * for the irregular words), otherwise the Snowball Dutch stemmer followed by a few general rules
 * that make word families meet where Snowball leaves them apart:
 *
 * <ul>
 *   <li>verbs in -eren and their nouns and participles: normaliseren, normalisering, normalisatie;
 *       indiceren, indicatie, geïndiceerd; contracteren, gecontracteerd all become "…er";
 *   <li>agent nouns of verbs in the word list: verwijzer(s) like verwijzen, aanbieder like
 *       aanbieden;
 *   <li>plural spelling: gezinnen (double consonant), huizen (z/s), verblijven (v/f), regios.
 * </ul>
 *
 * <p>Snowball was chosen over the Kraaij-Pohlmann stemmer because KP strips ge- from nouns
 * (gezin becomes zin, gemeente becomes meen), which merges unrelated words in this domain.
 *
 * <p>Not thread-safe (the Snowball program keeps state): one instance per token stream.
 */
final class DutchStemming {
  private static final int MEMO_SIZE = 50_000;

  private final StemmerOverrideMap overrides;
  private final FST.BytesReader overrideReader;
  private final FST.Arc<BytesRef> scratchArc = new FST.Arc<>();
  private final CharsRefBuilder overrideChars = new CharsRefBuilder();
  private final DutchStemmer snowball = new DutchStemmer();
  private final Lexicon lexicon;
  private final VerbForms verbs;
  private final Map<String, String> irregularVerbs;
  private final StringBuilder stem = new StringBuilder(32);
  /**
   * Stems already computed by this instance. Most running text repeats a small vocabulary, and a
   * lookup by the term's chars (no allocation) is several times cheaper than Snowball and the
   * rules. Per instance, so per thread: no locking.
   */
  private final CharArrayMap<char[]> memo = new CharArrayMap<>(1024, false);

  DutchStemming(StemmerOverrideMap overrides, Map<String, String> irregularVerbs, Lexicon lexicon) {
    this.overrides = overrides;
    this.irregularVerbs = irregularVerbs;
    this.overrideReader = overrides.getBytesReader();
    this.lexicon = lexicon;
    this.verbs = new VerbForms(lexicon);
  }

  /** Replaces the term by its stem. */
  void stem(CharTermAttribute term) throws IOException {
    char[] buffer = term.buffer();
    int length = term.length();
    char[] known = memo.get(buffer, 0, length);
    if (known != null) {
      term.copyBuffer(known, 0, known.length);
      return;
    }
    String word = new String(buffer, 0, length);
    compute(term);
    if (memo.size() >= MEMO_SIZE) {
      memo.clear();
    }
    char[] result = new char[term.length()];
    System.arraycopy(term.buffer(), 0, result, 0, result.length);
    memo.put(word, result);
  }

  private void compute(CharTermAttribute term) throws IOException {
    char[] buffer = term.buffer();
    int length = term.length();
    BytesRef override = overrides.get(buffer, length, scratchArc, overrideReader);
    if (override != null) {
      overrideChars.copyUTF8Bytes(override);
      term.setEmpty().append(overrideChars.get());
      return;
    }
    String original = new String(buffer, 0, length);
    String verb = irregularVerbs.get(original); // verwezen is stemmed as verwijzen
    if (verb == null) {
      verb = infinitiveOfPresentTense(original);
    }
    if (verb == null) {
      verb = verbs.verbOfParticiple(original);
    }
    if (verb == null) {
      verb = singularOfPluralInEn(original);
    }
    if (verb != null) {
      term.setEmpty().append(verb); // verwijst, getoetst, volwassenen: stemmed as their base form
      compute(term);
      return;
    }
    buffer = term.buffer();
    snowball.setCurrent(buffer, length);
    snowball.stem();
    stem.setLength(0);
    stem.append(snowball.getCurrentBuffer(), 0, snowball.getCurrentBufferLength());
    String nounOfVerb = verbs.verbOfNounInIng(stem.toString());
    if (nounOfVerb != null) {
      term.setEmpty().append(nounOfVerb); // toetsing(en) is stemmed as toetsen
      compute(term);
      return;
    }
    normalise(original);
    term.setEmpty().append(stem);
  }

  /**
   * The infinitive of a present-tense form in -t (verwijst, meldt, bespreekt, contracteert), when
   * the word list knows it; Snowball leaves the -t. Nouns in -t whose base is no verb stay as they
   * are (contract, markt, kant).
   */
  private String infinitiveOfPresentTense(String word) {
    int n = word.length();
    if (n < 5 || word.charAt(n - 1) != 't' || Lexicon.isVowel(word.charAt(n - 2))) {
      return null;
    }
    return verbs.infinitive(word.substring(0, n - 1));
  }

  /**
   * The singular of a plural that only adds -n to a word in -e (volwassenen, betrokkenen,
   * jongvolwassenen), when the word list knows that singular. Snowball stems such pairs apart
   * (volwassene -> volwas, volwassenen -> volwassen).
   */
  private String singularOfPluralInEn(String word) {
    int n = word.length();
    if (n < 7 || !word.endsWith("enen") && !word.endsWith("eren") && !word.endsWith("elen")) {
      return null;
    }
    String singular = word.substring(0, n - 1);
    // also for compounds with such a head: jongvolwassenen (volwassene is the word)
    for (int start = 0; singular.length() - start >= 6; start++) {
      if (lexicon.isWord(singular.substring(start))) {
        return singular;
      }
    }
    return null;
  }

  /** The stem of a word given as a string (for words assembled outside the chain). */
  String stem(String word, CharTermAttribute scratch) throws IOException {
    scratch.setEmpty().append(word);
    stem(scratch);
    return scratch.toString();
  }

  private void normalise(String original) {
    keepLemmaEndingInS(original);
    pluralOfIe(original);
    verbFamilies();
    agentNoun(original);
    pluralSpelling(original, stem.length() < original.length());
  }

  /**
   * Snowball reads a final -s as a plural, so huisarts became huisart while huisartsen stays
   * huisarts. When the word with its -s is itself a lemma (huisarts, arts, kans), the s stays.
   */
  private void keepLemmaEndingInS(String original) {
    int n = original.length();
    if (n >= 4 && original.charAt(n - 1) == 's' && stem.length() == n - 1
        && original.startsWith(stem.toString()) && lexicon.isWord(original)) {
      stem.append('s');
    }
  }

  /** Snowball keeps the -s after a vowel: indicaties, locaties -> indicatie, locatie. */
  private void pluralOfIe(String original) {
    if (stem.length() >= 6 && endsWith("ies") && original.endsWith("ies")) {
      stem.setLength(stem.length() - 1);
    }
  }

  /**
   * Words of a verb in -eren meet on "…er" when the word list knows the verb: gecontracteerd,
   * contracteert, contracteren; indicatie, indiceren; normalisatie, normaliseren. (Snowball already
   * brings contractering and normalisering there.)
   */
  private void verbFamilies() {
    int n = stem.length();
    if (n >= 9 && startsWith("ge") && endsWith("eerd") && isVerbInEren(stem.substring(2, n - 4))) {
      stem.delete(n - 4, n).append("er").delete(0, 2);
    } else if (n >= 8 && (endsWith("eerd") || endsWith("eert"))
        && isVerbInEren(stem.substring(0, n - 4))) {
      stem.delete(n - 4, n).append("er");
    } else if (n >= 8 && endsWith("atie") && isVerbInEren(stem.substring(0, n - 4))) {
      stem.delete(n - 4, n).append("er");
    }
  }

  private boolean isVerbInEren(String base) {
    return base.length() >= 3 && lexicon.isWord(base + "eren");
  }

  /**
   * verwijzer(s) -> verwijz, when the word list confirms a verb: either the infinitive (verwijzen)
   * or, for longer bases, the verb stem (aanbied). Short bases are left alone because the check
   * would also hit nouns (moeder / moed, meester / meest).
   */
  private void agentNoun(String original) {
    int n = stem.length();
    if (!endsWith("er") || !(original.endsWith("er") || original.endsWith("ers"))) {
      return;
    }
    String base = stem.substring(0, n - 2);
    if (isVerbBase(base) || isVerbBase(withoutParticle(base))) {
      stem.setLength(n - 2);
    }
  }

  private boolean isVerbBase(String base) {
    return (base.length() >= 5 && lexicon.isWord(base + "en"))
        || (base.length() >= 7 && lexicon.isWord(base));
  }

  /** doorverwijz -> verwijz: separable verbs are often missing from the word list. */
  private static String withoutParticle(String base) {
    for (String particle : VerbForms.PARTICLES) {
      if (base.startsWith(particle)) {
        return base.substring(particle.length());
      }
    }
    return "";
  }

  /**
   * Spelling that only the plural or a suffix brought in, undone when Snowball cut an ending:
   * gezinnen -> gezinn -> gezin, huizen -> huiz -> huis, verblijven -> verblijv -> verblijf.
   * Words that end like that themselves (ggz, jazz) are left alone.
   */
  private void pluralSpelling(String original, boolean shortened) {
    int n = stem.length();
    if (shortened && n >= 4) {
      char last = stem.charAt(n - 1);
      if (last == stem.charAt(n - 2) && !Lexicon.isVowel(last) && Character.isLetter(last)) {
        stem.setLength(--n);
      }
    }
    if (shortened && n >= 3) {
      char last = stem.charAt(n - 1);
      if (last == 'z') {
        stem.setCharAt(n - 1, 's');
      } else if (last == 'v') {
        stem.setCharAt(n - 1, 'f');
      }
    }
    if (n >= 5 && endsWith("os") && original.endsWith("os")) {
      stem.setLength(n - 1); // regios -> regio (regio's loses its 's in the tokenizer)
    }
  }

  private boolean startsWith(String prefix) {
    return stem.length() >= prefix.length() && stem.indexOf(prefix) == 0;
  }

  private boolean endsWith(String suffix) {
    int n = stem.length();
    int k = suffix.length();
    if (n < k) {
      return false;
    }
    for (int i = 0; i < k; i++) {
      if (stem.charAt(n - k + i) != suffix.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
