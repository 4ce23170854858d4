package nl.afsprakenwiki.search.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Adds the joined form of a word that {@link WordPartsFilter} split (jeugd-ggz -> jeugdggz),
 * stemmed like any other word, at the position of the first part.
 *
 * <p>At query time it is an alternative path spanning the parts (position length = number of
 * positions), a token graph that {@code QueryBuilder} turns into "jeugdggz OR (jeugd ggz)", so the
 * query meets "jeugdggz", "jeugd-ggz" and "jeugd ggz" alike. It runs after the synonym filter,
 * which cannot read graphs; the span is measured on the positions that reach it, so a synonym that
 * matched one of the parts does not break the graph.
 *
 * <p>At index time it is simply stacked on the first part (position length 1): the index ignores
 * position lengths, and this is exactly the flat form FlattenGraphFilter would produce, so the
 * index chain contains no graph and needs no flattening.
 */
final class JoinFilter extends LookaheadFilter {
  /** A joined word whose parts are further apart than this in the stream is left alone. */
  private static final int MAX_BUFFERED = 64;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute positionIncrement =
      addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute positionLength = addAttribute(PositionLengthAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final JoinAttribute join = addAttribute(JoinAttribute.class);
  private final DutchStemming stemming;
  private final boolean graph;

  /** @param graph whether the joined token spans its parts (query) or is stacked flat (index) */
  JoinFilter(TokenStream input, DutchStemming stemming, boolean graph) {
    super(input);
    this.stemming = stemming;
    this.graph = graph;
  }

  @Override
  boolean handle() throws IOException {
    if (join.partCount() > 1 && join.partIndex() == 0 && join.joined() != null) {
      collect();
      return true;
    }
    return false;
  }

  /**
   * Buffers the tokens from the current one (the first part of a joined word) up to its last
   * part, then queues the joined token followed by them. If another joined word starts before
   * this one ends (its parts were lost on the way), this one is left as it is and the new one is
   * collected instead.
   */
  private void collect() throws IOException {
    List<State> tokens = new ArrayList<>();
    while (true) {
      tokens.clear();
      tokens.add(captureState());
      int parts = join.partCount();
      String joined = join.joined();
      int firstIncrement = positionIncrement.getPositionIncrement();
      int startOffset = offset.startOffset();
      int position = 0;
      int expected = 1;
      boolean restart = false;
      while (tokens.size() < MAX_BUFFERED && !exhausted()) {
        if (!next()) {
          break;
        }
        position += positionIncrement.getPositionIncrement();
        if (join.partCount() > 1 && join.partIndex() == 0 && join.joined() != null) {
          enqueueAll(tokens);
          restart = true;
          break;
        }
        tokens.add(captureState());
        if (join.partCount() == parts && join.partIndex() == expected && ++expected == parts) {
          queueJoined(tokens, joined, firstIncrement, position + positionLength.getPositionLength(),
              startOffset, offset.endOffset());
          return;
        }
      }
      if (!restart) {
        enqueueAll(tokens);
        return;
      }
    }
  }

  /** Queues the joined token at the first part's position, then the buffered tokens. */
  private void queueJoined(List<State> tokens, String joined, int increment, int span,
      int startOffset, int endOffset) throws IOException {
    restoreState(tokens.get(0));
    String stem = stemming.stem(Folding.fold(joined), term);
    term.setEmpty().append(stem);
    positionIncrement.setPositionIncrement(increment);
    positionLength.setPositionLength(graph ? span : 1);
    offset.setOffset(startOffset, endOffset);
    keyword.setKeyword(false);
    type.setType(AgreementTokenizer.WORD);
    join.set(0, 0, null);
    enqueue(captureState());
    restoreState(tokens.get(0));
    positionIncrement.setPositionIncrement(0);
    enqueue(captureState());
    enqueueAll(tokens.subList(1, tokens.size()));
  }
}
