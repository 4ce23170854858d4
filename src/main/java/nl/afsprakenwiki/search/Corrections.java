package nl.afsprakenwiki.search;

import nl.afsprakenwiki.search.ParsedQuery.Alternative;
import nl.afsprakenwiki.search.ParsedQuery.Form;
import nl.afsprakenwiki.search.analysis.DutchAnalysis;
import nl.afsprakenwiki.search.analysis.DutchAnalysis.Token;
import org.apache.lucene.analysis.Analyzer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spelling: a typed word that no readable text contains and that is no Dutch word either is searched
 * for as the closest word that a readable text does contain (as well as itself), and the page says so; a word that only a text or two contains, near a
 * much more common one, is offered as "Bedoelde u …?". Only words the viewer may read count (see
 * {@link Vocabulary}).
 */
final class Corrections {

    /** Shorter words are not corrected: too many near neighbours. */
    private static final int MIN_LENGTH = 4;
    /** Words this long may have two typing errors; shorter ones one. */
    private static final int TWO_ERRORS = 6;
    /** "Bedoelde u" for a word found in at most this many texts ... */
    private static final int RARE = 2;
    /** ... when a near word is found in this many times as many. */
    private static final int MORE_COMMON = 10;

    private final Analyzer words;
    private final DutchAnalysis dutch;

    Corrections(Analyzers analyzers) {
        this.words = analyzers.spell();
        this.dutch = analyzers.dutch();
    }

    /** For each typed word that no readable text contains, the readable word to search for as well. */
    Map<String, String> forUnknownWords(ParsedQuery parsed, Vocabulary vocabulary) {
        Map<String, String> corrections = new LinkedHashMap<>();
        for (String word : singleWords(parsed)) {
            String term = term(word);
            // a real word that no agreement happens to use is no typing error (stelling is not stellen)
            if (term == null || term.length() < MIN_LENGTH || vocabulary.texts(term) > 0
                    || dutch.isDictionaryWord(term)) {
                continue;
            }
            List<Vocabulary.Candidate> near = vocabulary.near(term, term.length() >= TWO_ERRORS ? 2 : 1);
            if (!near.isEmpty()) {
                corrections.put(word, near.get(0).word());
            }
        }
        return corrections;
    }

    /** The query with a rare word replaced by a much more common near one, or null. */
    String suggestion(ParsedQuery parsed, Vocabulary vocabulary) {
        String text = parsed.text();
        boolean changed = false;
        for (String word : singleWords(parsed)) {
            String term = term(word);
            if (term == null || term.length() < MIN_LENGTH) {
                continue;
            }
            int texts = vocabulary.texts(term);
            if (texts == 0 || texts > RARE) {
                continue;
            }
            for (Vocabulary.Candidate candidate : vocabulary.near(term, term.length() >= TWO_ERRORS ? 2 : 1)) {
                if (candidate.texts() >= MORE_COMMON * texts) {
                    text = replace(text, word, candidate.word());
                    changed = true;
                    break;
                }
            }
        }
        return changed ? text : null;
    }

    /** {@code text} with the first {@code word} (as a whole word, any case) replaced. */
    static String replace(String text, String word, String replacement) {
        Matcher matcher = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
        return matcher.find() ? text.substring(0, matcher.start()) + replacement + text.substring(matcher.end()) : text;
    }

    /** The one readable word a typed word is, or null when it is none or several. */
    private String term(String word) {
        List<Token> tokens = DutchAnalysis.tokens(words, Fields.SPELL, word);
        if (tokens.size() != 1) {
            return null;
        }
        String term = tokens.get(0).term();
        return term.chars().allMatch(Character::isLetter) ? term : null;
    }

    /** Typed single words that could be misspelled: not phrases, prefixes, or exclusions. */
    private static List<String> singleWords(ParsedQuery parsed) {
        return parsed.concepts().stream().flatMap(concept -> concept.alternatives().stream())
                .filter(alternative -> alternative.form() == Form.WORDS && !alternative.text().contains(" "))
                .map(Alternative::text).distinct().toList();
    }
}
