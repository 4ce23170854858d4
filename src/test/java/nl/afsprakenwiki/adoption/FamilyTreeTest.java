package nl.afsprakenwiki.adoption;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The family page draws the lineage as a tree (issue 18): a source in Aastad, adopted by Beestad and
 * Ceestad, and Beestad's copy adopted by Deestad. The source then gets a newer endorsed revision;
 * Beestad takes it over, Ceestad does not and lags behind.
 */
class FamilyTreeTest {

    @TempDir
    Path dir;
    private TestApp app;
    private long source;
    private long beestad;
    private long ceestad;
    private long deestad;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        String zoneA = app.koppelzone("Koppelzone Jeugd Aastad", "Aastad");
        String zoneB = app.koppelzone("Koppelzone Jeugd Beestad", "Beestad");
        String zoneC = app.koppelzone("Koppelzone Jeugd Ceestad", "Ceestad");
        String zoneD = app.koppelzone("Koppelzone Jeugd Deestad", "Deestad");
        source = app.agreement("Koppelzone Jeugd Aastad", "Aastad", "terugbellen", "Terugbellen na aanmelding", "bekrachtigd");
        TestApp.Client expertA = app.bearer(app.member(zoneA, "anna", Role.PRAKTIJKEXPERT, "wijkteam-aastad"));
        TestApp.Client managerA = app.bearer(app.member(zoneA, "mark", Role.MANAGER, "wijkteam-aastad"));
        TestApp.Client expertB = app.bearer(app.member(zoneB, "bert", Role.PRAKTIJKEXPERT, "wijkteam-beestad"));
        TestApp.Client managerB = app.bearer(app.member(zoneB, "bas", Role.MANAGER, "wijkteam-beestad"));
        TestApp.Client expertC = app.bearer(app.member(zoneC, "cor", Role.PRAKTIJKEXPERT, "wijkteam-ceestad"));
        TestApp.Client expertD = app.bearer(app.member(zoneD, "dirk", Role.PRAKTIJKEXPERT, "wijkteam-deestad"));

        beestad = adopt(expertB, source, zoneB);
        ceestad = adopt(expertC, source, zoneC);
        endorse(expertB, managerB, beestad);
        deestad = adopt(expertD, beestad, zoneD);

        // a newer endorsed revision of the source: Beestad takes it over, Ceestad does not
        Response edited = expertA.putJson("/api/v1/agreements/" + source, Map.of("title", "Terugbellen na aanmelding",
                "body", "Het wijkteam belt binnen drie werkdagen terug.", "baseRevision", 1, "summary", "sneller"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        endorse(expertA, managerA, source);
        Response merged = expertB.postJson("/api/v1/agreements/" + beestad + "/upstream/merge", Map.of());
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static long adopt(TestApp.Client expert, long from, String zone) {
        Response adopted = expert.postJson("/api/v1/agreements/" + from + "/adopt", Map.of("koppelzone", zone));
        assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);
        return adopted.json().get("id").asLong();
    }

    private static void endorse(TestApp.Client expert, TestApp.Client manager, long id) {
        int current = expert.get("/api/v1/agreements/" + id).json().get("currentRevision").asInt();
        Response proposed = expert.postJson("/api/v1/agreements/" + id + "/proposals", Map.of("revision", current));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        Response endorsed = manager.postJson("/api/v1/agreements/" + id + "/endorsements",
                Map.of("revision", current, "decision", "endorse"));
        assertThat(endorsed.json().get("status").asText()).as(endorsed.body()).isEqualTo("bekrachtigd");
    }

    @Test
    void theFamilyIsDrawnFromTheSourceDownWithTheLaggingAdopterMarked() throws Exception {
        app.admin("beheer");
        String page = app.signIn("beheer").get("/afspraken/" + beestad + "/familie").body();

        Document svg = svg(page);
        List<Element> nodes = withClass(svg, "family-node");
        assertThat(nodes).hasSize(4);
        assertThat(withClass(svg, "family-edge")).hasSize(3);
        // the source stands at the top, Deestad (an adoption of an adoption) lowest
        assertThat(top(node(nodes, "Aastad"))).isLessThan(top(node(nodes, "Beestad")));
        assertThat(top(node(nodes, "Beestad"))).isEqualTo(top(node(nodes, "Ceestad")));
        assertThat(top(node(nodes, "Deestad"))).isGreaterThan(top(node(nodes, "Beestad")));

        assertThat(node(nodes, "Ceestad").getAttribute("class")).contains("behind");
        assertThat(title(node(nodes, "Ceestad"))).contains("loopt achter op de bron").contains("overgenomen op");
        assertThat(node(nodes, "Beestad").getAttribute("class")).contains("in-sync").contains("here");
        assertThat(title(node(nodes, "Beestad"))).contains("laatste update van de bron overgenomen").contains("deze afspraak");
        assertThat(node(nodes, "Deestad").getAttribute("class")).contains("in-sync");
        assertThat(node(nodes, "Aastad").getAttribute("class")).contains("origin");
        assertThat(node(nodes, "Ceestad").getAttribute("href")).isEqualTo("/afspraken/" + ceestad);
        assertThat(node(nodes, "Deestad").getAttribute("href")).isEqualTo("/afspraken/" + deestad);

        List<String> edges = withClass(svg, "family-edge").stream().map(FamilyTreeTest::title).toList();
        assertThat(edges).anySatisfy(edge -> assertThat(edge).startsWith("Ceestad (Koppelzone Jeugd Ceestad) nam over van Aastad")
                .endsWith("loopt achter op de bron"));
        assertThat(edges).anySatisfy(edge -> assertThat(edge).startsWith("Deestad (Koppelzone Jeugd Deestad) nam over van Beestad"));
        assertThat(withClass(svg, "family-edge").stream().filter(edge -> edge.getAttribute("class").contains("behind")))
                .hasSize(1);

        // the table stays as the text equivalent: all four, with the same marks
        String table = page.substring(page.indexOf("<table class=\"family\""), page.indexOf("</table>"));
        assertThat(table).contains("De familie (4 afspraken)").contains("Aastad").contains("Beestad").contains("Ceestad")
                .contains("Deestad").contains("De bron heeft een nieuwere bekrachtigde revisie");
    }

    @Test
    void aVisitorSeesOnlyThePublicPartOfTheFamily() throws Exception {
        String page = app.newBrowser().get("/afspraken/" + source + "/familie").body();

        List<Element> nodes = withClass(svg(page), "family-node");
        // Ceestad's and Deestad's copies are drafts
        assertThat(nodes).hasSize(2);
        assertThat(page).doesNotContain("Ceestad").doesNotContain("Deestad");
        assertThat(node(nodes, "Aastad").getAttribute("class")).contains("here").contains("origin");
    }

    private static Document svg(String page) throws Exception {
        int start = page.indexOf("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"family-drawing\"");
        assertThat(start).as("the page draws the family").isNotNegative();
        String svg = page.substring(start, page.indexOf("</svg>", start) + "</svg>".length());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // well-formed XML, or this throws
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static List<Element> withClass(Document svg, String cssClass) {
        List<Element> found = new ArrayList<>();
        NodeList all = svg.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (List.of(element.getAttribute("class").split(" ")).contains(cssClass)) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element node(List<Element> nodes, String municipality) {
        return nodes.stream().filter(node -> title(node).contains("— " + municipality + " (")).findFirst()
                .orElseThrow(() -> new AssertionError("no node for " + municipality));
    }

    private static String title(Element element) {
        return element.getElementsByTagNameNS("*", "title").item(0).getTextContent();
    }

    private static double top(Element node) {
        return Double.parseDouble(((Element) node.getElementsByTagNameNS("*", "rect").item(0)).getAttribute("y"));
    }
}
