package nl.afsprakenwiki.search;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.agreements.AgreementInput;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.testing.TestApp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Sentences of agreements about the same things, and texts made of them, for the tests of similar agreements. */
final class SimilarTexts {

    static final String[] SENTENCES = {
            "Het wijkteam belt de jeugdhulpaanbieder binnen twee werkdagen na de aanmelding.",
            "De pleegzorgbegeleider bezoekt het pleeggezin in de eerste maand wekelijks.",
            "Bij een crisis neemt Veilig Thuis dezelfde dag contact op met de gecertificeerde instelling.",
            "De huisarts verwijst naar de praktijkondersteuner jeugd voordat er een verwijzing volgt.",
            "Na een verblijf in de jeugdzorg plus sluit het wijkteam aan bij het eindgesprek.",
            "Het onderwijs meldt verzuim bij de leerplichtambtenaar en informeert de ouders schriftelijk.",
            "De warme overdracht gebeurt in een gezamenlijk gesprek met het gezin erbij.",
            "Wachttijden boven de zes weken worden gemeld bij de contractmanager van de gemeente.",
            "De regiebehandelaar stelt samen met het gezin een plan op en deelt dat met het wijkteam.",
            "Bij dagbehandeling regelt de aanbieder het vervoer en betaalt de gemeente de kosten.",
            "Een beschikking wordt binnen acht weken afgegeven; spoed gaat binnen vijf werkdagen.",
            "De gecertificeerde instelling en het lokale team overleggen elke maand over de casussen.",
            "Ouders krijgen een vast aanspreekpunt dat bereikbaar is op werkdagen tot vijf uur.",
            "Bij escalatie schuift de manager van beide organisaties aan binnen een week.",
            "Het ondersteuningsplan wordt elk half jaar geëvalueerd met het kind en de ouders.",
            "Na afsluiting belt het wijkteam het gezin na drie maanden om te horen hoe het gaat.",
    };

    private SimilarTexts() {
    }

    /**
     * The {@code i}th of six agreements of one municipality in the similar-agreements tests: the first two
     * are the same text in every municipality (equal scores), the others texts of their own.
     */
    static String sharedOrOwn(int i, Random random) {
        return i < 2 ? "Gedeelde tekst " + i + ". " + SENTENCES[i] + " " + SENTENCES[i + 6] : text(random, 2 + random.nextInt(3));
    }

    /** Every third of those six is a concept, the others are endorsed. */
    static String status(int i) {
        return i % 3 == 2 ? "concept" : "bekrachtigd";
    }

    /** A text of {@code sentences} sentences drawn by {@code random}. */
    static String text(Random random, int sentences) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            text.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(' ');
        }
        return text.toString().trim();
    }

    /** An agreement made by {@link #koppelzones}: its id, its koppelzone's id, its place in the koppelzone, its text. */
    @FunctionalInterface
    interface Made {
        void agreement(long id, long koppelzoneId, int i, String body);
    }

    /**
     * A koppelzone per municipality, each with six agreements (copies of one text in every municipality,
     * texts of their own, concepts and published ones); {@code made} is told of each.
     */
    static void koppelzones(TestApp app, String[] municipalities, Random random, Made made) {
        for (String municipality : municipalities) {
            String zone = "Koppelzone " + municipality;
            String slug = app.koppelzone(zone, municipality);
            long zoneId = app.services.koppelzones().bySlug(slug).orElseThrow().id();
            for (int i = 0; i < 6; i++) {
                String body = sharedOrOwn(i, random);
                long id = app.agreement(zone, municipality, "afspraak-" + i, "Afspraak " + i + " in " + municipality,
                        status(i), body);
                made.agreement(id, zoneId, i, body);
            }
        }
    }

    /** Saves {@code body} as agreement {@code id}'s new current text, as a beheerder, and waits for the index. */
    static void save(TestApp app, long id, String body) {
        int base = app.services.agreements().find(id, TestApp.BEHEERDER).orElseThrow().currentRevision();
        app.services.editing().save(id, new AgreementInput.Edit(base, "Afspraak " + id + " bijgewerkt", body,
                "bijgewerkt", null, null), Author.system("T"));
        app.awaitSearch();
    }

    /** Similar agreements of {@code app}'s index with nothing kept and nothing found ahead: what a search finds now. */
    static SimilarAgreements fresh(TestApp app) {
        SearchIndex index = app.services.search().index();
        return new SimilarAgreements(index, index.analyzers().dutch().textAnalyzer());
    }

    /**
     * Every list {@code shown} gives {@code viewer} for {@code agreements} (id, koppelzone id) against
     * a fresh search of the same index; returns how many agreements were listed.
     */
    static int compareWithFresh(TestApp app, SimilarAgreements shown, List<long[]> agreements, Viewer viewer) {
        SimilarAgreements fresh = fresh(app);
        int listed = 0;
        for (long[] agreement : agreements) {
            List<SimilarAgreements.Similar> list = shown.like(agreement[0], agreement[1], viewer);
            assertThat(list).as("agreement %d for %s", agreement[0], viewer.username())
                    .isEqualTo(fresh.like(agreement[0], agreement[1], viewer));
            listed += list.size();
        }
        return listed;
    }

    /** Work on a snapshot of the index that reads it and may fail doing so. */
    @FunctionalInterface
    interface InSnapshot {
        void run(Snapshot snapshot) throws IOException;
    }

    /** Runs {@code work} on the current snapshot of {@code app}'s index. */
    static void inSnapshot(TestApp app, InSnapshot work) {
        app.services.search().index().withSnapshot(snapshot -> {
            try {
                work.run(snapshot);
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
