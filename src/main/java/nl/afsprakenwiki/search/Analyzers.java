package nl.afsprakenwiki.search;

import nl.afsprakenwiki.search.analysis.DutchAnalysis;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

import java.util.Map;
import java.util.Set;

/**
 * The analyzers per field, at index and at query time: Dutch analysis for the text fields, plain
 * readable words for spelling suggestions and typing suggestions.
 */
public record Analyzers(Analyzer index, Analyzer query, Analyzer spell, DutchAnalysis dutch) {

    public static Analyzers of(DutchAnalysis dutch) {
        Map<String, Analyzer> words = Map.of(Fields.SPELL, dutch.spellAnalyzer(), Fields.TITLE_WORDS,
                dutch.spellAnalyzer());
        return new Analyzers(new PerFieldAnalyzerWrapper(dutch.indexAnalyzer(), words),
                new PerFieldAnalyzerWrapper(dutch.queryAnalyzer(), words), dutch.spellAnalyzer(), dutch);
    }

    Set<String> synonymPhrases() {
        return dutch.synonymPhrases();
    }

    /** Which phrases the index keeps as one term each (see {@code KnownPhrases#fingerprint}). */
    String phrasesFingerprint() {
        return dutch.knownPhrases().fingerprint();
    }
}
