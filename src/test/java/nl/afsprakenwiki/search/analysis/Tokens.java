package nl.afsprakenwiki.search.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/** What an analyzer makes of a text, for assertions. */
record Tokens(List<Token> tokens) {

  record Token(
      String term, int position, int positionLength, int startOffset, int endOffset, String type) {}

  static Tokens of(Analyzer analyzer, String text) {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      TypeAttribute type = stream.addAttribute(TypeAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        position += increment.getPositionIncrement();
        tokens.add(new Token(term.toString(), position, length.getPositionLength(),
            offset.startOffset(), offset.endOffset(), type.type()));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Tokens(tokens);
  }

  List<String> terms() {
    return tokens.stream().map(Token::term).toList();
  }

  /** The terms at the first position (a single word with its stacked parts). */
  List<String> termsAt(int position) {
    return tokens.stream().filter(t -> t.position() == position).map(Token::term).toList();
  }

  Token first(String term) {
    return tokens.stream().filter(t -> t.term().equals(term)).findFirst()
        .orElseThrow(() -> new AssertionError("no token " + term + " in " + this));
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (Token t : tokens) {
      out.append(t.term()).append('@').append(t.position());
      if (t.positionLength() != 1) {
        out.append('/').append(t.positionLength());
      }
      out.append('[').append(t.startOffset()).append(',').append(t.endOffset()).append("] ");
    }
    return out.toString().strip();
  }
}
