package nl.afsprakenwiki.search;

import java.util.List;

/**
 * A search as typed, read into what the ranking works with.
 *
 * @param text     the query text as searched (control characters removed, cut when too long)
 * @param concepts what the searcher asks for, each one or more alternatives: a word, a run of words
 *                 that names one thing ("lokaal team"), a "quoted phrase", word* or a OF b
 * @param excluded what must not occur (-woord, NIET woord, -"woordgroep")
 * @param notice   a message key about what was done with odd input, or null
 */
record ParsedQuery(String text, List<Concept> concepts, List<Alternative> excluded, String notice) {

    /** How an alternative is matched. */
    enum Form {
        /** Analysed words, with synonyms, compound parts, corrections and related words. */
        WORDS,
        /** A quoted phrase: these words in this order, with synonyms but nothing looser. */
        PHRASE,
        /** Words that start with the text (word*). */
        PREFIX
    }

    /** One way of writing a concept. */
    record Alternative(String text, Form form) {
    }

    /**
     * Something the searcher asks for. {@code label} is how they wrote it, for "mist: …";
     * {@code required} when they asked for it explicitly (+woord, EN, a quoted phrase).
     */
    record Concept(String label, List<Alternative> alternatives, boolean required) {
    }

    /** Whether the query is words only: no operators, nothing required, excluded or alternative. */
    boolean plainWords() {
        return !concepts.isEmpty() && excluded.isEmpty() && concepts.stream().noneMatch(Concept::required)
                && concepts.stream().allMatch(concept -> concept.alternatives().stream()
                .allMatch(alternative -> alternative.form() == Form.WORDS));
    }

    /** Whether there is anything to search for; without it, every agreement matches. */
    boolean isEmpty() {
        return concepts.isEmpty();
    }
}
