package nl.afsprakenwiki.notifications;

import nl.afsprakenwiki.web.Translations;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What a mail says in each language, how its HTML is escaped, and how long the sender waits between attempts. */
class LetterTest {

    private final Translations translations = new Translations();

    private Letter request(String language, String title) {
        return Letter.in(translations.of(language), "mail.endorsementRequested.subject", title)
                .paragraph("mail.greeting", "Bea <b>")
                .paragraph("mail.endorsementRequested.body", title, "Koppelzone Jeugd Tilburg", "Tilburg", 3)
                .action("mail.endorsementRequested.action", "https://wiki.example.nl/ter-bekrachtiging?a=1&b=2")
                .footer("mail.footer").build();
    }

    @Test
    void dutchIsTheDefaultAndEnglishIsWrittenForThoseWhoChoseIt() {
        Letter dutch = request(Translations.DUTCH, "Warme overdracht");
        Letter english = request(Translations.ENGLISH, "Warme overdracht");

        assertThat(dutch.subject()).isEqualTo("Ter bekrachtiging: Warme overdracht");
        assertThat(dutch.text()).startsWith("Beste Bea <b>,\n\n").contains("revisie 3").contains("Naar Ter bekrachtiging:\n");
        assertThat(dutch.html()).startsWith("<!DOCTYPE html>\n<html lang=\"nl\">");
        assertThat(english.subject()).isEqualTo("Awaiting endorsement: Warme overdracht");
        assertThat(english.text()).startsWith("Dear Bea <b>,").contains("(revision 3)");
        assertThat(english.html()).contains("<html lang=\"en\">");
    }

    @Test
    void everyTextInTheHtmlPartIsEscapedAndTheLinkIsAnAttributeThatCannotBreakOut() {
        Letter letter = request(Translations.DUTCH, "A & B <script>alert('x')</script> \"quoted\"");

        assertThat(letter.html()).doesNotContain("<script>").doesNotContain("<b>")
                .contains("A &amp; B &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;quoted&quot;")
                .contains("Beste Bea &lt;b&gt;,")
                .contains("<a href=\"https://wiki.example.nl/ter-bekrachtiging?a=1&amp;b=2\">Naar Ter bekrachtiging</a>");
        assertThat(letter.text()).contains("A & B <script>alert('x')</script>")
                .contains("https://wiki.example.nl/ter-bekrachtiging?a=1&b=2");
    }

    @Test
    void aSubjectIsAlwaysOneLineSoItCannotAddHeaders() {
        Letter letter = request(Translations.DUTCH, "Titel\r\nBcc: iemand@example.org");

        assertThat(letter.subject()).isEqualTo("Ter bekrachtiging: Titel Bcc: iemand@example.org").doesNotContain("\n");
    }

    @Test
    void theWaitBetweenAttemptsDoublesFromTheFirstRetryUpToTheLongest() {
        MailSettings settings = MailSettings.local(2525, "wiki@example.nl")
                .withRetries(Duration.ofSeconds(30), Duration.ofHours(2), 16);
        OutboxSender sender = new OutboxSender(null, null, settings, null, Clock.systemUTC(), false);

        assertThat(sender.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(sender.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(sender.backoff(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(sender.backoff(9)).isEqualTo(Duration.ofHours(2));
        assertThat(sender.backoff(15)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aFailureReasonIsOneLineWithItsCauseAndNeverLongerThanTheColumnAllows() {
        Exception failure = new Exception("Couldn't connect to host\r\n port 25", new java.net.ConnectException("Connection refused"));

        assertThat(OutboxSender.reason(failure)).isEqualTo("Exception: Couldn't connect to host port 25 (Connection refused)");
        assertThat(OutboxSender.reason(new Exception("x".repeat(2_000)))).hasSize(500);
    }
}
