package nl.afsprakenwiki.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The readable words (unstemmed, folded) of the texts one viewer may read: the public index's for
 * everyone, and for members also those of the drafts in their own koppelzones - never anyone
 * else's drafts, so that spelling corrections give nothing away.
 */
final class Vocabulary {

    /** Near words looked at per misspelled word: enough to find the best, cheap to count. */
    private static final int MAX_CANDIDATES = 200;

    /** A readable word close to a typed one: its edit distance and in how many visible texts it occurs. */
    record Candidate(String word, int distance, int texts) {
    }

    private final IndexSearcher searcher;
    private final Query visible;
    private final List<IndexReader> sources;

    Vocabulary(Snapshot snapshot, IndexSearcher searcher, Query visible) {
        this.searcher = searcher;
        this.visible = visible;
        this.sources = searcher == snapshot.publicSearcher() ? List.of(snapshot.publicReader())
                : List.of(snapshot.publicReader(), snapshot.currentReader());
    }

    /** In how many texts the viewer may read {@code word} occurs. */
    int texts(String word) {
        try {
            if (sources.size() == 1) {
                return sources.get(0).docFreq(new Term(Fields.SPELL, word)); // all of it is public
            }
            return searcher.count(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(Fields.SPELL, word)), Occur.MUST)
                    .add(visible, Occur.FILTER).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Readable words within {@code maxEdits} typing errors of {@code word} (a swap of two neighbouring
     * letters is one error), with the same first letter, that occur in a text the viewer may read.
     */
    List<Candidate> near(String word, int maxEdits) {
        boolean onlyPublic = sources.size() == 1;
        java.util.Map<String, Integer> found = new java.util.LinkedHashMap<>();
        try {
            // one automaton of every word within maxEdits (the distance is measured below): Lucene's
            // FuzzyTermsEnum would also build one for each smaller distance, to rank by it
            CompiledAutomaton near = within(word, maxEdits);
            for (IndexReader source : sources) {
                Terms terms = MultiTerms.getTerms(source, Fields.SPELL);
                if (terms == null) {
                    continue;
                }
                TermsEnum fuzzy = near.getTermsEnum(terms);
                for (BytesRef term = fuzzy.next(); term != null && found.size() < MAX_CANDIDATES; term = fuzzy.next()) {
                    String candidate = term.utf8ToString();
                    if (!candidate.equals(word) && candidate.length() >= 3 && !found.containsKey(candidate)) {
                        // the public index holds only what everyone may read: its own count is the answer
                        found.put(candidate, onlyPublic ? fuzzy.docFreq() : -1);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Candidate> candidates = new ArrayList<>();
        found.forEach((candidate, count) -> {
            int distance = EditDistance.damerau(word, candidate);
            if (distance <= maxEdits) {
                int texts = count >= 0 ? count : texts(candidate);
                if (texts > 0) {
                    candidates.add(new Candidate(candidate, distance, texts));
                }
            }
        });
        candidates.sort(java.util.Comparator.comparingInt(Candidate::distance)
                .thenComparing(Candidate::texts, java.util.Comparator.reverseOrder()).thenComparing(Candidate::word));
        return candidates;
    }

    /** The words within {@code maxEdits} of {@code word} that begin with its first letter (a swap is one edit). */
    private static CompiledAutomaton within(String word, int maxEdits) {
        int first = Character.charCount(word.codePointAt(0));
        int[] rest = word.substring(first).codePoints().toArray();
        Automaton automaton = new LevenshteinAutomata(rest, Character.MAX_CODE_POINT, true)
                .toAutomaton(maxEdits, word.substring(0, first));
        return new CompiledAutomaton(automaton, true, false);
    }
}
