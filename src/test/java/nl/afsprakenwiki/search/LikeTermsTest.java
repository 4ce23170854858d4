package nl.afsprakenwiki.search;

import nl.afsprakenwiki.testing.TestApp;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LikeTerms} chooses the words Lucene's MoreLikeThis chooses from the analysed text, with the
 * same weights - read from the index instead of analysing again - and never a known phrase's joined term.
 */
class LikeTermsTest {

    @TempDir
    Path dir;

    @Test
    void theWordsAndWeightsAreMoreLikeThisOnesForEveryDemoAgreement() {
        try (TestApp app = TestApp.startWithDemo(dir)) {
            app.awaitSearch();
            SearchIndex index = app.services.search().index();
            var analyzer = index.analyzers().dutch().textAnalyzer();
            int[] compared = {0, 0};
            index.withSnapshot(snapshot -> {
                try {
                    IndexSearcher searcher = snapshot.publicSearcher();
                    for (ScoreDoc hit : searcher.search(new MatchAllDocsQuery(), 1_000).scoreDocs) {
                        Document doc = searcher.storedFields().document(hit.doc, Set.of(Fields.TITLE, Fields.BODY));
                        Map<String, Float> mine = new HashMap<>();
                        List<LikeTerms.Word> words = LikeTerms.of(snapshot.publicReader(), snapshot.publicReader(), hit.doc,
                                doc.get(Fields.TITLE), analyzer);
                        words.forEach(w -> mine.put(w.field() + ":" + w.term().utf8ToString(), w.score() / words.get(0).score()));
                        Map<String, Float> theirs = moreLikeThis(snapshot, analyzer, doc);
                        assertThat(mine).as("words of %s", doc.get(Fields.TITLE)).hasSameSizeAs(theirs);
                        // at the last place words of equal score may be chosen otherwise: compare those above it
                        float last = mine.values().stream().min(Float::compare).orElse(0f);
                        mine.forEach((word, weight) -> {
                            if (weight > last * 1.0001f) {
                                assertThat(theirs).as("%s in %s", word, doc.get(Fields.TITLE)).containsKey(word);
                                assertThat(theirs.get(word)).isCloseTo(weight, Percentage.withPercentage(0.01));
                                compared[0]++;
                            }
                        });
                        assertThat(mine.keySet()).noneMatch(word -> word.contains(" "));
                        compared[1] += phraseTerms(searcher, hit.doc);
                    }
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertThat(compared[0]).as("words compared").isGreaterThan(500);
            assertThat(compared[1]).as("joined phrase terms in the bodies, left out").isPositive();
        }
    }

    /** MoreLikeThis's words as SimilarAgreements configured it before LikeTerms, weights relative to the best. */
    private static Map<String, Float> moreLikeThis(Snapshot snapshot, Analyzer analyzer, Document doc) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(snapshot.publicReader());
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(new String[]{Fields.TITLE, Fields.BODY});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(snapshot.publicReader().numDocs() > 200 ? 2 : 1);
        mlt.setMaxDocFreqPct(25);
        mlt.setMinWordLen(3);
        mlt.setMaxQueryTerms(LikeTerms.MAX_WORDS);
        mlt.setBoost(true);
        Map<String, Collection<Object>> text = Map.of(Fields.TITLE, List.of(doc.get(Fields.TITLE)),
                Fields.BODY, List.of(doc.get(Fields.BODY)));
        Map<String, Float> words = new HashMap<>();
        float best = 0;
        for (BooleanClause clause : ((BooleanQuery) mlt.like(text)).clauses()) {
            BoostQuery boosted = (BoostQuery) clause.getQuery();
            Term term = ((TermQuery) boosted.getQuery()).getTerm();
            words.put(term.field() + ":" + term.text(), boosted.getBoost());
            best = Math.max(best, boosted.getBoost());
        }
        float top = best;
        words.replaceAll((word, boost) -> boost / top);
        return words;
    }

    private static int phraseTerms(IndexSearcher searcher, int docId) throws IOException {
        int phrases = 0;
        TermsEnum terms = searcher.getIndexReader().termVectors().get(docId, Fields.BODY).iterator();
        for (BytesRef term = terms.next(); term != null; term = terms.next()) {
            phrases += term.utf8ToString().contains(" ") ? 1 : 0;
        }
        return phrases;
    }
}
