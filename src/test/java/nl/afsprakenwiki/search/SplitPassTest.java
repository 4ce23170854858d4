package nl.afsprakenwiki.search;

import nl.afsprakenwiki.Services;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.bench.CorpusGenerator;
import nl.afsprakenwiki.bench.Queries;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.testing.TestDisk;
import nl.afsprakenwiki.text.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search by relevance whose agreements with every meaningful concept fill the page (or, when no
 * concept is meaningful, whose agreements with every concept fill the page and its reranking) takes its
 * best hits from those alone and counts the rest without scores. It must give exactly what scoring
 * every hit gives: the same hits in the same order with the same scores, the same total and the same
 * facet counts, for visitors and for members, with and without a chosen facet value, with and without
 * feedback, on the first page and the next. Compared on the hand-written evaluation corpus and on a
 * generated one whose words are common enough to fill the reranking.
 */
class SplitPassTest {

    private static final Viewer EVERYTHING = new Viewer(0L, "toets", "Toets", null, true, Map.of(), Viewer.Via.NONE);

    @TempDir
    Path work;

    @Test
    void splittingTheFirstPassChangesNothingOnTheEvaluationCorpus() throws Exception {
        Path corpus = Path.of(SplitPassTest.class.getClassLoader().getResource("search-quality/corpus").toURI());
        assertThat(compared(corpus, new Random(11), 400)).as("searches whose first pass was split")
                .isGreaterThanOrEqualTo(30);
    }

    @Test
    void splittingTheFirstPassChangesNothingOnAGeneratedCorpus() throws Exception {
        Path corpus = work.resolve("corpus");
        new CorpusGenerator(5).write(corpus, 400);
        assertThat(compared(corpus, new Random(12), 60)).as("searches whose first pass was split")
                .isGreaterThanOrEqualTo(40);
    }

    /** Imports the corpus, searches with and without splitting, compares; how many searches were split. */
    private int compared(Path corpus, Random random, int queries) throws Exception {
        Path data = work.resolve("data");
        try (Database db = TestDisk.open(data)) {
            Services services = Services.create(Settings.forTests(data), db, Clock.systemUTC(), TestDisk.INDEX);
            services.importer().importFolder(corpus, "evaluatie", Progress.NONE);
            SearchIndex index = services.search().index();
            index.catchUp(Progress.NONE);
            SearchService split = new SearchService(index, true);
            SearchService whole = new SearchService(index, false);
            int compared = 0;
            for (SearchRequest request : requests(random, queries)) {
                for (Viewer viewer : List.of(Viewer.ANONYMOUS, EVERYTHING)) {
                    long before = split.splitPasses();
                    SearchResult answer = split.search(request, viewer);
                    if (split.splitPasses() > before) {
                        compared++;
                        assertThat(answer).as("%s as %s", request, viewer.username())
                                .isEqualTo(whole.search(request, viewer));
                    }
                }
            }
            assertThat(whole.splitPasses()).isZero();
            services.search().close();
            return compared;
        }
    }

    private static List<SearchRequest> requests(Random random, int count) {
        List<SearchRequest> requests = new ArrayList<>();
        for (String query : Queries.mixed(random, count)) {
            SearchRequest request = Queries.request(query);
            if (!request.text().matches("[^ *\\-]+ [^ *\\-]+")) {
                continue; // one word, a prefix or an exclusion: never split
            }
            requests.add(request);
            // the second page: its own page and depth
            requests.add(new SearchRequest(request.text(), request.filters(), request.order(), 10, 10));
            // with an operator feedback is off, so the depth is the page itself: five
            requests.add(new SearchRequest("+" + request.text(), request.filters(), request.order(), 0, 5));
        }
        return requests;
    }
}
