package nl.afsprakenwiki.search.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;

/**
 * A filter that may read ahead of the current token and add tokens: what it captures goes into a
 * queue that is replayed, in order, before the next token is read from the input.
 */
abstract class LookaheadFilter extends TokenFilter {
  private final Deque<State> queue = new ArrayDeque<>();
  private boolean exhausted;

  LookaheadFilter(TokenStream input) {
    super(input);
  }

  /**
   * Looks at a newly read token. Returns true when it has queued the current token itself (the
   * queue's head is sent in its place), false to send the current token as it is, followed by
   * anything queued.
   */
  abstract boolean handle() throws IOException;

  @Override
  public final boolean incrementToken() throws IOException {
    if (!queue.isEmpty()) {
      restoreState(queue.poll());
      return true;
    }
    if (!next()) {
      return false;
    }
    if (handle()) {
      restoreState(queue.poll());
    }
    return true;
  }

  /** Reads the next input token; false (for good) once the input is exhausted. */
  final boolean next() throws IOException {
    if (exhausted || !input.incrementToken()) {
      exhausted = true;
      return false;
    }
    return true;
  }

  final boolean exhausted() {
    return exhausted;
  }

  final void enqueue(State state) {
    queue.add(state);
  }

  final void enqueueAll(Collection<State> states) {
    queue.addAll(states);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    queue.clear();
    exhausted = false;
  }
}
