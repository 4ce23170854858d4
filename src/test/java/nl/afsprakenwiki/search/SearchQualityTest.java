package nl.afsprakenwiki.search;

import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.search.SearchRequest.Order;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries as professionals type them against the demo corpus, each with the agreement a person
 * would expect near the top: synonyms and abbreviations, inflections, compounds, hyphen variants,
 * diacritics and typos. The agreements' texts were written without these queries in mind.
 */
class SearchQualityTest {

    @TempDir
    static Path dir;
    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.startWithDemo(dir.resolve("data"));
        app.awaitSearch();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @ParameterizedTest(name = "\"{0}\" finds \"{1}\" in the top {2}")
    @CsvSource(delimiter = ';', textBlock = """
            gecertificeerde instelling wijkteam;                Samenwerking GI en wijkteam;                 5
            lokaal team Veilig Thuis;                           Veilig Thuis;                                3
            sociaal team veilig thuis;                          Veilig Thuis;                                5
            praktijkondersteuner jeugd;                         POH;                                         3
            crisisbed;                                          crisisbedden;                                3
            wachtlijst;                                         Wachtlijstbemiddeling;                       3
            gegevens delen toestemming;                         Toestemming en gegevensdeling;               3
            JGGZ volwassenen;                                   naar volwassenen-ggz;                        3
            jeugdggz 18+;                                       18;                                          3
            jeugd GGZ volwassenen;                              naar volwassenen-ggz;                        3
            afschaling jeugdteam;                               Afschalen van het complex segment;           5
            thuiszitter;                                        Thuiszitters;                                3
            dyslexi;                                            dyslexie;                                    3
            leesproblemen;                                      dyslexie;                                    3
            spreekuur buurtteam huisarts;                       Spreekuur van het buurtteam;                 1
            jeugdhulpaanbieder gegevensdeling;                  Toestemming en gegevensdeling;               1
            ondertoezichtstelling wijkteam;                     GI en wijkteam;                              3
            JeugdzorgPlus;                                      gesloten plaatsing;                          3
            declaratie berichten;                               berichtenverkeer;                            1
            EED;                                                dyslexie;                                    3
            POH jeugd;                                          POH;                                         3
            GI's;                                               GI;                                          3
            jongvolwassene;                                     jongvolwassenen;                             3
            coordinatie thuiszitters;                           Thuiszitters;                                5
            """)
    void aQueryFindsTheAgreementPeopleExpect(String query, String expectedTitlePart, int top) {
        SearchResult result = app.services.search().service()
                .search(new SearchRequest(query, Map.of(), Order.RELEVANCE, 0, top), Viewer.ANONYMOUS);
        List<String> titles = result.hits().stream().map(SearchResult.Hit::title).toList();
        assertThat(titles).as("top %d for \"%s\"", top, query)
                .anySatisfy(title -> assertThat(title.toLowerCase()).contains(expectedTitlePart.toLowerCase()));
    }
}
