package nl.afsprakenwiki.adoption;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.testing.DemoWikiBrowserTest;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless browser on the demo wiki going through adoption across municipalities: an expert
 * in Zwolle searches from the header, finds an endorsed agreement of Tilburg, adopts it into the
 * Zwolle koppelzone with the proposed parties, and then sees the lineage on both sides (the new
 * draft says what it is based on, the source says who adopted it) and on the family page. axe-core
 * checks every page on the way.
 */
class AdoptionBrowserTest extends DemoWikiBrowserTest {

    /** A query whose first hit is an endorsed agreement of Tilburg (checked through the API first). */
    private static final String QUERY = "dyslexie";
    private static final String ZWOLLE = "koppelzone-jeugd-zwolle";

    /** The page-wide notice (not notices inside sections). */
    private String pageNotice() {
        return browser.find("main div.notice[role='status']").getText();
    }

    private List<String> breadcrumbs() {
        return browser.findAll("nav.breadcrumbs li").stream().map(WebElement::getText).toList();
    }

    @Test
    void anExpertFindsAnAgreementElsewhereAdoptsItAndSeesTheLineageOnBothSides() {
        // the query's first hit is an endorsed agreement of Tilburg (the index catches up in the background)
        app.awaitSearch();
        JsonNode hits = app.get("/api/v1/search?q=" + QUERY).json().get("hits");
        assertThat(hits).as("hits for %s", QUERY).isNotEmpty();
        JsonNode first = hits.get(0);
        assertThat(first.get("municipality").asText()).as("first hit for %s: %s", QUERY, hits).isEqualTo("Tilburg");
        assertThat(first.get("status").asText()).as("first hit for %s: %s", QUERY, hits).isEqualTo("bekrachtigd");
        assertThat(first.get("adoptions").asInt()).as("not adopted yet in the demo").isZero();
        long sourceId = first.get("id").asLong();
        String sourceTitle = first.get("title").asText();
        String sourcePath = "/afspraken/" + sourceId;

        signIn("expert.zwolle");

        // search from the header box
        WebElement box = browser.find(".site-header input#snelzoeken");
        box.sendKeys(QUERY);
        WebElement old = browser.find("html");
        box.sendKeys(Keys.ENTER);
        browser.waitFor(d -> {
            try {
                old.getTagName();
                return null;
            } catch (org.openqa.selenium.WebDriverException e) {
                return d.findElements(By.cssSelector("ol.hits li.hit")).isEmpty() ? null : true;
            }
        });
        assertThat(browser.driver.getCurrentUrl()).startsWith(app.baseUrl + "/zoeken?q=" + QUERY);
        assertThat(browser.find("#zoekvraag").getAttribute("value")).isEqualTo(QUERY);
        WebElement firstHit = browser.find("ol.hits li.hit");
        assertThat(firstHit.findElement(By.cssSelector("h2.hit-title a")).getDomAttribute("href")).isEqualTo(sourcePath);
        assertThat(firstHit.findElement(By.cssSelector("h2.hit-title a")).getText()).isEqualTo(sourceTitle);
        assertThat(firstHit.findElement(By.cssSelector("p.muted")).getText())
                .startsWith("Tilburg · Koppelzone Jeugd Tilburg").contains("Bekrachtigd");
        browser.assertAccessible("search results for " + QUERY + " (expert.zwolle)");

        // open the Tilburg hit
        browser.clickAndWaitFor("ol.hits li.hit h2.hit-title a[href='" + sourcePath + "']", "section.lineage");
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(app.baseUrl + sourcePath);
        assertThat(browser.find("h1").getText()).isEqualTo(sourceTitle);
        WebElement lineage = browser.find("section.lineage");
        assertThat(lineage.findElement(By.cssSelector("h2")).getText()).isEqualTo("Overnemen en familie");
        assertThat(lineage.getText()).doesNotContain("Overgenomen door");
        String adoptLink = "section.lineage a.button[href='" + sourcePath + "/overnemen']";
        assertThat(browser.find(adoptLink).getText()).isEqualTo("Overnemen in mijn koppelzone");
        browser.assertAccessible("Tilburg agreement before adoption (expert.zwolle)");

        // the adopt page: expert.zwolle may only adopt into Zwolle, so the party choices are shown at once
        String postForm = "form[method='post'][action='" + sourcePath + "/overnemen']";
        browser.clickAndWaitFor(adoptLink, "h1");
        assertThat(browser.find("h1").getText()).isEqualTo("Overnemen: " + sourceTitle);
        assertThat(browser.find("main").getText()).contains("Tilburg");
        Select koppelzone = new Select(browser.find("#koppelzone-keuze"));
        assertThat(koppelzone.getOptions()).extracting(WebElement::getText).containsExactly("Koppelzone Jeugd Zwolle (Zwolle)");
        assertThat(browser.find("main form[method='get'][action='" + sourcePath + "/overnemen'] button[type='submit']").getText()).isEqualTo("Kies deze koppelzone");
        assertThat(browser.findAll(postForm)).as("party choices shown without choosing the only koppelzone").hasSize(1);
        assertThat(browser.find(postForm + " legend").getText()).isEqualTo("Partijen in Koppelzone Jeugd Zwolle");
        List<WebElement> partySelects = browser.findAll(postForm + " select[id^='partij-']");
        assertThat(partySelects).as("one select per source party").hasSize(4);
        long proposed = partySelects.stream().filter(s -> !new Select(s).getFirstSelectedOption().getDomAttribute("value").isEmpty())
                .count();
        assertThat(proposed).as("parties with a proposed organisation in Zwolle").isPositive();
        // e.g. the Tilburg municipality maps to Gemeente Zwolle, the wijkteam to the Zwolle JGT
        assertThat(new Select(browser.find("#partij-gemeente-tilburg")).getFirstSelectedOption().getText())
                .isEqualTo("Gemeente Zwolle");
        assertThat(new Select(browser.find("#partij-wijkteam-tilburg")).getFirstSelectedOption().getText())
                .isEqualTo("Jeugd- en Gezinsteam Zwolle");
        browser.assertAccessible("adopt page (expert.zwolle)");

        WebElement submit = browser.find(postForm + " button[type='submit']");
        assertThat(submit.getText()).isEqualTo("Overnemen in Koppelzone Jeugd Zwolle");
        browser.clickAndWaitFor(postForm + " button[type='submit']", "main div.notice[role='status']");

        // the new agreement in Zwolle
        String adoptedUrl = browser.driver.getCurrentUrl();
        assertThat(adoptedUrl).startsWith(app.baseUrl + "/afspraken/").contains("melding=overgenomen");
        long adoptedId = Long.parseLong(adoptedUrl.replaceFirst(".*/afspraken/(\\d+).*", "$1"));
        assertThat(adoptedId).isNotEqualTo(sourceId);
        assertThat(pageNotice()).contains("De afspraak is overgenomen als concept in uw koppelzone.");
        assertThat(browser.find("h1").getText()).isEqualTo(sourceTitle);
        assertThat(breadcrumbs()).as("breadcrumbs of the adopted agreement").contains("Koppelzone Jeugd Zwolle");
        assertThat(browser.find("nav.breadcrumbs a[href='/koppelzones/" + ZWOLLE + "']").getText())
                .isEqualTo("Koppelzone Jeugd Zwolle");
        WebElement adoptedLineage = browser.find("section.lineage");
        assertThat(adoptedLineage.getText()).contains("Gebaseerd op " + sourceTitle + " (Tilburg, Koppelzone Jeugd Tilburg)");
        String sourceLink = "section.lineage p a[href='" + sourcePath + "']";
        assertThat(browser.find(sourceLink).getText()).isEqualTo(sourceTitle);
        assertThat(browser.findAll("section.lineage a.button[href$='/overnemen']"))
                .as("no adopt button on the expert's own draft").isEmpty();
        browser.assertAccessible("adopted agreement (expert.zwolle)");

        // the API agrees: the adoption is a draft in Zwolle
        TestApp.Response api = app.bearer("expert.zwolle").get("/api/v1/agreements/" + adoptedId);
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        assertThat(api.body()).contains(ZWOLLE);

        // follow the source link back to Tilburg: Zwolle is listed among the adopters
        browser.clickAndWaitFor(sourceLink, "section.lineage");
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(app.baseUrl + sourcePath);
        assertThat(browser.find("h1").getText()).isEqualTo(sourceTitle);
        String sourceLineage = browser.find("section.lineage").getText();
        assertThat(sourceLineage).contains("Overgenomen door 1 koppelzone:");
        WebElement adopter = browser.find("section.lineage ul.plain li");
        assertThat(adopter.getText()).startsWith("Zwolle").contains("Koppelzone Jeugd Zwolle");
        assertThat(adopter.findElement(By.cssSelector("a")).getDomAttribute("href")).isEqualTo("/afspraken/" + adoptedId);
        String familyLink = "section.lineage a[href='" + sourcePath + "/familie']";
        assertThat(browser.find(familyLink).getText()).isEqualTo("Familie (2 afspraken)");
        browser.assertAccessible("Tilburg agreement after adoption (expert.zwolle)");

        // the family page lists both municipalities
        browser.clickAndWaitFor(familyLink, "table.family");
        assertThat(browser.find("h1").getText()).isEqualTo("Familie: " + sourceTitle);
        assertThat(browser.find("table.family caption").getText()).isEqualTo("De familie (2 afspraken)");
        List<WebElement> rows = browser.findAll("table.family tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).as("the source, shown as this agreement").contains("deze afspraak")
                .contains("Tilburg · Koppelzone Jeugd Tilburg").contains("oorsprong");
        assertThat(rows.get(1).getText()).as("the adoption").contains("Zwolle · Koppelzone Jeugd Zwolle")
                .contains("overname, generatie 1");
        assertThat(rows.get(1).findElement(By.cssSelector("th a")).getDomAttribute("href")).isEqualTo("/afspraken/" + adoptedId);
        browser.assertAccessible("family page (expert.zwolle)");
    }
}
