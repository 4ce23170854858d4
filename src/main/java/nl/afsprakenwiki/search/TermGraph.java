package nl.afsprakenwiki.search;

import nl.afsprakenwiki.search.analysis.KnownPhrases;
import org.apache.lucene.analysis.Analyzer;

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
        for (KnownPhrases.Path path : KnownPhrases.paths(analyzer, field, text, MAX_PATHS)) {
            if (path.terms().size() == 1) {
                singles.add(path.terms().get(0));
            } else {
                phrases.add(new Phrase(path.terms(), path.positions()));
            }
        }
        return new TermGraph(singles, List.copyOf(phrases));
    }
}
