package nl.afsprakenwiki.accounts;

import nl.afsprakenwiki.testing.Browser;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.transfer.DemoContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account pages in a real headless browser, as the demo's people use them: the profile with
 * its tokens, the voorzitter's koppelzone management and the beheerder's administration. axe-core
 * checks every page.
 */
class AccountBrowserTest {

    @TempDir
    static Path dir;
    static TestApp app;
    static Browser browser;

    @BeforeAll
    static void start() {
        app = TestApp.startWithDemo(dir.resolve("data"));
        browser = Browser.forTestClass(app.baseUrl);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        app.close();
    }

    @BeforeEach
    void signedOut() {
        browser.open(app.baseUrl + "/");
        browser.driver.manage().deleteAllCookies();
        browser.open(app.baseUrl + "/");
    }

    /** Signs in with the keyboard only: the form must work without a mouse. */
    private void signIn(String username) {
        browser.open(app.baseUrl + "/login");
        browser.find("#username").click();
        new Actions(browser.driver).sendKeys(username).sendKeys(Keys.TAB).sendKeys(DemoContent.DEMO_PASSWORD)
                .sendKeys(Keys.ENTER).perform();
        browser.waitFor(d -> d.findElements(org.openqa.selenium.By.cssSelector("a[href='/profiel']")).isEmpty() ? null : true);
    }

    @Test
    void theProfileShowsRolesAndMakesAndRevokesATokenOnce() {
        signIn("expert.tilburg");
        browser.clickAndWaitFor("a[href='/profiel']", "h1");
        assertThat(browser.find("h1").getText()).isEqualTo("Uw profiel");
        assertThat(browser.find("main").getText()).contains("Koppelzone Jeugd Tilburg: praktijkexpert")
                .contains("U hebt nog geen API-sleutels.");
        browser.assertAccessible("profile");

        browser.find("#label").sendKeys("Browsertest");
        browser.clickAndWaitFor(".token-form button", "#new-token");
        String token = browser.find("#new-token").getAttribute("value");
        assertThat(token).startsWith("aw_");
        browser.assertAccessible("profile with new token");
        assertThat(app.withToken(token).get("/api/v1/me").json().get("username").asText()).isEqualTo("expert.tilburg");

        browser.clickAndWaitFor("form[action$='/intrekken'] button", ".notice.success");
        assertThat(browser.find(".notice.success").getText()).contains("ingetrokken");
        assertThat(browser.findAll("#new-token")).isEmpty();
        assertThat(app.withToken(token).get("/api/v1/me").status()).isEqualTo(401);
        browser.assertAccessible("profile after revoking");
    }

    @Test
    void theVoorzitterManagesMembers() {
        signIn("voorzitter.tilburg");
        browser.open(app.baseUrl + "/koppelzones/koppelzone-jeugd-tilburg");
        browser.clickAndWaitFor("a[href='/koppelzones/koppelzone-jeugd-tilburg/beheer']", "#leden");
        browser.assertAccessible("koppelzone management");

        browser.find("#username").sendKeys("niemand");
        browser.clickAndWaitFor("form[action$='/leden'] button", ".error-summary");
        assertThat(browser.find(".error-summary").getText()).contains("Er is geen account met gebruikersnaam \"niemand\".");
        browser.assertAccessible("koppelzone management with an error");

        browser.find("#username").clear();
        browser.find("#username").sendKeys("expert.zwolle");
        browser.find("#role option[value='lezer']").click();
        browser.clickAndWaitFor("form[action$='/leden'] button", ".notice.success");
        assertThat(browser.find("table").getText()).contains("Erik Scholten (demo)").contains("lezer");
    }

    @Test
    void theBeheerderPagesAreAccessible() {
        signIn("beheerder");
        browser.clickAndWaitFor("a[href='/beheer']", ".subnav");
        browser.assertAccessible("administration overview");
        for (String page : List.of("accounts", "organisaties", "gemeenten", "koppelzones", "audit")) {
            browser.clickAndWaitFor(".subnav a[href='/beheer/" + page + "']", ".subnav a[aria-current='page']");
            assertThat(browser.find(".subnav a[aria-current='page']").getAttribute("href")).endsWith("/beheer/" + page);
            browser.assertAccessible("administration: " + page);
        }
        browser.open(app.baseUrl + "/beheer/accounts");
        browser.find("#nieuw ~ form #username").sendKeys("Ongeldig!");
        browser.clickAndWaitFor("#nieuw ~ form button[type='submit']", ".error-summary");
        assertThat(browser.find("#nieuw ~ form #username").getAttribute("value")).isEqualTo("Ongeldig!");
        browser.assertAccessible("new account with errors");

        // an account found by searching, on its own page; the audit log with one event's details open
        browser.open(app.baseUrl + "/beheer/accounts?zoek=tilburg");
        browser.clickAndWaitFor(".account-list a[href='/beheer/accounts/expert.tilburg']", ".breadcrumbs");
        assertThat(browser.find("main").getText()).contains("Koppelzone Jeugd Tilburg: praktijkexpert");
        browser.assertAccessible("account page");
        browser.open(app.baseUrl + "/beheer/audit");
        browser.find(".audit-details summary").click();
        assertThat(browser.find(".audit-details[open] dl").getText()).isNotBlank();
        browser.assertAccessible("audit log with details open");
    }
}
