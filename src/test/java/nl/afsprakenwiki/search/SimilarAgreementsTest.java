package nl.afsprakenwiki.search;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Vergelijkbare afspraken in andere gemeenten": only agreements that are really alike (none rather
 * than weak ones), in other municipalities, and for members also for a concept they are writing.
 */
class SimilarAgreementsTest {

    private static final String PLEEGZORG = """
            De pleegzorgaanbieder en het wijkteam zoeken samen een passend pleeggezin. Bij de matching
            kijken we naar de wensen van het kind, de ouders en de pleegouders. Na de kennismaking volgt
            een proefplaatsing; de pleegzorgbegeleider bezoekt het pleeggezin in de eerste maand wekelijks.
            """;

    @TempDir
    static Path dir;
    static TestApp app;
    static long x;
    static long y;
    static long unrelated;
    static long unique;
    static long draft;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        String xzone = app.koppelzone("Koppelzone Xstad", "Xstad");
        app.koppelzone("Koppelzone Ystad", "Ystad");
        app.koppelzone("Koppelzone Zstad", "Zstad");
        x = app.agreement("Koppelzone Xstad", "Xstad", "pleegzorg-x", "Matching in de pleegzorg", "bekrachtigd",
                PLEEGZORG);
        y = app.agreement("Koppelzone Ystad", "Ystad", "pleegzorg-y", "Een pleeggezin dat past", "bekrachtigd",
                PLEEGZORG.replace("wekelijks", "elke twee weken").replace("wijkteam", "buurtteam"));
        unrelated = app.agreement("Koppelzone Zstad", "Zstad", "vervoer", "Vervoer naar dagbehandeling", "bekrachtigd",
                "Het wijkteam regelt het vervoer van het kind naar de dagbehandeling met een taxi in de eerste maand.");
        unique = app.agreement("Koppelzone Zstad", "Zstad", "archief", "Bewaartermijnen van het archief", "bekrachtigd",
                "Dossiers blijven twintig jaar bewaard in een afgesloten kast met een register van uitleningen."
                        + " De roosters van de vergaderingen staan er ook.");
        for (int i = 0; i < 8; i++) {
            app.agreement("Koppelzone Zstad", "Zstad", "ander-" + i, "Andere afspraak " + i, "bekrachtigd",
                    "Over roosters, telefoonnummers en vergaderingen van het overleg, deel " + i + ".");
        }
        draft = app.agreement("Koppelzone Xstad", "Xstad", "pleegzorg-concept", "Concept over pleegzorg", "concept",
                PLEEGZORG.replace("proefplaatsing", "kennismakingsweekend"));
        app.account("piet");
        app.member(xzone, "piet", Role.PRAKTIJKEXPERT);
        app.awaitSearch();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static List<Long> similar(long id, Viewer viewer) {
        long koppelzone = app.db.read(handle -> handle.createQuery("SELECT koppelzone_id FROM agreement WHERE id = :id")
                .bind("id", id).mapTo(Long.class).one());
        return app.services.search().service().similar().like(id, koppelzone, viewer).stream()
                .map(SimilarAgreements.Similar::id).toList();
    }

    @Test
    void anAgreementAboutTheSameThingElsewhereIsSimilar() {
        assertThat(similar(x, Viewer.ANONYMOUS)).contains(y).doesNotContain(x);
        assertThat(similar(y, Viewer.ANONYMOUS)).contains(x);
    }

    @Test
    void aWeakResemblanceIsNotShown() {
        assertThat(similar(x, Viewer.ANONYMOUS)).doesNotContain(unrelated);
        assertThat(similar(unique, Viewer.ANONYMOUS)).isEmpty();
    }

    @Test
    void aMemberSeesSimilarAgreementsForAConceptAndVisitorsNeverSeeTheConcept() {
        Viewer piet = app.services.accounts().viewer("piet").orElseThrow();
        assertThat(similar(draft, piet)).contains(y);
        assertThat(similar(y, Viewer.ANONYMOUS)).doesNotContain(draft);
    }

    @Test
    void aVisitorsAnswerStaysWhileOnlyDraftsChangeAndFollowsWhatIsPublished() {
        app.koppelzone("Koppelzone Wstad", "Wstad");
        app.awaitSearch();
        long koppelzone = app.db.read(handle -> handle.createQuery("SELECT koppelzone_id FROM agreement WHERE id = :id")
                .bind("id", x).mapTo(Long.class).one());
        SimilarAgreements similar = app.services.search().service().similar();
        List<SimilarAgreements.Similar> before = similar.like(x, koppelzone, Viewer.ANONYMOUS);

        app.agreement("Koppelzone Wstad", "Wstad", "pleegzorg-w-concept", "Pleegzorg in concept", "concept", PLEEGZORG);
        app.awaitSearch();
        assertThat(similar.like(x, koppelzone, Viewer.ANONYMOUS)).as("a draft changes nothing a visitor sees")
                .isSameAs(before);

        long w = app.agreement("Koppelzone Wstad", "Wstad", "pleegzorg-w", "Pleegzorg in Wstad", "bekrachtigd",
                PLEEGZORG.replace("wijkteam", "sociaal team"));
        app.awaitSearch();
        assertThat(similar(x, Viewer.ANONYMOUS)).as("what is published is found at once").contains(w);
    }
}
