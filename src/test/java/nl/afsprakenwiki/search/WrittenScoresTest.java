package nl.afsprakenwiki.search;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.agreements.AgreementInput;
import nl.afsprakenwiki.testing.TestApp;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A kept list of similar agreements is checked against the agreements written since by scoring
 * their documents word by word from their kept body words and their titles' postings. Those scores
 * must be the search's own: for every agreement's words, every document of the current texts scores
 * as the list's query scores it when run on that document, with the list's exclusions (the agreement
 * itself, its municipality, a member's koppelzones) applied alike.
 */
class WrittenScoresTest {

    private static final String[] MUNICIPALITIES = {"Astad", "Bdorp", "Cveen", "Dwoude", "Eburg"};
    /**
     * Titles naming other municipalities: a municipality's name is a characteristic title word of its
     * own agreements ("Afspraak 3 in Astad"), found so in other municipalities' documents.
     */
    private static final String[] TITLES = {"Warme overdracht naar Astad", "Crisis en escalatie met Bdorp en Cveen",
            "Wachttijden zoals in Dwoude", "Escalatie bij wachttijden", "Nazorg met Eburg en Astad"};

    @TempDir
    static Path dir;
    static TestApp app;
    static final List<Long> agreements = new ArrayList<>();

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        SimilarTexts.koppelzones(app, MUNICIPALITIES, new Random(20261208), (id, zoneId, i, body) -> agreements.add(id));
        Random random = new Random(8);
        // drafts saved with titles of shared words and texts of a few sentences: documents written since
        for (int round = 0; round < 12; round++) {
            long id = agreements.get(random.nextInt(agreements.size()));
            int base = app.services.agreements().find(id, TestApp.BEHEERDER).orElseThrow().currentRevision();
            app.services.editing().save(id, new AgreementInput.Edit(base, TITLES[round % TITLES.length],
                    SimilarTexts.text(random, 1 + random.nextInt(4)), "bijgewerkt", null, null), Author.system("T"));
        }
        app.awaitSearch();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void everyDocumentScoresAsTheListsQueryScoresIt() {
        SearchIndex index = app.services.search().index();
        for (Query only : new Query[] {null, new TermQuery(new Term(Fields.MUNICIPALITY_SLUG, "bdorp"))}) {
            int[] compared = index.withSnapshot(snapshot -> {
                try {
                    return compare(snapshot, index, new SimilarAgreements.Part(snapshot.currentSearcher(), only, null));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertThat(compared[0]).as("documents that scored, within %s", only).isGreaterThan(only == null ? 100 : 10);
            assertThat(compared[1]).as("scores a title word added to, within %s", only).isGreaterThan(0);
            assertThat(compared[2]).as("documents the exclusions left out, within %s", only).isGreaterThan(0);
        }
    }

    /** Scores, title-word scores and excluded documents compared. */
    private static int[] compare(Snapshot snapshot, SearchIndex index, SimilarAgreements.Part part) throws IOException {
        IndexSearcher searcher = part.searcher();
        IndexReader reader = searcher.getIndexReader();
        List<LeafReaderContext> leaves = reader.leaves();
        List<Integer> live = new ArrayList<>();
        for (LeafReaderContext leaf : leaves) {
            Bits alive = leaf.reader().getLiveDocs();
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                if (alive == null || alive.get(doc)) {
                    live.add(leaf.docBase + doc);
                }
            }
        }
        int[] docs = live.stream().mapToInt(Integer::intValue).toArray();
        WrittenWords.Counts[] counts = new WrittenWords.Counts[docs.length];
        for (int i = 0; i < docs.length; i++) {
            counts[i] = snapshot.writtenWords().of(leaves.get(ReaderUtil.subIndex(docs[i], leaves)), docs[i]);
        }
        Cards cards = new Cards();
        var analyzer = index.analyzers().dutch().textAnalyzer();
        int scored = 0;
        int byTitle = 0;
        int excluded = 0;
        for (int own : docs) {
            Cards.Card card = cards.of(reader, own);
            List<LikeTerms.Word> words = LikeTerms.of(snapshot.publicReader(), reader, own, card.title(), analyzer);
            if (words.isEmpty()) {
                continue;
            }
            float[] expected = ScoresAt.of(searcher, SimilarAgreements.others(part,
                    LikeQuery.of(searcher, words, -1).query(), card.agreement(), card.municipalitySlug()),
                    ScoreMode.COMPLETE, docs);
            var filter = SimilarAgreements.others(part, new MatchAllDocsQuery(), card.agreement(), card.municipalitySlug());
            float[] actual = WrittenScores.scores(searcher, filter, words, docs, counts);
            float[] bodyOnly = WrittenScores.scores(searcher, filter,
                    words.stream().filter(word -> word.field().equals(Fields.BODY)).toList(), docs, counts);
            for (int i = 0; i < docs.length; i++) {
                String what = "document " + docs[i] + " for the words of agreement " + card.agreement();
                if (Float.isNaN(expected[i])) {
                    // excluded, or none of the words in it
                    assertThat(Float.isNaN(actual[i]) || actual[i] == 0f).as(what).isTrue();
                    excluded += Float.isNaN(actual[i]) ? 1 : 0;
                    continue;
                }
                assertThat(actual[i]).as(what).isCloseTo(expected[i], within(expected[i] * 1e-5f));
                scored++;
                if (bodyOnly[i] < actual[i] * (1 - 1e-4f)) {
                    byTitle++;
                }
            }
        }
        return new int[] {scored, byTitle, excluded};
    }

    @Test
    void aDocumentsWordsAreReadOnce() {
        SimilarTexts.inSnapshot(app, snapshot -> {
            LeafReaderContext leaf = snapshot.currentReader().leaves().get(0);
            WrittenWords words = new WrittenWords();
            WrittenWords.Counts first = words.of(leaf, leaf.docBase);
            assertThat(words.of(leaf, leaf.docBase)).isSameAs(first);
            assertThat(words.reads()).isEqualTo(1);
        });
    }

    @Test
    void aDocumentsCountsAreItsTermVectorsAndNoOtherWords() {
        SimilarTexts.inSnapshot(app, snapshot -> {
            IndexReader reader = snapshot.currentReader();
            List<LeafReaderContext> leaves = reader.leaves();
            WrittenWords words = new WrittenWords();
            // every word of the index's bodies, asked of every document: its count, or 0
            Set<BytesRef> vocabulary = new TreeSet<>();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                var vector = reader.termVectors().get(doc, Fields.BODY);
                for (var terms = vector == null ? null : vector.iterator(); terms != null && terms.next() != null; ) {
                    vocabulary.add(BytesRef.deepCopyOf(terms.term()));
                }
            }
            int present = 0;
            int absent = 0;
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                WrittenWords.Counts counts = words.of(leaves.get(ReaderUtil.subIndex(doc, leaves)), doc);
                var vector = reader.termVectors().get(doc, Fields.BODY);
                Map<BytesRef, Long> expected = new HashMap<>();
                for (var terms = vector == null ? null : vector.iterator(); terms != null && terms.next() != null; ) {
                    expected.put(BytesRef.deepCopyOf(terms.term()), terms.totalTermFreq());
                }
                assertThat(counts.exact()).isTrue();
                for (BytesRef word : vocabulary) {
                    int count = counts.count(WrittenWords.hash(word));
                    assertThat((long) count).as("%s in document %d", word.utf8ToString(), doc)
                            .isEqualTo(expected.getOrDefault(word, 0L));
                    if (count > 0) {
                        present++;
                    } else {
                        absent++;
                    }
                }
            }
            assertThat(present).isGreaterThan(500);
            assertThat(absent).isGreaterThan(present);
        });
    }

    @Test
    void countsThatCannotBeTrustedReachAnyFloor() {
        SimilarTexts.inSnapshot(app, snapshot -> {
            IndexSearcher searcher = snapshot.currentSearcher();
            int doc = 0;
            WrittenWords.Counts unsure = new WrittenWords.Counts(new long[2], new int[2], new long[1], 1L, false);
            List<LikeTerms.Word> words = List.of(new LikeTerms.Word(Fields.BODY,
                    new BytesRef("wijkteam"), 1f));
            assertThat(WrittenScores.anyReaches(searcher, new MatchAllDocsQuery(), words, new int[] {doc},
                    new WrittenWords.Counts[] {unsure}, Float.MAX_VALUE)).isTrue();
        });
    }
}
