package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.testing.DemoWikiBrowserTest;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless browser on the demo wiki: two people edit the same two paragraphs; the second
 * resolves the conflict block by block with the keyboard only (leaving the page halfway and coming
 * back through the editor's local copy), and axe-core checks the conflict page.
 */
class ConflictBrowserTest extends DemoWikiBrowserTest {

    private static final String BODY = """
            ## Aanmelding

            Het wijkteam belt binnen vijf werkdagen terug.

            ## Rollen

            De aanbieder stuurt een verslag naar het wijkteam.

            ## Evaluatie

            De koppelzone evalueert na een half jaar.""";

    private static void save(TestApp.Client client, long id, String title, String body, int base) {
        var saved = client.putJson("/api/v1/agreements/" + id, Map.of("title", title, "body", body, "baseRevision", base));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    /** Presses Tab until the element with {@code id} has the focus, as a keyboard user moves through the page. */
    private void tabTo(String id) {
        for (int presses = 0; presses < 80; presses++) {
            if (id.equals(browser.script("return document.activeElement && document.activeElement.id"))) {
                return;
            }
            press(Keys.TAB);
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    private void press(CharSequence key) {
        new Actions(browser.driver).sendKeys(key).perform();
    }

    @Test
    void theSecondWriterResolvesTwoConflictingParagraphsWithTheKeyboardTheirsForOneAndMineForTheOther() {
        TestApp.Client chair = app.bearer("voorzitter.tilburg");
        var draft = chair.get("/api/v1/agreements?koppelzone=koppelzone-jeugd-tilburg&status=concept").json()
                .get("items").get(0);
        long id = draft.get("id").asLong();
        String title = chair.get("/api/v1/agreements/" + id).json().get("title").asText();
        save(chair, id, title, BODY, draft.get("currentRevision").asInt());
        int start = chair.get("/api/v1/agreements/" + id).json().get("currentRevision").asInt();

        signIn("expert.tilburg");
        browser.open(app.baseUrl + "/afspraken/" + id + "/bewerken");
        browser.waitFor(d -> d.findElement(By.cssSelector(".CodeMirror")));
        // meanwhile the voorzitter changes both paragraphs
        save(chair, id, title, BODY.replace("vijf werkdagen", "drie werkdagen")
                .replace("stuurt een verslag", "mailt een verslag"), start);
        String mine = BODY.replace("vijf werkdagen", "twee werkdagen")
                .replace("een verslag naar het wijkteam", "een verslag naar het wijkteam en de huisarts")
                .replace("half jaar", "jaar");
        browser.script("document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0])", mine);
        browser.clickAndWaitFor("button[value='save']", "#conflict-form");

        assertThat(documentStatus()).isEqualTo(409);
        assertThat(browser.findAll("fieldset.conflict-block legend")).extracting(element -> element.getText())
                .containsExactly("Blok 1 van 2", "Blok 2 van 2");
        assertThat(browser.find("#blok-0").getText()).contains("binnen twee werkdagen").contains("binnen drie werkdagen")
                .contains("binnen vijf werkdagen");
        browser.assertAccessible("conflict page");

        // block 1: the voorzitter's text (arrow key from the first choice); block 2: my own (Space)
        tabTo("keuze-0-mine");
        press(Keys.ARROW_DOWN);
        tabTo("keuze-1-mine");
        press(Keys.SPACE);
        assertThat(browser.find("#keuze-0-theirs").isSelected()).isTrue();
        assertThat(browser.find("#keuze-1-mine").isSelected()).isTrue();
        // the choices are kept in the browser too, should the page be closed now
        assertThat((String) browser.script("return localStorage.getItem('afsprakenwiki:conflict:afspraak-' + arguments[0])", id))
                .contains("\"keuze-0\":\"theirs\"").contains("\"keuze-1\":\"mine\"");

        // closed halfway: the editor offers the unsaved text with the revision it was typed on, and
        // saving it again brings back the same conflict with the choices made so far
        browser.open(app.baseUrl + "/afspraken/" + id + "/bewerken");
        browser.waitFor(d -> d.findElement(By.id("draft-banner")).isDisplayed() ? true : null);
        assertThat(browser.find("#draft-text").getText()).contains("op revisie " + start);
        tabTo("draft-restore");
        press(Keys.ENTER);
        assertThat(browser.find("input[name='baseRevision']").getAttribute("value")).isEqualTo(String.valueOf(start));
        browser.clickAndWaitFor("button[value='save']", "#conflict-form");
        browser.waitFor(d -> d.findElement(By.id("conflict-restored")).isDisplayed() ? true : null);
        assertThat(browser.find("#keuze-0-theirs").isSelected()).isTrue();
        assertThat(browser.find("#keuze-1-mine").isSelected()).isTrue();
        tabTo("summary");
        new Actions(browser.driver).sendKeys("Conflict opgelost met het toetsenbord").perform();
        press(Keys.ENTER);
        browser.waitFor(d -> d.findElements(By.cssSelector(".notice.success")).isEmpty() ? null : true);

        var revision = chair.get("/api/v1/agreements/" + id + "/revisions/" + (start + 2)).json();
        assertThat(revision.get("body").asText()).isEqualTo(BODY.replace("vijf werkdagen", "drie werkdagen")
                .replace("een verslag naar het wijkteam", "een verslag naar het wijkteam en de huisarts")
                .replace("half jaar", "jaar"));
        assertThat(revision.get("summary").asText()).isEqualTo("Conflict opgelost met het toetsenbord");
        assertThat(revision.get("author").asText()).contains("Marieke");
    }
}
