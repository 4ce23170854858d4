package nl.afsprakenwiki.adoption;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The national page "what spreads" and {@code /api/v1/spread} (issue 18): the most adopted agreements,
 * the themes adopted most and the jeugdregio's, from public agreements and adoptions only.
 * Aastad and Beestad lie in jeugdregio Noord, Ceestad in Zuid; Aastad's agreement is adopted by Beestad,
 * whose copy is endorsed.
 */
class SpreadPageTest {

    @TempDir
    Path dir;
    private TestApp app;
    private String zoneA;
    private String zoneC;
    private TestApp.Client expertA;
    private TestApp.Client expertB;
    private TestApp.Client expertC;
    private long source;
    private long copy;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        Author test = Author.system("test");
        app.services.koppelzoneAdmin().createMunicipality("aastad", "Aastad", "Noord", test);
        app.services.koppelzoneAdmin().createMunicipality("beestad", "Beestad", "Noord", test);
        app.services.koppelzoneAdmin().createMunicipality("ceestad", "Ceestad", "Zuid", test);
        zoneA = app.koppelzone("Koppelzone Jeugd Aastad", "Aastad");
        String zoneB = app.koppelzone("Koppelzone Jeugd Beestad", "Beestad");
        zoneC = app.koppelzone("Koppelzone Jeugd Ceestad", "Ceestad");
        expertA = app.bearer(app.member(zoneA, "anna", Role.PRAKTIJKEXPERT, "wijkteam-aastad"));
        TestApp.Client managerA = app.bearer(app.member(zoneA, "mark", Role.MANAGER, "wijkteam-aastad"));
        expertB = app.bearer(app.member(zoneB, "bert", Role.PRAKTIJKEXPERT, "wijkteam-beestad"));
        TestApp.Client managerB = app.bearer(app.member(zoneB, "bas", Role.MANAGER, "wijkteam-beestad"));
        expertC = app.bearer(app.member(zoneC, "cor", Role.PRAKTIJKEXPERT, "wijkteam-ceestad"));

        Response created = expertA.postJson("/api/v1/koppelzones/" + zoneA + "/agreements", Map.of(
                "title", "Warme overdracht bij afschaling", "body", "Het wijkteam neemt binnen een week contact op.",
                "parties", List.of("wijkteam-aastad"), "themes", List.of("afschaling")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        source = created.json().get("id").asLong();
        endorse(expertA, managerA, source);
        Response adopted = expertB.postJson("/api/v1/agreements/" + source + "/adopt", Map.of("koppelzone", zoneB));
        assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);
        copy = adopted.json().get("id").asLong();
        endorse(expertB, managerB, copy);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static void endorse(TestApp.Client expert, TestApp.Client manager, long id) {
        int current = expert.get("/api/v1/agreements/" + id).json().get("currentRevision").asInt();
        assertThat(expert.postJson("/api/v1/agreements/" + id + "/proposals", Map.of("revision", current)).status())
                .isEqualTo(201);
        Response endorsed = manager.postJson("/api/v1/agreements/" + id + "/endorsements",
                Map.of("revision", current, "decision", "endorse"));
        assertThat(endorsed.json().get("status").asText()).as(endorsed.body()).isEqualTo("bekrachtigd");
    }

    @Test
    void theNationalPageListsTheMostAdoptedAgreementsTheThemesAndTheRegions() throws Exception {
        Response page = app.newBrowser().get("/landelijk");

        assertThat(page.status()).isEqualTo(200);
        String body = page.body();
        String adopted = section(body, "spread-adopted");
        assertThat(adopted).contains("Warme overdracht bij afschaling").contains("href=\"/afspraken/" + source + "\"")
                .contains("<td class=\"number\">1</td>");
        assertThat(section(body, "spread-themes")).contains(">afschaling</a>").contains("/zoeken?thema=afschaling");
        String regions = section(body, "spread-regions");
        assertThat(regions.indexOf("Noord")).isLessThan(regions.indexOf("Zuid"));
        // the drawing is well-formed XML with a title per tile and per koppelzone
        int start = regions.indexOf("<svg");
        String svg = regions.substring(start, regions.indexOf("</svg>") + "</svg>".length());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        assertThat(document.getElementsByTagNameNS("*", "title").getLength()).isEqualTo(1 + 2 + 3);
        assertThat(svg).contains("Noord: 2 afspraken · 1 overgenomen · 1 doorgegeven")
                .contains("Aastad · Koppelzone Jeugd Aastad: 1 afspraak · 0 overgenomen · 1 doorgegeven")
                .contains("Beestad · Koppelzone Jeugd Beestad: 1 afspraak · 1 overgenomen · 0 doorgegeven")
                .contains("Zuid: 0 afspraken · 0 overgenomen · 0 doorgegeven");
        // the table says the same in text
        String table = regions.substring(regions.indexOf("<table class=\"spread-regions\""));
        assertThat(table).contains("rowspan=\"2\">Noord</th>").contains("rowspan=\"1\">Zuid</th>");

        JsonNode json = app.get("/api/v1/spread").json();
        assertThat(json.get("agreements").asInt()).isEqualTo(2);
        assertThat(json.get("adoptions").asInt()).isEqualTo(1);
        assertThat(json.get("mostAdopted").get(0).get("id").asLong()).isEqualTo(source);
        assertThat(json.get("mostAdopted").get(0).get("adoptions").asInt()).isEqualTo(1);
        assertThat(json.get("themes").get(0).get("theme").asText()).isEqualTo("afschaling");
        assertThat(json.get("regions").get(0).get("jeugdregio").asText()).isEqualTo("Noord");
        assertThat(json.get("regions").get(0).get("koppelzones").get(0).get("given").asInt()).isEqualTo(1);
        assertThat(json.get("regions").get(1).get("koppelzones").get(0).get("slug").asText()).isEqualTo(zoneC);
    }

    @Test
    void draftsChangeNothingAVisitorSees() {
        String before = main(app.newBrowser().get("/landelijk").body());
        String jsonBefore = app.get("/api/v1/spread").body();

        // a draft adoption, a new draft agreement, and drafts (herzieningen) of the source and its copy
        Response draftAdoption = expertC.postJson("/api/v1/agreements/" + source + "/adopt", Map.of("koppelzone", zoneC));
        assertThat(draftAdoption.status()).as(draftAdoption.body()).isEqualTo(201);
        Response draft = expertA.postJson("/api/v1/koppelzones/" + zoneA + "/agreements", Map.of(
                "title", "Geheim concept over crisis", "body", "Nog niet bekrachtigd.",
                "parties", List.of("wijkteam-aastad"), "themes", List.of("crisis")));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        assertThat(expertA.putJson("/api/v1/agreements/" + source, Map.of("title", "Geheime nieuwe titel",
                "body", "Een herziening die nog niet is bekrachtigd.", "baseRevision", 1)).status()).isEqualTo(200);
        assertThat(expertB.putJson("/api/v1/agreements/" + copy, Map.of("title", "Geheime titel van de kopie",
                "body", "Ook dit is een concept.", "baseRevision", 1)).status()).isEqualTo(200);

        String after = main(app.newBrowser().get("/landelijk").body());
        assertThat(after).isEqualTo(before).doesNotContain("Geheim").doesNotContain("crisis");
        assertThat(app.get("/api/v1/spread").body()).isEqualTo(jsonBefore);
        // a member of the koppelzone sees the same national page: it is made of public data for everyone
        assertThat(main(app.signIn("anna").get("/landelijk").body())).isEqualTo(before);
    }

    @Test
    void theHomePageAndEveryFooterLinkToTheNationalPage() {
        assertThat(app.get("/").body()).contains("<a href=\"/landelijk\">Wat zich landelijk verspreidt");
        String footer = app.get("/afspraken/" + source).body();
        assertThat(footer.substring(footer.indexOf("<footer"))).contains("href=\"/landelijk\"");
    }

    private static String main(String page) {
        return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
    }

    private static String section(String page, String id) {
        int start = page.indexOf("<section aria-labelledby=\"" + id + "\"");
        assertThat(start).as(id).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }
}
