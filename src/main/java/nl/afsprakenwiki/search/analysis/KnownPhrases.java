package nl.afsprakenwiki.search.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.graph.GraphTokenStreamFiniteStrings;

/**
 * The phrases a query can ask for because the search files name them: the several-word synonyms
 * ("lokaal team", "centrum voor jeugd en gezin") and related terms, as the query analysis makes
 * them. The index keeps every place where one of them occurs as one extra term ({@link
 * KnownPhraseFilter}), so a search for wijkteam reads that term's list of agreements instead of
 * comparing the positions of "lokaal" and "team" in every agreement that has both words - which
 * cost three quarters of such a search.
 *
 * <p>A phrase's term is its words joined by spaces, one space per position step ({@code "jeugd
 * gezinsteam"} with two spaces where a stopword stood): no word of the index contains a space.
 */
public final class KnownPhrases {

  /** A phrase: its terms, their positions relative to the first, and its joined term. */
  record Phrase(String[] terms, int[] positions, String key) {}

  /** The phrases that begin with one term, and how far the longest of them reaches. */
  record Starting(List<Phrase> phrases, int span) {}

  private final CharArrayMap<Starting> byFirst;
  private final Set<String> keys;

  private KnownPhrases(Collection<Phrase> phrases) {
    Map<String, List<Phrase>> grouped = new HashMap<>();
    Set<String> keys = new HashSet<>();
    for (Phrase phrase : phrases) {
      if (keys.add(phrase.key())) {
        grouped.computeIfAbsent(phrase.terms()[0], first -> new ArrayList<>()).add(phrase);
      }
    }
    this.byFirst = new CharArrayMap<>(grouped.size(), false);
    grouped.forEach((first, list) -> byFirst.put(first, new Starting(List.copyOf(list),
        list.stream().mapToInt(phrase -> phrase.positions()[phrase.positions().length - 1]).max().orElse(0))));
    this.keys = Set.copyOf(keys);
  }

  /**
   * The several-word ways of writing each of {@code texts} that {@code query} produces (a text's
   * own words and its synonyms'), plus {@code related}: phrases of consecutive words.
   */
  static KnownPhrases of(Analyzer query, Collection<String> texts, Collection<List<String>> related) {
    List<Phrase> phrases = new ArrayList<>();
    for (String text : texts) {
      for (Path path : paths(query, text)) {
        if (path.terms().size() > 1) {
          phrases.add(phrase(path.terms(), path.positions()));
        }
      }
    }
    for (List<String> words : related) {
      if (words.size() > 1) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
          positions.add(i);
        }
        phrases.add(phrase(words, positions));
      }
    }
    return new KnownPhrases(phrases);
  }

  /** One way of reading an analysed text: its terms and their positions, the first at 0. */
  public record Path(List<String> terms, List<Integer> positions) {}

  /** The first {@code max} ways of reading {@code text} through {@code analyzer} (a token graph). */
  public static List<Path> paths(Analyzer analyzer, String field, String text, int max) {
    List<Path> paths = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      Iterator<TokenStream> each = new GraphTokenStreamFiniteStrings(stream).getFiniteStrings();
      while (each.hasNext() && paths.size() < max) {
        TokenStream path = each.next();
        CharTermAttribute term = path.addAttribute(CharTermAttribute.class);
        PositionIncrementAttribute increment = path.addAttribute(PositionIncrementAttribute.class);
        List<String> terms = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        int position = -1;
        path.reset();
        while (path.incrementToken()) {
          position += Math.max(1, increment.getPositionIncrement());
          terms.add(term.toString());
          positions.add(position);
        }
        path.end();
        path.close();
        if (!terms.isEmpty()) {
          int first = positions.get(0);
          paths.add(new Path(List.copyOf(terms), positions.stream().map(p -> p - first).toList()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return paths;
  }

  private static List<Path> paths(Analyzer query, String text) {
    return paths(query, "", text, Integer.MAX_VALUE);
  }

  private static Phrase phrase(List<String> terms, List<Integer> positions) {
    return new Phrase(terms.toArray(String[]::new), positions.stream().mapToInt(Integer::intValue).toArray(),
        key(terms, positions));
  }

  /** The joined term of a phrase: its words with one space per position step between them. */
  static String key(List<String> terms, List<Integer> positions) {
    StringBuilder key = new StringBuilder(terms.get(0));
    for (int i = 1; i < terms.size(); i++) {
      key.append(" ".repeat(positions.get(i) - positions.get(i - 1))).append(terms.get(i));
    }
    return key.toString();
  }

  /**
   * The index term of the exact phrase {@code terms} at {@code positions} (relative, the first at 0)
   * when the index keeps it as one term; null when it must be searched as a phrase.
   */
  public String joined(List<String> terms, List<Integer> positions) {
    if (terms.size() < 2 || positions.get(0) != 0) {
      return null;
    }
    String key = key(terms, positions);
    return keys.contains(key) ? key : null;
  }

  /** The known phrases that begin with the term {@code buffer[0..length)}, or null. */
  Starting startingWith(char[] buffer, int length) {
    return byFirst.get(buffer, 0, length);
  }

  /**
   * Stands for the set of phrases: the index stores it with its commits and is rebuilt at start-up
   * when it differs, so a several-word synonym added to the files is found in texts indexed before.
   */
  public String fingerprint() {
    return Integer.toHexString(keys.stream().sorted().toList().hashCode());
  }

  /** Every phrase the index keeps as a term, as its terms and positions. */
  public List<Path> all() {
    List<Path> all = new ArrayList<>();
    for (Starting starting : byFirst.values()) {
      for (Phrase phrase : starting.phrases()) {
        all.add(new Path(List.of(phrase.terms()), Arrays.stream(phrase.positions()).boxed().toList()));
      }
    }
    return all;
  }
}
