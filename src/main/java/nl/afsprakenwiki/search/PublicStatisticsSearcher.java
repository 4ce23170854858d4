package nl.afsprakenwiki.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;

import java.io.IOException;

/**
 * Searches the public and the current index together (for members, who read their own koppelzones'
 * drafts) but scores with the public index's statistics only. A word's rarity, the average text
 * length: all come from published text, so that no draft - a member's own or anyone else's - moves
 * any score, and the same published agreement scores the same for every viewer.
 */
final class PublicStatisticsSearcher extends IndexSearcher {

    /** For a field that no published text has yet: an arbitrary but fixed average length. */
    private static final long NEUTRAL_LENGTH = 100;

    private final IndexSearcher published;

    PublicStatisticsSearcher(IndexReader all, IndexSearcher published) {
        super(all);
        this.published = published;
    }

    @Override
    public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
        TermStates states = TermStates.build(published, term, true);
        if (states.docFreq() == 0) {
            // only in drafts the viewer may read: as rare as a published word can be
            return new TermStatistics(term.bytes(), 1, 1);
        }
        return new TermStatistics(term.bytes(), states.docFreq(), Math.max(states.docFreq(), states.totalTermFreq()));
    }

    @Override
    public CollectionStatistics collectionStatistics(String field) throws IOException {
        CollectionStatistics statistics = published.collectionStatistics(field);
        if (statistics != null) {
            return statistics;
        }
        return new CollectionStatistics(field, 1, 1, NEUTRAL_LENGTH, NEUTRAL_LENGTH);
    }
}
