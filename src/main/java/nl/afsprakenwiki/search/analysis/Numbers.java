package nl.afsprakenwiki.search.analysis;

import java.util.HashMap;
import java.util.Map;

/**
 * Dutch numbers written as words, read as digits: "achttien" is 18, "vierentwintig" 24, "twaalfde"
 * 12, "tweeëntwintigste" 22 (folded). Texts write "binnen tien werkdagen" and "binnen 10 werkdagen"
 * alike, so both must become the same term. Every number word up to a hundred and its ordinal are
 * listed once, so reading a word costs one lookup: this runs on every word of every text.
 *
 * <p>"een" is left alone: as a word it is nearly always the article, not the number one.
 */
final class Numbers {
  private static final Map<String, Integer> WORDS = new HashMap<>();

  static {
    String[] units = {"", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"};
    String[] teens = {"tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien",
        "zeventien", "achttien", "negentien"};
    String[] tens = {"", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig",
        "tachtig", "negentig"};
    Map<String, Integer> cardinals = new HashMap<>();
    for (int i = 2; i < units.length; i++) {
      cardinals.put(units[i], i);
    }
    for (int i = 0; i < teens.length; i++) {
      cardinals.put(teens[i], 10 + i);
    }
    for (int ten = 2; ten < tens.length; ten++) {
      cardinals.put(tens[ten], 10 * ten);
      for (int unit = 1; unit < units.length; unit++) {
        // eenentwintig, tweeentwintig (folded from tweeëntwintig), achtenveertig
        cardinals.put(units[unit] + "en" + tens[ten], 10 * ten + unit);
      }
    }
    cardinals.put("honderd", 100);
    cardinals.put("duizend", 1000);
    WORDS.putAll(cardinals);
    WORDS.put("eerste", 1);
    WORDS.put("derde", 3);
    WORDS.put("achtste", 8);
    cardinals.forEach((word, value) -> {
      // ordinals: tweede, vierde, tiende, twaalfde; twintigste, honderdste
      String ordinal = value >= 20 ? word + "ste" : word + "de";
      WORDS.putIfAbsent(ordinal, value);
    });
    WORDS.remove("driede"); // derde
    WORDS.remove("achtde"); // achtste
    Map<String, Integer> ages = new HashMap<>();
    cardinals.forEach((word, value) -> {
      ages.put(word + "jarig", value);
      ages.put(word + "jarige", value);
    });
    WORDS.putAll(ages);
  }

  private Numbers() {}

  /**
   * The value of a folded number word, ordinal or age (achttien, achttiende, achttienjarige, and
   * 18e, 2de, 1ste), or -1.
   */
  static int value(String word) {
    if (word.isEmpty()) {
      return -1;
    }
    if (Character.isDigit(word.charAt(0))) {
      return digitsWithOrdinal(word);
    }
    Integer value = WORDS.get(word);
    return value == null ? -1 : value;
  }

  /**
   * 18e / 18de / 1ste → the number; plain digits (18, 05) and anything else → -1: digits are
   * already what the other forms become, and a leading zero is kept (dates, codes).
   */
  private static int digitsWithOrdinal(String word) {
    int end = 0;
    while (end < word.length() && Character.isDigit(word.charAt(end))) {
      end++;
    }
    if (end > 6) {
      return -1;
    }
    String rest = word.substring(end);
    if (rest.isEmpty() || word.charAt(0) == '0') {
      return -1;
    }
    if (!rest.equals("e") && !rest.equals("de") && !rest.equals("ste")) {
      return -1;
    }
    return Integer.parseInt(word.substring(0, end));
  }
}
