package nl.afsprakenwiki.site;

import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages kept for visitors (the agreement page, the koppelzone page, the home page) are what a
 * visitor would be shown without the cache: the commit that changes them, the day that makes a review
 * overdue and a new similar agreement elsewhere show at once, members still see their own page, and a
 * visitor's page is in their language. The rules themselves: {@link PageCacheRulesTest}.
 */
class PageCacheTest {

    private static final String PLEEGZORG = """
            De pleegzorgaanbieder en het wijkteam zoeken samen een passend pleeggezin. Bij de matching
            kijken we naar de wensen van het kind, de ouders en de pleegouders. Na de kennismaking volgt
            een proefplaatsing; de pleegzorgbegeleider bezoekt het pleeggezin in de eerste maand wekelijks.
            """;

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(Instant.parse("2027-03-01T10:00:00Z"));
    private TestApp app;
    private long id;
    private String page;

    @BeforeEach
    void start() {
        app = TestApp.start(Settings.forTests(dir), clock);
        String koppelzone = app.koppelzone("Koppelzone Jeugd Teststad", "Teststad");
        app.koppelzone("Koppelzone Jeugd Anderstad", "Anderstad");
        app.member(koppelzone, "vera", Role.VOORZITTER, "wijkteam-teststad");
        id = app.agreement("Koppelzone Jeugd Teststad", "Teststad", "pleegzorg", "Matching in de pleegzorg", "bekrachtigd",
                PLEEGZORG);
        page = "/afspraken/" + id;
        // other subjects, so that the words of pleegzorg are rare, as in a real wiki
        app.koppelzone("Koppelzone Zstad", "Zstad");
        for (int i = 0; i < 8; i++) {
            app.agreement("Koppelzone Zstad", "Zstad", "ander-" + i, "Andere afspraak " + i, "bekrachtigd",
                    "Over roosters, telefoonnummers en vergaderingen van het overleg, deel " + i + ".");
        }
        app.awaitSearch();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aVisitorSeesEachCommitTheDayAndTheIndexAtOnce() {
        Response first = app.get(page);
        assertThat(first.body()).contains("Matching in de pleegzorg").doesNotContain("2 maart 2027")
                .doesNotContain("Onderhoud nodig");
        assertThat(app.get(page).body()).isEqualTo(first.body());
        assertThat(app.get(page).header("Content-Type")).startsWith("text/html");

        // a commit: the chair sets the review date for tomorrow
        TestApp.Client vera = app.signIn("vera");
        String csrf = vera.csrfToken(page + "/herzieningsdatum");
        assertThat(vera.postForm(page + "/herzieningsdatum", List.of(entry("csrf", csrf), entry("reviewDate", "2027-03-02")))
                .status()).isEqualTo(302);
        assertThat(app.get("/api/v1/agreements/" + id).json().get("reviewDate").asText()).isEqualTo("2027-03-02");
        assertThat(app.get(page).body()).contains("2 maart 2027").doesNotContain("Onderhoud nodig");
        // no commit, but the day after tomorrow the review is overdue
        clock.advance(Duration.ofDays(2));
        assertThat(app.get(page).body()).contains("Onderhoud nodig");

        // the index: an agreement like it is published elsewhere
        assertThat(app.get(page).body()).doesNotContain("Een pleeggezin dat past");
        app.agreement("Koppelzone Jeugd Anderstad", "Anderstad", "pleegzorg-elders", "Een pleeggezin dat past",
                "bekrachtigd", PLEEGZORG.replace("wekelijks", "elke twee weken"));
        app.awaitSearch();
        assertThat(app.get(page).body()).contains("Een pleeggezin dat past");

        // a commit: the chair retires it
        assertThat(vera.postForm(page + "/laten-vervallen", List.of(entry("csrf", csrf),
                entry("reason", "Opgenomen in de regionale afspraak."))).status()).isEqualTo(302);
        assertThat(app.get(page).status()).isEqualTo(404);
    }

    @Test
    void membersSeeTheirOwnPageAndVisitorsNeverSeeAMembersPage() {
        TestApp.Client vera = app.signIn("vera");
        assertThat(vera.get(page).body()).contains(page + "/bewerken\"").contains("name=\"csrf-token\"");
        assertThat(app.get(page).body()).doesNotContain(page + "/bewerken\"").doesNotContain("csrf");
        assertThat(vera.get(page).body()).contains(page + "/bewerken\"");
        assertThat(app.get(page).body()).doesNotContain(page + "/bewerken\"");
    }

    @Test
    void aVisitorsPageIsInTheirLanguage() {
        assertThat(app.get(page).body()).contains("<html lang=\"nl\"");
        TestApp.Client english = app.newBrowser();
        english.get("/taal/en?terug=" + page);
        assertThat(english.get(page).body()).contains("<html lang=\"en\"");
        assertThat(app.get(page).body()).contains("<html lang=\"nl\"");
        assertThat(english.get(page).body()).contains("<html lang=\"en\"");
    }

    @Test
    void theKoppelzoneAndHomePagesShowANewAgreementAtOnce() {
        String koppelzonePage = "/koppelzones/koppelzone-jeugd-teststad";
        assertThat(app.get(koppelzonePage).status()).isEqualTo(200);
        assertThat(app.get(koppelzonePage).body()).doesNotContain("Terugbellen na aanmelding");
        String home = app.get("/").body();
        assertThat(app.get("/").body()).isEqualTo(home);
        app.agreement("Koppelzone Jeugd Teststad", "Teststad", "terugbellen", "Terugbellen na aanmelding", "bekrachtigd");
        assertThat(app.get(koppelzonePage).body()).contains("Terugbellen na aanmelding");
        assertThat(app.get("/").body()).isNotEqualTo(home);
    }

    @Test
    void aPageLongerThanTheBuffersItIsCopiedThroughArrivesWhole() {
        // Javalin copies an answer through a buffer of ServerSetup's size into Jetty's (32 KB)
        StringBuilder body = new StringBuilder();
        for (int i = 1; body.length() < 80_000; i++) {
            body.append("Afspraak ").append(i).append(": de pleegzorgbegeleider belt het wijkteam binnen twee werkdagen terug.\n\n");
        }
        body.append("Laatste alinea van de lange afspraak.");
        long longId = app.agreement("Koppelzone Jeugd Teststad", "Teststad", "lang", "Een lange afspraak", "bekrachtigd",
                body.toString());
        String longPage = "/afspraken/" + longId;

        Response rendered = app.get(longPage);
        Response kept = app.get(longPage);
        Response renderedForItsRequest = app.get(longPage + "?x=1");
        assertThat(rendered.status()).isEqualTo(200);
        assertThat(rendered.body().length()).isGreaterThan(80_000);
        assertThat(rendered.body()).contains("Laatste alinea van de lange afspraak.");
        assertThat(rendered.body().strip()).endsWith("</html>");
        assertThat(kept.body()).isEqualTo(rendered.body());
        // the same page but for its links back to where the visitor was
        assertThat(renderedForItsRequest.body().replace("%3Fx%3D1", "")).isEqualTo(rendered.body());
    }
}
