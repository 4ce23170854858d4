package nl.afsprakenwiki.attachments;

import nl.afsprakenwiki.testing.DemoWikiBrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser on the demo wiki: a praktijkexpert of Tilburg opens the attachments of an agreement
 * from its page, is refused an SVG with the reason next to the field, adds a PNG with the keyboard
 * and sees it listed on the agreement page. axe-core checks each page.
 */
class AttachmentBrowserTest extends DemoWikiBrowserTest {

    @TempDir
    Path files;

    @Test
    void anExpertAddsAFileByKeyboardAndIsToldWhyAnSvgIsRefused() throws IOException {
        long id = app.bearer("expert.tilburg").get("/api/v1/agreements?koppelzone=koppelzone-jeugd-tilburg").json()
                .get("items").get(0).get("id").asLong();
        Path svg = Files.write(files.resolve("tekening.svg"), SampleFiles.SVG);
        Path png = Files.write(files.resolve("stroomschema.png"), SampleFiles.PNG);
        signIn("expert.tilburg");

        browser.open(app.baseUrl + "/afspraken/" + id);
        browser.clickAndWaitFor("section.attachments a[href='/afspraken/" + id + "/bijlagen']", "input#file");
        browser.assertAccessible("attachments page");

        browser.find("input#file").sendKeys(svg.toString());
        browser.find("form[enctype='multipart/form-data'] button[type='submit']").sendKeys(Keys.ENTER);
        browser.waitFor(driver -> driver.findElements(org.openqa.selenium.By.cssSelector("#file-error")).isEmpty() ? null : true);
        assertThat(browser.find("#file-error").getText()).contains("Het bestand tekening.svg is geen PDF, DOCX, XLSX, ODT, ODS, PNG of JPEG.");
        assertThat(browser.find("input#file").getDomAttribute("aria-invalid")).isEqualTo("true");
        browser.assertAccessible("attachments page with an error");

        browser.find("input#file").sendKeys(png.toString());
        browser.find("form[enctype='multipart/form-data'] button[type='submit']").sendKeys(Keys.ENTER);
        browser.waitFor(driver -> driver.getCurrentUrl().endsWith("?melding=opgeslagen") ? true : null);
        assertThat(browser.find("main p.notice[role='status']").getText()).isEqualTo("De bijlage is opgeslagen in een nieuwe revisie.");
        assertThat(browser.find("main table").getText()).contains("stroomschema.png", "PNG");

        browser.open(app.baseUrl + "/afspraken/" + id);
        assertThat(browser.find("section.attachments").getText()).contains("stroomschema.png");
        browser.assertAccessible("agreement page with an attachment");
    }
}
