package nl.afsprakenwiki.search;

import nl.afsprakenwiki.search.analysis.DutchAnalysis;
import nl.afsprakenwiki.search.analysis.DutchAnalysis.Token;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * "Bedoelde u …?": words of a query that occur nowhere in published text are replaced by the most
 * similar word that does (up to two typing errors), keeping the rest of the query - operators,
 * quotes - as typed.
 */
final class Corrections {

    private final Analyzer words;
    private final DirectSpellChecker checker = new DirectSpellChecker();

    Corrections(Analyzer words) {
        this.words = words;
        checker.setMaxEdits(2);
        checker.setMinPrefix(1);
        checker.setMinQueryLength(4);
        checker.setAccuracy(0.6f);
    }

    /** The corrected query, or null when no word needed (or had) a correction. */
    String correct(IndexReader reader, String text) {
        StringBuilder corrected = new StringBuilder();
        int copied = 0;
        boolean changed = false;
        try {
            for (Token token : DutchAnalysis.tokens(words, Fields.SPELL, text)) {
                int start = token.start();
                int end = token.end();
                Term word = new Term(Fields.SPELL, token.term());
                if (start < copied || excluded(text, start) || isPrefix(text, end) || reader.docFreq(word) > 0) {
                    continue;
                }
                SuggestWord[] suggestions = checker.suggestSimilar(word, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                if (suggestions.length > 0) {
                    corrected.append(text, copied, start).append(suggestions[0].string);
                    copied = end;
                    changed = true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!changed) {
            return null;
        }
        return corrected.append(text, copied, text.length()).toString();
    }

    /** Words after a minus are meant to be left out; correcting them helps nobody. */
    private static boolean excluded(String text, int start) {
        int i = start - 1;
        while (i >= 0 && text.charAt(i) == '"') {
            i--;
        }
        return i >= 0 && text.charAt(i) == '-' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)));
    }

    private static boolean isPrefix(String text, int end) {
        return end < text.length() && text.charAt(end) == '*';
    }
}
