package nl.afsprakenwiki.search.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Guarantees what IndexWriter demands of offsets (a start never before the previous start, an end
 * never before its start), whatever combination of stacked tokens the filters before produced. A
 * token that would break the rule is narrowed, never dropped, so a slightly shorter highlight is
 * the worst outcome instead of a document that cannot be indexed.
 */
final class OrderedOffsetsFilter extends TokenFilter {
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private int lastStart;

  OrderedOffsetsFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    int start = Math.max(offset.startOffset(), lastStart);
    int end = Math.max(offset.endOffset(), start);
    if (start != offset.startOffset() || end != offset.endOffset()) {
      offset.setOffset(start, end);
    }
    lastStart = start;
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    lastStart = 0;
  }
}
