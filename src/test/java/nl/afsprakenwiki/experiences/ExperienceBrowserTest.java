package nl.afsprakenwiki.experiences;

import nl.afsprakenwiki.testing.DemoWikiBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless browser on the demo wiki: an expert from Zwolle shares an experience with an endorsed
 * agreement of Tilburg by keyboard (a forgotten answer comes back next to its field, the text kept),
 * and Tilburg's voorzitter sees the hide form. axe-core checks every page on the way.
 */
class ExperienceBrowserTest extends DemoWikiBrowserTest {

    private static final String TILBURG = "koppelzone-jeugd-tilburg";

    @Test
    void anExpertElsewhereSharesAnExperienceByKeyboardAndTheVoorzitterMayHideIt() {
        long id = app.get("/api/v1/agreements?koppelzone=" + TILBURG + "&status=bekrachtigd").json()
                .get("items").get(0).get("id").asLong();
        String path = "/afspraken/" + id;

        signIn("expert.zwolle");
        browser.open(app.baseUrl + path);
        WebElement section = browser.find("section#ervaringen");
        assertThat(section.findElement(By.cssSelector("h2")).getText()).startsWith("Ervaringen van elders (0)");
        browser.assertAccessible("agreement page with the experience form (expert.zwolle)");

        // the text, but not whether they adopted it: the form comes back with the message and the text
        WebElement body = browser.find("#experience-body");
        body.sendKeys("Zes weken was bij ons te kort; wij gebruiken **acht weken**.");
        WebElement old = browser.find("html");
        body.sendKeys(Keys.TAB, Keys.ENTER);
        browser.waitFor(d -> {
            try {
                old.getTagName();
                return null;
            } catch (org.openqa.selenium.WebDriverException e) {
                return d.findElements(By.id("adopted-error")).isEmpty() ? null : true;
            }
        });
        assertThat(browser.find("#adopted-error").getText()).contains("Geef aan of uw organisatie");
        assertThat(browser.find("#experience-body").getAttribute("value")).contains("acht weken");
        browser.assertAccessible("experiences page with an error (expert.zwolle)");

        // by keyboard: the "Nee" radio, then the button
        WebElement no = browser.find("#adopted-nee");
        no.sendKeys(Keys.SPACE);
        assertThat(no.isSelected()).isTrue();
        WebElement again = browser.find("html");
        browser.find("section#ervaringen form.experience-form button[type=submit]").sendKeys(Keys.ENTER);
        browser.waitFor(d -> {
            try {
                again.getTagName();
                return null;
            } catch (org.openqa.selenium.WebDriverException e) {
                return d.findElements(By.cssSelector("section#ervaringen li.experience")).isEmpty() ? null : true;
            }
        });
        assertThat(browser.driver.getCurrentUrl()).startsWith(app.baseUrl + path + "?melding=ervaring-gedeeld");
        WebElement shared = browser.find("section#ervaringen li.experience");
        assertThat(shared.getText()).contains("Erik Scholten (demo)", "Niet overgenomen", "acht weken");
        assertThat(shared.findElement(By.cssSelector("strong:not(.experience-meta strong)")).getText())
                .isEqualTo("acht weken");

        signOut();
        signIn("voorzitter.tilburg");
        browser.open(app.baseUrl + path);
        assertThat(browser.findAll("section#ervaringen form.experience-moderate")).hasSize(1);
        browser.assertAccessible("agreement page with the hide form (voorzitter.tilburg)");
    }

    /**
     * Issue 17: an experience with a (fictitious) BSN is refused with the finding beside the field; the
     * writer ticks "Dit is geen persoonsgegeven" by keyboard, gives a reason, and it is shared.
     */
    @Test
    void aRefusedExperienceIsSharedOnceTheWriterTicksTheFindingByKeyboard() {
        // another agreement than the other test's, whose count of experiences starts at 0
        var items = app.get("/api/v1/agreements?koppelzone=" + TILBURG + "&status=bekrachtigd").json().get("items");
        assertThat(items.size()).isGreaterThan(1);
        long id = items.get(items.size() - 1).get("id").asLong();
        String path = "/afspraken/" + id;

        signIn("expert.zwolle");
        browser.open(app.baseUrl + path + "/ervaringen");
        browser.find("#adopted-ja").sendKeys(Keys.SPACE);
        WebElement body = browser.find("#experience-body");
        body.sendKeys("In onze training gebruiken we het verzonnen BSN 111222333 als voorbeeld.");
        WebElement old = browser.find("html");
        browser.find("form.experience-form button[type=submit]").sendKeys(Keys.ENTER);
        browser.waitFor(d -> {
            try {
                old.getTagName();
                return null;
            } catch (org.openqa.selenium.WebDriverException e) {
                return d.findElements(By.cssSelector("section.privacy-findings")).isEmpty() ? null : true;
            }
        });
        WebElement findings = browser.find("section.privacy-findings");
        assertThat(findings.getText()).contains("Mogelijk persoonsgegevens gevonden", "BSN", "111222333");
        assertThat(browser.find("#experience-body").getAttribute("value")).contains("verzonnen BSN 111222333");
        browser.assertAccessible("experiences page with a refused BSN (expert.zwolle)");

        WebElement tick = findings.findElement(By.cssSelector("input[name=acceptedFindings]"));
        tick.sendKeys(Keys.SPACE);
        assertThat(tick.isSelected()).isTrue();
        browser.find("#acceptanceReason").sendKeys("Verzonnen voorbeeld uit de training");
        WebElement again = browser.find("html");
        browser.find("form.experience-form button[type=submit]").sendKeys(Keys.ENTER);
        browser.waitFor(d -> {
            try {
                again.getTagName();
                return null;
            } catch (org.openqa.selenium.WebDriverException e) {
                return d.getCurrentUrl().contains("melding=ervaring-gedeeld") ? true : null;
            }
        });
        assertThat(browser.find("section#ervaringen").getText()).contains("verzonnen BSN 111222333");
        browser.assertAccessible("agreement page after sharing a confirmed experience (expert.zwolle)");
    }
}
