package nl.afsprakenwiki.koppelzones;

import nl.afsprakenwiki.testing.Browser;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.text.Progress;
import nl.afsprakenwiki.transfer.DemoContent;
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
        // issue 17: the demo lists the provider's (fictitious) numbers, as tel: links
        assertThat(browser.find(".organisation-contact a[href='tel:+31130004330']").getText()).isEqualTo("013 000 43 30");
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

    /** Issue 17: the beheerder's edit page, with a refused line named next to its field. */
    @Test
    void theBeheerderEditsAnOrganisationsNumbersAndSeesTheBadLineNamed() {
        browser.open(app.baseUrl + "/");
        browser.signIn("beheerder", DemoContent.DEMO_PASSWORD);
        try {
            browser.open(app.baseUrl + "/beheer/organisaties/jeugdhulp-sassenpoort");
            assertThat(browser.find("#phoneNumbers").getAttribute("value")).isEqualTo("038 000 52 20");
            browser.assertAccessible("organisatie bewerken");
            browser.script("document.getElementById('phoneNumbers').value = '038 000 52 20\\n0800'");
            browser.clickAndWaitFor("form[action='/beheer/organisaties/jeugdhulp-sassenpoort'] button[type='submit']",
                    "#phoneNumbers-error");
            assertThat(browser.find("#phoneNumbers-error").getText()).contains("Regel 2");
            assertThat(browser.find("#phoneNumbers").getAttribute("value")).isEqualTo("038 000 52 20\n0800");
            browser.assertAccessible("organisatie bewerken met een fout");

            // V030: meanwhile another beheerder changes the organisation; this save is refused, naming them
            String api = "/api/v1/organisations/jeugdhulp-sassenpoort";
            int version = app.get(api + "/agreements").json().get("organisation").get("version").asInt();
            assertThat(app.bearer("beheerder").putJson(api, java.util.Map.of("emailDomains",
                    java.util.List.of("sassenpoort-nieuw.example.nl"), "version", version)).status()).isEqualTo(200);
            browser.script("document.getElementById('phoneNumbers').value = '038 000 52 21'");
            browser.clickAndWaitFor("form[action='/beheer/organisaties/jeugdhulp-sassenpoort'] button[type='submit']",
                    ".error-summary");
            assertThat(browser.find(".error-summary").getText()).contains("intussen gewijzigd");
            assertThat(browser.find("#phoneNumbers").getAttribute("value")).isEqualTo("038 000 52 21");
            browser.assertAccessible("organisatie intussen gewijzigd");
        } finally {
            browser.signOut();
        }
    }

    /** A refused row form on the register keeps what was typed, with the message beside that row's field. */
    @Test
    void aRefusedRowOnTheRegisterKeepsWhatWasTypedWithTheMessageAtThatRow() {
        browser.open(app.baseUrl + "/");
        browser.signIn("beheerder", DemoContent.DEMO_PASSWORD);
        String slug = "jeugdhulp-de-horizon";
        String row = "form[action='/beheer/organisaties/" + slug + "'] button[type='submit']";
        try {
            browser.open(app.baseUrl + "/beheer/organisaties");
            browser.script("document.getElementById('name-" + slug + "').value = '   '");
            browser.clickAndWaitFor(row, "#name-" + slug + "-error");
            assertThat(browser.find("#name-" + slug + "-error").getText()).contains("Vul een naam in");
            assertThat(browser.find("#name-" + slug).getAttribute("value")).isEqualTo("   ");
            assertThat(browser.find("#name-" + slug).getAttribute("aria-describedby")).isEqualTo("name-" + slug + "-error");
            browser.assertAccessible("register met een geweigerde rij");

            // V030: another beheerder changes the organisation meanwhile; the row keeps the new name typed here
            String api = "/api/v1/organisations/" + slug;
            int version = app.get(api + "/agreements").json().get("organisation").get("version").asInt();
            assertThat(app.bearer("beheerder").putJson(api, java.util.Map.of("emailDomains",
                    java.util.List.of("horizon-nieuw.example.nl"), "version", version)).status()).isEqualTo(200);
            browser.script("document.getElementById('name-" + slug + "').value = 'Jeugdhulp De Horizon Oost'");
            browser.clickAndWaitFor(row, "#version-" + slug + "-error");
            assertThat(browser.find("#version-" + slug + "-error").getText()).contains("intussen gewijzigd");
            assertThat(browser.find("#name-" + slug).getAttribute("value")).isEqualTo("Jeugdhulp De Horizon Oost");
            browser.assertAccessible("register met een rij die intussen gewijzigd is");
        } finally {
            browser.signOut();
        }
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
