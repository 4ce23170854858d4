package nl.afsprakenwiki.koppelzones;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.privacy.PrivacyScan;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.text.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: the listed phone numbers and e-mail domains of organisations. The beheerder keeps them (page
 * and API, validated); the organisation page shows them; the privacy detector passes them in the
 * koppelzones where the organisation is a party or the chair, and nowhere else.
 */
class OrganisationContactsTest {

    private static final String BELSTAD = "Koppelzone Jeugd Belstad";
    private static final String ANDERSTAD = "Koppelzone Jeugd Anderstad";
    private static final String TEAM = "wijkteam-belstad";
    /** The wijkteam's listed number as the beheerder wrote it, and the same number as a writer might. */
    private static final String LISTED = "013 000 41 10";
    private static final String LISTED_INTERNATIONALLY = "+31 13 000 41 10";

    @TempDir
    static Path dir;
    static TestApp app;
    static String belstad;
    static String anderstad;
    static TestApp.Client beheerder;
    static TestApp.Client expert;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        belstad = app.koppelzone(BELSTAD, "Belstad");
        anderstad = app.koppelzone(ANDERSTAD, "Anderstad");
        app.admin("baas");
        beheerder = app.bearer("baas");
        app.member(belstad, "marieke", Role.VOORZITTER);
        app.member(anderstad, "marieke", Role.VOORZITTER);
        expert = app.bearer("marieke");
        Response listed = beheerder.putJson("/api/v1/organisations/" + TEAM, Map.of(
                "phoneNumbers", List.of(LISTED), "emailDomains", List.of("WijkteamBelstad.example.nl"), "version", version(TEAM)));
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** The organisation's version (V030), which a change is based on. */
    static int version(String slug) {
        return app.get("/api/v1/organisations/" + slug + "/agreements").json().get("organisation").get("version").asInt();
    }

    /** The version an organisation's edit page carries in its form. */
    static String formVersion(TestApp.Client web, String page) {
        var matcher = java.util.regex.Pattern.compile("name=\"version\" value=\"([0-9]+)\"").matcher(web.get(page).body());
        assertThat(matcher.find()).as("a version on " + page).isTrue();
        return matcher.group(1);
    }

    private static Response create(String koppelzone, String body) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", "Terugbellen na aanmelding");
        request.put("body", body);
        request.put("parties", List.of(koppelzone.equals(belstad) ? TEAM : "wijkteam-anderstad"));
        return expert.postJson("/api/v1/koppelzones/" + koppelzone + "/agreements", request);
    }

    @Test
    void theApiStoresTheNumbersAsWrittenAndTheDomainsInLowerCase() {
        JsonNode organisation = app.get("/api/v1/organisations/" + TEAM + "/agreements").json().get("organisation");

        assertThat(organisation.get("phoneNumbers").get(0).asText()).isEqualTo(LISTED);
        assertThat(organisation.get("emailDomains").get(0).asText()).isEqualTo("wijkteambelstad.example.nl");
    }

    @Test
    void aPartysListedNumberInAnotherNotationSavesWithoutAFinding() {
        Response created = create(belstad, "## Afspraak\n\nBel het wijkteam op " + LISTED_INTERNATIONALLY + ".\n");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("warnings")).isEmpty();
    }

    @Test
    void theSameNumberWhereTheOrganisationIsNoPartyIsRefusedAsAPhoneNumber() {
        Response refused = create(anderstad, "## Afspraak\n\nBel het wijkteam op " + LISTED_INTERNATIONALLY + ".\n");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("findings").findValuesAsText("kind")).containsExactly("telefoon");

        Response page = app.signIn("marieke").submit("/koppelzones/" + anderstad + "/nieuw",
                "/koppelzones/" + anderstad + "/afspraken", List.of(entry("title", "Terugbellen"),
                        entry("body", "Bel het wijkteam op " + LISTED + "."), entry("parties", "wijkteam-anderstad"),
                        entry("summary", ""), entry("action", "save")));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("Dit lijkt een persoonsgegeven te bevatten (telefoon)")
                .contains("Bel het wijkteam op " + LISTED);
    }

    @Test
    void anAddressAtThePartysDomainOrASubdomainIsNoFindingAndOneElsewhereAWarning() {
        Response own = create(belstad, "Mail m.jansen@wijkteambelstad.example.nl of p.smit@noord.wijkteambelstad.example.nl.");
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        assertThat(own.json().get("warnings")).isEmpty();

        Response elsewhere = create(belstad, "Mail m.jansen@anderbureau.nl.");
        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(201);
        assertThat(elsewhere.json().get("warnings").findValuesAsText("kind")).containsExactly("email");

        Response otherZone = create(anderstad, "Mail m.jansen@wijkteambelstad.example.nl.");
        assertThat(otherZone.json().get("warnings").findValuesAsText("kind")).containsExactly("email");
    }

    @Test
    void aCommentAndMeetingMinutesWithAPartysNumberAreSaved() {
        long agreement = create(belstad, "## Afspraak\n\nHet wijkteam belt terug.\n").json().get("id").asLong();
        Response comment = expert.postJson("/api/v1/agreements/" + agreement + "/comments",
                Map.of("text", "Bel het wijkteam op " + LISTED_INTERNATIONALLY + "."));
        assertThat(comment.status()).as(comment.body()).isEqualTo(201);

        TestApp.Client web = app.signIn("marieke");
        assertThat(minutes(web, belstad, "2030-03-12", "Het wijkteam is bereikbaar op " + LISTED + ".").status())
                .isLessThan(400);
        assertThat(minutes(web, anderstad, "2030-03-13", "Het wijkteam is bereikbaar op " + LISTED + ".").status())
                .isEqualTo(422);
    }

    /** Plans a meeting in the koppelzone, puts a topic on its agenda and records {@code text} as its minutes. */
    private static Response minutes(TestApp.Client web, String koppelzone, String date, String text) {
        Response planned = expert.postJson("/api/v1/koppelzones/" + koppelzone + "/meetings", Map.of("date", date,
                "startTime", "14:00", "endTime", "16:00", "location", "Stadskantoor"));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        long meeting = planned.json().get("id").asLong();
        String page = "/overleggen/" + meeting;
        assertThat(web.submit(page, page + "/agenda", List.of(entry("topic", "Bereikbaarheid"))).status()).isLessThan(400);
        JsonNode agenda = expert.get("/api/v1/meetings/" + meeting).json().get("agenda");
        long item = agenda.get(agenda.size() - 1).get("id").asLong();
        return web.submit(page, page + "/agenda/" + item + "/notulen", List.of(entry("minutes", text)));
    }

    @Test
    void anExperienceATemplateAndAnEndorsementRemarkWithAPartysNumberAreSaved() {
        // imported with the number in its text: the import knows the parties of the koppelzone the file names
        long proposed = app.agreement(BELSTAD, "Belstad", "terugbellen-voorstel", "Terugbellen", "ter_bekrachtiging",
                "Het wijkteam belt terug vanaf " + LISTED + ".");
        long published = app.agreement(BELSTAD, "Belstad", "terugbellen-openbaar", "Terugbellen openbaar", "bekrachtigd");
        Response experience = expert.postJson("/api/v1/agreements/" + published + "/experiences",
                Map.of("body", "Wij belden het wijkteam op " + LISTED_INTERNATIONALLY + "; dat werkte.", "adopted", true));
        assertThat(experience.status()).as(experience.body()).isEqualTo(201);

        TestApp.Client web = app.signIn("marieke");
        String templates = "/koppelzones/" + belstad + "/sjablonen";
        Response template = web.submit(templates, templates, List.of(entry("name", "Aanmelding"),
                entry("body", "## Aanmelden\n\nBel het wijkteam op " + LISTED + ".")));
        assertThat(template.status()).as(template.body()).isEqualTo(302);
        String elsewhere = "/koppelzones/" + anderstad + "/sjablonen";
        assertThat(web.submit(elsewhere, elsewhere, List.of(entry("name", "Aanmelding"),
                entry("body", "## Aanmelden\n\nBel het wijkteam op " + LISTED + "."))).status()).isEqualTo(422);

        TestApp.Client manager = app.bearer(app.member(belstad, "teamleider", Role.MANAGER, TEAM));
        Response remark = manager.postJson("/api/v1/agreements/" + proposed + "/endorsements", Map.of("revision", 1,
                "decision", "endorse", "remark", "Vragen: bel " + LISTED_INTERNATIONALLY + "."));
        assertThat(remark.status()).as(remark.body()).isLessThan(300);
    }

    @Test
    void aNumberAddedOnTheEditPageIsKnownToTheNextSave() {
        String body = "Bel de huisartsen op 013 000 49 90.";
        assertThat(create(belstad, body).status()).isEqualTo(422);

        TestApp.Client web = app.signIn("baas");
        String page = "/beheer/organisaties/huisartsen-belstad";
        assertThat(web.get(page).body()).contains("Huisartsen Belstad").contains("name=\"phoneNumbers\"");
        Response saved = web.submit(page, page, List.of(entry("name", "Huisartsen Belstad"), entry("kind", "huisarts"),
                entry("phoneNumbers", "(013) 000 49 90\n"), entry("emailDomains", ""), entry("version", formVersion(web, page))));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);

        Response again = create(belstad, body);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(app.get("/organisaties/huisartsen-belstad").body())
                .contains("href=\"tel:+31130004990\"").contains("(013) 000 49 90");
    }

    @Test
    void theEditPageNamesTheBadLineNextToTheFieldAndKeepsWhatWasTyped() {
        TestApp.Client web = app.signIn("baas");
        String page = "/beheer/organisaties/jeugdhulp-de-brug-belstad";
        Response refused = web.submit(page, page, List.of(entry("name", "Jeugdhulp De Brug Belstad"),
                entry("kind", "aanbieder"), entry("phoneNumbers", "013 000 47 70\n14 013"),
                entry("emailDomains", "debrug.example.nl\ninfo@debrug.nl"), entry("version", formVersion(web, page))));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Regel 2").contains("is geen Nederlands telefoonnummer van tien cijfers")
                .contains("is geen e-maildomein").contains("id=\"phoneNumbers-error\"").contains("id=\"emailDomains-error\"")
                .contains("013 000 47 70\n14 013").contains("debrug.example.nl\ninfo@debrug.nl");
        JsonNode organisation = app.get("/api/v1/organisations/jeugdhulp-de-brug-belstad/agreements").json().get("organisation");
        assertThat(organisation.get("phoneNumbers")).isEmpty();
    }

    @Test
    void theCreateFormTakesNumbersAndDomainsAndKeepsThemWhenRefused() {
        TestApp.Client web = app.signIn("baas");
        Response refused = web.submit("/beheer/organisaties", "/beheer/organisaties", List.of(entry("name", "Jeugdzorg Bel"),
                entry("slug", ""), entry("kind", "aanbieder"), entry("phoneNumbers", "06 0000 1234"),
                entry("emailDomains", "bel")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Regel 1").contains("06 0000 1234").contains(">bel</textarea>");

        Response created = web.submit("/beheer/organisaties", "/beheer/organisaties", List.of(entry("name", "Jeugdzorg Bel"),
                entry("slug", ""), entry("kind", "aanbieder"), entry("phoneNumbers", "06 0000 1234"),
                entry("emailDomains", "bel.example.nl")));
        assertThat(created.status()).isEqualTo(302);
        JsonNode organisation = app.get("/api/v1/organisations/jeugdzorg-bel/agreements").json().get("organisation");
        assertThat(organisation.get("phoneNumbers").get(0).asText()).isEqualTo("06 0000 1234");
        assertThat(organisation.get("emailDomains").get(0).asText()).isEqualTo("bel.example.nl");
    }

    @Test
    void theApiRefusesABadNumberOrDomainWithTheFieldAndLine() {
        Response badNumber = beheerder.postJson("/api/v1/organisations", Map.of("name", "Jeugdzorg Fout", "kind", "aanbieder",
                "phoneNumbers", List.of("013 000 41 11", "0612")));
        assertThat(badNumber.status()).as(badNumber.body()).isEqualTo(400);
        assertThat(badNumber.header("Content-Type")).startsWith("application/problem+json");
        assertThat(badNumber.json().get("errors").get("phoneNumbers").asText()).contains("Regel 2").contains("0612");

        Response badDomain = beheerder.putJson("/api/v1/organisations/" + TEAM, Map.of("emailDomains", List.of("info@team.nl"),
                "version", version(TEAM)));
        assertThat(badDomain.status()).as(badDomain.body()).isEqualTo(400);
        assertThat(badDomain.json().get("errors").get("emailDomains").asText()).contains("Regel 1").contains("info@team.nl");
        assertThat(beheerder.putJson("/api/v1/organisations/bestaat-niet", Map.of("name", "X")).status()).isEqualTo(404);
        assertThat(expert.putJson("/api/v1/organisations/" + TEAM, Map.of("name", "X")).status()).isEqualTo(403);
    }

    @Test
    void anAdoptedCopyKeepsTheSourcePartysNumberAndThePrivacyScanFindsNothingThere() {
        long source = app.agreement(BELSTAD, "Belstad", "bereikbaarheid", "Bereikbaarheid wijkteam", "bekrachtigd",
                "Het wijkteam is bereikbaar op " + LISTED + ".");
        Response adopted = expert.postJson("/api/v1/agreements/" + source + "/adopt", Map.of("koppelzone", anderstad));
        assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var report = new PrivacyScan(app.db, app.services.findings())
                .run(new PrintStream(out, true, StandardCharsets.UTF_8), Progress.NONE);
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("afspraak " + source + ",");
        assertThat(report.texts()).isPositive();
        assertThat(report.unconfirmed()).as("the copy carries the source party's number as confirmed").isZero();
    }
}
