package nl.afsprakenwiki.redaction;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.privacy.FindingRegister;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy findings (issue 17 point 4): every finding in current and historical text of a koppelzone,
 * for its voorzitter and a beheerder, with the link that redacts it; the register catches up by itself
 * and follows a redaction.
 */
class FindingPagesTest {

    private static final String BSN = "268506590";
    private static final String NAME = "moeder Fatima";

    @TempDir
    static Path dir;
    static TestApp app;
    static String zone;
    static long historical;
    static long named;
    static long comment;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        zone = app.koppelzone("Koppelzone Jeugd Heelstad", "Heelstad");
        String other = app.koppelzone("Koppelzone Jeugd Ooststad", "Ooststad");
        app.member(zone, "vera", Role.VOORZITTER, "wijkteam-heelstad");
        app.member(zone, "anna", Role.PRAKTIJKEXPERT, "wijkteam-heelstad");
        app.member(other, "otto", Role.VOORZITTER, "wijkteam-ooststad");
        app.admin("beheer");
        // a BSN confirmed (wrongly) on import lives on in revision 1 only
        historical = app.agreementConfirmingFindings("Koppelzone Jeugd Heelstad", "Heelstad", "aanmelding", "Aanmelding",
                "concept", "De jongere met BSN " + BSN + " wordt aangemeld.");
        app.agreement("Koppelzone Jeugd Heelstad", "Heelstad", "aanmelding", "Aanmelding", "concept",
                "De jongere wordt aangemeld.");
        // a name next to a family word is a warning: saved, not confirmed
        Response created = app.bearer("anna").postJson("/api/v1/koppelzones/" + zone + "/agreements", Map.of(
                "title", "Overdracht", "body", "## Afspraak\n\nDe " + NAME + " belt het wijkteam als het misgaat.\n", "parties", List.of("wijkteam-heelstad")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        named = created.json().get("id").asLong();
        Response posted = app.bearer("anna").postJson("/api/v1/agreements/" + named + "/comments",
                Map.of("text", "Overleg dit eerst met de moeder Sanne de Vries.", "revision", 1));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        comment = posted.json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String findings(TestApp.Client client, String query) {
        return findings(client, zone, query);
    }

    private static String findings(TestApp.Client client, String koppelzone, String query) {
        Response page = client.get("/koppelzones/" + koppelzone + "/persoonsgegevens" + query);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    @Test
    void theVoorzitterSeesTheOpenFindingsOfTheirKoppelzoneInContextButNoRedactionLink() {
        String open = findings(app.signIn("vera"), "");
        assertThat(open).contains("<mark>Fatima</mark>").contains("Afspraak ‘Overdracht’")
                .contains("Reactie bij ‘Overdracht’").contains("<mark>Sanne de Vries</mark>")
                .doesNotContain(BSN).doesNotContain("persoonsgegeven-verwijderen")
                .contains("vraag een beheerder");
        String all = findings(app.signIn("vera"), "?alle=ja");
        assertThat(all).contains("<mark>" + BSN + "</mark>").contains("revisies 1").contains("Bevestigd: geen persoonsgegeven");
    }

    @Test
    void onlyTheVoorzitterOfTheKoppelzoneAndABeheerderMaySeeThem() {
        assertThat(app.signIn("anna").get("/koppelzones/" + zone + "/persoonsgegevens").status()).isEqualTo(403);
        assertThat(app.signIn("otto").get("/koppelzones/" + zone + "/persoonsgegevens").status()).isEqualTo(403);
        Response anonymous = app.get("/koppelzones/" + zone + "/persoonsgegevens");
        assertThat(anonymous.body()).doesNotContain("Fatima");
        assertThat(anonymous.status()).isIn(302, 303, 401);
        assertThat(app.signIn("vera").get("/beheer/persoonsgegevens").status()).isEqualTo(403);

        Response overview = app.signIn("beheer").get("/beheer/persoonsgegevens");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body()).contains("Koppelzone Jeugd Heelstad").doesNotContain("Koppelzone Jeugd Ooststad")
                .doesNotContain("Fatima");
        assertThat(findings(app.signIn("beheer"), "")).contains("/afspraken/" + named + "/persoonsgegeven-verwijderen?revisie=1&amp;vondst=")
                .contains("/afspraken/" + named + "/opmerkingen/" + comment + "/persoonsgegevens-verwijderen");
    }

    @Test
    void aBeheerderRedactsAHistoricalBsnFromItsLinkAndTheRegisterFollows() {
        String bsn = "111222333";
        long historical = app.agreementConfirmingFindings("Koppelzone Jeugd Heelstad", "Heelstad", "afschaling", "Afschaling",
                "concept", "Afschalen van de jongere met BSN " + bsn + " na overleg.");
        app.agreement("Koppelzone Jeugd Heelstad", "Heelstad", "afschaling", "Afschaling", "concept",
                "Afschalen van de jongere na overleg.");
        TestApp.Client beheer = app.signIn("beheer");
        Matcher link = Pattern.compile("/afspraken/" + historical + "/persoonsgegeven-verwijderen\\?revisie=1&amp;vondst=([0-9a-f]+)")
                .matcher(findings(beheer, "?alle=ja"));
        assertThat(link.find()).isTrue();
        String form = "/afspraken/" + historical + "/persoonsgegeven-verwijderen?revisie=1&vondst=" + link.group(1);
        assertThat(beheer.get(form).body()).as("the form is filled in with the text found").contains(">" + bsn + "</textarea>");

        Response done = beheer.submit(form, "/afspraken/" + historical + "/persoonsgegeven-verwijderen", List.of(
                Map.entry("revision", "1"), Map.entry("text", bsn), Map.entry("requestedBy", "vera"),
                Map.entry("reason", "BSN van een jongere"), Map.entry("confirmed", "ja")));
        assertThat(done.status()).as(done.body()).isIn(302, 303);

        assertThat(findings(beheer, "?alle=ja")).doesNotContain(bsn).contains(BSN);
        FindingRegister register = new FindingRegister(app.db, new nl.afsprakenwiki.privacy.PrivacyDetector(java.time.Clock.systemUTC()),
                zone -> nl.afsprakenwiki.privacy.Parties.NONE);
        assertThat(register.pending()).isZero();
        int left = app.db.read(handle -> handle.createQuery(
                "SELECT count(*) FROM privacy_finding WHERE agreement_id = :a AND kind = 'bsn'").bind("a", historical)
                .mapTo(Integer.class).one());
        assertThat(left).isZero();
    }

    @Test
    void aWholeCommentIsRedactedFromItsOwnPageWithTheRequestingVoorzitter() {
        Response posted = app.bearer("anna").postJson("/api/v1/agreements/" + named + "/comments",
                Map.of("text", "Bel eerst de vader Daan Jansen.", "revision", 1));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        long comment = posted.json().get("id").asLong();
        TestApp.Client beheer = app.signIn("beheer");
        String path = "/afspraken/" + named + "/opmerkingen/" + comment + "/persoonsgegevens-verwijderen";
        Response form = beheer.get(path);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Bel eerst de vader Daan Jansen.");

        Response refused = beheer.submit(path, path, List.of(Map.entry("requestedBy", "anna"), Map.entry("reason", "")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Kies een voorzitter van");
        assertThat(app.signIn("vera").get(path).status()).as("the voorzitter asks, the beheerder redacts").isEqualTo(403);

        Response done = beheer.submit(path, path, List.of(Map.entry("requestedBy", "vera"), Map.entry("reason", "Naam van een ouder")));
        assertThat(done.status()).as(done.body()).isIn(302, 303);
        assertThat(done.header("Location")).isEqualTo("/koppelzones/" + zone + "/persoonsgegevens?melding=verwijderd");
        assertThat(findings(beheer, "?melding=verwijderd")).contains("De tekst is verwijderd").doesNotContain("Daan Jansen").contains("Sanne de Vries");
        String body = app.db.read(handle -> handle.createQuery("SELECT body FROM comment WHERE id = :c").bind("c", comment)
                .mapTo(String.class).one());
        assertThat(body).isEqualTo("[verwijderd: persoonsgegeven]");
    }

    @Test
    void anExperienceFromElsewhereWithAParentsNameIsListedAndRemovedFromItsOwnPage() {
        long endorsed = app.agreement("Koppelzone Jeugd Heelstad", "Heelstad", "nazorg", "Nazorg", "bekrachtigd");
        Response shared = app.bearer("otto").postJson("/api/v1/agreements/" + endorsed + "/experiences",
                Map.of("body", "Bij ons belde de vader Jan Bakker zelf.", "adopted", false));
        assertThat(shared.status()).as(shared.body()).isEqualTo(201);
        long experience = shared.json().get("id").asLong();
        TestApp.Client beheer = app.signIn("beheer");
        String path = "/afspraken/" + endorsed + "/ervaringen/" + experience + "/persoonsgegevens-verwijderen";
        assertThat(findings(beheer, "")).contains("Ervaring bij ‘Nazorg’").contains("<mark>Jan Bakker</mark>").contains(path);

        assertThat(beheer.get(path).body()).contains("Bij ons belde de vader Jan Bakker zelf.");
        Response done = beheer.submit(path, path, List.of(Map.entry("requestedBy", "vera"), Map.entry("reason", "Naam van een ouder")));
        assertThat(done.status()).as(done.body()).isIn(302, 303);
        assertThat(findings(beheer, "")).doesNotContain("Jan Bakker");
        assertThat(app.get("/api/v1/agreements/" + endorsed + "/experiences").body()).doesNotContain("Jan Bakker")
                .contains("[verwijderd: persoonsgegeven]");
    }

    @Test
    void aNumberThatBecomesAPartysListedNumberLeavesTheFindings() {
        long id = app.agreementConfirmingFindings("Koppelzone Jeugd Heelstad", "Heelstad", "bereikbaarheid", "Bereikbaarheid",
                "concept", "Het wijkteam is bereikbaar op 013-5801234.");
        TestApp.Client beheer = app.signIn("beheer");
        assertThat(findings(beheer, "?alle=ja")).contains("<mark>013-5801234</mark>");

        int version = app.get("/api/v1/organisations/wijkteam-heelstad/agreements").json().get("organisation")
                .get("version").asInt();
        Response listed = app.bearer("beheer").putJson("/api/v1/organisations/wijkteam-heelstad",
                Map.of("phoneNumbers", List.of("+31 13 580 1234"), "version", version));
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);

        assertThat(findings(beheer, "?alle=ja")).as("the party's own number is no finding any more").doesNotContain("013-5801234");
        int left = app.db.read(handle -> handle.createQuery(
                "SELECT count(*) FROM privacy_finding WHERE agreement_id = :a AND kind = 'telefoon'").bind("a", id)
                .mapTo(Integer.class).one());
        assertThat(left).isZero();
    }

    @Test
    void manyFindingsComeInPagesOfAHundred() {
        // a koppelzone of its own, so the other tests' findings stay on their first page
        String veelstad = app.koppelzone("Koppelzone Jeugd Veelstad", "Veelstad");
        app.member(veelstad, "vivian", Role.VOORZITTER, "wijkteam-veelstad");
        app.member(veelstad, "paul", Role.PRAKTIJKEXPERT, "wijkteam-veelstad");
        long many = app.agreement("Koppelzone Jeugd Veelstad", "Veelstad", "wachttijd", "Wachttijd", "concept");
        TestApp.Client paul = app.bearer("paul");
        for (int i = 0; i < FindingPages.PER_PAGE + 1; i++) {
            Response posted = paul.postJson("/api/v1/agreements/" + many + "/comments",
                    Map.of("text", "Overleg " + i + " met de moeder Sanne de Vries.", "revision", 1));
            assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        }
        TestApp.Client vivian = app.signIn("vivian");
        assertThat(findings(vivian, veelstad, "")).contains("Pagina 1 van 2").contains("rel=\"next\"").doesNotContain("rel=\"prev\"");
        String second = findings(vivian, veelstad, "?pagina=2");
        assertThat(second).contains("Pagina 2 van 2").contains("rel=\"prev\"").contains("<mark>Sanne de Vries</mark>");
        assertThat(findings(vivian, veelstad, "?pagina=abc")).as("a page that is no number is the first").contains("Pagina 1 van 2");
        assertThat(findings(vivian, veelstad, "?pagina=99")).as("past the last page is the last").contains("Pagina 2 van 2");
    }

    @Test
    void aNameInAWaardelekIsListedWithTheLeakAndTheLinkThatRedactsItsField() {
        app.member(zone, "piet", Role.PRAKTIJKEXPERT, "jeugdhulp-de-brug-heelstad");
        Response reported = app.bearer("piet").postJson("/api/v1/koppelzones/" + zone + "/leaks", Map.of(
                "parties", List.of("wijkteam-heelstad", "jeugdhulp-de-brug-heelstad"), "moment", "overdracht",
                "title", "Overdracht zonder warme start", "description", "Het gezin moet alles opnieuw vertellen.",
                "frequency", "maandelijks", "example", "De vader Bram Smit belde drie keer."));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        long leak = reported.json().get("id").asLong();

        String page = findings(app.signIn("beheer"), "");
        assertThat(page).contains("Waardelek ‘Overdracht zonder warme start’").contains("<mark>Bram Smit</mark>")
                .contains("/waardelekken/" + leak + "/voorbeeld/persoonsgegevens-verwijderen")
                .doesNotContain("Deze tekst kan niet uit de geschiedenis worden verwijderd.");
    }
}
