package nl.afsprakenwiki.search;

import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.search.LikeQuery.Like;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * "Vergelijkbare afspraken in andere gemeenten": MoreLikeThis on the agreement's text as the viewer
 * reads it (a member also for a concept), among what the viewer may find, in other municipalities
 * only. Only agreements that are really alike are shown: one scores at least {@link #MIN_LIKENESS}
 * of what the agreement scores against its own text, or it is left out - none rather than weak
 * ones. Word rarity comes from published text only, so a saved draft moves no other document's
 * score. Equal scores (copies of one text) are ordered by agreement.
 *
 * <p>Answers are kept. A visitor's stays while the public index does, and a server finds every
 * published agreement's ahead, in the background, into a file that serves until the public index
 * changes ({@link SimilarLists}); a beheerder's likewise for the current texts ({@link DraftLists}),
 * used as a kept answer is. One that reads drafts was
 * found in one generation of the current texts; in a later one it is still the answer when none of
 * the agreements written since is the agreement itself or one it lists, and none of them now scores
 * as high as the last one listed (or, with fewer than five, as the least likeness shown): that is
 * checked on those few documents instead of searching again after every saved draft.
 */
public final class SimilarAgreements {

    private static final int LIMIT = 5;
    private static final int CACHED = 30_000;
    /** A similar agreement scores at least this share of the agreement's score against itself. */
    static final float MIN_LIKENESS = 0.2f;

    /** An agreement that resembles the one being read. */
    public record Similar(long id, String title, String municipality, String koppelzoneName, String status) {
    }

    /** What an answer depends on besides the current texts: the document, who looks, the public generation. */
    private record Key(String document, Query visibility, long publicGeneration) {
    }

    /**
     * Where a viewer's texts are, searched each on its own: an index, the documents of it that are
     * the viewer's (a filter, or null for all) and those that are not (an exclusion, or null).
     */
    record Part(IndexSearcher searcher, Query only, Query except) {
    }

    /** A hit of one part. */
    private record Hit(Part part, TiedBest.Hit hit) {
    }

    private final SearchIndex index;
    private final Analyzer analyzer;
    private final boolean split;
    private final Cards cards;
    private final LongAdder searched = new LongAdder();
    private final LongAdder checked = new LongAdder();
    /** Visitors' lists found ahead, for the public index as it is (see {@link SimilarLists}). */
    private final SimilarLists lists;
    private final Map<Key, KeptSimilar> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, KeptSimilar> eldest) {
            return size() > CACHED;
        }
    });

    SimilarAgreements(SearchIndex index, Analyzer analyzer) {
        this(index, analyzer, true, new Cards());
    }

    /**
     * {@code split}: whether a member's texts are searched per index (see {@link #parts}); off only to
     * compare. {@code cards}: what is shown of the agreements found.
     */
    SimilarAgreements(SearchIndex index, Analyzer analyzer, boolean split, Cards cards) {
        this.index = index;
        this.analyzer = analyzer;
        this.split = split;
        this.cards = cards;
        this.lists = new SimilarLists(index, this::findAhead, this::findDraftsAhead);
    }

    /** Starts finding visitors' lists ahead, in the background (see {@link SimilarLists}). */
    public void findAhead() {
        lists.start();
    }

    /** Stops finding lists ahead. */
    public void close() {
        lists.close();
    }

    /** The lists found ahead (for tests). */
    SimilarLists lists() {
        return lists;
    }

    /** Forgets every kept answer (for tests: the next view of each is a first view). */
    void forgetKept() {
        cache.clear();
    }

    /** How many answers were searched for. */
    long searched() {
        return searched.sum();
    }

    /** How many kept answers were found still to hold in a later generation of the current texts. */
    long checked() {
        return checked.sum();
    }

    /** Agreements like agreement {@code id} (in koppelzone {@code koppelzoneId}) in other municipalities. */
    public List<Similar> like(long id, long koppelzoneId, Viewer viewer) {
        Query visible = Visibility.filter(viewer);
        String document = Visibility.keyFor(viewer, id, koppelzoneId);
        return index.withSnapshot(snapshot -> {
            // a visitor's answer depends on the public index alone, so saving a draft keeps it
            boolean drafts = Snapshot.readsDrafts(viewer);
            if (!drafts) {
                List<Similar> ahead = lists.get(snapshot, id);
                if (ahead != null) {
                    return ahead;
                }
            }
            long generation = drafts ? snapshot.currentGeneration() : -1;
            Key key = new Key(document, visible, snapshot.publicGeneration());
            KeptSimilar kept = cache.get(key);
            if (kept == null && viewer.admin()) {
                // a beheerder's first view: the list found ahead, used as a kept one is (checked when older)
                kept = lists.drafts().get(snapshot, id);
                if (kept != null && kept.generation() == generation) {
                    cache.put(key, kept);
                }
            }
            if (kept != null && kept.generation() == generation) {
                return kept.similar();
            }
            List<Part> parts = parts(snapshot, viewer);
            if (kept != null && kept.generation() >= 0 && generation >= 0 && kept.holdsIn(snapshot, parts)) {
                cache.put(key, kept.at(generation, snapshot.newestCurrentSegment()));
                checked.increment();
                return kept.similar();
            }
            searched.increment();
            KeptSimilar found = find(snapshot, parts, document, id, generation);
            cache.put(key, found);
            return found.similar();
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
            return List.of(new Part(snapshot.publicSearcher(), null, null));
        }
        if (!split) {
            return List.of(new Part(snapshot.allSearcher(), Visibility.filter(viewer), null));
        }
        if (viewer.admin()) {
            return List.of(new Part(snapshot.currentSearcher(), null, null));
        }
        Query mine = Visibility.draftKoppelzones(viewer);
        return List.of(new Part(snapshot.publicSearcher(), null, mine), new Part(snapshot.currentSearcher(), mine, null));
    }

    /** What {@code like} finds in {@code part}: other agreements, in other municipalities. */
    static Query others(Part part, Query like, long id, String municipality) {
        BooleanQuery.Builder others = new BooleanQuery.Builder()
                .add(like, Occur.MUST)
                .add(new TermQuery(new Term(Fields.AGREEMENT, Long.toString(id))), Occur.MUST_NOT)
                .add(new TermQuery(new Term(Fields.MUNICIPALITY_SLUG, municipality)), Occur.MUST_NOT);
        if (part.only() != null) {
            others.add(part.only(), Occur.FILTER);
        }
        if (part.except() != null) {
            others.add(part.except(), Occur.MUST_NOT);
        }
        return others.build();
    }

    private KeptSimilar find(Snapshot snapshot, List<Part> parts, String documentKey, long id, long generation) {
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
                return none(snapshot, id, generation);
            }
            return find(snapshot, parts, own, ownDoc, id, generation, cards);
        } catch (IOException e) {
            throw new UncheckedIOException("finding similar agreements failed", e);
        }
    }

    /** A visitor's list of document {@code doc} of the public index, found as a view finds it. */
    private SimilarLists.Found findAhead(Snapshot snapshot, int doc, Cards with) throws IOException {
        Part own = new Part(snapshot.publicSearcher(), null, null);
        long id = with.of(snapshot.publicReader(), doc).agreement();
        return new SimilarLists.Found(id, find(snapshot, List.of(own), own, doc, id, -1, with).similar());
    }

    /** A beheerder's list of document {@code doc} of the current texts, found as a view finds it. */
    private KeptSimilar findDraftsAhead(Snapshot snapshot, int doc, Cards with) throws IOException {
        Part own = new Part(snapshot.currentSearcher(), null, null);
        long id = with.of(snapshot.currentReader(), doc).agreement();
        return find(snapshot, List.of(own), own, doc, id, snapshot.currentGeneration(), with);
    }

    /**
     * The answer for agreement {@code id}, document {@code ownDoc} of part {@code own}, among
     * {@code parts}, reading what is shown of agreements through {@code with}.
     */
    private KeptSimilar find(Snapshot snapshot, List<Part> parts, Part own, int ownDoc, long id, long generation,
                             Cards with) throws IOException {
        Cards.Card card = with.of(own.searcher().getIndexReader(), ownDoc);
        List<LikeTerms.Word> words = LikeTerms.of(snapshot.publicReader(), own.searcher().getIndexReader(), ownDoc,
                card.title(), analyzer);
        if (words.isEmpty()) {
            return none(snapshot, id, generation);
        }
        Like ownLike = LikeQuery.of(own.searcher(), words, ownDoc);
        if (ownLike.selfScore() <= 0) {
            return none(snapshot, id, generation);
        }
        String municipality = card.municipalitySlug();
        float threshold = MIN_LIKENESS * ownLike.selfScore();
        List<Hit> hits = new ArrayList<>();
        for (Part part : parts) {
            Like like = part == own ? ownLike : LikeQuery.of(part.searcher(), words, -1);
            for (TiedBest.Hit hit : part.searcher().search(others(part, like.query(), id, municipality),
                    new TiedBest(LIMIT, threshold))) {
                hits.add(new Hit(part, hit));
            }
        }
        // ranked as one search of all parts ranks them: by score, equal scores by agreement
        hits.sort((a, b) -> TiedBest.ORDER.compare(a.hit(), b.hit()));
        List<Similar> similar = new ArrayList<>();
        float last = threshold;
        for (Hit hit : hits.subList(0, Math.min(LIMIT, hits.size()))) {
            if (hit.hit().score() < threshold) {
                break;
            }
            Cards.Card other = with.of(hit.part().searcher().getIndexReader(), hit.hit().doc());
            similar.add(new Similar(hit.hit().agreement(), other.title(), other.municipality(),
                    other.koppelzoneName(), other.status()));
            last = hit.hit().score();
        }
        // a newcomer changes a full list by scoring as high as its last, a shorter one by reaching the threshold
        float cutoff = similar.size() == LIMIT ? last : threshold;
        // the words are kept only where they may be needed again: to check a list found among drafts
        return new KeptSimilar(generation, id, municipality, generation < 0 ? null : List.copyOf(words),
                List.copyOf(similar), cutoff, segment(snapshot, generation));
    }

    /** No similar agreements for agreement {@code id}: it has no document, or no words to compare. */
    private static KeptSimilar none(Snapshot snapshot, long id, long generation) {
        return new KeptSimilar(generation, id, null, null, List.of(), 0, segment(snapshot, generation));
    }

    /** The newest segment of the current texts for an answer among drafts; -1 for a visitor's. */
    private static long segment(Snapshot snapshot, long generation) {
        return generation < 0 ? -1 : snapshot.newestCurrentSegment();
    }
}
