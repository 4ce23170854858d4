package nl.afsprakenwiki.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.testing.DemoWikiBrowserTest;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless browser on the demo wiki going through a koppelzone meeting: the voorzitter
 * plans it (agenda proposed from the koppelzone's state), puts a draft on the agenda, records
 * presence, types minutes that htmx saves while typing, decides "vastgesteld" (which proposes the
 * draft for endorsement), adds an action item and closes the meeting; a lezer then reads the
 * record without any controls, and a member of another koppelzone gets a 404. axe-core checks
 * every page on the way.
 */
class MeetingBrowserTest extends DemoWikiBrowserTest {

    private static final String KOPPELZONE = "koppelzone-jeugd-tilburg";

    /** The page-wide notice. */
    private String pageNotice() {
        return browser.find("main div.notice[role='status']").getText();
    }

    /** Sets a date or time input as a date picker would (typing into them depends on the locale in headless Chrome). */
    private void setValue(String css, String value) {
        browser.script("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", browser.find(css), value);
        assertThat(browser.find(css).getDomProperty("value")).as("value of %s", css).isEqualTo(value);
    }

    @Test
    void theChairPlansRunsAndClosesAMeetingAndAMemberReadsTheRecord() {
        // a draft to decide on, written by the expert
        String title = "Terugkoppeling na verwijzing door de huisarts (overlegtest)";
        TestApp.Response created = app.bearer("expert.tilburg").postJson("/api/v1/koppelzones/" + KOPPELZONE + "/agreements",
                Map.of("title", title, "body", "Binnen vijf werkdagen na een verwijzing koppelt de aanbieder terug aan de"
                        + " huisarts, vastgelegd voor de overlegtest.", "parties", List.of("wijkteam-tilburg")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long agreementId = created.json().get("id").asLong();
        assertThat(app.bearer("expert.tilburg").get("/api/v1/agreements/" + agreementId).json().get("status").asText())
                .isEqualTo("concept");

        // the chair goes from the koppelzone page to the meetings and the plan form
        signIn("voorzitter.tilburg");
        browser.open(app.baseUrl + "/koppelzones/" + KOPPELZONE);
        String meetingsLink = "main a[href='/koppelzones/" + KOPPELZONE + "/overleggen']";
        assertThat(browser.find(meetingsLink).getText()).isEqualTo("Overleggen");
        browser.assertAccessible("koppelzone page (voorzitter.tilburg)");
        browser.clickAndWaitFor(meetingsLink, "h1");
        assertThat(browser.find("h1").getText()).isEqualTo("Overleggen Koppelzone Jeugd Tilburg");
        browser.assertAccessible("meeting list (voorzitter.tilburg)");
        String planLink = "a[href='/koppelzones/" + KOPPELZONE + "/overleggen/nieuw']";
        assertThat(browser.find(planLink).getText()).isEqualTo("Nieuw overleg plannen");
        browser.clickAndWaitFor(planLink, "#date");
        assertThat(browser.find("h1").getText()).isEqualTo("Overleg plannen: Koppelzone Jeugd Tilburg");
        browser.assertAccessible("plan form");

        // recorded by the chair on the day after: only a meeting that has started can be closed
        LocalDate day = LocalDate.now(Meetings.DUTCH_TIME).minusDays(1);
        assertThat(browser.find("#date").getDomAttribute("type")).isEqualTo("date");
        assertThat(browser.find("#startTime").getDomAttribute("type")).isEqualTo("time");
        setValue("#date", day.toString());
        setValue("#startTime", "14:00");
        setValue("#endTime", "15:30");
        browser.find("#location").sendKeys("Stadskantoor Tilburg, zaal 3");
        WebElement planButton = browser.find("main form[action='/koppelzones/" + KOPPELZONE + "/overleggen'] button[type='submit']");
        assertThat(planButton.getText()).isEqualTo("Overleg plannen");
        browser.clickAndWaitFor("main form[action='/koppelzones/" + KOPPELZONE + "/overleggen'] button[type='submit']",
                "main div.notice[role='status']");

        // the meeting page with its proposed agenda
        String url = browser.driver.getCurrentUrl();
        assertThat(url).matches(java.util.regex.Pattern.quote(app.baseUrl) + "/overleggen/\\d+\\?melding=gepland");
        long meetingId = Long.parseLong(url.replaceAll("^.*/overleggen/(\\d+).*$", "$1"));
        String meetingPath = "/overleggen/" + meetingId;
        assertThat(pageNotice()).isEqualTo("Het overleg is gepland, met een voorgestelde agenda.");
        assertThat(browser.find("h1").getText()).isEqualTo("Overleg Koppelzone Jeugd Tilburg, " + new nl.afsprakenwiki.web.Translations().dutch()
                .day(day.atTime(14, 0).atZone(Meetings.DUTCH_TIME).toInstant()));
        assertThat(browser.find("main p.meta").getText()).contains("Stadskantoor Tilburg, zaal 3").contains("Gepland");
        int proposed = browser.findAll("ol.agenda > li.agenda-item").size();
        assertThat(proposed).as("items on the proposed agenda").isPositive();
        browser.assertAccessible("meeting page after planning");

        // put the draft on the agenda through the select
        assertThat(browser.find("label[for='agreement']").getText()).isEqualTo("Of een afspraak van de koppelzone");
        new Select(browser.find("#agreement")).selectByValue(String.valueOf(agreementId));
        assertThat(browser.find("form[action='" + meetingPath + "/agenda'] button[type='submit']").getText()).isEqualTo("Toevoegen");
        browser.clickAndWaitFor("form[action='" + meetingPath + "/agenda'] button[type='submit']", "main div.notice[role='status']");
        assertThat(pageNotice()).isEqualTo("De agenda is bijgewerkt.");
        assertThat(browser.findAll("ol.agenda > li.agenda-item")).hasSize(proposed + 1);
        String draftItemCss = "li.agenda-item:has(h3 a[href='/afspraken/" + agreementId + "'])";
        WebElement draftItem = browser.find(draftItemCss);
        assertThat(draftItem.findElement(By.cssSelector("h3")).getText()).startsWith(title);
        long itemId = Long.parseLong(draftItem.getDomAttribute("id").replaceFirst("^punt-", ""));
        browser.assertAccessible("meeting page after adding the draft");

        // presence: the first party is there, with names
        WebElement firstRow = browser.find("section[aria-labelledby='aanwezigheid'] tbody tr");
        String organisation = firstRow.findElement(By.cssSelector("th")).getText();
        String presentBox = firstRow.findElement(By.cssSelector("input[type='checkbox']")).getDomAttribute("id");
        assertThat(presentBox).startsWith("aanwezig-");
        long organisationId = Long.parseLong(presentBox.substring("aanwezig-".length()));
        assertThat(browser.find("#" + presentBox).isSelected()).isFalse();
        browser.find("#" + presentBox).click();
        browser.find("#namen-" + organisationId).sendKeys("Wendy Coolen, Ahmed Yilmaz");
        String presenceForm = "form[action='" + meetingPath + "/aanwezigheid'] button[type='submit']";
        assertThat(browser.find(presenceForm).getText()).isEqualTo("Aanwezigheid opslaan");
        browser.clickAndWaitFor(presenceForm, "main div.notice[role='status']");
        assertThat(pageNotice()).isEqualTo("De aanwezigheid is opgeslagen.");
        assertThat(browser.find("#aanwezig-" + organisationId).isSelected()).isTrue();
        assertThat(browser.find("#namen-" + organisationId).getDomProperty("value")).isEqualTo("Wendy Coolen, Ahmed Yilmaz");
        browser.assertAccessible("meeting page after saving presence");

        // minutes, saved by htmx while typing
        String minutes = "De praktijkexperts zijn het eens over de **termijn van vijf werkdagen** voor de terugkoppeling.";
        assertThat(browser.find("#opgeslagen-" + itemId).getText()).isEmpty();
        browser.find("#notulen-" + itemId).sendKeys(minutes);
        browser.waitFor(d -> browser.find("#opgeslagen-" + itemId).getText().startsWith("Opgeslagen om") ? true : null);
        String key = "afsprakenwiki:notulen:overleg-" + meetingId + "-punt-" + itemId;
        // the local copy is dropped once the server confirmed the same text; clear it anyway so the reload shows the server's copy
        browser.waitFor(d -> browser.script("return window.localStorage.getItem(arguments[0])", key) == null ? true : null);
        browser.script("window.localStorage.clear()");
        browser.assertAccessible("meeting page after the minutes were autosaved");
        browser.open(app.baseUrl + meetingPath);
        assertThat(browser.find("#notulen-" + itemId).getDomProperty("value")).as("minutes after reload").isEqualTo(minutes);
        assertThat(browser.find("#opgeslagen-" + itemId).getText()).startsWith("Opgeslagen om");
        assertThat(browser.find(draftItemCss + " form.minutes-form button[type='submit']").getText()).isEqualTo("Verslag opslaan");
        browser.assertAccessible("meeting page after reload");

        // the decision "vastgesteld" on the draft
        String decisionForm = "form[action='" + meetingPath + "/agenda/" + itemId + "/besluit']";
        browser.find(decisionForm + " input[type='radio'][value='vastgesteld']").click();
        browser.find("#besluit-" + itemId + "-note").sendKeys("Eens na de tweede lezing");
        assertThat(browser.find(decisionForm + " button[type='submit']").getText()).isEqualTo("Besluit vastleggen");
        browser.clickAndWaitFor(decisionForm + " button[type='submit']", "main div.notice[role='status']");
        assertThat(pageNotice()).isEqualTo("Het besluit is vastgelegd en uitgevoerd.");
        String decisionText = browser.find(draftItemCss + " p.notice.success").getText();
        assertThat(decisionText).startsWith("Vastgesteld door praktijkexperts, ter bekrachtiging — revisie 1, vingerafdruk ")
                .contains("Eens na de tweede lezing");
        browser.assertAccessible("meeting page after the decision");

        // an action item for the expert
        String due = LocalDate.now(Meetings.DUTCH_TIME).plusWeeks(4).toString();
        browser.find("#description").sendKeys("Huisartsen informeren over de nieuwe termijn");
        new Select(browser.find("#owner")).selectByValue("expert.tilburg");
        setValue("#due", due);
        String actionForm = "form[action='" + meetingPath + "/actiepunten'] button[type='submit']";
        assertThat(browser.find(actionForm).getText()).isEqualTo("Actiepunt toevoegen");
        browser.clickAndWaitFor(actionForm, "main div.notice[role='status']");
        assertThat(pageNotice()).isEqualTo("Het actiepunt is opgeslagen.");
        String actions = browser.find("section[aria-labelledby='actiepunten'] table").getText();
        assertThat(actions).contains("Huisartsen informeren over de nieuwe termijn").contains("Marieke de Vries (demo)").contains("open");
        browser.assertAccessible("meeting page after adding an action item");

        // the minutes box spans the item and is tall: it is what the chair types in most
        WebElement box = browser.find("#notulen-" + itemId);
        assertThat(box.getSize().getWidth()).as("minutes box width").isGreaterThanOrEqualTo(
                browser.find(draftItemCss + " form.minutes-form").getSize().getWidth() - 2);
        assertThat(box.getSize().getHeight()).as("minutes box height").isGreaterThanOrEqualTo(200);

        // close the meeting: only after ticking the confirmation, by keyboard
        String closeButton = "form[action='" + meetingPath + "/sluiten'] button[type='submit']";
        assertThat(browser.find(closeButton).getText()).isEqualTo("Overleg sluiten");
        assertThat(browser.find("label[for='bevestig']").getText()).isEqualTo("Ik wil dit overleg sluiten");
        assertThat(browser.script("return document.getElementById('bevestig').validity.valueMissing"))
                .as("the browser does not send the form without the confirmation").isEqualTo(true);
        browser.find("#bevestig").sendKeys(org.openqa.selenium.Keys.SPACE);
        assertThat(browser.find("#bevestig").isSelected()).isTrue();
        browser.clickAndWaitFor(closeButton, "main div.notice[role='status']");
        assertThat(pageNotice()).isEqualTo("Het overleg is gesloten; het verslag is nu voor de leden te lezen.");
        assertThat(browser.find("main p.meta").getText()).contains("Gesloten");
        assertThat(browser.findAll("textarea")).isEmpty();
        assertThat(browser.findAll(closeButton)).isEmpty();
        browser.assertAccessible("meeting page after closing (voorzitter.tilburg)");

        // the decision really proposed the draft for endorsement
        JsonNode agreement = app.bearer("expert.tilburg").get("/api/v1/agreements/" + agreementId).json();
        assertThat(agreement.get("status").asText()).isEqualTo("ter_bekrachtiging");
        signOut();

        // a lezer reads the record, without any controls
        signIn("lezer.tilburg");
        browser.open(app.baseUrl + meetingPath);
        assertThat(documentStatus()).isEqualTo(200L);
        assertThat(browser.find("h1").getText()).startsWith("Overleg Koppelzone Jeugd Tilburg, ");
        assertThat(browser.find("section[aria-labelledby='aanwezigheid']").getText())
                .contains(organisation + ": aanwezig (Wendy Coolen, Ahmed Yilmaz)");
        WebElement record = browser.find(draftItemCss);
        assertThat(record.findElement(By.cssSelector(".markdown-body")).getText())
                .isEqualTo("De praktijkexperts zijn het eens over de termijn van vijf werkdagen voor de terugkoppeling.");
        assertThat(record.findElement(By.cssSelector(".markdown-body strong")).getText()).isEqualTo("termijn van vijf werkdagen");
        assertThat(record.findElement(By.cssSelector("p.notice.success")).getText()).isEqualTo(decisionText);
        assertThat(browser.find("section[aria-labelledby='actiepunten'] table").getText())
                .contains("Huisartsen informeren over de nieuwe termijn").contains("Marieke de Vries (demo)");
        assertThat(browser.findAll("textarea")).as("no minutes editor").isEmpty();
        assertThat(browser.findAll("main form")).as("no run controls at all").isEmpty();
        assertThat(browser.find("main").getText()).doesNotContain("Overleg sluiten").doesNotContain("Besluit vastleggen")
                .doesNotContain("Aanwezigheid opslaan");
        assertThat(browser.find("a[href='" + meetingPath + "/uitnodiging.ics']").getText()).isEqualTo("Uitnodiging voor uw agenda (.ics)");
        assertThat(browser.find("a[href='" + meetingPath + "/verslag.md']").getText()).isEqualTo("Verslag als markdown");
        browser.assertAccessible("closed meeting (lezer.tilburg)");
        signOut();

        // a member of another koppelzone does not even learn the meeting exists
        signIn("expert.zwolle");
        browser.open(app.baseUrl + meetingPath);
        assertThat(documentStatus()).isEqualTo(404L);
        assertThat(browser.find("h1").getText()).isEqualTo("Pagina niet gevonden");
        assertThat(browser.find("main").getText()).doesNotContain(title).doesNotContain("Wendy Coolen, Ahmed Yilmaz");
        browser.assertAccessible("meeting page (expert.zwolle, 404)");
    }

    /**
     * Issue 14: the local copy was dropped after any confirmed save, although text typed while that
     * save was on its way sat only in htmx's queue; closing the page then lost it.
     */
    @Test
    void minutesTypedWhileASlowSaveIsUnderwayComeBackAfterThePageWasClosed() {
        JsonNode planned = app.bearer("voorzitter.tilburg").postJson("/api/v1/koppelzones/" + KOPPELZONE + "/meetings",
                Map.of("date", LocalDate.now(Meetings.DUTCH_TIME).plusWeeks(3).toString(), "startTime", "10:00",
                        "endTime", "11:00", "location", "Online")).json();
        long meetingId = planned.get("id").asLong();
        assertThat(planned.get("agenda")).as("the proposed agenda").isNotEmpty();
        long itemId = planned.get("agenda").get(0).get("id").asLong();
        String meetingPath = "/overleggen/" + meetingId;
        String area = "#notulen-" + itemId;
        String first = "Eerste deel van het verslag.";
        String second = " Getypt terwijl de eerste opslag onderweg was.";

        signIn("voorzitter.tilburg");
        browser.open(app.baseUrl + meetingPath);
        browser.countHtmxRequests();
        browser.slowNetwork(300, 400); // a save of these minutes takes about two seconds
        try {
            browser.find(area).sendKeys(first);
            browser.waitForHtmxRequests("sent", 1);
            browser.find(area).sendKeys(second);
            // the first save is confirmed; the second waits in the queue behind it
            browser.waitForHtmxRequests("done", 1);
            assertThat(browser.find("#opgeslagen-" + itemId).getText()).startsWith("Opgeslagen om");
            browser.open("about:blank");
        } finally {
            browser.slowNetwork(0, -1);
        }
        assertThat(savedMinutes(meetingId, itemId)).as("the server got only the first save").isEqualTo(first);

        browser.open(app.baseUrl + meetingPath);
        assertThat(browser.find(area).getDomProperty("value")).as("the minutes after reopening").isEqualTo(first + second);
        // the restored text is saved, and then its local copy goes
        String key = "afsprakenwiki:notulen:overleg-" + meetingId + "-punt-" + itemId;
        browser.waitFor(d -> browser.script("return window.localStorage.getItem(arguments[0])", key) == null ? true : null);
        assertThat(savedMinutes(meetingId, itemId)).isEqualTo(first + second);

        // a save that fails says so instead of leaving "Opgeslagen" in place, and is tried again
        String third = " Getypt zonder netwerk.";
        String status = "#opgeslagen-" + itemId;
        browser.offline();
        try {
            browser.find(area).sendKeys(third);
            browser.waitFor(d -> browser.find(status).getText().startsWith("Niet opgeslagen: de server is niet bereikt.") ? true : null);
        } finally {
            browser.slowNetwork(0, -1);
        }
        browser.waitFor(d -> browser.find(status).getText().startsWith("Opgeslagen om") ? true : null);
        assertThat(savedMinutes(meetingId, itemId)).isEqualTo(first + second + third);
        browser.waitFor(d -> browser.script("return window.localStorage.getItem(arguments[0])", key) == null ? true : null);
        // the save sent while offline failed in the browser's console, as intended
        browser.discardConsole();
    }

    private String savedMinutes(long meetingId, long itemId) {
        JsonNode agenda = app.bearer("voorzitter.tilburg").get("/api/v1/meetings/" + meetingId).json().get("agenda");
        return java.util.stream.StreamSupport.stream(agenda.spliterator(), false)
                .filter(item -> item.get("id").asLong() == itemId).findFirst().orElseThrow().get("minutes").asText();
    }

    /**
     * A praktijkexpert reports a waardelek with the keyboard only (issue 18): from the koppelzone page
     * to the list, an error beside the field that keeps what was typed, then the report; the next
     * meeting proposes it and the voorzitter moves it on. axe-core checks each page.
     */
    @Test
    void aPraktijkexpertReportsAWaardelekByKeyboardAndTheNextMeetingProposesIt() {
        signIn("expert.tilburg");
        browser.open(app.baseUrl + "/koppelzones/" + KOPPELZONE);
        String leaksLink = "main a[href='/koppelzones/" + KOPPELZONE + "/waardelekken']";
        assertThat(browser.find(leaksLink).getText()).isEqualTo("Waardelekken");
        browser.find(leaksLink).sendKeys(org.openqa.selenium.Keys.ENTER);
        browser.waitFor(d -> browser.find("h1").getText().equals("Waardelekken in Koppelzone Jeugd Tilburg") ? true : null);
        browser.assertAccessible("waardelekken list");

        String title = "Terugmelding na crisisinterventie ontbreekt (browsertest)";
        browser.find("#party-wijkteam-tilburg").sendKeys(org.openqa.selenium.Keys.SPACE);
        browser.find("#moment").sendKeys("crisis");
        browser.find("#title").sendKeys(title);
        browser.find("#frequency").sendKeys("maandelijks");
        // one party only and no description: the errors stand beside the fields, the typed title stays
        browser.find("#title").sendKeys(org.openqa.selenium.Keys.ENTER);
        browser.waitFor(d -> browser.findAll("#parties-error").isEmpty() ? null : true);
        assertThat(browser.find("#parties-error").getText()).contains("Kies twee of meer partijen");
        assertThat(browser.find("#description-error").getText()).contains("Vul dit veld in.");
        assertThat(browser.find("#title").getDomProperty("value")).isEqualTo(title);
        assertThat(browser.find("#party-wijkteam-tilburg").isSelected()).isTrue();
        // the 422 of the refused form is logged by the browser, as intended
        browser.discardConsole();
        browser.assertAccessible("waardelekken form with errors");

        browser.find("#party-ggz-jeugd-brabant-midden").sendKeys(org.openqa.selenium.Keys.SPACE);
        browser.find("#description").sendKeys("Na een crisisinterventie hoort het wijkteam niet dat het gezin is gezien.");
        browser.find("#title").sendKeys(org.openqa.selenium.Keys.ENTER);
        browser.waitFor(d -> browser.driver.getCurrentUrl().contains("melding=gemeld") ? true : null);
        assertThat(pageNotice()).isEqualTo("Het waardelek is gemeld.");
        assertThat(browser.find("h1").getText()).isEqualTo("Waardelek: " + title);
        assertThat(browser.find("dl.facts").getText()).contains("Gesignaleerd").contains("Wijkteam Tilburg")
                .contains("GGZ Jeugd Brabant-Midden").contains("crisis").contains("maandelijks");
        browser.assertAccessible("waardelek page (praktijkexpert)");
        long leakId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll("^.*/waardelekken/(\\d+).*$", "$1"));

        // the next meeting proposes it and it becomes geagendeerd
        TestApp.Response planned = app.bearer("voorzitter.tilburg").postJson("/api/v1/koppelzones/" + KOPPELZONE + "/meetings",
                Map.of("date", LocalDate.now(Meetings.DUTCH_TIME).plusDays(20).toString(), "startTime", "14:00",
                        "endTime", "15:30"));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        assertThat(planned.json().get("agenda").toString()).contains(title);
        assertThat(app.bearer("expert.tilburg").get("/api/v1/leaks/" + leakId).json().get("status").asText())
                .isEqualTo("geagendeerd");

        // the voorzitter's forms on the leak's page pass axe too, and work by keyboard
        signIn("voorzitter.tilburg");
        browser.open(app.baseUrl + "/waardelekken/" + leakId);
        assertThat(browser.find("#besluiten").getText()).isEqualTo("Status en afspraken (voorzitter)");
        browser.assertAccessible("waardelek page (voorzitter)");
        browser.find("#status").sendKeys("In behandeling");
        browser.find("form[action='/waardelekken/" + leakId + "/status'] button[type='submit']")
                .sendKeys(org.openqa.selenium.Keys.ENTER);
        browser.waitFor(d -> browser.driver.getCurrentUrl().contains("melding=opgeslagen") ? true : null);
        assertThat(browser.find("dl.facts").getText()).contains("In behandeling");
        assertThat(browser.find("ol.history").getText()).contains("status gewijzigd — In behandeling");
        browser.assertAccessible("waardelek page after a status change");

    }
}
