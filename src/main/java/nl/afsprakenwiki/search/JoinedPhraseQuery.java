package nl.afsprakenwiki.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafSimScorer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An exact phrase that the index keeps as one term (see {@code KnownPhrases}): it matches where
 * the joined term occurs and scores exactly as Lucene's {@code PhraseQuery} of the same words
 * would (the phrase's frequency in the document, the words' statistics, the field's length), but
 * reads one posting list instead of comparing positions.
 */
final class JoinedPhraseQuery extends Query {

    private final String field;
    private final String joined;
    private final List<String> words;

    JoinedPhraseQuery(String field, String joined, List<String> words) {
        this.field = Objects.requireNonNull(field);
        this.joined = Objects.requireNonNull(joined);
        this.words = List.copyOf(words);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        TermStates states = TermStates.build(searcher, new Term(field, joined), false);
        SimScorer simScorer = scoreMode.needsScores() ? statistics(searcher, boost) : null;
        SimScorer scoring = simScorer != null ? simScorer : new SimScorer() {
            @Override
            public float score(float freq, long norm) {
                return 1;
            }
        };
        return new Weight(this) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                PostingsEnum postings = postings(context, states, scoreMode.needsScores());
                if (postings == null) {
                    return null;
                }
                LeafSimScorer leaf = new LeafSimScorer(scoring, context.reader(), field, scoreMode.needsScores());
                return new Scorer(this) {
                    @Override
                    public int docID() {
                        return postings.docID();
                    }

                    @Override
                    public DocIdSetIterator iterator() {
                        return postings;
                    }

                    @Override
                    public float getMaxScore(int upTo) {
                        return Float.POSITIVE_INFINITY;
                    }

                    @Override
                    public float score() throws IOException {
                        return leaf.score(postings.docID(), postings.freq());
                    }
                };
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                PostingsEnum postings = postings(context, states, true);
                if (postings == null || postings.advance(doc) != doc) {
                    return Explanation.noMatch("no matching phrase");
                }
                LeafSimScorer leaf = new LeafSimScorer(scoring, context.reader(), field, true);
                Explanation freq = Explanation.match(postings.freq(), "phraseFreq=" + postings.freq());
                return leaf.explain(doc, freq);
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return true;
            }
        };
    }

    /** As {@code PhraseQuery} computes it: the field's statistics and those of each word found. */
    private SimScorer statistics(IndexSearcher searcher, float boost) throws IOException {
        List<TermStatistics> found = new ArrayList<>();
        for (String word : words) {
            Term term = new Term(field, word);
            TermStates states = TermStates.build(searcher, term, true);
            if (states.docFreq() > 0) {
                found.add(searcher.termStatistics(term, states.docFreq(), states.totalTermFreq()));
            }
        }
        CollectionStatistics collection = searcher.collectionStatistics(field);
        if (found.isEmpty()) {
            return null;
        }
        return searcher.getSimilarity().scorer(boost, collection, found.toArray(TermStatistics[]::new));
    }

    private PostingsEnum postings(LeafReaderContext context, TermStates states, boolean freqs) throws IOException {
        TermState state = states.get(context);
        if (state == null) {
            return null;
        }
        TermsEnum terms = context.reader().terms(field).iterator();
        terms.seekExact(new BytesRef(joined), state);
        return terms.postings(null, freqs ? PostingsEnum.FREQS : PostingsEnum.NONE);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            visitor.consumeTerms(this, words.stream().map(word -> new Term(field, word)).toArray(Term[]::new));
        }
    }

    @Override
    public String toString(String defaultField) {
        return (field.equals(defaultField) ? "" : field + ":") + "\"" + joined.replace(' ', '_') + "\"";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && field.equals(((JoinedPhraseQuery) other).field)
                && joined.equals(((JoinedPhraseQuery) other).joined) && words.equals(((JoinedPhraseQuery) other).words);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), field, joined, words);
    }
}
