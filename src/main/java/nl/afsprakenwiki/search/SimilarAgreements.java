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

    /**
     * Where a viewer's texts are, searched each on its own: an index, the documents of it that are
     * the viewer's (a filter, or null for all), those that are not (an exclusion, or null), and where
     * its documents begin among both indexes read as one (public first), so equal scores fall as they
     * would in one search of both.
     */
    private record Part(IndexSearcher searcher, Query only, Query except, int docBase) {
    }

    /** A hit of one part. */
    private record Hit(Part part, int doc, float score) {
    }

    private final SearchIndex index;
    private final Analyzer analyzer;
    private final boolean split;
    private final Map<Key, List<Similar>> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, List<Similar>> eldest) {
            return size() > CACHED;
        }
    });

    SimilarAgreements(SearchIndex index, Analyzer analyzer) {
        this(index, analyzer, true);
    }

    /** {@code split}: whether a member's texts are searched per index (see {@link #parts}); off only to compare. */
    SimilarAgreements(SearchIndex index, Analyzer analyzer, boolean split) {
        this.index = index;
        this.analyzer = analyzer;
        this.split = split;
    }

    /** Agreements like agreement {@code id} (in koppelzone {@code koppelzoneId}) in other municipalities. */
    public List<Similar> like(long id, long koppelzoneId, Viewer viewer) {
        Query visible = Visibility.filter(viewer);
        String document = Visibility.keyFor(viewer, id, koppelzoneId);
        return index.withSnapshot(snapshot -> {
            // an answer depends on nothing but the readers it is found in: a visitor's only on the
            // public index, so saving a draft (which changes only the other one) keeps it
            Key key = new Key(document, visible, snapshot.publicGeneration(),
                    Snapshot.readsDrafts(viewer) ? snapshot.currentGeneration() : -1);
            List<Similar> cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
            List<Similar> found = find(snapshot, parts(snapshot, viewer), document, id);
            cache.put(key, found);
            return found;
        });
    }

    /**
     * Where {@code viewer}'s texts are. A visitor's: the public index. A beheerder's: the index of
     * current texts, all of it. A member's: the current texts of the koppelzones where they read
     * drafts, and the published texts of all others - each index narrowed by a filter or an exclusion
     * on those few koppelzones, rather than both indexes read as one through a filter that every
     * matching document steps through (for a beheerder twice the time on the national data set).
     */
    private List<Part> parts(Snapshot snapshot, Viewer viewer) {
        if (!Snapshot.readsDrafts(viewer)) {
            return List.of(new Part(snapshot.publicSearcher(), null, null, 0));
        }
        if (!split) {
            return List.of(new Part(snapshot.allSearcher(), Visibility.filter(viewer), null, 0));
        }
        int afterPublic = snapshot.publicReader().maxDoc();
        if (viewer.admin()) {
            return List.of(new Part(snapshot.currentSearcher(), null, null, afterPublic));
        }
        Query mine = Visibility.draftKoppelzones(viewer);
        return List.of(new Part(snapshot.publicSearcher(), null, mine, 0),
                new Part(snapshot.currentSearcher(), mine, null, afterPublic));
    }

    private List<Similar> find(Snapshot snapshot, List<Part> parts, String documentKey, long id) {
        try {
            Query ownKey = new TermQuery(new Term(Fields.KEY, documentKey));
            Part own = null;
            int ownDoc = -1;
            for (Part part : parts) {
                TopDocs found = part.searcher().search(ownKey, 1);
                if (found.scoreDocs.length > 0) {
                    own = part;
                    ownDoc = found.scoreDocs[0].doc;
                    break;
                }
            }
            if (own == null) {
                return List.of();
            }
            Document doc = own.searcher().storedFields().document(ownDoc, Set.of(Fields.MUNICIPALITY_SLUG, Fields.TITLE));
            List<LikeTerms.Word> words = LikeTerms.of(snapshot.publicReader(), own.searcher().getIndexReader(), ownDoc,
                    doc.get(Fields.TITLE), analyzer);
            if (words.isEmpty()) {
                return List.of();
            }
            Like ownLike = likeQuery(own.searcher(), words, ownDoc);
            if (ownLike.selfScore() <= 0) {
                return List.of();
            }
            float threshold = MIN_LIKENESS * ownLike.selfScore();
            List<Hit> hits = new ArrayList<>();
            for (Part part : parts) {
                Like like = part == own ? ownLike : likeQuery(part.searcher(), words, -1);
                BooleanQuery.Builder others = new BooleanQuery.Builder()
                        .add(like.query(), Occur.MUST)
                        .add(new TermQuery(new Term(Fields.AGREEMENT, Long.toString(id))), Occur.MUST_NOT)
                        .add(new TermQuery(new Term(Fields.MUNICIPALITY_SLUG, doc.get(Fields.MUNICIPALITY_SLUG))),
                                Occur.MUST_NOT);
                if (part.only() != null) {
                    others.add(part.only(), Occur.FILTER);
                }
                if (part.except() != null) {
                    others.add(part.except(), Occur.MUST_NOT);
                }
                TopDocs top = part.searcher().search(others.build(), new TopScoreDocCollectorManager(LIMIT, null, LIMIT));
                for (ScoreDoc hit : top.scoreDocs) {
                    hits.add(new Hit(part, hit.doc, hit.score));
                }
            }
            // ranked as one search of all parts ranks them: by score, equal scores by document
            hits.sort(Comparator.comparingDouble((Hit hit) -> -hit.score()).thenComparingInt(hit -> hit.part().docBase() + hit.doc()));
            List<Similar> similar = new ArrayList<>();
            Map<Part, StoredFields> stored = new HashMap<>(); // one reader per part, its buffers kept for every hit
            for (Hit hit : hits.subList(0, Math.min(LIMIT, hits.size()))) {
                if (hit.score() < threshold) {
                    break;
                }
                StoredFields fields = stored.computeIfAbsent(hit.part(), part -> storedFields(part.searcher()));
                Document other = fields.document(hit.doc(), Set.of(Fields.AGREEMENT, Fields.TITLE,
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

    private static StoredFields storedFields(IndexSearcher searcher) {
        try {
            return searcher.storedFields();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The query of an agreement's characteristic words, and the score of the agreement itself for it. */
    private record Like(Query query, float selfScore) {
    }

    /**
     * The query of the characteristic {@code words} in {@code searcher}, weighted by their rarity in
     * published text. Each word's statistics in {@code searcher} are looked up once for both uses, with
     * one dictionary walk per segment and field (words in term order) rather than a fresh one per word.
     * When the agreement's own document {@code ownDoc} is in {@code searcher} (else -1), its score for
     * its own words - what likeness is measured against - is computed on the way from its own postings
     * and length with the searcher's similarity, as the search would score it, instead of by a second
     * search.
     */
    private Like likeQuery(IndexSearcher searcher, List<LikeTerms.Word> words, int ownDoc) throws IOException {
        float best = words.get(0).score();
        List<LikeTerms.Word> inTermOrder = new ArrayList<>(words);
        inTermOrder.sort(Comparator.comparing(LikeTerms.Word::field).thenComparing(LikeTerms.Word::term));
        IndexReaderContext top = searcher.getTopReaderContext();
        Map<LikeTerms.Word, TermStates> states = new HashMap<>();
        for (LikeTerms.Word word : inTermOrder) {
            states.put(word, new TermStates(top));
        }
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext own = ownDoc < 0 ? null : leaves.get(ReaderUtil.subIndex(ownDoc, leaves));
        int ownInLeaf = own == null ? -1 : ownDoc - own.docBase;
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
                        norm = norms != null && norms.advanceExact(ownInLeaf) ? norms.longValue() : 1L;
                    }
                }
                if (dictionary == null || !dictionary.seekExact(word.term())) {
                    continue;
                }
                states.get(word).register(dictionary.termState(), leaf.ord, dictionary.docFreq(), dictionary.totalTermFreq());
                if (leaf == own) {
                    PostingsEnum postings = dictionary.postings(null, PostingsEnum.FREQS);
                    if (postings.advance(ownInLeaf) == ownInLeaf) {
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
