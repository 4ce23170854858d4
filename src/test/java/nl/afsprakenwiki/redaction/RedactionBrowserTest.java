package nl.afsprakenwiki.redaction;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.testing.DemoWikiBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless browser on the demo wiki: the beheerder follows "Persoonsgegeven verwijderen" from an
 * agreement of Tilburg, mistypes the text (the message comes back next to the field, the text kept),
 * checks, confirms and sees the notice. axe-core checks every page on the way.
 */
class RedactionBrowserTest extends DemoWikiBrowserTest {

    private static final String TILBURG = "koppelzone-jeugd-tilburg";

    private void submitBy(String buttonCss, String expectedCss) {
        WebElement old = browser.find("html");
        browser.find(buttonCss).sendKeys(Keys.ENTER);
        browser.waitFor(d -> {
            try {
                old.getTagName();
                return null;
            } catch (org.openqa.selenium.WebDriverException e) {
                return d.findElements(By.cssSelector(expectedCss)).isEmpty() ? null : true;
            }
        });
    }

    @Test
    void theBeheerderRemovesATextByKeyboardAfterSeeingWhereItOccurs() {
        JsonNode item = app.get("/api/v1/agreements?koppelzone=" + TILBURG + "&status=bekrachtigd").json().get("items").get(0);
        long id = item.get("id").asLong();
        String body = app.get("/api/v1/agreements/" + id).json().get("body").asText();
        String word = body.strip().split("\\s+")[0].length() >= 3 ? body.strip().split("\\s+")[0] : body.strip().substring(0, 12);

        signIn("beheerder");
        browser.open(app.baseUrl + "/afspraken/" + id);
        browser.find("a[href^='/afspraken/" + id + "/persoonsgegeven-verwijderen']").sendKeys(Keys.ENTER);
        browser.waitFor(d -> d.findElements(By.id("requestedBy")).isEmpty() ? null : true);
        browser.assertAccessible("redaction form (beheerder)");

        browser.find("#text").sendKeys("tekst-die-er-niet-staat");
        Select requester = new Select(browser.find("#requestedBy"));
        requester.selectByIndex(1);
        browser.find("#reason").sendKeys("Naam van een ouder in een voorbeeld");
        submitBy("form.redaction-form button[type=submit]", "#text-error");
        assertThat(browser.find("#text-error").getText()).contains("Deze tekst staat niet (meer) in revisie");
        assertThat(browser.find("#text").getAttribute("value")).isEqualTo("tekst-die-er-niet-staat");
        assertThat(browser.find("#reason").getAttribute("value")).isEqualTo("Naam van een ouder in een voorbeeld");
        browser.assertAccessible("redaction form with an error (beheerder)");

        WebElement text = browser.find("#text");
        text.clear();
        text.sendKeys(word);
        submitBy("form.redaction-form button[type=submit]", "input[name=confirmed]");
        assertThat(browser.find("[role=status]").getText()).startsWith("De tekst staat");
        browser.assertAccessible("redaction confirmation (beheerder)");

        submitBy("form.redaction-form button[type=submit]", "main");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/afspraken/" + id + "?melding=persoonsgegeven-verwijderd");
        assertThat(browser.find("main").getText()).contains("Het persoonsgegeven is verwijderd", "[verwijderd: persoonsgegeven]");
    }

    @Test
    void theBeheerderFindsAParentsNameInTheFindingsAndRemovesTheWholeCommentByKeyboard() {
        long id = app.get("/api/v1/agreements?koppelzone=" + TILBURG).json().get("items").get(0).get("id").asLong();
        var posted = app.bearer("beheerder").postJson("/api/v1/agreements/" + id + "/comments",
                java.util.Map.of("text", "Bel eerst de moeder Sanne de Vries.", "revision", 1));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);

        signIn("beheerder");
        browser.open(app.baseUrl + "/beheer/persoonsgegevens");
        browser.assertAccessible("privacy findings per koppelzone (beheerder)");
        browser.find("a[href^='/koppelzones/" + TILBURG + "/persoonsgegevens']").sendKeys(Keys.ENTER);
        browser.waitFor(d -> d.findElements(By.cssSelector("ol.findings")).isEmpty() ? null : true);
        assertThat(browser.find("ol.findings").getText()).contains("Sanne de Vries", "Reactie bij");
        browser.assertAccessible("privacy findings of a koppelzone (beheerder)");

        browser.find("ol.findings a[href*='/opmerkingen/']").sendKeys(Keys.ENTER);
        browser.waitFor(d -> d.findElements(By.id("requestedBy")).isEmpty() ? null : true);
        assertThat(browser.find("main").getText()).contains("Bel eerst de moeder Sanne de Vries.");
        browser.assertAccessible("whole comment redaction form (beheerder)");
        new Select(browser.find("#requestedBy")).selectByIndex(1);
        browser.find("#reason").sendKeys("Naam van een ouder");
        submitBy("form.redaction-form button[type=submit]", "main");
        assertThat(browser.driver.getCurrentUrl()).endsWith("/koppelzones/" + TILBURG + "/persoonsgegevens?melding=verwijderd");
        assertThat(browser.find("main").getText()).contains("De tekst is verwijderd").doesNotContain("Sanne de Vries");
    }
}
