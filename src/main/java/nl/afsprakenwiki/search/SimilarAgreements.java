package nl.afsprakenwiki.search;

import nl.afsprakenwiki.access.Viewer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
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
    private static final int CACHED = 5_000;
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
            Query words = likeQuery(snapshot, searcher, docId, doc.get(Fields.TITLE));
            if (words == null) {
                return List.of();
            }
            TopDocs self = searcher.search(new BooleanQuery.Builder().add(words, Occur.MUST).add(own, Occur.FILTER)
                    .build(), 1);
            if (self.scoreDocs.length == 0) {
                return List.of();
            }
            float threshold = MIN_LIKENESS * self.scoreDocs[0].score;
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
            for (ScoreDoc hit : top.scoreDocs) {
                if (hit.score < threshold) {
                    break;
                }
                Document other = searcher.storedFields().document(hit.doc, Set.of(Fields.AGREEMENT, Fields.TITLE,
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

    /**
     * The characteristic words of the text ({@link LikeTerms}), weighted by their rarity in published
     * text, each with its statistics in {@code searcher} looked up once for both searches.
     */
    private Query likeQuery(Snapshot snapshot, IndexSearcher searcher, int docId, String title) throws IOException {
        List<LikeTerms.Word> words = LikeTerms.of(snapshot.publicReader(), searcher.getIndexReader(), docId, title,
                analyzer);
        if (words.isEmpty()) {
            return null;
        }
        float best = words.get(0).score();
        BooleanQuery.Builder like = new BooleanQuery.Builder();
        for (LikeTerms.Word word : words) {
            Term term = new Term(word.field(), word.term());
            like.add(new BoostQuery(new TermQuery(term, TermStates.build(searcher, term, true)), word.score() / best),
                    Occur.SHOULD);
        }
        return like.build();
    }
}
