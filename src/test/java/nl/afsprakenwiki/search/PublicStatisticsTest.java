package nl.afsprakenwiki.search;

import nl.afsprakenwiki.testing.TestApp;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.TermStatistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searches among drafts score on the public index's statistics, kept while its documents stay the
 * same: a saved draft keeps them, a publication starts them afresh, and what is kept is always what
 * the public index holds now.
 */
class PublicStatisticsTest {

    @TempDir
    static Path dir;
    static TestApp app;
    static long draft;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        long[] concept = new long[1];
        SimilarTexts.koppelzones(app, new String[] {"Astad", "Bdorp"}, new Random(3), (id, zoneId, i, body) -> {
            if (SimilarTexts.status(i).equals("concept")) {
                concept[0] = id;
            }
        });
        draft = concept[0];
        app.awaitSearch();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static final Term WORD = new Term(Fields.BODY, "wijkteam");

    /** The statistics of {@link #WORD} as the current texts' searcher gives them, and as the public index holds them. */
    private static TermStatistics[] now() {
        return app.services.search().index().withSnapshot(snapshot -> {
            try {
                TermStatistics kept = snapshot.currentSearcher().termStatistics(WORD, 1, 1);
                TermStates states = TermStates.build(snapshot.publicSearcher(), WORD, true);
                return new TermStatistics[] {kept, new TermStatistics(WORD.bytes(), states.docFreq(),
                        Math.max(states.docFreq(), states.totalTermFreq()))};
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static PublicStatistics kept() {
        return app.services.search().index().withSnapshot(Snapshot::publicStatistics);
    }

    @Test
    void keptWhileThePublicTextsStayAndStartedAfreshAfterAPublication() {
        TermStatistics[] before = now();
        assertThat(before[0]).usingRecursiveComparison().isEqualTo(before[1]);
        PublicStatistics statistics = kept();
        SimilarTexts.save(app, draft, "Het wijkteam belt het wijkteam, en het wijkteam belt terug.");
        assertThat(kept()).as("a saved draft changes no public statistics").isSameAs(statistics);
        assertThat(now()[0]).usingRecursiveComparison().isEqualTo(before[0]);
        app.agreement("Koppelzone Astad", "Astad", "nieuw", "Nieuwe afspraak", "bekrachtigd",
                "Het wijkteam en nog eens het wijkteam.");
        app.awaitSearch();
        TermStatistics[] after = now();
        assertThat(kept()).isNotSameAs(statistics);
        assertThat(after[0]).as("what the public index holds now").usingRecursiveComparison().isEqualTo(after[1]);
        assertThat(after[0].docFreq()).isEqualTo(before[0].docFreq() + 1);
    }
}
