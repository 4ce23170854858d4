package nl.afsprakenwiki.chain;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain page and its JSON on a real wiki (issue 18 point 2): the same agreements per pair in both,
 * drafts only for members, a leak from a stand-in for the leaks feature drawn dashed and listed, and a
 * hand-over without an agreement standing out.
 */
class ChainPageTest {

    private static final String ZONE = "Koppelzone Ketendam";
    private static final String TOWN = "Ketendam";
    private static final String LEAK_TITLE = "Wachttijd na verwijzing door de huisarts";

    @TempDir
    static Path dir;
    static TestApp app;
    static String slug;
    /** The organisations the stand-in's one open leak lies between; empty until the koppelzone exists. */
    static volatile Set<Long> leakBetween = Set.of();

    @BeforeAll
    static void start() {
        app = TestApp.start(dir, (koppelzoneId, viewer) -> leakBetween.isEmpty() ? List.of()
                : List.of(ChainLeaks.PairLeak.open(7, LEAK_TITLE, leakBetween, null)));
        slug = app.koppelzone(ZONE, TOWN);
        app.data.agreementBetween(ZONE, TOWN, "terugbellen", "Terugbellen na verwijzing", "bekrachtigd",
                List.of("Wijkteam " + TOWN, "Huisartsen " + TOWN));
        app.data.agreementBetween(ZONE, TOWN, "warme-overdracht", "Warme overdracht in concept", "concept",
                List.of("Wijkteam " + TOWN, "Jeugdhulp De Brug " + TOWN));
        leakBetween = Set.of(organisation("jeugdhulp-de-brug-ketendam"), organisation("huisartsen-ketendam"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static long organisation(String organisationSlug) {
        return app.db.read(handle -> handle.createQuery("SELECT id FROM organisation WHERE slug = :slug")
                .bind("slug", organisationSlug).mapTo(Long.class).one());
    }

    @Test
    void perPairThePageHoldsTheSameAgreementsAsTheJsonForVisitorAndMember() {
        TestApp.Client member = app.signIn(app.member(slug, "lid-keten", Role.LEZER));
        for (var viewer : List.of(Map.entry(app.get("/koppelzones/" + slug + "/keten"),
                        app.get("/api/v1/koppelzones/" + slug + "/chain")),
                Map.entry(member.get("/koppelzones/" + slug + "/keten"), member.get("/api/v1/koppelzones/" + slug + "/chain")))) {
            assertThat(viewer.getKey().status()).isEqualTo(200);
            assertThat(viewer.getValue().status()).isEqualTo(200);
            assertThat(agreementsPerPairOfPage(viewer.getKey().body())).isEqualTo(agreementsPerPairOfJson(viewer.getValue().json()));
        }
    }

    @Test
    void aVisitorSeesNoDraftAgreementInPageOrJsonAndAMemberDoes() {
        Response page = app.get("/koppelzones/" + slug + "/keten");
        Response json = app.get("/api/v1/koppelzones/" + slug + "/chain");
        assertThat(page.body()).contains("Terugbellen na verwijzing").doesNotContain("Warme overdracht in concept");
        assertThat(json.body()).contains("Terugbellen na verwijzing").doesNotContain("Warme overdracht in concept");

        TestApp.Client member = app.signIn(app.member(slug, "lid-concept", Role.PRAKTIJKEXPERT));
        assertThat(member.get("/koppelzones/" + slug + "/keten").body()).contains("Warme overdracht in concept");
        JsonNode chain = member.get("/api/v1/koppelzones/" + slug + "/chain").json();
        JsonNode pair = pair(chain, "wijkteam-ketendam", "jeugdhulp-de-brug-ketendam");
        assertThat(pair.get("agreements").get(0).get("status").asText()).isEqualTo("concept");
        assertThat(pair.get("missing").asBoolean()).isFalse();
    }

    @Test
    void theDrawingIsWellFormedSvgWithATitleOnEveryLineAndParty() throws Exception {
        Document svg = svg(app.get("/koppelzones/" + slug + "/keten").body());
        Element root = svg.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("aria-labelledby")).isNotBlank();
        NodeList links = root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "a");
        assertThat(links.getLength()).isEqualTo(3);
        for (int i = 0; i < links.getLength(); i++) {
            Element link = (Element) links.item(i);
            assertThat(link.getAttribute("href")).startsWith("#paar-");
            assertThat(link.getAttribute("aria-label")).isNotBlank();
            assertThat(link.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").getLength()).isEqualTo(1);
        }
        NodeList circles = root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle");
        assertThat(circles.getLength()).isEqualTo(3);
    }

    @Test
    void aLeakFromThePortIsDrawnRedAndDashedAndListedOnItsPair() throws Exception {
        String page = app.get("/koppelzones/" + slug + "/keten").body();
        Element leakLink = link(svg(page), "#paar-jeugdhulp-de-brug-ketendam--huisartsen-ketendam");
        Element leak = lineOf(leakLink, "leak");
        assertThat(leak.getAttribute("stroke")).isEqualTo(ChainSvg.LEAK_COLOUR);
        assertThat(leak.getAttribute("stroke-dasharray")).isEqualTo(ChainSvg.LEAK_DASH);
        assertThat(row(page, "paar-jeugdhulp-de-brug-ketendam--huisartsen-ketendam")).contains("data-leak=\"7\"").contains(LEAK_TITLE);

        JsonNode pair = pair(app.get("/api/v1/koppelzones/" + slug + "/chain").json(), "jeugdhulp-de-brug-ketendam", "huisartsen-ketendam");
        assertThat(pair.get("openLeaks").get(0).get("title").asText()).isEqualTo(LEAK_TITLE);
    }

    @Test
    void aHandOverWithoutAnAgreementStandsOutForTheVisitorWhoSeesNoDraft() throws Exception {
        String page = app.get("/koppelzones/" + slug + "/keten").body();
        // the public does not see the concept, so for them lokaal team ↔ aanbieder has no agreement
        Element link = link(svg(page), "#paar-wijkteam-ketendam--jeugdhulp-de-brug-ketendam");
        assertThat(lineOf(link, "missing").getAttribute("stroke-dasharray")).isEqualTo(ChainSvg.MISSING_DASH);
        assertThat(row(page, "paar-wijkteam-ketendam--jeugdhulp-de-brug-ketendam")).contains("chain-missing");
        JsonNode pair = pair(app.get("/api/v1/koppelzones/" + slug + "/chain").json(), "wijkteam-ketendam", "jeugdhulp-de-brug-ketendam");
        assertThat(pair.get("missing").asBoolean()).isTrue();
        assertThat(pair.get("agreements")).isEmpty();
        // the pair with an endorsed agreement is drawn solid in its status
        Element bound = lineOf(link(svg(page), "#paar-wijkteam-ketendam--huisartsen-ketendam"), "status-bekrachtigd");
        assertThat(bound.getAttribute("stroke-dasharray")).isEmpty();
    }

    @Test
    void theKoppelzonePageLinksToTheChainAndAnUnknownKoppelzoneIsNotFound() {
        assertThat(app.get("/koppelzones/" + slug).body()).contains("href=\"/koppelzones/" + slug + "/keten\"");
        assertThat(app.get("/koppelzones/bestaat-niet/keten").status()).isEqualTo(404);
        assertThat(app.get("/api/v1/koppelzones/bestaat-niet/chain").status()).isEqualTo(404);
    }

    private static Document svg(String page) throws Exception {
        int start = page.indexOf("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chain-drawing\"");
        int end = page.indexOf("</svg>", start);
        assertThat(start).isNotNegative();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(page.substring(start, end + "</svg>".length()))));
    }

    private static Element link(Document svg, String href) {
        NodeList links = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "a");
        for (int i = 0; i < links.getLength(); i++) {
            if (((Element) links.item(i)).getAttribute("href").equals(href)) {
                return (Element) links.item(i);
            }
        }
        throw new AssertionError("no line to " + href);
    }

    private static Element lineOf(Element link, String cssClass) {
        NodeList lines = link.getElementsByTagNameNS("http://www.w3.org/2000/svg", "line");
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            if (List.of(line.getAttribute("class").split(" ")).contains(cssClass)) {
                return line;
            }
        }
        throw new AssertionError("no " + cssClass + " line in " + link.getAttribute("href"));
    }

    private static String row(String page, String anchor) {
        int start = page.indexOf("id=\"" + anchor + "\"");
        assertThat(start).as(anchor).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private static JsonNode pair(JsonNode chain, String a, String b) {
        for (JsonNode pair : chain.get("pairs")) {
            if (pair.get("parties").get(0).asText().equals(a) && pair.get("parties").get(1).asText().equals(b)) {
                return pair;
            }
        }
        throw new AssertionError("no pair " + a + " and " + b + " in " + chain);
    }

    private static final Pattern ROW = Pattern.compile("<tr id=\"paar-([a-z0-9-]+)--([a-z0-9-]+)\"(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern AGREEMENT = Pattern.compile("data-agreement=\"(\\d+)\"");

    private static Map<String, Set<Long>> agreementsPerPairOfPage(String page) {
        Map<String, Set<Long>> pairs = new TreeMap<>();
        Matcher row = ROW.matcher(page);
        while (row.find()) {
            Set<Long> ids = new TreeSet<>();
            Matcher agreement = AGREEMENT.matcher(row.group(3));
            while (agreement.find()) {
                ids.add(Long.parseLong(agreement.group(1)));
            }
            pairs.put(row.group(1) + "|" + row.group(2), ids);
        }
        assertThat(pairs).isNotEmpty();
        return pairs;
    }

    private static Map<String, Set<Long>> agreementsPerPairOfJson(JsonNode chain) {
        Map<String, Set<Long>> pairs = new TreeMap<>();
        for (JsonNode pair : chain.get("pairs")) {
            Set<Long> ids = new TreeSet<>();
            pair.get("agreements").forEach(agreement -> ids.add(agreement.get("id").asLong()));
            pairs.put(pair.get("parties").get(0).asText() + "|" + pair.get("parties").get(1).asText(), ids);
        }
        return pairs;
    }
}
