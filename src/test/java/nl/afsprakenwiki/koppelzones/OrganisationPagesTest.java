package nl.afsprakenwiki.koppelzones;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.text.Progress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider view through real HTTP: one organisation's agreements in two municipalities,
 * grouped by theme, with drafts only for members of their koppelzone.
 */
class OrganisationPagesTest {

    private static final String HORIZON = "jeugdhulp-de-horizon";

    @TempDir
    Path dir;
    private TestApp app;
    private long tilburgAfschaling;
    private long tilburgCrisisConcept;
    private long zwolleAfschaling;
    private long zwolleWithoutTheme;

    @BeforeEach
    void start() throws Exception {
        app = TestApp.start(dir);
        tilburgAfschaling = agreement("Tilburg", "warme-overdracht", "Warme overdracht bij afschaling",
                "[afschaling, uitstroom en nazorg]", "bekrachtigd", "2027-06-01", "Jeugdhulp De Horizon", "Wijkteam Tilburg");
        tilburgCrisisConcept = agreement("Tilburg", "crisisroute", "Crisisroute buiten kantoortijd",
                "[crisis]", "concept", null, "Jeugdhulp De Horizon", "Wijkteam Tilburg");
        zwolleAfschaling = agreement("Zwolle", "afschalen-naar-jgt", "Afschalen naar het jeugd- en gezinsteam",
                "[afschaling]", "bekrachtigd", null, "Jeugdhulp De Horizon", "Jeugd- en Gezinsteam Zwolle");
        zwolleWithoutTheme = agreement("Zwolle", "declaraties", "Declaraties per kwartaal",
                "[]", "bekrachtigd", null, "Jeugdhulp De Horizon");
        agreement("Zwolle", "alleen-jgt", "Spreekuur van het jeugd- en gezinsteam",
                "[afschaling]", "bekrachtigd", null, "Jeugd- en Gezinsteam Zwolle");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** Imports one agreement of "Koppelzone Jeugd {municipality}" through the real importer; returns its id. */
    private long agreement(String municipality, String slug, String title, String themes, String status,
                           String reviewDate, String... parties) throws Exception {
        Path folder = Files.createTempDirectory(dir, "seed");
        List<String> lines = new ArrayList<>(List.of("---", "title: " + title, "municipality: " + municipality,
                "koppelzone: Koppelzone Jeugd " + municipality, "parties:"));
        for (String party : parties) {
            lines.add("  - " + party);
        }
        lines.addAll(List.of("themes: " + themes, "status: " + status));
        if (reviewDate != null) {
            lines.add("review_date: " + reviewDate);
        }
        lines.addAll(List.of("---", "Tekst van " + title + "."));
        Files.write(folder.resolve(slug + ".md"), lines);
        app.services.importer().importFolder(folder, "test", Progress.NONE);
        return app.services.db().read(handle -> handle.createQuery("SELECT id FROM agreement WHERE slug = :slug")
                .bind("slug", slug).mapTo(Long.class).one());
    }

    /** The HTML of the section whose heading starts with {@code theme}, or "" if there is none. */
    private static String section(String html, String theme) {
        for (String part : html.split("<section ")) {
            if (part.matches("(?s)aria-labelledby=\"thema-\\d+\">\\s*<h2 id=\"thema-\\d+\">" + java.util.regex.Pattern.quote(theme) + "\\s*<.*")) {
                return part.substring(0, part.indexOf("</section>"));
            }
        }
        return "";
    }

    @Test
    void aVisitorSeesTheProvidersPublishedAgreementsGroupedByThemeAcrossMunicipalities() {
        Response page = app.get("/organisaties/" + HORIZON);

        assertThat(page.status()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("<h1>Afspraken van Jeugdhulp De Horizon</h1>")
                .contains("Partij bij 3 afspraken, in 2 gemeenten.");
        String afschaling = section(html, "afschaling");
        assertThat(afschaling).contains("<a href=\"/afspraken/" + tilburgAfschaling + "\">Warme overdracht bij afschaling</a>")
                .contains("<a href=\"/afspraken/" + zwolleAfschaling + "\">Afschalen naar het jeugd- en gezinsteam</a>")
                .contains("<td>Tilburg</td>").contains("<td>Zwolle</td>")
                .contains("<a href=\"/koppelzones/koppelzone-jeugd-zwolle\">Koppelzone Jeugd Zwolle</a>")
                .contains("<span class=\"badge status-bekrachtigd\">Bekrachtigd</span>")
                .contains("1 juni 2027")
                .contains("<caption class=\"visually-hidden\">Afspraken van Jeugdhulp De Horizon: afschaling</caption>")
                .as("an agreement the organisation is not party to").doesNotContain("Spreekuur van het jeugd- en gezinsteam");
        assertThat(afschaling).as("a link to compare the two municipalities' agreements side by side")
                .contains("href=\"/vergelijken?a=" + tilburgAfschaling + "&amp;b=" + zwolleAfschaling + "\"");
        assertThat(section(html, "uitstroom en nazorg")).as("an agreement with two themes is under each")
                .contains("Warme overdracht bij afschaling").doesNotContain("/vergelijken");
        assertThat(section(html, "Zonder thema")).contains("/afspraken/" + zwolleWithoutTheme + "\"");
        assertThat(html.indexOf(">afschaling")).isLessThan(html.indexOf(">uitstroom en nazorg"));
        assertThat(html.indexOf(">uitstroom en nazorg")).isLessThan(html.indexOf(">Zonder thema"));
        assertThat(html).as("a concept is not for visitors").doesNotContain("Crisisroute").doesNotContain(">crisis");
    }

    @Test
    void aConceptOfAKoppelzoneShowsOnlyToMembersOfThatKoppelzone() {
        app.member("koppelzone-jeugd-tilburg", "fleur", Role.LEZER);
        app.member("koppelzone-jeugd-zwolle", "erik", Role.LEZER);

        String member = app.signIn("fleur").get("/organisaties/" + HORIZON).body();
        String otherKoppelzone = app.signIn("erik").get("/organisaties/" + HORIZON).body();

        assertThat(section(member, "crisis"))
                .contains("<a href=\"/afspraken/" + tilburgCrisisConcept + "\">Crisisroute buiten kantoortijd</a>")
                .contains("<span class=\"badge status-concept\">Concept</span>");
        assertThat(member).contains("Partij bij 4 afspraken, in 2 gemeenten.");
        assertThat(otherKoppelzone).doesNotContain("Crisisroute").contains("Partij bij 3 afspraken, in 2 gemeenten.");
        assertThat(app.get("/api/v1/organisations/" + HORIZON + "/agreements").json().get("themes").has("crisis")).isFalse();
    }

    /** The "Partij in:" line of an organisation's page. */
    private String partyIn(String slug) {
        String html = app.get("/organisaties/" + slug).body();
        int start = html.indexOf("Partij in:");
        return start < 0 ? "" : html.substring(start, html.indexOf("</p>", start));
    }

    @Test
    void thePageNamesTheKoppelzonesTheOrganisationIsAPartyInAndFollowsNewOnes() throws Exception {
        assertThat(partyIn(HORIZON)).contains("Koppelzone Jeugd Tilburg</a> (Tilburg)")
                .contains("Koppelzone Jeugd Zwolle</a> (Zwolle)");
        assertThat(partyIn("jeugd-en-gezinsteam-zwolle")).as("a party in one koppelzone only")
                .contains("Koppelzone Jeugd Zwolle").doesNotContain("Tilburg");
        // it becomes a party in a third koppelzone: the page, kept for visitors, shows it at once
        agreement("Deventer", "samen-deventer", "Samenwerking in Deventer", "[]", "bekrachtigd", null,
                "Jeugd- en Gezinsteam Zwolle");
        assertThat(partyIn("jeugd-en-gezinsteam-zwolle")).contains("Koppelzone Jeugd Zwolle")
                .contains("Koppelzone Jeugd Deventer</a> (Deventer)");
        assertThat(partyIn(HORIZON)).doesNotContain("Deventer");
    }

    @Test
    void anUnknownOrganisationIsNotFound() {
        assertThat(app.get("/organisaties/bestaat-niet").status()).isEqualTo(404);
        Response api = app.get("/api/v1/organisations/bestaat-niet/agreements");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void theApiGivesTheOrganisationAndItsVisibleAgreementsByTheme() {
        JsonNode json = app.get("/api/v1/organisations/" + HORIZON + "/agreements").json();

        assertThat(json.get("organisation").toString())
                .isEqualTo("{\"slug\":\"jeugdhulp-de-horizon\",\"name\":\"Jeugdhulp De Horizon\",\"kind\":\"aanbieder\","
                        + "\"phoneNumbers\":[],\"emailDomains\":[],\"version\":1}");
        assertThat(json.get("total").asInt()).isEqualTo(3);
        List<String> themes = new ArrayList<>();
        json.get("themes").fieldNames().forEachRemaining(themes::add);
        assertThat(themes).containsExactly("afschaling", "uitstroom en nazorg", "zonder thema");
        JsonNode afschaling = json.get("themes").get("afschaling");
        assertThat(afschaling).hasSize(2);
        JsonNode first = afschaling.get(0);
        assertThat(first.get("id").asLong()).isEqualTo(tilburgAfschaling);
        assertThat(first.get("title").asText()).isEqualTo("Warme overdracht bij afschaling");
        assertThat(first.get("status").asText()).isEqualTo("bekrachtigd");
        assertThat(first.get("municipality").toString()).isEqualTo("{\"slug\":\"tilburg\",\"name\":\"Tilburg\"}");
        assertThat(first.get("koppelzone").toString())
                .isEqualTo("{\"slug\":\"koppelzone-jeugd-tilburg\",\"name\":\"Koppelzone Jeugd Tilburg\"}");
        assertThat(first.get("reviewDate").asText()).isEqualTo("2027-06-01");
        assertThat(afschaling.get(1).get("municipality").get("name").asText()).isEqualTo("Zwolle");
        assertThat(afschaling.get(1).get("reviewDate").isNull()).isTrue();
    }

    @Test
    void theAgreementPageLinksEachPartyToItsOrganisationPage() {
        String html = app.get("/afspraken/" + tilburgAfschaling).body();

        assertThat(html).contains("<a href=\"/organisaties/jeugdhulp-de-horizon\">Jeugdhulp De Horizon</a>")
                .contains("<a href=\"/organisaties/wijkteam-tilburg\">Wijkteam Tilburg</a>");
        assertThat(app.get("/organisaties/wijkteam-tilburg").body()).contains("Partij bij 1 afspraak, in 1 gemeente.");
    }
}
