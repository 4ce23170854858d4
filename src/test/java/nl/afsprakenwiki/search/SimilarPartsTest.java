package nl.afsprakenwiki.search;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.AgreementInput;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Vergelijkbare afspraken" are searched where the viewer's texts are, each index on its own (a
 * beheerder's in the current texts alone, a member's in their own koppelzones' current texts and the
 * other koppelzones' published ones). They must be exactly what one search of both indexes through the
 * viewer's filter finds: the same lists in the same order, with concepts, herzieningen whose draft
 * differs from the endorsed text, and copies of one text in several municipalities, whose equal scores
 * must fall the same way.
 */
class SimilarPartsTest {

    private static final String[] MUNICIPALITIES = {"Astad", "Bdorp", "Cveen", "Dwoude"};

    @TempDir
    static Path dir;
    static TestApp app;
    static final List<long[]> agreements = new ArrayList<>();
    static Viewer everywhere;
    static Viewer one;
    static Viewer two;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        app.account("overal");
        app.account("een");
        app.account("twee");
        Random random = new Random(20261206);
        List<String> shared = new ArrayList<>();
        for (String municipality : MUNICIPALITIES) {
            String zone = "Koppelzone " + municipality;
            String slug = app.koppelzone(zone, municipality);
            app.member(slug, "overal", Role.PRAKTIJKEXPERT);
            if (municipality.equals("Bdorp")) {
                app.member(slug, "een", Role.LEZER);
            }
            if (municipality.equals("Astad") || municipality.equals("Cveen")) {
                app.member(slug, "twee", Role.PRAKTIJKEXPERT);
            }
            long zoneId = app.services.koppelzones().bySlug(slug).orElseThrow().id();
            for (int i = 0; i < 12; i++) {
                String body;
                if (i < 3 && !shared.isEmpty()) {
                    body = shared.get(i % shared.size()); // the same text as elsewhere: equal scores
                } else {
                    body = SimilarTexts.text(random, 3 + random.nextInt(4));
                    shared.add(body);
                }
                String status = switch (i % 4) {
                    case 0, 1 -> "bekrachtigd";
                    case 2 -> "concept";
                    default -> "ter_bekrachtiging";
                };
                long id = app.agreement(zone, municipality, "afspraak-" + i, "Afspraak " + i + " in " + municipality,
                        status, body);
                if (i % 4 == 1) {
                    // a herziening: the draft differs from the endorsed text a visitor reads
                    app.services.editing().save(id, new AgreementInput.Edit(1, "Afspraak " + i + " herzien",
                            SimilarTexts.text(random, 4), "herzien", null, null), Author.system("T"));
                }
                agreements.add(new long[] {id, zoneId});
            }
        }
        everywhere = app.services.accounts().viewer("overal").orElseThrow();
        one = app.services.accounts().viewer("een").orElseThrow();
        two = app.services.accounts().viewer("twee").orElseThrow();
        app.awaitSearch();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void everyViewerIsShownWhatOneSearchOfBothIndexesFinds() {
        SimilarAgreements perIndex = app.services.search().service().similar();
        SimilarAgreements asOne = new SimilarAgreements(app.services.search().index(),
                app.services.search().index().analyzers().dutch().textAnalyzer(), false, new Cards());
        int shown = 0;
        for (Viewer viewer : List.of(Viewer.ANONYMOUS, TestApp.BEHEERDER, everywhere, one, two)) {
            for (long[] agreement : agreements) {
                List<SimilarAgreements.Similar> found = perIndex.like(agreement[0], agreement[1], viewer);
                assertThat(found).as("agreement %d for %s", agreement[0], viewer.username())
                        .isEqualTo(asOne.like(agreement[0], agreement[1], viewer));
                shown += found.size();
            }
        }
        assertThat(shown).as("the lists compared are not all empty").isGreaterThan(5 * agreements.size());
    }

    @Test
    void aBeheerderIsShownWhatAMemberOfEveryKoppelzoneIsShown() {
        assertThat(everywhere.admin()).isFalse();
        SimilarAgreements similar = app.services.search().service().similar();
        int shown = 0;
        for (long[] agreement : agreements) {
            List<SimilarAgreements.Similar> beheerder = similar.like(agreement[0], agreement[1], TestApp.BEHEERDER);
            assertThat(beheerder).as("agreement %d", agreement[0])
                    .isEqualTo(similar.like(agreement[0], agreement[1], everywhere));
            shown += beheerder.size();
        }
        assertThat(shown).as("the lists compared are not all empty").isGreaterThan(agreements.size());
    }
}
