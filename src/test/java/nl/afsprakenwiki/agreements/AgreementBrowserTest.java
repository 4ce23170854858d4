package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.testing.DemoWikiBrowserTest;
import nl.afsprakenwiki.transfer.DemoContent;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless browser on the demo wiki: reading, signing in with the login form, editing with
 * the markdown editor and its live preview, history, comparing, restoring, a recovered draft and
 * signing out (a conflict: {@code ConflictBrowserTest}). axe-core checks every page on the way.
 */
class AgreementBrowserTest extends DemoWikiBrowserTest {

    private long agreementWithHistory() {
        return app.get("/api/v1/agreements?koppelzone=koppelzone-jeugd-tilburg").json().get("items")
                .findParents("currentRevision").stream()
                .filter(item -> item.get("currentRevision").asInt() >= 3)
                .findFirst().orElseThrow().get("id").asLong();
    }

    private void typeInEditor(String text) {
        WebElement editor = browser.waitFor(d -> d.findElement(By.cssSelector(".CodeMirror")));
        editor.click();
        new Actions(browser.driver).keyDown(Keys.CONTROL).sendKeys(Keys.END).keyUp(Keys.CONTROL).sendKeys(text).perform();
    }

    @Test
    void aVisitorSignsInEditsComparesRestoresAndSignsOut() {
        browser.open(app.baseUrl + "/");
        assertThat(browser.find("h1").getText()).isEqualTo("Werkafspraken in de jeugdhulp");
        browser.assertAccessible("home");

        browser.clickAndWaitFor("a[href='/koppelzones/koppelzone-jeugd-tilburg']", "h1");
        assertThat(browser.find("h1").getText()).isEqualTo("Koppelzone Jeugd Tilburg");
        browser.assertAccessible("koppelzone");

        long id = agreementWithHistory();
        browser.open(app.baseUrl + "/afspraken/" + id);
        String title = browser.find("h1").getText();
        assertThat(browser.findAll("a[href='/afspraken/" + id + "/bewerken']")).as("no edit link for visitors").isEmpty();
        browser.assertAccessible("agreement");

        // the login link brings the visitor back to the agreement
        browser.clickAndWaitFor("a[href^='/login']", "#username");
        assertThat(browser.find("h1").getText()).isEqualTo("Inloggen");
        browser.assertAccessible("login");
        browser.find("#username").sendKeys("expert.tilburg");
        browser.find("#password").sendKeys("een verkeerd wachtwoord");
        browser.clickAndWaitFor(".login-form button[type='submit']", ".error-summary");
        assertThat(browser.find(".error-summary").getText()).contains("klopt niet");
        assertThat(browser.find("#username").getAttribute("value")).isEqualTo("expert.tilburg");
        browser.assertAccessible("login failed");
        browser.find("#password").sendKeys(DemoContent.DEMO_PASSWORD);
        browser.clickAndWaitFor(".login-form button[type='submit']", "a[href='/profiel']");
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(app.baseUrl + "/afspraken/" + id);
        assertThat(browser.find("a[href='/profiel']").getText()).isEqualTo("Marieke de Vries (demo)");

        browser.clickAndWaitFor("a[href='/afspraken/" + id + "/bewerken']", ".EasyMDEContainer");
        assertThat(browser.find("main").getText()).contains("Deze revisie komt op naam van Marieke de Vries (demo).");
        browser.assertAccessible("edit form");
        typeInEditor("\n\nNieuwe alinea uit de browsertest met **nadruk**.");
        browser.waitFor(d -> d.findElement(By.id("preview")).getAttribute("innerHTML")
                .contains("Nieuwe alinea uit de browsertest met <strong>nadruk</strong>."));

        // Tab leaves the editor instead of being swallowed by it (no keyboard trap)
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        assertThat(browser.script("return document.activeElement.closest('.CodeMirror') === null")).isEqualTo(true);

        browser.find("#summary").sendKeys("Alinea toegevoegd in de browser");
        browser.clickAndWaitFor("button[value='save']", ".notice.success");
        assertThat(browser.find(".notice.success").getText()).isEqualTo("Uw wijziging is opgeslagen.");
        assertThat(browser.find(".markdown-body").getText()).contains("Nieuwe alinea uit de browsertest met nadruk.");
        browser.assertAccessible("agreement after save");

        browser.clickAndWaitFor("a[href='/afspraken/" + id + "/geschiedenis']", "table.history");
        assertThat(browser.find("tbody tr").getText()).contains("Marieke de Vries (demo)").contains("Alinea toegevoegd in de browser");
        browser.assertAccessible("history");
        // the compare button is the form's own; the restore buttons inside it belong to forms of their own
        browser.find("label[for='weergave-inline']").click();
        browser.clickAndWaitFor(".history-form > button[type='submit']", ".diff-inline");
        assertThat(browser.find(".diff-inline ins").getText()).contains("Nieuwe alinea uit de browsertest");
        browser.assertAccessible("compare inline");
        browser.find("label[for='weergave-naast']").click();
        browser.clickAndWaitFor(".compare-form button", ".diff-side");
        assertThat(browser.findAll(".diff-side tr.changed")).isNotEmpty();
        browser.assertAccessible("compare side by side");

        browser.open(app.baseUrl + "/afspraken/" + id + "/revisies/1");
        browser.assertAccessible("old revision");
        browser.clickAndWaitFor("form[action$='/herstel'] button", ".notice.success");
        assertThat(browser.find(".notice.success").getText()).isEqualTo("Revisie 1 is hersteld als nieuwe revisie.");
        assertThat(browser.find("h1").getText()).isNotBlank();
        assertThat(title).isNotBlank();

        // signing out ends the session: the edit page now asks to sign in
        browser.clickAndWaitFor("form[action='/logout'] button", ".notice.success");
        assertThat(browser.find(".notice.success").getText()).isEqualTo("U bent uitgelogd.");
        assertThat(browser.findAll("a[href='/profiel']")).isEmpty();
        browser.assertAccessible("signed out");
        browser.open(app.baseUrl + "/afspraken/" + id + "/bewerken");
        assertThat(browser.find("h1").getText()).isEqualTo("Inloggen");
    }

    @Test
    void textTypedButNeverSavedComesBackAfterTheTabWasClosed() {
        long id = app.get("/api/v1/agreements?koppelzone=koppelzone-jeugd-zwolle&status=bekrachtigd").json()
                .get("items").get(1).get("id").asLong();
        String edit = app.baseUrl + "/afspraken/" + id + "/bewerken";
        String key = "afsprakenwiki:concept:afspraak-" + id;
        signIn("expert.zwolle");
        browser.open(edit);
        typeInEditor("\n\nTekst die niet verloren mag gaan.");
        browser.find("#title").sendKeys(" (concept)");
        browser.waitFor(d -> browser.script("var copy = localStorage.getItem(arguments[0]);"
                + "return copy !== null && copy.includes('Tekst die niet verloren mag gaan.')", key).equals(true));

        browser.open(app.baseUrl + "/");
        browser.open(edit);
        restoreDraft();
        browser.assertAccessible("edit with draft banner");
        assertThat(editorText()).endsWith("Tekst die niet verloren mag gaan.");
        assertThat(browser.find("#title").getAttribute("value")).endsWith(" (concept)");

        // issue 14: on a slow network, text typed while the save is on its way stays in the local
        // copy when the server confirms the save, and is offered on the next edit
        browser.slowNetwork(800, -1);
        try {
            // in one script: ChromeDriver holds every further command until the navigation is done
            browser.script("document.querySelector(\"button[value='save']\").click();"
                    + "setTimeout(function () { var cm = document.querySelector('.CodeMirror').CodeMirror;"
                    + "cm.replaceRange('\\n\\nGetypt terwijl het opslaan onderweg was.', {line: cm.lastLine()}); }, 300);");
            browser.waitFor(d -> d.findElements(By.cssSelector(".notice.success")).isEmpty() ? null : true);
        } finally {
            browser.slowNetwork(0, -1);
        }
        assertThat(browser.find(".notice.success").getText()).isEqualTo("Uw wijziging is opgeslagen.");
        assertThat(browser.find(".markdown-body").getText()).contains("Tekst die niet verloren mag gaan.")
                .doesNotContain("Getypt terwijl");
        browser.open(edit);
        restoreDraft();
        assertThat(editorText()).contains("Tekst die niet verloren mag gaan.")
                .endsWith("Getypt terwijl het opslaan onderweg was.");

        // after a confirmed save of everything the copy is gone
        browser.clickAndWaitFor("button[value='save']", ".notice.success");
        assertThat(browser.script("return localStorage.getItem(arguments[0])", key)).isNull();
    }

    private void restoreDraft() {
        WebElement banner = browser.waitFor(d -> {
            WebElement element = d.findElement(By.id("draft-banner"));
            return element.isDisplayed() ? element : null;
        });
        assertThat(banner.getText()).contains("niet-opgeslagen concept");
        browser.find("#draft-restore").click();
    }

    private String editorText() {
        return (String) browser.script("return document.querySelector('.CodeMirror').CodeMirror.getValue()");
    }

    @Test
    void formErrorsAndMissingPagesAreAccessibleAndEnglishIsAvailable() {
        signIn("expert.zwolle");
        browser.open(app.baseUrl + "/koppelzones/koppelzone-jeugd-zwolle/nieuw");
        browser.waitFor(d -> d.findElement(By.cssSelector(".CodeMirror")));
        // typed text is never altered: no list number added after Enter, none removed from "2."
        typeInEditor("1. Eerst dit\n2. Dan dat\n2.\nSlot");
        assertThat(editorText()).isEqualTo("1. Eerst dit\n2. Dan dat\n2.\nSlot");
        assertThat(browser.findAll(".editor-statusbar span").stream().map(WebElement::getText))
                .containsExactly("regels: 4", "woorden: 8");
        assertThat(browser.find(".editor-toolbar button.bold").getDomAttribute("title")).startsWith("Vet");
        browser.clickAndWaitFor("button[value='save']", ".error-summary");
        assertThat(browser.find(".error-summary").getText()).contains("Vul een titel in.").contains("Kies minstens één partij.");
        browser.assertAccessible("form with errors");

        browser.open(app.baseUrl + "/afspraken/999999");
        assertThat(browser.find("h1").getText()).isEqualTo("Pagina niet gevonden");
        browser.assertAccessible("404");

        browser.open(app.baseUrl + "/");
        browser.clickAndWaitFor("a[hreflang='en']", "html[lang='en']");
        assertThat(browser.find("h1").getText()).isEqualTo("Working agreements in youth care");
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
        browser.assertAccessible("home in English");
        browser.open(app.baseUrl + "/koppelzones/koppelzone-jeugd-zwolle/nieuw");
        browser.waitFor(d -> d.findElement(By.cssSelector(".CodeMirror")));
        assertThat(browser.find(".editor-toolbar button.bold").getDomAttribute("title")).startsWith("Bold");
        assertThat(browser.findAll(".editor-statusbar span").stream().map(WebElement::getText))
                .containsExactly("lines: 1", "words: 0");
        browser.open(app.baseUrl + "/");
        browser.clickAndWaitFor("a[hreflang='nl']", "html[lang='nl']");
        assertThat(browser.find("h1").getText()).isEqualTo("Werkafspraken in de jeugdhulp");
    }
}
