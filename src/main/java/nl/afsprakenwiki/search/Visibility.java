package nl.afsprakenwiki.search;

import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Viewer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

import java.util.List;

/**
 * Which documents a viewer may find: the current text of agreements in koppelzones where they may
 * read drafts (all of them for a beheerder), and the endorsed text of published agreements
 * elsewhere. Text that exists only in a draft is never found by anyone else. A viewer who may read
 * no drafts searches the public index alone (see {@link Snapshot#searcherFor}).
 */
final class Visibility {

    private Visibility() {
    }

    /**
     * The filter for {@code viewer}'s searches, in the index {@link Snapshot#searcherFor} gives them.
     * Someone who may read no drafts searches the public index, which holds published documents
     * only: there everything is visible, and a filter would only make each match step through one
     * more posting list.
     */
    static Query filter(Viewer viewer) {
        if (!Snapshot.readsDrafts(viewer)) {
            return new MatchAllDocsQuery();
        }
        Query current = new TermQuery(new Term(Fields.KIND, Fields.KIND_CURRENT));
        Query published = new TermQuery(new Term(Fields.KIND, Fields.KIND_PUBLIC));
        if (viewer.admin()) {
            return current;
        }
        Query mine = draftKoppelzones(viewer);
        return new BooleanQuery.Builder()
                .add(new BooleanQuery.Builder().add(current, Occur.FILTER).add(mine, Occur.FILTER).build(), Occur.SHOULD)
                .add(new BooleanQuery.Builder().add(published, Occur.FILTER).add(mine, Occur.MUST_NOT).build(),
                        Occur.SHOULD)
                .setMinimumNumberShouldMatch(1)
                .build();
    }

    /** The koppelzones where {@code viewer} may read drafts (for a member; a beheerder may everywhere). */
    static Query draftKoppelzones(Viewer viewer) {
        List<BytesRef> zones = viewer.roles().keySet().stream()
                .filter(id -> viewer.can(Permission.READ_DRAFTS, id))
                .map(id -> new BytesRef(Long.toString(id)))
                .toList();
        return new TermInSetQuery(Fields.KOPPELZONE, zones);
    }

    /** The key of the document of agreement {@code id} that {@code viewer} would find. */
    static String keyFor(Viewer viewer, long id, long koppelzoneId) {
        return viewer.can(Permission.READ_DRAFTS, koppelzoneId) ? Fields.key(Fields.KIND_CURRENT, id)
                : Fields.key(Fields.KIND_PUBLIC, id);
    }
}
