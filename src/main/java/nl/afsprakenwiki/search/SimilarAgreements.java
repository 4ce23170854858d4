package nl.afsprakenwiki.search;

import nl.afsprakenwiki.auth.Viewer;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Vergelijkbare afspraken in andere gemeenten": MoreLikeThis on the agreement's text as the viewer
 * sees it, among what the viewer may find, in other municipalities only. Answers are kept until the
 * index changes, so the agreement page stays as fast as it was.
 */
public final class SimilarAgreements {

    private static final int LIMIT = 5;
    private static final int CACHED = 5_000;

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
        List<Similar> found = index.withSearcher(searcher -> find(searcher, key.document(), id, visible));
        cache.put(key, found);
        return found;
    }

    private List<Similar> find(IndexSearcher searcher, String documentKey, long id, Query visible) {
        try {
            TopDocs own = searcher.search(new TermQuery(new Term(Fields.KEY, documentKey)), 1);
            if (own.scoreDocs.length == 0) {
                return List.of();
            }
            int docId = own.scoreDocs[0].doc;
            String municipality = searcher.storedFields().document(docId).get(Fields.MUNICIPALITY_SLUG);
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(analyzer);
            mlt.setFieldNames(new String[]{Fields.TITLE, Fields.BODY});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(searcher.getIndexReader().numDocs() > 200 ? 2 : 1);
            mlt.setMaxDocFreqPct(25);
            mlt.setMinWordLen(3);
            mlt.setMaxQueryTerms(30);
            mlt.setBoost(true);
            Query like = mlt.like(docId);
            Query query = new BooleanQuery.Builder()
                    .add(like, Occur.MUST)
                    .add(visible, Occur.FILTER)
                    .add(new TermQuery(new Term(Fields.AGREEMENT, Long.toString(id))), Occur.MUST_NOT)
                    .add(new TermQuery(new Term(Fields.MUNICIPALITY_SLUG, municipality)), Occur.MUST_NOT)
                    .build();
            List<Similar> similar = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, LIMIT).scoreDocs) {
                Document doc = searcher.storedFields().document(hit.doc, Set.of(Fields.AGREEMENT, Fields.TITLE,
                        Fields.STORED_MUNICIPALITY, Fields.STORED_KOPPELZONE_NAME, Fields.STORED_STATUS));
                similar.add(new Similar(Long.parseLong(doc.get(Fields.AGREEMENT)), doc.get(Fields.TITLE),
                        doc.get(Fields.STORED_MUNICIPALITY), doc.get(Fields.STORED_KOPPELZONE_NAME),
                        doc.get(Fields.STORED_STATUS)));
            }
            return List.copyOf(similar);
        } catch (IOException e) {
            throw new UncheckedIOException("finding similar agreements failed", e);
        }
    }
}
