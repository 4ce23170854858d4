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
        consider(worst, published, Fields.TITLE, titleWords(analyzer, title), limits);
        Terms vector = docReader.termVectors().get(docId, Fields.BODY);
        if (vector != null) {
            TreeMap<BytesRef, Integer> body = new TreeMap<>();
            TermsEnum words = vector.iterator();
            for (BytesRef word = words.next(); word != null; word = words.next()) {
                // a known phrase's joined term (its words with spaces) would count its words twice
                if (!isPhrase(word)) {
                    body.put(BytesRef.deepCopyOf(word), (int) words.totalTermFreq());
                }
            }
            consider(worst, published, Fields.BODY, body, limits);
        }
        List<Word> best = new ArrayList<>(worst);
        best.sort(BEST_FIRST);
        return best;
    }

    private record Limits(int minDocFreq, int maxDocFreq) {
    }

    /** Adds the qualifying words of {@code field} (in term order) to the thirty best so far. */
    private static void consider(PriorityQueue<Word> worst, IndexReader published, String field,
                                 TreeMap<BytesRef, Integer> frequencies, Limits limits) throws IOException {
        Terms dictionary = MultiTerms.getTerms(published, field);
        if (dictionary == null || frequencies.isEmpty()) {
            return;
        }
        int docCount = dictionary.getDocCount();
        long inField = docCount > 0 ? docCount : published.numDocs();
        TermsEnum lookup = dictionary.iterator();
        for (var entry : frequencies.entrySet()) {
            BytesRef term = entry.getKey();
            if (term.utf8ToString().length() < MIN_WORD_LENGTH || !lookup.seekExact(term)) {
                continue;
            }
            int docFreq = lookup.docFreq();
            if (docFreq < limits.minDocFreq() || docFreq > limits.maxDocFreq() || docFreq == 0) {
                continue;
            }
            float score = entry.getValue() * IDF.idf(docFreq, inField);
            Word word = new Word(field, term, score);
            if (worst.size() < MAX_WORDS) {
                worst.add(word);
            } else if (BEST_FIRST.compare(word, worst.peek()) < 0) {
                worst.poll();
                worst.add(word);
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
