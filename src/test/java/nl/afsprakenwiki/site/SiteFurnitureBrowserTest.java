package nl.afsprakenwiki.site;

import nl.afsprakenwiki.testing.DemoWikiBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser, under the site's content security policy: the API page renders the OpenAPI
 * document with Swagger UI (no inline script, nothing from elsewhere), and the home page and the
 * statements pass axe without console errors (the favicon no longer answers 404).
 */
class SiteFurnitureBrowserTest extends DemoWikiBrowserTest {

    @Test
    void theApiPageShowsEveryOperationUnderTheContentSecurityPolicy() {
        browser.open(app.baseUrl + "/api");
        browser.waitFor(driver -> driver.findElements(By.cssSelector(".opblock")).size() > 40);
        assertThat(browser.find(".info .title").getText()).contains("Afsprakenwiki API");
        assertThat(browser.findAll(".opblock-summary-path").stream().map(path -> path.getText()).toList())
                .contains("/agreements/{id}", "/search", "/openapi.json");
        browser.assertNoConsoleErrors("/api");
    }

    @Test
    void theHomePageAndTheStatementsAreAccessible() {
        for (String page : new String[]{"/", "/toegankelijkheid", "/privacy"}) {
            browser.open(app.baseUrl + page);
            browser.assertAccessible(page);
        }
    }
}
