package nl.afsprakenwiki.search.analysis;

import java.util.List;

/**
 * How a compound splits: {@code modifier} and {@code head} are the two halves as written (the
 * modifier keeps its linking -s-, so "arbeids" + "omstandigheden"); {@code parts} are all the
 * words worth indexing, modifiers normalised (samenwerking, not samenwerkings) and split further,
 * in reading order with the head last.
 */
record Decomposition(String modifier, String head, List<String> parts) {
  static final Decomposition NONE = new Decomposition("", "", List.of());

  boolean isCompound() {
    return !parts.isEmpty();
  }
}
