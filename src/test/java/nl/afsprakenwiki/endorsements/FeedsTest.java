package nl.afsprakenwiki.endorsements;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Atom feeds of endorsements: valid Atom, only what the public may see, links to the revision
 * or to the comparison with the revision endorsed before, per koppelzone and per agreement.
 */
class FeedsTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String X = "Koppelzone Jeugd Xstad";
    private static final String Y = "Koppelzone Jeugd Ystad";
    private static final String TRICKY = "Overdracht & <spoed> bij \"crisis\"";

    @TempDir
    static Path dir;
    static TestApp app;
    static String x;
    static String y;
    static long endorsed;
    static long tricky;
    static long concept;
    static long proposed;
    static long retired;
    static long revised;
    static long inY;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        x = app.koppelzone(X, "Xstad");
        y = app.koppelzone(Y, "Ystad");
        endorsed = app.agreement(X, "Xstad", "warme-overdracht", "Warme overdracht", "bekrachtigd");
        tricky = app.agreement(X, "Xstad", "spoed", TRICKY, "bekrachtigd");
        concept = app.agreement(X, "Xstad", "nog-niet-af", "Nog niet af", "concept");
        proposed = app.agreement(X, "Xstad", "voorstel", "Alleen voorgesteld", "ter_bekrachtiging");
        retired = app.agreement(X, "Xstad", "oud", "Oude afspraak", "bekrachtigd");
        app.agreement(X, "Xstad", "oud", "Oude afspraak", "vervallen");
        // imported twice with another text: revision 2 is endorsed after revision 1 (a herziening)
        revised = app.agreement(X, "Xstad", "schoolverzuim", "Schoolverzuim", "bekrachtigd");
        app.agreement(X, "Xstad", "schoolverzuim", "Schoolverzuim herzien", "bekrachtigd");
        inY = app.agreement(Y, "Ystad", "afspraak-in-y", "Afspraak in Ystad", "bekrachtigd");
        app.member(x, "lezer-x", Role.LEZER);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void nationalFeedListsNewlyEndorsedAgreementsWithLinks() throws Exception {
        Response response = app.get("/feeds/bekrachtigd.atom");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/atom+xml; charset=utf-8");
        assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=300");
        Element feed = parse(response).getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(text(feed, "title")).isEqualTo("Nieuw bekrachtigde afspraken");
        assertThat(text(feed, "id")).isNotBlank();
        assertThat(text(feed, "updated")).isEqualTo(text(entries(feed).get(0), "updated"));
        assertThat(text(child(feed, "author"), "name")).isEqualTo("Afsprakenwiki");
        assertThat(link(feed, "self")).isEqualTo(app.baseUrl + "/feeds/bekrachtigd.atom");
        assertThat(link(feed, "alternate")).isEqualTo(app.baseUrl + "/");

        Element entry = entryOf(feed, endorsed, 1);
        assertThat(text(entry, "title")).isEqualTo("Warme overdracht — bekrachtigd (revisie 1)");
        assertThat(link(entry, "alternate")).isEqualTo(app.baseUrl + "/afspraken/" + endorsed + "/revisies/1");
        assertThat(text(entry, "summary")).contains("Xstad", X, "geïmporteerd");
        assertThat(text(entry, "updated")).isNotBlank();
        assertThat(agreementsIn(feed)).contains(endorsed, tricky, revised, inY);
    }

    @Test
    void draftsProposalsAndRetiredAgreementsAreNotInAnyFeed() throws Exception {
        for (String path : List.of("/feeds/bekrachtigd.atom", "/koppelzones/" + x + "/feed.atom")) {
            Element feed = parse(app.get(path)).getDocumentElement();
            assertThat(agreementsIn(feed)).doesNotContain(concept, proposed, retired);
        }
        assertThat(app.get("/afspraken/" + concept + "/feed.atom").status()).isEqualTo(404);
        assertThat(app.get("/afspraken/" + proposed + "/feed.atom").status()).isEqualTo(404);
        assertThat(app.get("/afspraken/" + retired + "/feed.atom").status()).isEqualTo(404);
    }

    @Test
    void aReEndorsementLinksToTheComparisonWithTheRevisionEndorsedBefore() throws Exception {
        Element feed = parse(app.get("/afspraken/" + revised + "/feed.atom")).getDocumentElement();

        assertThat(entries(feed)).hasSize(2);
        Element herziening = entryOf(feed, revised, 2);
        assertThat(text(herziening, "title")).isEqualTo("Schoolverzuim herzien — herziening bekrachtigd (revisie 2)");
        assertThat(link(herziening, "alternate"))
                .isEqualTo(app.baseUrl + "/afspraken/" + revised + "/vergelijk?van=1&naar=2");
        assertThat(link(entryOf(feed, revised, 1), "alternate"))
                .isEqualTo(app.baseUrl + "/afspraken/" + revised + "/revisies/1");
        assertThat(text(feed, "title")).isEqualTo("Bekrachtigingen van Schoolverzuim herzien");
        assertThat(link(feed, "alternate")).isEqualTo(app.baseUrl + "/afspraken/" + revised);
        assertThat(link(feed, "self")).isEqualTo(app.baseUrl + "/afspraken/" + revised + "/feed.atom");
    }

    @Test
    void theKoppelzoneFeedOnlyHoldsItsOwnKoppelzone() throws Exception {
        Element feedX = parse(app.get("/koppelzones/" + x + "/feed.atom")).getDocumentElement();
        Element feedY = parse(app.get("/koppelzones/" + y + "/feed.atom")).getDocumentElement();

        assertThat(agreementsIn(feedX)).contains(endorsed, tricky, revised).doesNotContain(inY);
        assertThat(agreementsIn(feedY)).containsOnly(inY);
        assertThat(link(feedY, "alternate")).isEqualTo(app.baseUrl + "/koppelzones/" + y);
        assertThat(text(feedY, "title")).contains(Y, "Ystad");
    }

    @Test
    void anUnknownKoppelzoneOrAgreementIsNotFound() {
        assertThat(app.get("/koppelzones/bestaat-niet/feed.atom").status()).isEqualTo(404);
        assertThat(app.get("/afspraken/987654/feed.atom").status()).isEqualTo(404);
        assertThat(app.get("/afspraken/geen-nummer/feed.atom").status()).isEqualTo(404);
    }

    @Test
    void aMemberSeesTheEmptyFeedOfAConceptWhichNoSharedCacheKeeps() throws Exception {
        Response response = app.signIn("lezer-x").get("/afspraken/" + concept + "/feed.atom");

        assertThat(response.status()).isEqualTo(200);
        assertThat(entries(parse(response).getDocumentElement())).isEmpty();
        assertThat(text(parse(response).getDocumentElement(), "updated")).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(response.header("Cache-Control")).doesNotContain("public");
    }

    @Test
    void titlesWithAmpersandsAndAngleBracketsAreEscaped() throws Exception {
        Response response = app.get("/afspraken/" + tricky + "/feed.atom");

        assertThat(response.body()).contains("&amp;").contains("&lt;spoed");
        Element feed = parse(response).getDocumentElement();
        assertThat(text(entryOf(feed, tricky, 1), "title")).isEqualTo(TRICKY + " — bekrachtigd (revisie 1)");
        assertThat(text(feed, "title")).isEqualTo("Bekrachtigingen van " + TRICKY);
    }

    // --- reading Atom -----------------------------------------------------------------------------

    private static Document parse(Response response) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(response.body())));
    }

    /** The Atom children of {@code parent} with that name (not deeper descendants). */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && ATOM.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("one <%s>", name).hasSize(1);
        return found.get(0);
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent();
    }

    private static String link(Element parent, String rel) {
        return children(parent, "link").stream().filter(link -> rel.equals(link.getAttribute("rel")))
                .map(link -> link.getAttribute("href")).findFirst().orElseThrow(() -> new AssertionError("no " + rel));
    }

    private static List<Element> entries(Element feed) {
        return children(feed, "entry");
    }

    private static Element entryOf(Element feed, long agreement, int revision) {
        String id = "tag:afsprakenwiki,2026:agreement/" + agreement + "/endorsed/" + revision;
        return entries(feed).stream().filter(entry -> id.equals(text(entry, "id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + id));
    }

    private static List<Long> agreementsIn(Element feed) {
        return entries(feed).stream().map(entry -> text(entry, "id"))
                .map(id -> Long.parseLong(id.replaceAll(".*agreement/(\\d+)/endorsed/.*", "$1"))).toList();
    }
}
