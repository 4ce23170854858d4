package nl.afsprakenwiki.notifications;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.testing.MailServer;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox end to end with a real SMTP server (GreenMail) on a local port: who gets the request to
 * endorse, what it says, and that an SMTP server that is down delays mail without losing or doubling it.
 */
public class MailNotificationTest {

    static final String BASE = MailServer.BASE;
    static final String TITLE = "Terugbellen <binnen> 5 dagen & \"warm\"";

    @TempDir
    Path dir;
    private final MailServer mail = new MailServer();
    private GreenMail greenMail;
    private TestApp app;
    private String koppelzone;
    private long agreement;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        mail.stop();
    }

    private void startMailServer() {
        greenMail = mail.start();
    }

    /** The wiki with mail to the local port, and a koppelzone whose agreement has two of its three parties. */
    private void startWiki(MailSettings mail) {
        app = TestApp.start(Settings.forTests(dir.resolve("data")).withMail(mail, BASE));
        koppelzone = app.koppelzone("Koppelzone Jeugd Mailstad", "Mailstad");
        app.member(koppelzone, "marieke", Role.PRAKTIJKEXPERT, "jeugdhulp-de-brug-mailstad");
        app.member(koppelzone, "vera", Role.VOORZITTER, "wijkteam-mailstad");
        app.member(koppelzone, "wim", Role.MANAGER, "wijkteam-mailstad");
        app.member(koppelzone, "wendy", Role.MANAGER, "wijkteam-mailstad");
        app.member(koppelzone, "bea", Role.MANAGER, "jeugdhulp-de-brug-mailstad");
        // a manager of the third party, which is not a party to this agreement
        app.member(koppelzone, "huub", Role.MANAGER, "huisartsen-mailstad");
        // a manager of a party organisation, but in another koppelzone
        String elsewhere = app.koppelzone("Koppelzone Jeugd Anderstad", "Anderstad");
        app.member(elsewhere, "otto", Role.MANAGER, "wijkteam-mailstad");
        agreement = app.bearer("marieke").postJson("/api/v1/koppelzones/" + koppelzone + "/agreements", Map.of(
                "title", TITLE, "body", "Het wijkteam belt terug.",
                "parties", List.of("wijkteam-mailstad", "jeugdhulp-de-brug-mailstad"))).json().get("id").asLong();
    }

    private void propose() {
        TestApp.Response proposed = app.bearer("marieke").postJson("/api/v1/agreements/" + agreement + "/proposals",
                Map.of("revision", 1));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    }

    @Test
    void proposingSendsOneMailToEachUndecidedManagerOfEachPartyWithALinkToTheInboxAndNoneToAnyoneElse() throws Exception {
        startMailServer();
        startWiki(mail.settings());

        propose();

        assertThat(greenMail.waitForIncomingEmail(10_000, 3)).isTrue();
        app.awaitOutboxDelivered(); // a fourth would have come by now
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(recipients(received)).containsExactlyInAnyOrder("wim@test.invalid", "wendy@test.invalid", "bea@test.invalid");
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Ter bekrachtiging: " + TITLE);
        assertThat(mail.getFrom()[0].toString()).isEqualTo("wiki@afspraken.example.nl");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        String text = part(parts, "text/plain");
        String html = part(parts, "text/html");
        assertThat(text).contains("Beste Test ").contains(TITLE).contains("Koppelzone Jeugd Mailstad (Mailstad)")
                .contains("revisie 1").contains(BASE + "/ter-bekrachtiging");
        assertThat(html).contains("Terugbellen &lt;binnen&gt; 5 dagen &amp; &quot;warm&quot;")
                .contains("<a href=\"" + BASE + "/ter-bekrachtiging\">").doesNotContain("<binnen>");
        // nothing about anyone but the recipient: not who proposed it
        for (MimeMessage each : received) {
            String all = part((MimeMultipart) each.getContent(), "text/plain") + part((MimeMultipart) each.getContent(), "text/html");
            assertThat(all).doesNotContain("marieke").doesNotContain("Test marieke");
        }
        assertThat(count("sent")).isEqualTo(3);
    }

    @Test
    void aManagerWhoChoseEnglishWithTheLanguageSwitchGetsTheMailInEnglish() throws Exception {
        startMailServer();
        startWiki(mail.settings());
        TestApp.Response switched = app.signIn("wendy").get("/taal/en");
        assertThat(switched.status()).isIn(302, 303);

        propose();

        assertThat(greenMail.waitForIncomingEmail(10_000, 3)).isTrue();
        Map<String, String> subjects = new java.util.HashMap<>();
        for (MimeMessage mail : greenMail.getReceivedMessages()) {
            subjects.put(recipients(new MimeMessage[] {mail}).get(0), mail.getSubject());
        }
        assertThat(subjects).containsEntry("wendy@test.invalid", "Awaiting endorsement: " + TITLE)
                .containsEntry("wim@test.invalid", "Ter bekrachtiging: " + TITLE);
    }

    @Test
    void theSameEventEnqueuedTwiceForOnePersonStaysOneMail() {
        startWiki(mail.settings());
        Outbox outbox = app.services.outbox();
        long wim = app.services.accounts().viewer("wim").orElseThrow().accountId();
        Outbox.Recipient recipient = new Outbox.Recipient(wim, "Wim", "wim@test.invalid", "nl");
        Letter letter = Letter.in(outbox.texts("nl"), "mail.test.subject").paragraph("mail.test.body", "x").build();

        boolean first = app.db.write(handle -> outbox.enqueue(handle, "round:99:proposed", "test", recipient, letter));
        boolean again = app.db.write(handle -> outbox.enqueue(handle, "round:99:proposed", "test", recipient, letter));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        int rows = app.db.read(handle -> handle.createQuery("SELECT count(*) FROM outbox WHERE event_key = 'round:99:proposed'")
                .mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void aMailEnqueuedInATransactionThatRollsBackDoesNotExist() throws Exception {
        startMailServer();
        startWiki(mail.settings());
        Outbox outbox = app.services.outbox();
        long wim = app.services.accounts().viewer("wim").orElseThrow().accountId();
        Letter letter = Letter.in(outbox.texts("nl"), "mail.test.subject").paragraph("mail.test.body", "x").build();

        try {
            app.db.write(handle -> {
                outbox.enqueue(handle, "event:rolled-back", "test", new Outbox.Recipient(wim, "Wim", "wim@test.invalid", "nl"),
                        letter);
                throw new IllegalStateException("the event fails after its mail was enqueued");
            });
        } catch (IllegalStateException expected) {
            // the whole transaction is gone, the mail with it
        }

        int rows = app.db.read(handle -> handle.createQuery("SELECT count(*) FROM outbox").mapTo(Integer.class).one());
        assertThat(rows).isZero();
        // a mail committed after it goes out, and alone: the sender ran after the rollback and had nothing else
        app.db.write(handle -> outbox.enqueue(handle, "event:committed", "test",
                new Outbox.Recipient(wim, "Wim", "wim@test.invalid", "nl"), letter));
        app.awaitOutboxDelivered();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        long committed = app.db.read(handle -> handle.createQuery("SELECT id FROM outbox WHERE event_key = 'event:committed'")
                .mapTo(Long.class).one());
        assertThat(outboxId(greenMail.getReceivedMessages()[0])).isEqualTo(String.valueOf(committed));
    }

    @Test
    void whileTheMailServerIsDownMailWaitsWithItsReasonOnTheAdminPageAndArrivesOnceWhenItIsBack() throws Exception {
        startWiki(mail.settings());
        app.admin("beheerder");

        propose();

        await(() -> failedAttempts() >= 3, "every mail failed at least once");
        String page = app.signIn("beheerder").get("/beheer").body();
        assertThat(page).contains("127.0.0.1:" + mail.port).contains("Laatste mislukte pogingen")
                .contains("wordt opnieuw geprobeerd om").contains("Verzoek om bekrachtiging").contains("wim@test.invalid");
        assertThat(page).containsPattern("id=\"mail-queued\">3<").containsPattern("id=\"mail-sent\">0<");
        assertThat(page).containsIgnoringCase("connect");
        assertThat(actions()).contains("mail.failing").doesNotContain("mail.recovered");

        startMailServer();

        assertThat(greenMail.waitForIncomingEmail(10_000, 3)).isTrue();
        await(() -> count("sent") == 3, "all three marked sent");
        app.awaitOutboxDelivered();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(recipients(received)).containsExactlyInAnyOrder("wim@test.invalid", "wendy@test.invalid", "bea@test.invalid");
        assertThat(Arrays.stream(received).map(MailNotificationTest::outboxId).distinct()).hasSize(3);
        assertThat(actions()).contains("mail.recovered");
        assertThat(app.signIn("beheerder").get("/beheer").body()).containsPattern("id=\"mail-sent\">3<")
                .doesNotContain("Laatste mislukte pogingen");
    }

    @Test
    void aMailIsGivenUpAfterItsLastAttemptAndTheBeheerderReadsWhyOnThePageAndInTheAuditLog() {
        startWiki(mail.settings()
                .withRetries(Duration.ofMillis(20), Duration.ofMillis(20), 2));
        app.admin("beheerder");

        propose();

        await(() -> count("failed") == 3, "all three given up");
        String page = app.signIn("beheerder").get("/beheer").body();
        assertThat(page).containsPattern("id=\"mail-failed\">3<").contains("opgegeven");
        assertThat(actions()).contains("mail.gaveUp");
        String audit = app.signIn("beheerder").get("/beheer/audit").body();
        assertThat(audit).contains("E-mail opgegeven");
    }

    @Test
    void theBeheerderSendsATestMessageToTheirOwnAddressThroughTheOutbox() throws Exception {
        startMailServer();
        startWiki(mail.settings());
        app.admin("beheerder");
        TestApp.Client beheerder = app.signIn("beheerder");
        String page = beheerder.get("/beheer").body();
        assertThat(page).contains("action=\"/beheer/testbericht\"").contains("wiki@afspraken.example.nl")
                .contains("geen (gewone SMTP)");

        TestApp.Response sent = beheerder.submit("/beheer", "/beheer/testbericht", List.of());

        assertThat(sent.status()).isEqualTo(302);
        assertThat(sent.header("Location")).isEqualTo("/beheer?melding=testbericht#e-mail");
        assertThat(beheerder.get("/beheer?melding=testbericht").body()).contains("Het testbericht staat klaar");
        assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = greenMail.getReceivedMessages()[0];
        assertThat(recipients(new MimeMessage[] {mail})).containsExactly("beheerder@test.invalid");
        assertThat(mail.getSubject()).isEqualTo("Testbericht van de Afsprakenwiki");
        assertThat(actions()).contains("mail.test");

        TestApp.Response noCsrf = beheerder.postForm("/beheer/testbericht", List.of(entry("x", "y")));
        assertThat(noCsrf.status()).isEqualTo(403);
        app.member(koppelzone, "kees", Role.VOORZITTER, "wijkteam-mailstad");
        TestApp.Client voorzitter = app.signIn("kees");
        TestApp.Response refused = voorzitter.submit("/profiel", "/beheer/testbericht", List.of());
        assertThat(refused.status()).isEqualTo(403);
        app.awaitOutboxDelivered();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void withoutAnSmtpHostTheAdminPageSaysMailIsOffAndNothingIsQueued() {
        app = TestApp.start(dir.resolve("data"));
        koppelzone = app.koppelzone("Koppelzone Jeugd Mailstad", "Mailstad");
        app.member(koppelzone, "marieke", Role.PRAKTIJKEXPERT, "jeugdhulp-de-brug-mailstad");
        app.member(koppelzone, "wim", Role.MANAGER, "wijkteam-mailstad");
        agreement = app.bearer("marieke").postJson("/api/v1/koppelzones/" + koppelzone + "/agreements", Map.of(
                "title", TITLE, "body", "Tekst.", "parties", List.of("wijkteam-mailstad"))).json().get("id").asLong();
        app.admin("beheerder");

        propose();

        int rows = app.db.read(handle -> handle.createQuery("SELECT count(*) FROM outbox").mapTo(Integer.class).one());
        assertThat(rows).isZero();
        TestApp.Client beheerder = app.signIn("beheerder");
        assertThat(beheerder.get("/beheer").body()).contains("E-mail staat uit").doesNotContain("action=\"/beheer/testbericht\"");
        TestApp.Response refused = beheerder.submit("/beheer", "/beheer/testbericht", List.of());
        assertThat(refused.header("Location")).isEqualTo("/beheer?melding=mail-uit#e-mail");
        assertThat(beheerder.get("/beheer?melding=mail-uit").body()).contains("notice warning")
                .contains("Er is geen testbericht verstuurd: e-mail staat uit.");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private int count(String state) {
        return app.db.read(handle -> handle.createQuery("SELECT count(*) FROM outbox WHERE state = :state")
                .bind("state", state).mapTo(Integer.class).one());
    }

    private int failedAttempts() {
        return app.db.read(handle -> handle.createQuery(
                "SELECT count(*) FROM outbox WHERE state = 'queued' AND attempts > 0 AND last_error IS NOT NULL")
                .mapTo(Integer.class).one());
    }

    private List<String> actions() {
        return app.services.audit().search(new AuditLog.Filter(null, null, null, null, null), 500, 0).stream()
                .map(AuditLog.Event::action).toList();
    }

    public static List<String> recipients(MimeMessage[] messages) throws Exception {
        List<String> recipients = new java.util.ArrayList<>();
        for (MimeMessage message : messages) {
            for (Address address : message.getRecipients(Message.RecipientType.TO)) {
                recipients.add(address.toString());
            }
        }
        return recipients;
    }

    public static String outboxId(MimeMessage message) {
        try {
            return message.getHeader("X-Afsprakenwiki-Outbox")[0];
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String part(MimeMultipart parts, String type) throws Exception {
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
