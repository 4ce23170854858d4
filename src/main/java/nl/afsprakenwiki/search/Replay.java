package nl.afsprakenwiki.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.util.AttributeSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A text analysed once and replayed as often as it is indexed: an agreement whose current text is
 * its endorsed one goes into both indexes, and the analysis (compound splitting, stemming) is most
 * of the cost of indexing. Independent of the analyzer once made.
 */
final class Replay extends TokenStream {

    private final List<AttributeSource.State> tokens;
    private final AttributeSource.State end;
    private int next;

    private Replay(AttributeSource attributes, List<AttributeSource.State> tokens, AttributeSource.State end) {
        super(attributes);
        this.tokens = tokens;
        this.end = end;
    }

    /** Analyses {@code text} as field {@code field} and keeps every token. */
    static Replay of(Analyzer analyzer, String field, String text) {
        try (TokenStream source = analyzer.tokenStream(field, text)) {
            List<AttributeSource.State> tokens = new ArrayList<>();
            source.reset();
            while (source.incrementToken()) {
                tokens.add(source.captureState());
            }
            source.end();
            AttributeSource.State end = source.captureState();
            return new Replay(source.cloneAttributes(), List.copyOf(tokens), end);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse " + field, e);
        }
    }

    @Override
    public boolean incrementToken() {
        if (next >= tokens.size()) {
            return false;
        }
        clearAttributes();
        restoreState(tokens.get(next++));
        return true;
    }

    @Override
    public void end() throws IOException {
        super.end();
        restoreState(end);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        next = 0;
    }
}
