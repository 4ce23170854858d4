package nl.afsprakenwiki.search.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Index side of {@link KnownPhrases}: after a token that begins a known phrase, adds the phrase's
 * joined term at the same position whenever the text goes on with the phrase's other words at
 * their positions - exactly where a phrase query would match (any token stacked on a position
 * counts). The added term is stacked (position increment 0), so it does not count towards the
 * field's length and no other score changes. Reads ahead only from a possible first word on.
 */
final class KnownPhraseFilter extends TokenFilter {

  /** The token type of an added phrase term. */
  static final String PHRASE = "phrase";

  /** A token read ahead: its state, position, term and end offset. */
  private record Ahead(State state, int position, String term, int end) {}

  private final KnownPhrases phrases;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final ArrayDeque<Ahead> ahead = new ArrayDeque<>();
  private final ArrayDeque<State> joined = new ArrayDeque<>();
  /** The position of the last token read from the input. */
  private int position;
  private boolean exhausted;

  KnownPhraseFilter(TokenStream input, KnownPhrases phrases) {
    super(input);
    this.phrases = phrases;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!joined.isEmpty()) {
      restoreState(joined.poll());
      return true;
    }
    int at;
    if (!ahead.isEmpty()) {
      Ahead next = ahead.poll();
      restoreState(next.state());
      at = next.position();
    } else if (read()) {
      at = position;
    } else {
      return false;
    }
    KnownPhrases.Starting candidates = phrases.startingWith(term.buffer(), term.length());
    if (candidates != null) {
      addJoined(candidates, at);
    }
    return true;
  }

  /** Queues the joined term of each candidate that the text continues with; the current token stays current. */
  private void addJoined(KnownPhrases.Starting candidates, int at) throws IOException {
    State current = captureState();
    int start = offset.startOffset();
    readAhead(at + candidates.span());
    List<String> added = new ArrayList<>(2);
    for (KnownPhrases.Phrase phrase : candidates.phrases()) {
      int end = end(phrase, at);
      if (end >= 0 && !added.contains(phrase.key())) {
        added.add(phrase.key());
        restoreState(current);
        term.setEmpty().append(phrase.key());
        increment.setPositionIncrement(0);
        length.setPositionLength(1);
        offset.setOffset(start, Math.max(start, end));
        type.setType(PHRASE);
        joined.add(captureState());
      }
    }
    restoreState(current);
  }

  /** The end offset of the phrase's last word when the text has the phrase at {@code at}, else -1. */
  private int end(KnownPhrases.Phrase phrase, int at) {
    int end = -1;
    for (int i = 1; i < phrase.terms().length; i++) {
      int wanted = at + phrase.positions()[i];
      end = -1;
      for (Ahead token : ahead) {
        if (token.position() == wanted && token.term().equals(phrase.terms()[i])) {
          end = token.end();
          break;
        }
      }
      if (end < 0) {
        return -1;
      }
    }
    return end;
  }

  /** Reads tokens ahead until one lies beyond {@code until} or the input ends. */
  private void readAhead(int until) throws IOException {
    while (position <= until && read()) {
      ahead.add(new Ahead(captureState(), position, term.toString(), offset.endOffset()));
    }
  }

  private boolean read() throws IOException {
    if (exhausted || !input.incrementToken()) {
      exhausted = true;
      return false;
    }
    position += increment.getPositionIncrement();
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    ahead.clear();
    joined.clear();
    position = -1;
    exhausted = false;
  }
}
