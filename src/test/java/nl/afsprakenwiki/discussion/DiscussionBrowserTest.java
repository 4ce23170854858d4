package nl.afsprakenwiki.discussion;

import nl.afsprakenwiki.testing.DemoWikiBrowserTest;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless browser on the demo wiki: a practice expert comments on one paragraph of a draft
 * with the keyboard only (no script needed to pick the paragraph), a refused reply comes back with its
 * message next to the field, and the voorzitter resolves the thread. axe-core checks every page.
 */
class DiscussionBrowserTest extends DemoWikiBrowserTest {

    private static final String KOPPELZONE = "koppelzone-jeugd-tilburg";

    @Test
    void anExpertCommentsOnAParagraphByKeyboardAndTheVoorzitterResolvesTheThread() {
        TestApp.Response created = app.bearer("expert.tilburg").postJson("/api/v1/koppelzones/" + KOPPELZONE + "/agreements",
                Map.of("title", "Overdracht bij een crisis (discussietest)", "body", "# Overdracht\n\nHet wijkteam belt de"
                        + " aanbieder dezelfde dag.\n\nDe aanbieder bevestigt per mail.", "parties", List.of("wijkteam-tilburg")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String page = app.baseUrl + "/afspraken/" + created.json().get("id").asLong();

        signIn("expert.tilburg");
        browser.open(page);
        assertThat(browser.find("#discussie-titel").getText()).isEqualTo("Discussie");
        browser.assertAccessible("agreement page with an empty discussion");

        // the keyboard only: choose paragraph 2 in the select, type, and press the button
        WebElement select = browser.find("#opmerking-alinea");
        select.sendKeys(Keys.DOWN, Keys.DOWN);
        assertThat(select.getDomProperty("value")).isEqualTo("1");
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        assertThat(browser.driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("opmerking");
        browser.driver.switchTo().activeElement().sendKeys("Ook in het weekend? Vraag aan @voorzitter.tilburg.");
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        WebElement button = browser.driver.switchTo().activeElement();
        assertThat(button.getText()).isEqualTo("Plaatsen");
        WebElement old = browser.find("html");
        button.sendKeys(Keys.ENTER);
        browser.waitFor(driver -> {
            try {
                old.getTagName();
                return null;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return driver.findElements(org.openqa.selenium.By.cssSelector("main div.notice[role='status']")).isEmpty() ? null : true;
            }
        });
        assertThat(browser.find("main div.notice[role='status']").getText()).isEqualTo("Uw opmerking is geplaatst.");
        assertThat(browser.find(".comment-thread .comment-meta").getText())
                .contains("bij revisie 1, alinea 2 (Het wijkteam belt de aanbieder dezelfde dag.)").contains("alinea ongewijzigd");
        browser.assertAccessible("agreement page with a comment");

        // an empty reply comes back with the message next to its field
        browser.clickAndWaitFor(".reply-form button[type='submit']", "h1");
        WebElement reply = browser.find(".reply-form textarea");
        assertThat(reply.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(".reply-form p.error").getText()).contains("Schrijf een opmerking.");
        assertThat(browser.find("h1").getText()).isEqualTo("Discussie over Overdracht bij een crisis (discussietest)");
        browser.assertAccessible("discussion page with a refused reply");

        signIn("voorzitter.tilburg");
        browser.open(page);
        browser.clickAndWaitFor(".resolve-form button[type='submit']", "main div.notice[role='status']");
        assertThat(browser.find("main div.notice[role='status']").getText()).isEqualTo("De draad is afgehandeld.");
        assertThat(browser.find(".comment-thread.resolved p.notice").getText()).startsWith("Afgehandeld door");
        assertThat(browser.find(".resolve-form button").getText()).isEqualTo("Heropenen");
        browser.assertAccessible("agreement page with a resolved thread");
    }

    @Test
    void theDiscussionFitsAPhoneEvenWithAnUnbreakableWord() {
        String word = "Ketenpartnerovereenkomstenadministratieverantwoordelijke";
        TestApp.Response created = app.bearer("expert.tilburg").postJson("/api/v1/koppelzones/" + KOPPELZONE + "/agreements",
                Map.of("title", "Smalle discussie (discussietest)", "body", word + " " + word + "\n\nTweede alinea.",
                        "parties", List.of("wijkteam-tilburg")));
        long id = created.json().get("id").asLong();
        app.bearer("expert.tilburg").postJson("/api/v1/agreements/" + id + "/comments", Map.of("text",
                word + word + " https://www.tilburg.nl/jeugd/verwijzingen/huisartsen/terugkoppeling/formulier.pdf", "block", 0));
        signIn("expert.tilburg");
        browser.viewport(390, 844);
        try {
            browser.open(app.baseUrl + "/afspraken/" + id);
            assertThat(browser.find(".comment-thread .comment-text").getText()).startsWith(word);
            assertThat(browser.script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .as("no horizontal scrolling at 390 px").isEqualTo(true);
        } finally {
            browser.viewport(1280, 800);
        }
    }
}
