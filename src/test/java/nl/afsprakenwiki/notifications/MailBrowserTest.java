package nl.afsprakenwiki.notifications;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import nl.afsprakenwiki.testing.DemoWikiBrowserTest;
import nl.afsprakenwiki.testing.MailServer;
import nl.afsprakenwiki.transfer.DemoContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless browser on the demo wiki that sends mail (issue 15): a manager receives the
 * request to endorse (read from GreenMail), follows its link and endorses in the inbox it leads to.
 */
class MailBrowserTest extends DemoWikiBrowserTest implements DemoWikiBrowserTest.SendsMail {

    private static final Pattern LINK = Pattern.compile("href=\"([^\"]+/ter-bekrachtiging)\"");
    private static GreenMail greenMail;

    /** The wiki (started by the base class, mailing to {@code smtpPort}) delivers here. */
    @BeforeAll
    static void startMailServer() {
        greenMail = new MailServer(smtpPort).start();
    }

    @AfterAll
    static void stopMailServer() {
        greenMail.stop();
    }

    @Test
    void aManagerFollowsTheLinkInTheMailAndEndorses() throws Exception {
        String title = "Terugbellen na een melding (mailtest)";
        var created = app.bearer("expert.tilburg").postJson("/api/v1/koppelzones/koppelzone-jeugd-tilburg/agreements",
                Map.of("title", title, "body", "Het wijkteam belt binnen twee werkdagen terug.",
                        "parties", List.of("ggz-jeugd-brabant-midden")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(app.bearer("expert.tilburg").postJson("/api/v1/agreements/" + id + "/proposals", Map.of("revision", 1))
                .status()).isEqualTo(201);

        assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = null;
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (message.getSubject().equals("Ter bekrachtiging: " + title)) {
                mail = message;
            }
        }
        assertThat(mail).as("the request to endorse").isNotNull();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("manager.tilburg@demo.afsprakenwiki.invalid");
        String html = (String) ((MimeMultipart) mail.getContent()).getBodyPart(1).getContent();
        Matcher link = LINK.matcher(html);
        assertThat(link.find()).as(html).isTrue();
        assertThat(link.group(1)).isEqualTo(app.baseUrl + "/ter-bekrachtiging");

        // signed out, the link leads through the login form straight back to the inbox
        browser.open(link.group(1));
        browser.find("#username").sendKeys("manager.tilburg");
        browser.find("#password").sendKeys(DemoContent.DEMO_PASSWORD);
        String form = "form[action='/afspraken/" + id + "/besluit']";
        browser.clickAndWaitFor(".login-form button[type='submit']", form);
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(app.baseUrl + "/ter-bekrachtiging");
        browser.clickAndWaitFor(form + " button[name='decision'][value='bekrachtigen']", "main div.notice[role='status']");
        assertThat(browser.find("main div.notice[role='status']").getText())
                .isEqualTo("Uw bekrachtiging is vastgelegd. Alle partijen hebben bekrachtigd: de afspraak is nu bekrachtigd en openbaar.");
        assertThat(app.newBrowser().get("/afspraken/" + id).status()).as("public once endorsed").isEqualTo(200);
    }
}
