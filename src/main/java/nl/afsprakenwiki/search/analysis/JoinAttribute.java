package nl.afsprakenwiki.search.analysis;

import org.apache.lucene.util.Attribute;

/**
 * Internal to the analysis chain (public only because Lucene instantiates attributes by
 * reflection): marks the parts of a joined word such as jeugd-ggz, so that {@link JoinFilter} can
 * add the joined form (jeugdggz) after the synonym filter, which cannot read token graphs.
 */
public interface JoinAttribute extends Attribute {
  /** Position of this part among the parts of its word, from 0. */
  int partIndex();

  /** How many parts the word has; 0 when the token is not a part of a joined word. */
  int partCount();

  /** The joined word, on the first part only (as written, not yet folded or stemmed). */
  String joined();

  void set(int partIndex, int partCount, String joined);
}
