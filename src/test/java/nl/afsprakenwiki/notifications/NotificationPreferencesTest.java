package nl.afsprakenwiki.notifications;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.MailServer;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each person's mail preferences with a real SMTP server (GreenMail): the profile form and the API,
 * off and all off suppress, the digest collects and the daily run sends one mail with every item, and
 * the one-click unsubscribe link stops one kind for one person without a login.
 */
class NotificationPreferencesTest {

    private static final String BASE = MailServer.BASE;
    /** Monday 2 March 2026, 06:00 in Amsterdam: before the daily run's hour. */
    private static final Instant EARLY = Instant.parse("2026-03-02T05:00:00Z");

    @TempDir
    Path dir;
    private final MailServer mail = new MailServer();
    private final TestClock clock = new TestClock(EARLY);
    private GreenMail greenMail;
    private TestApp app;
    private String koppelzone;
    private long agreement;

    @BeforeEach
    void start() {
        greenMail = mail.start();
        app = TestApp.start(mail.wiki(dir.resolve("data")), clock);
        koppelzone = app.koppelzone("Koppelzone Jeugd Kiesstad", "Kiesstad");
        app.member(koppelzone, "marieke", Role.PRAKTIJKEXPERT, "jeugdhulp-de-brug-kiesstad");
        app.member(koppelzone, "wim", Role.MANAGER, "wijkteam-kiesstad");
        app.member(koppelzone, "wendy", Role.MANAGER, "wijkteam-kiesstad");
        app.member(koppelzone, "bea", Role.MANAGER, "jeugdhulp-de-brug-kiesstad");
        agreement = app.bearer("marieke").postJson("/api/v1/koppelzones/" + koppelzone + "/agreements", Map.of(
                "title", "Terugbellen binnen vijf dagen", "body", "Het wijkteam belt terug.",
                "parties", List.of("wijkteam-kiesstad", "jeugdhulp-de-brug-kiesstad"))).json().get("id").asLong();
    }

    @AfterEach
    void stop() {
        app.close();
        mail.stop();
    }

    private void propose() {
        TestApp.Response proposed = app.bearer("marieke").postJson("/api/v1/agreements/" + agreement + "/proposals",
                Map.of("revision", 1));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    }

    @Test
    void theProfileFormAndTheApiSetPreferencesAndRefuseWhatDoesNotExist() {
        TestApp.Client wim = app.signIn("wim");
        String profile = wim.get("/profiel").body();
        assertThat(profile).contains("id=\"meldingen\"").contains("<legend>Herziening</legend>")
                .contains("name=\"soort.review.due\" value=\"digest\"\n                 checked")
                .contains("De herzieningsdatum van een afspraak in uw koppelzone");

        TestApp.Response saved = wim.submit("/profiel", "/profiel/meldingen", List.of(
                entry("soort.review.due", "off"), entry("soort.meeting.invitation", "digest")));
        assertThat(saved.status()).isIn(302, 303);
        assertThat(saved.header("Location")).isEqualTo("/profiel?melding=meldingen#meldingen");
        assertThat(wim.get("/profiel?melding=meldingen").body()).contains("Uw e-mailmeldingen zijn opgeslagen.");

        TestApp.Client api = app.bearer("wim");
        var now = api.get("/api/v1/me/notifications").json();
        assertThat(now.get("off").asBoolean()).isFalse();
        assertThat(now.at("/kinds/review.due").asText()).isEqualTo("off");
        assertThat(now.at("/kinds/meeting.invitation").asText()).isEqualTo("digest");
        assertThat(now.at("/kinds/endorsement.requested").asText()).isEqualTo("immediately");
        assertThat(now.get("kinds").has("test")).isFalse();

        var changed = api.putJson("/api/v1/me/notifications", Map.of("off", true, "kinds", Map.of("review.due", "digest")));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("off").asBoolean()).isTrue();
        assertThat(changed.json().at("/kinds/review.due").asText()).isEqualTo("digest");
        // kinds not named keep their choice
        assertThat(changed.json().at("/kinds/meeting.invitation").asText()).isEqualTo("digest");
        // and without "off" the global switch stays as it is
        var kindOnly = api.putJson("/api/v1/me/notifications", Map.of("kinds", Map.of("follow.changed", "off"))).json();
        assertThat(kindOnly.get("off").asBoolean()).isTrue();
        assertThat(kindOnly.at("/kinds/follow.changed").asText()).isEqualTo("off");

        TestApp.Response unknownKind = api.putJson("/api/v1/me/notifications", Map.of("kinds", Map.of("nieuwsbrief", "off")));
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknownKind.json().get("detail").asText()).contains("'nieuwsbrief'").contains("review.due");
        TestApp.Response badValue = api.putJson("/api/v1/me/notifications", Map.of("kinds", Map.of("review.due", "weekly")));
        assertThat(badValue.status()).isEqualTo(400);
        assertThat(badValue.json().get("detail").asText()).contains("kinds.review.due").contains("'weekly'")
                .contains("immediately, digest, off");
        assertThat(api.putJson("/api/v1/me/notifications", Map.of("kinds", Map.of("test", "off"))).status()).isEqualTo(400);
        assertThat(api.putJson("/api/v1/me/notifications", Map.of("off", "ja")).json().get("detail").asText()).contains("off");
        assertThat(api.putJson("/api/v1/me/notifications", Map.of("uit", true)).json().get("detail").asText()).contains("'uit'");
        // nothing of a refused request was stored
        assertThat(api.get("/api/v1/me/notifications").json().at("/kinds/review.due").asText()).isEqualTo("digest");
        assertThat(app.get("/api/v1/me/notifications").status()).isEqualTo(401);
        assertThat(app.newBrowser().get("/profiel").status()).isIn(302, 303);
    }

    @Test
    void offAndAllOffSuppressDigestCollectsAndTheDailyRunSendsOneMailWithEveryItem() throws Exception {
        app.bearer("bea").putJson("/api/v1/me/notifications", Map.of("kinds", Map.of("endorsement.requested", "off")));
        app.bearer("wendy").putJson("/api/v1/me/notifications", Map.of("off", true));
        app.bearer("wim").putJson("/api/v1/me/notifications", Map.of("kinds", Map.of("endorsement.requested", "digest",
                "follow.changed", "digest")));
        // a second item for wim's digest, of another kind, with its own link
        Outbox outbox = app.services.outbox();
        long wim = app.services.accounts().viewer("wim").orElseThrow().accountId();
        Letter followed = Letter.in(outbox.texts("nl"), "mail.test.subject").paragraph("mail.test.body", "x")
                .action("mail.test.action", BASE + "/afspraken/77").build();
        assertThat((boolean) app.db.write(handle -> outbox.enqueue(handle, "follow:77:1", NotificationKind.FOLLOWED.code(),
                new Outbox.Recipient(wim, "Wim", "wim@test.invalid", "nl"), followed))).isTrue();

        propose();

        // bea turned this kind off, wendy all mail, wim wants it in the digest: nobody gets a mail now
        app.awaitOutboxDelivered();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(count("SELECT count(*) FROM outbox")).isZero();
        assertThat(count("SELECT count(*) FROM digest_item WHERE account_id = " + wim)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM digest_item WHERE account_id <> " + wim)).isZero();

        // the run of the day, once its hour has come
        assertThat(app.services.daily().runDue()).isEmpty();
        clock.advance(Duration.ofMinutes(90));
        assertThat(app.services.daily().runDue()).contains(LocalDate.of(2026, 3, 2));
        assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
        app.awaitOutboxDelivered();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage digest = received[0];
        assertThat(digest.getAllRecipients()[0].toString()).isEqualTo("wim@test.invalid");
        assertThat(digest.getSubject()).isEqualTo("Dagelijks overzicht van de Afsprakenwiki, 2 maart 2026");
        String text = part(digest, "text/plain");
        String html = part(digest, "text/html");
        assertThat(text).contains("zijn er 2 meldingen").contains("Ter bekrachtiging: Terugbellen binnen vijf dagen")
                .contains(BASE + "/ter-bekrachtiging").contains("Testbericht van de Afsprakenwiki").contains(BASE + "/afspraken/77")
                .contains(BASE + "/profiel#meldingen");
        assertThat(html).contains("<a href=\"" + BASE + "/ter-bekrachtiging\">Ter bekrachtiging: Terugbellen binnen vijf dagen</a>");
        assertThat(digest.getHeader("List-Unsubscribe")[0]).startsWith("<" + BASE + "/afmelden/");
        assertThat(count("SELECT count(*) FROM outbox WHERE event_key = 'digest:2026-03-02'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM digest_item WHERE digest_key IS NULL")).isZero();

        // the same day again sends nothing
        assertThat(app.services.daily().runDue()).isEmpty();
        app.awaitOutboxDelivered();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);

        // the beheerder's test message is no preference: it reaches wendy, who turned all mail off
        long wendy = app.services.accounts().viewer("wendy").orElseThrow().accountId();
        assertThat(outbox.sendTest(wendy, nl.afsprakenwiki.access.Author.system("test"))).isEqualTo(Outbox.TestOutcome.QUEUED);
        assertThat(greenMail.waitForIncomingEmail(10_000, 2)).isTrue();
        MimeMessage test = greenMail.getReceivedMessages()[1];
        assertThat(recipient(test)).isEqualTo("wendy@test.invalid");
        assertThat(test.getHeader("List-Unsubscribe")).isNull();
    }

    @Test
    void theUnsubscribeLinkWorksWithoutLoginAndStopsOnlyThatKindForThatPerson() throws Exception {
        propose();
        assertThat(greenMail.waitForIncomingEmail(10_000, 3)).isTrue();
        MimeMessage toBea = Arrays.stream(greenMail.getReceivedMessages())
                .filter(mail -> recipient(mail).equals("bea@test.invalid")).findFirst().orElseThrow();
        String header = toBea.getHeader("List-Unsubscribe")[0];
        assertThat(header).matches("<" + BASE + "/afmelden/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+>");
        assertThat(toBea.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String link = header.substring(1, header.length() - 1);
        assertThat(part(toBea, "text/plain")).contains(link).contains(BASE + "/profiel#meldingen");
        assertThat(part(toBea, "text/html")).contains("href=\"" + link + "\"").contains("href=\"" + BASE + "/profiel#meldingen\"");
        String path = link.substring(BASE.length());

        // a visitor without any session: the page asks, the mail client's one-click POST does it
        TestApp.Client stranger = app.newBrowser();
        TestApp.Response page = stranger.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Ter bekrachtiging").contains("method=\"post\"");
        assertThat(preference("bea", "endorsement.requested")).isEqualTo("immediately");
        TestApp.Response done = app.newBrowser().send("POST", path, "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click");
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("U bent afgemeld");
        assertThat(preference("bea", "endorsement.requested")).isEqualTo("off");
        assertThat(preference("bea", "meeting.invitation")).isEqualTo("immediately");
        assertThat(preference("wendy", "endorsement.requested")).isEqualTo("immediately");

        // the next request of that kind: wendy gets it, bea does not
        greenMail.purgeEmailFromAllMailboxes();
        Outbox outbox = app.services.outbox();
        Letter letter = Letter.in(outbox.texts("nl"), "mail.test.subject").paragraph("mail.test.body", "x").build();
        for (String name : List.of("bea", "wendy")) {
            long id = app.services.accounts().viewer(name).orElseThrow().accountId();
            app.db.write(handle -> outbox.enqueue(handle, "round:2:proposed", NotificationKind.ENDORSEMENT_REQUESTED.code(),
                    new Outbox.Recipient(id, name, name + "@test.invalid", "nl"), letter));
        }
        assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
        app.awaitOutboxDelivered();
        assertThat(Arrays.stream(greenMail.getReceivedMessages()).map(NotificationPreferencesTest::recipient))
                .containsExactly("wendy@test.invalid");

        // a changed or made-up token names nobody: 404, never 500, and nothing changes
        String tampered = path.substring(0, path.length() - 2) + (path.endsWith("AA") ? "BB" : "AA");
        assertThat(stranger.get(tampered).status()).isEqualTo(404);
        assertThat(stranger.send("POST", tampered, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").status())
                .isEqualTo(404);
        assertThat(stranger.get("/afmelden/geen-token").status()).isEqualTo(404);
        assertThat(stranger.get("/afmelden/%C3%A9.x").status()).isEqualTo(404);
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("1:" + NotificationKind.ENDORSEMENT_REQUESTED.code()).getBytes()) + path.substring(path.indexOf('.'));
        assertThat(stranger.send("POST", "/afmelden/" + forged, "application/x-www-form-urlencoded", "").status()).isEqualTo(404);
        assertThat(preference("wendy", "endorsement.requested")).isEqualTo("immediately");
    }

    private String preference(String username, String kind) {
        return app.bearer(username).get("/api/v1/me/notifications").json().at("/kinds/" + kind).asText();
    }

    private int count(String sql) {
        return app.db.read(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String part(MimeMessage mail, String type) throws Exception {
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getContentType().startsWith(type)) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }
}
