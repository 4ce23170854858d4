package nl.afsprakenwiki.endorsements;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.testing.DemoWikiBrowserTest;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless browser on the demo wiki going through the endorsement lifecycle: an expert
 * proposes a revision, the managers of both parties decide in their inboxes (one decline refused
 * for want of a remark), the public then sees the endorsed text; a party that joined later takes
 * note of the agreements that apply to it; the chair reads the koppelzone overview. axe-core
 * checks every page on the way.
 */
class EndorsementBrowserTest extends DemoWikiBrowserTest {

    private static final String KOPPELZONE = "koppelzone-jeugd-tilburg";

    /** The page-wide notice (not the per-item notices in the inbox). */
    private String pageNotice() {
        return browser.find("main div.notice[role='status']").getText();
    }

    private void openInboxFromHeader() {
        WebElement link = browser.find(".site-header a[href='/ter-bekrachtiging']");
        assertThat(link.getText()).isEqualTo("Ter bekrachtiging");
        browser.clickAndWaitFor(".site-header a[href='/ter-bekrachtiging']", "h1");
        assertThat(browser.find("h1").getText()).isEqualTo("Ter bekrachtiging");
    }

    private WebElement inboxItem(long id) {
        return browser.find("section.inbox-item:has(#item-" + id + ")");
    }

    @Test
    void anExpertProposesTwoManagersEndorseInTheirInboxesAndAVisitorSeesTheEndorsedText() {
        String title = "Warme overdracht bij crisis in het weekend (browsertest)";
        String sentence = "Bij een crisis in het weekend belt de dienstdoende hulpverlener binnen een uur terug"
                + " naar het wijkteam, vastgelegd in de browsertest voor bekrachtiging.";
        TestApp.Response created = app.bearer("expert.tilburg").postJson("/api/v1/koppelzones/" + KOPPELZONE + "/agreements",
                Map.of("title", title, "body", sentence, "parties", List.of("wijkteam-tilburg", "ggz-jeugd-brabant-midden")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String page = "/afspraken/" + id;

        // the expert opens the draft; the public cannot see it yet
        signIn("expert.tilburg");
        browser.open(app.baseUrl + page);
        assertThat(browser.find("h1").getText()).isEqualTo(title);
        assertThat(browser.find(".markdown-body").getText()).contains(sentence);
        assertThat(browser.find("section.endorsement-block").getText()).contains("Deze afspraak is nog niet bekrachtigd.");
        browser.assertAccessible("draft agreement (expert)");
        assertThat(app.newBrowser().get(page).status()).as("anonymous agreement page before endorsement").isEqualTo(404);
        assertThat(app.newBrowser().get("/api/v1/agreements/" + id).status()).as("anonymous API before endorsement")
                .isEqualTo(404);

        // propose revision 1 through the confirmation page
        String proposeLink = "a[href='/afspraken/" + id + "/voorstellen']";
        assertThat(browser.find(proposeLink).getText()).isEqualTo("Ter bekrachtiging voorstellen (revisie 1)");
        browser.clickAndWaitFor(proposeLink, "form[action='/afspraken/" + id + "/voorstellen']");
        assertThat(browser.find("h1").getText()).isEqualTo("Ter bekrachtiging voorstellen: " + title);
        assertThat(browser.find("main").getText()).contains("Partijen die moeten bekrachtigen")
                .contains("Wijkteam Tilburg").contains("GGZ Jeugd Brabant-Midden");
        browser.assertAccessible("propose confirmation");
        WebElement confirm = browser.find("form[action='/afspraken/" + id + "/voorstellen'] button[type='submit']");
        assertThat(confirm.getText()).isEqualTo("Revisie 1 ter bekrachtiging voorstellen");
        browser.clickAndWaitFor("form[action='/afspraken/" + id + "/voorstellen'] button[type='submit']", ".notice.success");
        assertThat(browser.driver.getCurrentUrl()).startsWith(app.baseUrl + page);
        assertThat(pageNotice()).contains("De revisie is ter bekrachtiging voorgesteld.");
        assertThat(browser.find(".badge.status-ter_bekrachtiging").getText()).isEqualTo("Ter bekrachtiging");
        assertThat(browser.find("section.endorsement-block").getText()).contains("Revisie 1 ligt ter bekrachtiging")
                .contains("Wijkteam Tilburg").contains("GGZ Jeugd Brabant-Midden");
        browser.assertAccessible("agreement after proposing");
        assertThat(app.newBrowser().get(page).status()).as("anonymous agreement page while proposed").isEqualTo(404);
        signOut();

        // the first manager: a decline without a remark is refused, then endorses
        signIn("manager.tilburg");
        openInboxFromHeader();
        browser.assertAccessible("inbox (manager.tilburg)");
        WebElement item = inboxItem(id);
        assertThat(item.findElement(By.cssSelector("h2")).getText()).isEqualTo(title);
        assertThat(item.getText()).contains("GGZ Jeugd Brabant-Midden heeft deze afspraak nog niet eerder bekrachtigd.");
        String form = "form[action='/afspraken/" + id + "/besluit']";
        assertThat(browser.find("#remark-" + id).getAttribute("value")).isEmpty();
        browser.clickAndWaitFor(form + " button[name='decision'][value='afwijzen']", "#remark-" + id + "-error");
        assertThat(documentStatus()).as("status of the refused decline").isEqualTo(422L);
        assertThat(browser.find("h1").getText()).isEqualTo("Ter bekrachtiging");
        assertThat(browser.find("#remark-" + id + "-error").getText())
                .contains("Geef een toelichting: een afwijzing zonder toelichting helpt de koppelzone niet verder.");
        WebElement remark = browser.find("#remark-" + id);
        assertThat(remark.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(remark.getAttribute("aria-describedby")).contains("remark-" + id + "-error");
        assertThat(remark.getAttribute("value")).isEmpty();
        assertThat(inboxItem(id).findElement(By.cssSelector("h2")).getText()).as("the item is still listed").isEqualTo(title);
        browser.assertAccessible("inbox with remark error");

        WebElement endorse = browser.find(form + " button[name='decision'][value='bekrachtigen']");
        assertThat(endorse.getText()).isEqualTo("Bekrachtigen namens GGZ Jeugd Brabant-Midden (revisie 1)");
        browser.clickAndWaitFor(form + " button[name='decision'][value='bekrachtigen']", "main div.notice[role='status']");
        assertThat(pageNotice()).isEqualTo("Uw bekrachtiging is vastgelegd. De afspraak wacht nog op andere partijen.");
        assertThat(inboxItem(id).getText()).contains("GGZ Jeugd Brabant-Midden heeft deze revisie bekrachtigd (Joost van Hal (demo)")
                .contains("Wacht nog op:").contains("Wijkteam Tilburg");
        browser.assertAccessible("inbox after endorsing (manager.tilburg)");
        assertThat(app.newBrowser().get(page).status()).as("anonymous page after one of two endorsements").isEqualTo(404);
        signOut();

        // the second manager endorses: the agreement is endorsed and public
        signIn("manager.wijkteam");
        openInboxFromHeader();
        browser.assertAccessible("inbox (manager.wijkteam)");
        assertThat(inboxItem(id).getText()).contains("Wijkteam Tilburg heeft deze afspraak nog niet eerder bekrachtigd.");
        WebElement endorseWijkteam = browser.find(form + " button[name='decision'][value='bekrachtigen']");
        assertThat(endorseWijkteam.getText()).isEqualTo("Bekrachtigen namens Wijkteam Tilburg (revisie 1)");
        browser.clickAndWaitFor(form + " button[name='decision'][value='bekrachtigen']", "main div.notice[role='status']");
        assertThat(pageNotice()).isEqualTo(
                "Uw bekrachtiging is vastgelegd. Alle partijen hebben bekrachtigd: de afspraak is nu bekrachtigd en openbaar.");
        assertThat(browser.findAll("#item-" + id)).as("a closed round leaves the inbox").isEmpty();
        browser.assertAccessible("inbox after the last endorsement");
        signOut();

        // an anonymous visitor reads the endorsed text and who endorsed it
        browser.open(app.baseUrl + page);
        assertThat(browser.findAll("a[href='/profiel']")).isEmpty();
        assertThat(browser.find("h1").getText()).isEqualTo(title);
        assertThat(browser.find(".markdown-body").getText()).contains(sentence);
        assertThat(browser.find(".badge.status-bekrachtigd").getText()).isEqualTo("Bekrachtigd");
        String block = browser.find("section.endorsement-block").getText();
        assertThat(block).contains("Revisie 1 is bekrachtigd door alle partijen")
                .contains("Wijkteam Tilburg").contains("GGZ Jeugd Brabant-Midden")
                .contains("Joost van Hal (demo)").contains("Sanne Verhoeven (demo)");
        assertThat(browser.findAll("section.endorsement-block li.endorsed")).hasSize(2);
        browser.assertAccessible("endorsed agreement (visitor)");

        TestApp.Response api = app.newBrowser().get("/api/v1/agreements/" + id);
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        JsonNode json = api.json();
        assertThat(json.get("body").asText()).contains(sentence);
    }

    @Test
    void aNewPartyAcknowledgesTheAgreementsThatApplyToIt() {
        signIn("expert.taalbrug");
        browser.clickAndWaitFor(".site-header a[href='/mijn-overzicht']", "h1");
        assertThat(browser.find("h1").getText()).isEqualTo("Mijn overzicht");
        assertThat(browser.find("#kennisname").getText()).startsWith("Afspraken om kennis van te nemen");
        List<WebElement> toAcknowledge = browser.findAll("section[aria-labelledby='kennisname'] li.card");
        assertThat(toAcknowledge).as("agreements to take note of").isNotEmpty();
        browser.assertAccessible("mijn overzicht (expert.taalbrug)");

        browser.open(app.baseUrl + "/koppelzones/" + KOPPELZONE + "/kennisname");
        assertThat(browser.find("h1").getText()).isEqualTo("Afspraken die voor u gelden: Koppelzone Jeugd Tilburg");
        assertThat(browser.find("#voor-u").getText()).isEqualTo("Voor Dyslexiezorg Taalbrug");
        browser.assertAccessible("kennisname");
        String firstButton = "section[aria-labelledby='voor-u'] form[action$='/kennisname'] button";
        int pendingBefore = browser.findAll(firstButton).size();
        assertThat(pendingBefore).isPositive();
        String action = browser.find("section[aria-labelledby='voor-u'] form[action$='/kennisname']").getDomAttribute("action");
        String agreementPath = action.replaceFirst("/kennisname$", "");
        assertThat(browser.find(firstButton).getText()).startsWith("Bevestig kennisname");

        browser.clickAndWaitFor(firstButton, ".notice.success");
        assertThat(pageNotice()).isEqualTo("Uw kennisname is vastgelegd.");
        WebElement card = browser.find("section[aria-labelledby='voor-u'] li.card:has(a[href='" + agreementPath + "'])");
        assertThat(card.getText()).contains("kennisgenomen door Noor Bakker (demo)");
        assertThat(card.findElements(By.cssSelector("form"))).as("no button for what was acknowledged").isEmpty();
        assertThat(browser.findAll(firstButton)).hasSize(pendingBefore - 1);
        assertThat(browser.find("section[aria-labelledby='stand']").getText()).contains("kennisgenomen door Noor Bakker (demo)");
        browser.assertAccessible("kennisname after acknowledging");
    }

    @Test
    void theChairSeesTheKoppelzoneOverview() {
        signIn("voorzitter.tilburg");
        browser.open(app.baseUrl + "/koppelzones/" + KOPPELZONE + "/overzicht");
        assertThat(browser.find("h1").getText()).isEqualTo("Overzicht Koppelzone Jeugd Tilburg");
        List<String> headings = browser.findAll("main h2").stream().map(WebElement::getText).toList();
        for (String heading : List.of("Ter bekrachtiging", "Onderhoud nodig", "Concepten in bewerking", "Nieuwe toetreders",
                "Recent gewijzigd")) {
            assertThat(headings).as("headings on the overview").anySatisfy(handle -> assertThat(handle).startsWith(heading));
        }
        assertThat(browser.find("section[aria-labelledby='toetreders']").getText()).contains("Dyslexiezorg Taalbrug");
        assertThat(browser.findAll("section[aria-labelledby='toetreders'] li").stream().map(WebElement::getText))
                .anySatisfy(text -> assertThat(text).startsWith("Dyslexiezorg Taalbrug (toegetreden"));
        browser.assertAccessible("koppelzone overview (voorzitter.tilburg)");

        // the chair's forms and the history of rounds of an endorsed agreement
        long endorsed = app.get("/api/v1/agreements?koppelzone=" + KOPPELZONE + "&status=bekrachtigd").json()
                .get("items").get(0).get("id").asLong();
        for (String page : List.of("herzieningsdatum", "laten-vervallen", "bekrachtigingen")) {
            browser.open(app.baseUrl + "/afspraken/" + endorsed + "/" + page);
            assertThat(browser.find("h1").getText()).isNotBlank();
            browser.assertAccessible("/afspraken/{id}/" + page + " (voorzitter.tilburg)");
        }
        assertThat(browser.find("main").getText()).contains("bekrachtigd");

        // a retire reason with a BSN comes back with the finding beside it, a tick and the reason kept (issue 17)
        String reason = "Voorbeeld voor de training: BSN 111222333 (verzonnen).";
        browser.open(app.baseUrl + "/afspraken/" + endorsed + "/laten-vervallen");
        browser.find("#reason").sendKeys(reason);
        browser.clickAndWaitFor("main form button[type='submit']", "section.privacy-findings");
        assertThat(browser.find("section.privacy-findings").getText()).contains("111222333", "in de reden");
        assertThat(browser.find("#reason").getAttribute("value")).isEqualTo(reason);
        assertThat(browser.findAll("input[name='acceptedFindings']")).hasSize(1);
        browser.assertAccessible("/afspraken/{id}/laten-vervallen refused for personal data (voorzitter.tilburg)");
    }
}
