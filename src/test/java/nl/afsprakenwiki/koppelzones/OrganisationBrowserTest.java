package nl.afsprakenwiki.koppelzones;

import nl.afsprakenwiki.testing.Browser;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.text.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real headless browser on the demo wiki: from an agreement to its provider's page, and from
 * there to two of the provider's agreements side by side. axe-core checks every page.
 */
class OrganisationBrowserTest {

    @TempDir
    static Path dir;
    static TestApp app;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        app = TestApp.startWithDemo(dir.resolve("data"));
        // the demo's providers each work in one municipality; this one also works in Zwolle
        Path folder = Files.createTempDirectory(dir, "seed");
        Files.writeString(folder.resolve("afschalen-na-behandeling.md"), """
                ---
                title: Afschalen na behandeling naar het JGT
                municipality: Zwolle
                koppelzone: Koppelzone Jeugd Zwolle
                parties:
                  - Jeugdhulp De Horizon
                  - Jeugd- en Gezinsteam Zwolle
                themes: [afschaling]
                status: bekrachtigd
                ---
                De aanbieder meldt een voorgenomen afschaling uiterlijk 4 weken voor de einddatum bij het JGT.
                """);
        app.services.importer().importFolder(folder, "test", Progress.NONE);
        browser = Browser.forTestClass(app.baseUrl);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        app.close();
    }

    @Test
    void aVisitorOpensAProvidersAgreementsAndComparesTwoMunicipalities() {
        String slug = app.get("/api/v1/koppelzones/koppelzone-jeugd-tilburg").json().get("parties")
                .findParents("slug").stream().map(party -> party.get("slug").asText())
                .filter("jeugdhulp-de-horizon"::equals).findFirst().orElseThrow();
        browser.open(app.baseUrl + "/organisaties/" + slug);
        assertThat(browser.find("h1").getText()).isEqualTo("Afspraken van Jeugdhulp De Horizon");
        assertThat(browser.find(".lead").getText()).contains("in 2 gemeenten");
        browser.assertAccessible("organisatie");

        browser.clickAndWaitFor("a[href^='/vergelijken?']", "table.diff-side");
        assertThat(browser.findAll("h2 a[href^='/afspraken/']")).hasSize(2);
        assertThat(browser.findAll("table.diff-side ins, table.diff-side del")).isNotEmpty();
        browser.assertAccessible("twee afspraken naast elkaar");

        browser.find("#weergave-inline").click();
        browser.clickAndWaitFor(".compare-form button[type='submit']", ".diff-inline[role='region']");
        assertThat(browser.findAll("table.diff-side")).isEmpty();
        browser.assertAccessible("twee afspraken in de tekst");

        browser.open(app.baseUrl + "/vergelijken");
        assertThat(browser.find("label[for='pair-a']").getText()).isEqualTo("Eerste afspraak (nummer)");
        browser.assertAccessible("vergelijken zonder afspraken");
    }

    /** The check every browser test relies on must itself fail on a page with serious violations. */
    @Test
    void theAccessibilityCheckFailsOnAnUnlabelledFieldAndTextWithoutContrast() {
        browser.open("data:text/html;charset=utf-8,<!doctype html><html lang='nl'><title>t</title><main>"
                + "<p style='color:%23ddd;background:%23fff'>Nauwelijks leesbaar</p>"
                + "<form><input type='text' name='q'></form></main></html>");
        assertThatThrownBy(() -> browser.assertAccessible("kapotte pagina"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("color-contrast (serious)")
                .hasMessageContaining("label (critical)");
    }
}
