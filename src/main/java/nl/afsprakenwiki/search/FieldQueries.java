package nl.afsprakenwiki.search;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The field-weighted Lucene queries a concept is built from: BM25F over all fields, phrases, nearness. */
final class FieldQueries {

    /** Field weights: the title weighs most, then headings and the context (themes, parties, place). */
    static final Map<String, Float> FIELDS = fields();
    /** A compound's halves count when at most this many words apart ("bemiddeling bij wachtlijsten"). */
    static final int COMPOUND_SLOP = 4;
    private static final float PHRASE_TIE = 0.1f;

    private FieldQueries() {
    }

    /** The words to mark in titles and snippets: each term of a way, in the title and the text. */
    static Query highlightTerms(Set<String> terms) {
        BooleanQuery.Builder marks = new BooleanQuery.Builder();
        for (String term : terms) {
            marks.add(new TermQuery(new Term(Fields.TITLE, term)), Occur.SHOULD);
            marks.add(new TermQuery(new Term(Fields.BODY, term)), Occur.SHOULD);
        }
        return marks.build();
    }

    /**
     * One group of interchangeable terms in every field at once: BM25F over the weighted fields, read
     * from the one field that holds their weighted frequencies and lengths ({@link Fields#WEIGHTED}),
     * the terms' frequencies added up as if they were one word (Lucene's {@code SynonymQuery}).
     */
    static Query combined(Set<String> terms) {
        if (terms.size() == 1) {
            return new TermQuery(new Term(Fields.WEIGHTED, terms.iterator().next()));
        }
        SynonymQuery.Builder builder = new SynonymQuery.Builder(Fields.WEIGHTED);
        terms.forEach(term -> builder.addTerm(new Term(Fields.WEIGHTED, term)));
        return builder.build();
    }

    /**
     * A phrase in each field, weighted by field; the best field counts, the others a little.
     * {@code joined}: the phrase's term when the index keeps it as one (searched as that term,
     * scored as the phrase), or null.
     */
    static Query phrase(List<String> terms, List<Integer> positions, String joined) {
        List<Query> fields = new ArrayList<>();
        FIELDS.forEach((field, weight) -> {
            if (field.equals(Fields.HEADINGS)) {
                return; // a heading's words are in the text too
            }
            fields.add(new BoostQuery(inField(field, terms, positions, joined), weight));
        });
        return new DisjunctionMaxQuery(fields, PHRASE_TIE);
    }

    /** The exact phrase in one field: its joined term when the index has one, else a phrase query. */
    static Query inField(String field, List<String> terms, List<Integer> positions, String joined) {
        if (joined != null) {
            return new JoinedPhraseQuery(field, joined, terms);
        }
        PhraseQuery.Builder builder = new PhraseQuery.Builder();
        for (int i = 0; i < terms.size(); i++) {
            builder.add(new Term(field, terms.get(i)), positions.get(i));
        }
        return builder.build();
    }

    /**
     * A compound's halves near each other, in either order, in the title or the text (the index has
     * them stacked on every written compound, so the compound itself matches too).
     */
    static Query near(List<String> halves) {
        List<Query> fields = new ArrayList<>();
        for (String field : List.of(Fields.TITLE, Fields.BODY)) {
            fields.add(new BoostQuery(new PhraseQuery(COMPOUND_SLOP, field, halves.toArray(String[]::new)),
                    FIELDS.get(field)));
        }
        return new DisjunctionMaxQuery(fields, PHRASE_TIE);
    }

    static List<Integer> positions(int count) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            positions.add(i);
        }
        return positions;
    }

    private static Map<String, Float> fields() {
        Map<String, Float> fields = new LinkedHashMap<>();
        fields.put(Fields.TITLE, 4f);
        fields.put(Fields.HEADINGS, 2f);
        fields.put(Fields.CONTEXT, 2f);
        fields.put(Fields.BODY, 1f);
        return Collections.unmodifiableMap(fields);
    }
}
