package nl.afsprakenwiki.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.similarities.ClassicSimilarity;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The characteristic words of one agreement, chosen as Lucene's MoreLikeThis chooses them (per field,
 * term frequency in the text times inverse document frequency in published text; words shorter than
 * three letters, in fewer than two or in more than a quarter of the published agreements left out;
 * the thirty best) - but read from what the index already holds: the body's words and counts from its
 * term vector (without the joined terms of known phrases, as in {@code DutchAnalysis#textAnalyzer}),
 * and their document frequencies with one walk through the public dictionary in term order, instead
 * of analysing the text again and looking each word up afresh. The title, short and without a term
 * vector, is analysed with {@code analyzer}.
 */
final class LikeTerms {

    static final int MAX_WORDS = 30;
    private static final int MIN_WORD_LENGTH = 3;
    private static final int MAX_DOC_FREQ_PERCENT = 25;
    private static final ClassicSimilarity IDF = new ClassicSimilarity();
    /** Best first; equal scores in field and term order, so the choice does not depend on hashing. */
    private static final Comparator<Word> BEST_FIRST = Comparator.comparingDouble(Word::score).reversed()
            .thenComparing(Word::field).thenComparing(Word::term);

    /** A chosen word of {@code field}, with its tf·idf score. */
    record Word(String field, BytesRef term, float score) {
    }

    private LikeTerms() {
    }

    /**
     * The best words of the document {@code docId} of {@code docReader} (whose title is {@code title}),
     * scored on the statistics of {@code published}; best first, empty when none qualifies.
     */
    static List<Word> of(IndexReader published, IndexReader docReader, int docId, String title, Analyzer analyzer)
            throws IOException {
        int documents = published.numDocs();
        Limits limits = new Limits(documents > 200 ? 2 : 1, (int) ((long) MAX_DOC_FREQ_PERCENT * documents / 100));
        PriorityQueue<Word> worst = new PriorityQueue<>(BEST_FIRST.reversed());
        Lookup titles = Lookup.of(published, Fields.TITLE);
        if (titles != null) {
            for (var entry : titleWords(analyzer, title).entrySet()) {
                titles.consider(worst, entry.getKey(), entry.getValue(), limits);
            }
        }
        Terms vector = docReader.termVectors().get(docId, Fields.BODY);
        Lookup bodies = Lookup.of(published, Fields.BODY);
        if (vector != null && bodies != null) {
            // the vector's words come in term order already
            TermsEnum words = vector.iterator();
            for (BytesRef word = words.next(); word != null; word = words.next()) {
                // a known phrase's joined term (its words with spaces) would count its words twice
                if (!isPhrase(word)) {
                    bodies.consider(worst, word, (int) words.totalTermFreq(), limits);
                }
            }
        }
        List<Word> best = new ArrayList<>(worst);
        best.sort(BEST_FIRST);
        return best;
    }

    private record Limits(int minDocFreq, int maxDocFreq) {
    }

    /** One field of the public dictionary, walked by words asked for in term order. */
    private record Lookup(String field, TermsEnum dictionary, long inField) {

        /** Null when no published agreement has the field. */
        static Lookup of(IndexReader published, String field) throws IOException {
            Terms terms = MultiTerms.getTerms(published, field);
            if (terms == null) {
                return null;
            }
            int docCount = terms.getDocCount();
            return new Lookup(field, terms.iterator(), docCount > 0 ? docCount : published.numDocs());
        }

        /** Adds {@code term} to the thirty best so far when it qualifies and scores high enough. */
        void consider(PriorityQueue<Word> worst, BytesRef term, int frequency, Limits limits) throws IOException {
            // fewer than three characters: at most six bytes of UTF-8
            if ((term.length < 7 && term.utf8ToString().length() < MIN_WORD_LENGTH) || !dictionary.seekExact(term)) {
                return;
            }
            int docFreq = dictionary.docFreq();
            if (docFreq < limits.minDocFreq() || docFreq > limits.maxDocFreq() || docFreq == 0) {
                return;
            }
            float score = frequency * IDF.idf(docFreq, inField);
            if (worst.size() < MAX_WORDS) {
                worst.add(new Word(field, BytesRef.deepCopyOf(term), score));
            } else if (score >= worst.peek().score()) {
                Word word = new Word(field, BytesRef.deepCopyOf(term), score);
                if (BEST_FIRST.compare(word, worst.peek()) < 0) {
                    worst.poll();
                    worst.add(word);
                }
            }
        }
    }

    private static boolean isPhrase(BytesRef term) {
        for (int i = term.offset; i < term.offset + term.length; i++) {
            if (term.bytes[i] == ' ') {
                return true;
            }
        }
        return false;
    }

    private static TreeMap<BytesRef, Integer> titleWords(Analyzer analyzer, String title) throws IOException {
        TreeMap<BytesRef, Integer> words = new TreeMap<>();
        if (title == null) {
            return words;
        }
        try (TokenStream tokens = analyzer.tokenStream(Fields.TITLE, title)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.merge(new BytesRef(term), 1, Integer::sum);
            }
            tokens.end();
        }
        return words;
    }
}
