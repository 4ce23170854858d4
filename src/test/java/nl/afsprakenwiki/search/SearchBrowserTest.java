package nl.afsprakenwiki.search;

import nl.afsprakenwiki.testing.Browser;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searching in a real browser: the search box in the header, the results page with highlighted
 * snippets, combining facets, paging, "Bedoelde u …?", suggestions while typing, and similar
 * agreements on an agreement page. axe-core checks every page.
 */
class SearchBrowserTest {

    @TempDir
    static Path dir;
    static TestApp app;
    static Browser browser;

    @BeforeAll
    static void start() {
        app = TestApp.startWithDemo(dir.resolve("data"));
        app.awaitSearch();
        browser = Browser.forTestClass(app.baseUrl);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        app.close();
    }

    private int count() {
        String text = browser.find(".result-count").getText();
        return text.startsWith("Geen") ? 0 : Integer.parseInt(text.replaceAll("\\D.*", ""));
    }

    @Test
    void aVisitorSearchesFromTheHeaderNarrowsWithFacetsAndOpensAnAgreement() {
        browser.open(app.baseUrl + "/");
        WebElement box = browser.find("#snelzoeken");
        box.sendKeys("jeugd", Keys.ENTER);
        browser.waitFor(d -> d.findElement(By.cssSelector(".result-count")));
        browser.assertAccessible("zoekresultaten");
        int all = count();
        assertThat(all).isGreaterThan(10);
        assertThat(browser.findAll(".hit")).hasSize(10);
        assertThat(browser.findAll(".snippet mark")).isNotEmpty();

        browser.clickAndWaitFor("#facet-municipality + ul a", ".facet-selected");
        int inOne = count();
        assertThat(inOne).isLessThan(all).isPositive();
        browser.clickAndWaitFor("#facet-theme + ul li:first-child a", "#facet-theme + ul .facet-selected");
        assertThat(count()).isLessThanOrEqualTo(inOne);
        browser.assertAccessible("zoekresultaten met filters");
        // a new query keeps the chosen filters
        String filtersBefore = browser.driver.getCurrentUrl().replaceAll("^[^&]*", "");
        WebElement query = browser.find("#zoekvraag");
        query.clear();
        query.sendKeys("hulp", Keys.ENTER);
        browser.waitFor(d -> d.getCurrentUrl().contains("q=hulp"));
        assertThat(browser.driver.getCurrentUrl()).contains(filtersBefore.split("&")[1]);

        String title = browser.find(".hit-title a").getText();
        browser.clickAndWaitFor(".hit-title a", "article h1");
        assertThat(browser.find("article h1").getText()).isEqualTo(title);
    }

    @Test
    void theWaardelekCheckboxIsTickedByKeyboardKeptInTheUrlAndRemovedAgain() {
        browser.open(app.baseUrl + "/zoeken?q=");
        int all = count();
        WebElement box = browser.find("#waardelek");
        assertThat(box.isSelected()).isFalse();
        box.sendKeys(Keys.SPACE);
        assertThat(box.isSelected()).isTrue();
        browser.find("#zoekvraag").sendKeys(Keys.ENTER);
        browser.waitFor(d -> d.getCurrentUrl().contains("waardelek=ja"));
        assertThat(browser.find("#waardelek").isSelected()).isTrue();
        int solving = count();
        assertThat(solving).as("the demo publishes solved leaks").isPositive().isLessThan(all);
        assertThat(browser.findAll(".hit")).allSatisfy(hit ->
                assertThat(hit.findElement(By.cssSelector(".hit-leaks")).getText()).contains("waardele"));
        assertThat(browser.find("#facet-leaks + ul .facet-selected").getText()).contains("lost een waardelek op");
        browser.assertAccessible("zoeken op afspraken die een waardelek oplossen");
        // the active filter is removed from the facet list
        browser.clickAndWaitFor("#facet-leaks + ul .facet-selected", ".result-count");
        browser.waitFor(d -> !d.getCurrentUrl().contains("waardelek"));
        assertThat(count()).isEqualTo(all);
        assertThat(browser.find("#waardelek").isSelected()).isFalse();
    }

    @Test
    void pagingAndSortingByLastChange() {
        browser.open(app.baseUrl + "/zoeken?q=jeugd&sortering=recent");
        assertThat(browser.find("#sortering option[selected]").getAttribute("value")).isEqualTo("recent");
        String first = browser.find(".hit-title a").getText();
        browser.clickAndWaitFor(".pagination a[rel='next']", ".pagination a[aria-current='page']");
        assertThat(browser.find(".pagination a[aria-current='page']").getText()).isEqualTo("2");
        assertThat(browser.find(".hit-title a").getText()).isNotEqualTo(first);
        browser.assertAccessible("tweede resultaatpagina");
    }

    @Test
    void aTypoIsCorrectedAndSaidSo() {
        browser.open(app.baseUrl + "/zoeken?q=wijkteem");
        assertThat(browser.find(".search-results .notice").getText()).contains("wijkteem").contains("wijkteam");
        assertThat(count()).isPositive();
        browser.assertAccessible("gecorrigeerde zoekvraag");
    }

    @Test
    void suggestionsAppearWhileTyping() {
        browser.open(app.baseUrl + "/zoeken");
        browser.find("#zoekvraag").sendKeys("huisarts");
        browser.waitFor(d -> !d.findElements(By.cssSelector("#zoek-suggesties option")).isEmpty());
        assertThat(browser.findAll("#zoek-suggesties option")).isNotEmpty();
        browser.assertAccessible("zoeken met suggesties");
    }

    @Test
    void anAgreementPageShowsSimilarAgreementsInOtherMunicipalities() {
        long id = app.get("/api/v1/search?q=huisarts").json().get("hits").get(0).get("id").asLong();
        browser.open(app.baseUrl + "/afspraken/" + id);
        String municipality = app.get("/api/v1/agreements/" + id).json().get("municipality").get("name").asText();
        assertThat(browser.findAll(".similar li")).isNotEmpty();
        browser.findAll(".similar li .muted").forEach(meta -> assertThat(meta.getText()).doesNotStartWith(municipality));
        browser.assertAccessible("afspraak met vergelijkbare afspraken");
    }
}
