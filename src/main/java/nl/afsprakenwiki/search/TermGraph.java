package nl.afsprakenwiki.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.graph.GraphTokenStreamFiniteStrings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the query analysis makes of one concept's text: the ways it can be written as index terms.
 * A path of one term is a single word (the word itself and its one-word synonyms: wijkteam,
 * buurtteam, jgt); a longer path is a phrase that must occur as such (lokaal team, jeugd ggz for
 * jeugd-ggz), with the positions it needs (stopwords leave gaps: centrum _ jeugd _ gezin).
 */
record TermGraph(Set<String> singles, List<Phrase> phrases) {

    /** At most this many ways of writing one concept are searched for. */
    static final int MAX_PATHS = 64;

    /** The terms of a phrase and their positions relative to the first. */
    record Phrase(List<String> terms, List<Integer> positions) {
    }

    boolean isEmpty() {
        return singles.isEmpty() && phrases.isEmpty();
    }

    static TermGraph of(Analyzer analyzer, String field, String text) {
        Set<String> singles = new LinkedHashSet<>();
        Set<Phrase> phrases = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            GraphTokenStreamFiniteStrings graph = new GraphTokenStreamFiniteStrings(stream);
            Iterator<TokenStream> paths = graph.getFiniteStrings();
            int count = 0;
            while (paths.hasNext() && count++ < MAX_PATHS) {
                TokenStream path = paths.next();
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
                if (terms.size() == 1) {
                    singles.add(terms.get(0));
                } else if (!terms.isEmpty()) {
                    int first = positions.get(0);
                    phrases.add(new Phrase(List.copyOf(terms), positions.stream().map(p -> p - first).toList()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TermGraph(singles, List.copyOf(phrases));
    }
}
