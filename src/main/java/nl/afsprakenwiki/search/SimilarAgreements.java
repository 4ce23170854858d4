package nl.afsprakenwiki.search;

import nl.afsprakenwiki.access.Viewer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
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
 * ones. Word rarity comes from published text only. Answers are kept until the index changes.
 */
public final class SimilarAgreements {

    private static final int LIMIT = 5;
    private static final int CACHED = 5_000;
    /** A similar agreement scores at least this share of the agreement's score against itself. */
    static final float MIN_LIKENESS = 0.2f;

    /** An agreement that resembles the one being read. */
    public record Similar(long id, String title, String municipality, String koppelzoneName, String status) {
    }

    private record Key(String document, Query visibility) {
    }

    private final SearchIndex index;
    private final Analyzer analyzer;
    private final Map<Key, List<Similar>> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, List<Similar>> eldest) {
            return size() > CACHED;
        }
    });
    private volatile long cachedAt = -1;

    SimilarAgreements(SearchIndex index, Analyzer analyzer) {
        this.index = index;
        this.analyzer = analyzer;
    }

    /** Agreements like agreement {@code id} (in koppelzone {@code koppelzoneId}) in other municipalities. */
    public List<Similar> like(long id, long koppelzoneId, Viewer viewer) {
        long seen = index.indexedChange();
        if (seen != cachedAt) {
            cache.clear();
            cachedAt = seen;
        }
        Query visible = Visibility.filter(viewer);
        Key key = new Key(Visibility.keyFor(viewer, id, koppelzoneId), visible);
        List<Similar> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        List<Similar> found = index.withSnapshot(snapshot -> find(snapshot, snapshot.searcherFor(viewer),
                key.document(), id, visible));
        cache.put(key, found);
        return found;
    }

    private List<Similar> find(Snapshot snapshot, IndexSearcher searcher, String documentKey, long id, Query visible) {
        try {
            Query own = new TermQuery(new Term(Fields.KEY, documentKey));
            TopDocs found = searcher.search(own, 1);
            if (found.scoreDocs.length == 0) {
                return List.of();
            }
            Document doc = searcher.storedFields().document(found.scoreDocs[0].doc,
                    Set.of(Fields.MUNICIPALITY_SLUG, Fields.TITLE, Fields.BODY));
            Query like = likeQuery(snapshot, doc);
            if (like == null) {
                return List.of();
            }
            TopDocs self = searcher.search(new BooleanQuery.Builder().add(like, Occur.MUST).add(own, Occur.FILTER)
                    .build(), 1);
            if (self.scoreDocs.length == 0) {
                return List.of();
            }
            float threshold = MIN_LIKENESS * self.scoreDocs[0].score;
            Query query = new BooleanQuery.Builder()
                    .add(like, Occur.MUST)
                    .add(visible, Occur.FILTER)
                    .add(new TermQuery(new Term(Fields.AGREEMENT, Long.toString(id))), Occur.MUST_NOT)
                    .add(new TermQuery(new Term(Fields.MUNICIPALITY_SLUG, doc.get(Fields.MUNICIPALITY_SLUG))),
                            Occur.MUST_NOT)
                    .build();
            List<Similar> similar = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, LIMIT).scoreDocs) {
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

    /** The characteristic words of the text, weighted by their rarity in published text. */
    private Query likeQuery(Snapshot snapshot, Document doc) throws IOException {
        int published = snapshot.publicReader().numDocs();
        MoreLikeThis mlt = new MoreLikeThis(snapshot.publicReader());
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(new String[]{Fields.TITLE, Fields.BODY});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(published > 200 ? 2 : 1);
        mlt.setMaxDocFreqPct(25);
        mlt.setMinWordLen(3);
        mlt.setMaxQueryTerms(30);
        mlt.setBoost(true);
        Map<String, Collection<Object>> text = Map.of(Fields.TITLE, List.of(doc.get(Fields.TITLE)),
                Fields.BODY, List.of(doc.get(Fields.BODY)));
        Query like = mlt.like(text);
        return like instanceof BooleanQuery bool && bool.clauses().isEmpty() ? null : like;
    }
}
