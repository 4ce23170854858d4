package nl.afsprakenwiki.search;

import nl.afsprakenwiki.text.Memo;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.Optional;

/**
 * The public index's statistics of words and fields, kept while its documents stay the same (a
 * snapshot hands them on as it hands on the visitors' answers): every search among drafts scores on
 * them ({@link PublicStatisticsSearcher}), and looking a word up costs a walk of every public
 * segment's dictionary, for the same characteristic words of similar agreements again and again.
 */
final class PublicStatistics {

    /** Words kept (a word and its statistics take about 150 bytes): the least recently asked go first. */
    static final int WORDS = 20_000;

    private record Word(String field, BytesRef bytes) {
    }

    private final Memo<Word, Optional<TermStatistics>> words = new Memo<>(WORDS);
    private final Memo<String, Optional<CollectionStatistics>> fields = new Memo<>(256);

    /** The public statistics of {@code term} in {@code published}, or null when no published text has it. */
    TermStatistics term(IndexSearcher published, Term term) throws IOException {
        Word word = new Word(term.field(), BytesRef.deepCopyOf(term.bytes()));
        return words.ofReading(word, () -> {
            TermStates states = TermStates.build(published, term, true);
            return states.docFreq() == 0 ? Optional.empty() : Optional.of(new TermStatistics(
                    word.bytes(), states.docFreq(), Math.max(states.docFreq(), states.totalTermFreq())));
        }).orElse(null);
    }

    /** The public statistics of {@code field}, or null when no published text has it. */
    CollectionStatistics field(IndexSearcher published, String field) throws IOException {
        return fields.ofReading(field, () -> Optional.ofNullable(published.collectionStatistics(field))).orElse(null);
    }
}
