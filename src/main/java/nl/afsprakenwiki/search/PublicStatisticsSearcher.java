package nl.afsprakenwiki.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
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
    private final PublicStatistics statistics;

    /** {@code statistics}: where {@code published}'s statistics are kept while its documents stay the same. */
    PublicStatisticsSearcher(IndexReader all, IndexSearcher published, PublicStatistics statistics) {
        super(all);
        this.published = published;
        this.statistics = statistics;
    }

    @Override
    public TermStatistics termStatistics(Term term, int docFreq, long totalTermFreq) throws IOException {
        TermStatistics inPublished = this.statistics.term(published, term);
        // null: only in drafts the viewer may read, as rare as a published word can be
        return inPublished != null ? inPublished : new TermStatistics(term.bytes(), 1, 1);
    }

    @Override
    public CollectionStatistics collectionStatistics(String field) throws IOException {
        CollectionStatistics statistics = this.statistics.field(published, field);
        if (statistics != null) {
            return statistics;
        }
        return new CollectionStatistics(field, 1, 1, NEUTRAL_LENGTH, NEUTRAL_LENGTH);
    }
}
