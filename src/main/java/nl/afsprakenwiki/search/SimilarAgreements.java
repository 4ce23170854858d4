package nl.afsprakenwiki.search;

import nl.afsprakenwiki.access.Viewer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.Similarity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Vergelijkbare afspraken in andere gemeenten": MoreLikeThis on the agreement's text as the viewer
 * reads it (a member also for a concept), among what the viewer may find, in other municipalities
 * only. Only agreements that are really alike are shown: one scores at least {@link #MIN_LIKENESS}
 * of what the agreement scores against its own text, or it is left out - none rather than weak
 * ones. Word rarity comes from published text only. Answers are kept while the index they were
 * found in stays the same: for a visitor, until the public index changes.
 */
public final class SimilarAgreements {

    private static final int LIMIT = 5;
    private static final int CACHED = 30_000;
    /** A similar agreement scores at least this share of the agreement's score against itself. */
    static final float MIN_LIKENESS = 0.2f;

    /** An agreement that resembles the one being read. */
    public record Similar(long id, String title, String municipality, String koppelzoneName, String status) {
    }

    /** What an answer depends on: the document, who looks, and the generations of the readers searched (-1: not searched). */
    private record Key(String document, Query visibility, long publicGeneration, long currentGeneration) {
    }

    private final SearchIndex index;
    private final Analyzer analyzer;
    private final Map<Key, List<Similar>> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, List<Similar>> eldest) {
            return size() > CACHED;
        }
    });

    SimilarAgreements(SearchIndex index, Analyzer analyzer) {
        this.index = index;
        this.analyzer = analyzer;
    }

    /** Agreements like agreement {@code id} (in koppelzone {@code koppelzoneId}) in other municipalities. */
    public List<Similar> like(long id, long koppelzoneId, Viewer viewer) {
        Query visible = Visibility.filter(viewer);
        String document = Visibility.keyFor(viewer, id, koppelzoneId);
        return index.withSnapshot(snapshot -> {
            IndexSearcher searcher = snapshot.searcherFor(viewer);
            // an answer depends on nothing but the readers it is found in: a visitor's only on the
            // public index, so saving a draft (which changes only the other one) keeps it
            Key key = new Key(document, visible, snapshot.publicGeneration(),
                    searcher == snapshot.publicSearcher() ? -1 : snapshot.currentGeneration());
            List<Similar> cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
            List<Similar> found = find(snapshot, searcher, document, id, visible);
            cache.put(key, found);
            return found;
        });
    }

    private List<Similar> find(Snapshot snapshot, IndexSearcher searcher, String documentKey, long id, Query visible) {
        try {
            Query own = new TermQuery(new Term(Fields.KEY, documentKey));
            TopDocs found = searcher.search(own, 1);
            if (found.scoreDocs.length == 0) {
                return List.of();
            }
            int docId = found.scoreDocs[0].doc;
            Document doc = searcher.storedFields().document(docId, Set.of(Fields.MUNICIPALITY_SLUG, Fields.TITLE));
            Like like = likeQuery(snapshot, searcher, docId, doc.get(Fields.TITLE));
            if (like == null) {
                return List.of();
            }
            Query words = like.query();
            float selfScore = like.selfScore();
            if (selfScore <= 0) {
                return List.of();
            }
            float threshold = MIN_LIKENESS * selfScore;
            BooleanQuery.Builder others = new BooleanQuery.Builder()
                    .add(words, Occur.MUST)
                    .add(new TermQuery(new Term(Fields.AGREEMENT, Long.toString(id))), Occur.MUST_NOT)
                    .add(new TermQuery(new Term(Fields.MUNICIPALITY_SLUG, doc.get(Fields.MUNICIPALITY_SLUG))),
                            Occur.MUST_NOT);
            if (searcher != snapshot.publicSearcher()) {
                others.add(visible, Occur.FILTER);
            }
            Query query = others.build();
            List<Similar> similar = new ArrayList<>();
            TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(LIMIT, null, LIMIT));
            StoredFields stored = searcher.storedFields(); // one reader, its buffers kept for every hit
            for (ScoreDoc hit : top.scoreDocs) {
                if (hit.score < threshold) {
                    break;
                }
                Document other = stored.document(hit.doc, Set.of(Fields.AGREEMENT, Fields.TITLE,
                        Fields.STORED_MUNICIPALITY, Fields.STORED_KOPPELZONE_NAME, Fields.STORED_STATUS));
                similar.add(new Similar(Long.parseLong(other.get(Fields.AGREEMENT)), other.get(Fields.TITLE),
                        other.get(Fields.STORED_MUNICIPALITY), other.get(Fields.STORED_KOPPELZONE_NAME),
                        other.get(Fields.STORED_STATUS)));
            }
            return List.copyOf(similar);
        } catch (IOException e) {
            throw new UncheckedIOException("finding similar agreements failed", e);
        }
    }

    /** The query of an agreement's characteristic words, and the score of the agreement itself for it. */
    private record Like(Query query, float selfScore) {
    }

    /**
     * The characteristic words of the text ({@link LikeTerms}), weighted by their rarity in published
     * text. Each word's statistics in {@code searcher} are looked up once for both uses, with one
     * dictionary walk per segment and field (words in term order) rather than a fresh one per word.
     * The agreement's score for its own words - what likeness is measured against - is computed from
     * its own postings and length with the searcher's similarity, as the search would score it, instead
     * of by a second search.
     */
    private Like likeQuery(Snapshot snapshot, IndexSearcher searcher, int docId, String title) throws IOException {
        List<LikeTerms.Word> words = LikeTerms.of(snapshot.publicReader(), searcher.getIndexReader(), docId, title,
                analyzer);
        if (words.isEmpty()) {
            return null;
        }
        float best = words.get(0).score();
        List<LikeTerms.Word> inTermOrder = new ArrayList<>(words);
        inTermOrder.sort(Comparator.comparing(LikeTerms.Word::field).thenComparing(LikeTerms.Word::term));
        IndexReaderContext top = searcher.getTopReaderContext();
        Map<LikeTerms.Word, TermStates> states = new HashMap<>();
        for (LikeTerms.Word word : inTermOrder) {
            states.put(word, new TermStates(top));
        }
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext own = leaves.get(ReaderUtil.subIndex(docId, leaves));
        int ownDoc = docId - own.docBase;
        // how often each word occurs in the agreement itself, and the length of its field, read on the way
        Map<LikeTerms.Word, long[]> ownCounts = new HashMap<>();
        for (LeafReaderContext leaf : leaves) {
            String field = null;
            TermsEnum dictionary = null;
            long norm = 1L;
            for (LikeTerms.Word word : inTermOrder) {
                if (!word.field().equals(field)) {
                    field = word.field();
                    Terms terms = leaf.reader().terms(field);
                    dictionary = terms == null ? null : terms.iterator();
                    if (leaf == own) {
                        NumericDocValues norms = leaf.reader().getNormValues(field);
                        norm = norms != null && norms.advanceExact(ownDoc) ? norms.longValue() : 1L;
                    }
                }
                if (dictionary == null || !dictionary.seekExact(word.term())) {
                    continue;
                }
                states.get(word).register(dictionary.termState(), leaf.ord, dictionary.docFreq(), dictionary.totalTermFreq());
                if (leaf == own) {
                    PostingsEnum postings = dictionary.postings(null, PostingsEnum.FREQS);
                    if (postings.advance(ownDoc) == ownDoc) {
                        ownCounts.put(word, new long[] {postings.freq(), norm});
                    }
                }
            }
        }
        // the agreement's own score, once every leaf has added its counts to the statistics
        double self = 0;
        for (LikeTerms.Word word : inTermOrder) {
            long[] counts = ownCounts.get(word);
            if (counts != null) {
                self += scorer(searcher, word, states.get(word), word.score() / best).score(counts[0], counts[1]);
            }
        }
        BooleanQuery.Builder like = new BooleanQuery.Builder();
        for (LikeTerms.Word word : words) {
            Term term = new Term(word.field(), word.term());
            like.add(new BoostQuery(new TermQuery(term, states.get(word)), word.score() / best), Occur.SHOULD);
        }
        return new Like(like.build(), (float) self);
    }

    /** How the search scores {@code word} with {@code boost}: the searcher's similarity on its statistics. */
    private static Similarity.SimScorer scorer(IndexSearcher searcher, LikeTerms.Word word, TermStates states,
                                               float boost) throws IOException {
        CollectionStatistics collection = searcher.collectionStatistics(word.field());
        TermStatistics term = searcher.termStatistics(new Term(word.field(), word.term()), states.docFreq(),
                states.totalTermFreq());
        return searcher.getSimilarity().scorer(boost, collection, term);
    }
}
