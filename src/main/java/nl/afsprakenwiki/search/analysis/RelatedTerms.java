package nl.afsprakenwiki.search.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * {@code search/related.txt}: groups of terms that are related but not the same (wachtlijst and
 * wachttijd, pleegzorg and gezinshuis), from the concept clusters of DOMAIN.md §4.2. A query may
 * add them as weaker alternatives of what was typed; unlike synonyms they never count as the word
 * itself. Entries are analysed like a query before synonyms, so inflections need no entry.
 */
final class RelatedTerms {
  static final String FILE = "related.txt";

  private final Map<String, List<List<String>>> related;

  private RelatedTerms(Map<String, List<List<String>>> related) {
    this.related = related;
  }

  static RelatedTerms load(Analyzer beforeSynonyms) {
    Map<String, List<List<String>>> related = new HashMap<>();
    try (BufferedReader reader = ResourceFiles.reader(FILE)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String entry = line.strip();
        if (entry.isEmpty() || entry.startsWith("#")) {
          continue;
        }
        List<String> group = new ArrayList<>();
        for (String term : entry.split(",")) {
          String words = DutchAnalysis.words(beforeSynonyms, term);
          if (!words.isEmpty() && !group.contains(words)) {
            group.add(words);
          }
        }
        for (String term : group) {
          List<List<String>> others = related.computeIfAbsent(term, key -> new ArrayList<>());
          for (String other : group) {
            List<String> words = Arrays.asList(other.split(" "));
            if (!other.equals(term) && !others.contains(words)) {
              others.add(List.copyOf(words));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FILE, e);
    }
    related.replaceAll((term, others) -> List.copyOf(others));
    return new RelatedTerms(Map.copyOf(related));
  }

  /** Every related term, each as its list of analysed words. */
  Collection<List<String>> all() {
    Set<List<String>> all = new LinkedHashSet<>();
    related.values().forEach(all::addAll);
    return all;
  }

  /** The related terms of an analysed text (its words joined by spaces), or none. */
  List<List<String>> of(String words) {
    return related.getOrDefault(words, List.of());
  }
}
