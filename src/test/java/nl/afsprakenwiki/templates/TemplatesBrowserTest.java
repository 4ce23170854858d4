package nl.afsprakenwiki.templates;

import nl.afsprakenwiki.testing.DemoWikiBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser on the demo wiki: a writer chooses the national template with the keyboard, a reader
 * compares revisions as rendered text and opens a restore confirmation by keyboard, the voorzitter
 * opens the templates page. axe-core checks every page on the way.
 */
class TemplatesBrowserTest extends DemoWikiBrowserTest {

    private static final String KOPPELZONE = "/koppelzones/koppelzone-jeugd-tilburg";

    private String editorText() {
        return (String) browser.script("return document.querySelector('.CodeMirror').CodeMirror.getValue()");
    }

    @Test
    void aWriterStartsANewAgreementFromTheNationalTemplateWithTheKeyboard() {
        signIn("expert.tilburg");
        browser.open(app.baseUrl + KOPPELZONE + "/nieuw");
        browser.waitFor(d -> d.findElement(By.cssSelector(".CodeMirror")));
        assertThat(editorText()).isEmpty();
        browser.assertAccessible("new agreement, template choice");

        browser.find("#sjabloon-landelijk").sendKeys(Keys.SPACE);
        assertThat(browser.find("#sjabloon-landelijk").isSelected()).isTrue();
        browser.find(".template-choice button[type='submit']").sendKeys(Keys.ENTER);
        browser.waitFor(d -> d.findElement(By.cssSelector(".template-hints")));
        browser.waitFor(d -> d.findElement(By.cssSelector(".CodeMirror")));
        assertThat(editorText()).startsWith("## Aanleiding en waardelek\n<!-- ").contains("## Evaluatie");
        assertThat(browser.find(".template-hints").getText()).contains("Termijnen");

        // the live preview shows the headings, not the hints that will not be saved
        WebElement editor = browser.find(".CodeMirror");
        editor.click();
        new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys(Keys.END).keyUp(Keys.CONTROL).sendKeys("\nSlot.").perform();
        browser.waitFor(d -> d.findElement(By.id("preview")).getText().contains("Slot."));
        assertThat(browser.find("#preview").getText()).contains("Aanleiding en waardelek").doesNotContain("Waarom is deze");
        browser.assertAccessible("new agreement from the national template");
    }

    @Test
    void aMemberComparesRenderedRevisionsAndOpensARestoreConfirmationByKeyboard() {
        long id = app.get("/api/v1/agreements?koppelzone=koppelzone-jeugd-tilburg").json().get("items")
                .findParents("currentRevision").stream().filter(item -> item.get("currentRevision").asInt() >= 3)
                .findFirst().orElseThrow().get("id").asLong();
        signIn("expert.tilburg");
        browser.open(app.baseUrl + "/afspraken/" + id + "/geschiedenis");
        WebElement summary = browser.find("details.restore-confirm summary");
        summary.sendKeys(Keys.ENTER);
        browser.waitFor(d -> d.findElement(By.cssSelector("details.restore-confirm[open] button")).isDisplayed());
        browser.assertAccessible("history with a restore confirmation open");

        browser.open(app.baseUrl + "/afspraken/" + id + "/vergelijk?van=1&naar=3");
        assertThat(browser.findAll(".diff-rendered .diff-block")).isNotEmpty();
        browser.assertAccessible("rendered comparison");
    }

    @Test
    void theVoorzitterOpensTheTemplatesPageFromTheManagementPage() {
        signIn("voorzitter.tilburg");
        browser.open(app.baseUrl + KOPPELZONE + "/beheer");
        browser.clickAndWaitFor("a[href='" + KOPPELZONE + "/sjablonen']", "#nieuw-sjabloon");
        assertThat(browser.find("h1").getText()).isEqualTo("Sjablonen van Koppelzone Jeugd Tilburg");
        browser.assertAccessible("templates of the koppelzone");
    }
}
