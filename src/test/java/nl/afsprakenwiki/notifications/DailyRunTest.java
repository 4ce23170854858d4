package nl.afsprakenwiki.notifications;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily run with a clock the test moves: a day runs once, a day missed while the wiki was down is
 * caught up once after a restart, and the review and action-item reminders reach whom they concern.
 */
class DailyRunTest {

    private static final String BASE = MailServer.BASE;
    private static final String ZONE_NAME = "Koppelzone Jeugd Dagstad";
    /** Monday 2 March 2026, 07:30 in Amsterdam (CET): past the default hour of 7. */
    private static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T06:30:00Z");
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path dir;
    private final MailServer mail = new MailServer();
    private final TestClock clock = new TestClock(MONDAY_MORNING);
    private GreenMail greenMail;
    private TestApp app;

    @BeforeEach
    void startMail() {
        greenMail = mail.start();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        mail.stop();
    }

    private TestApp startWiki() {
        return TestApp.start(mail.wiki(dir.resolve("data")), clock);
    }

    @Test
    void aDayRunsOnceAndADayMissedWhileDownIsCaughtUpOnceAfterARestart() {
        // a new wiki at 07:30 starts counting from today; tomorrow's run is its first
        app = startWiki();
        assertThat(app.services.daily().runDue()).isEmpty();
        assertThat(days()).containsExactly("2026-03-02");
        clock.advance(Duration.ofDays(1));
        // the thread may have taken Tuesday already: either way, asking again never runs it twice
        app.services.daily().runDue();
        assertThat(app.services.daily().runDue()).isEmpty();
        assertThat(days()).containsExactly("2026-03-02", "2026-03-03");
        app.close();

        // down from Tuesday morning to Thursday 06:00, before the hour: Wednesday is caught up, once
        clock.set(Instant.parse("2026-03-05T05:00:00Z"));
        app = startWiki();
        app.services.daily().runDue();
        assertThat(app.services.daily().runDue()).isEmpty();
        assertThat(days()).containsExactly("2026-03-02", "2026-03-03", "2026-03-04");

        // Thursday's hour comes
        clock.advance(Duration.ofHours(2));
        assertThat(app.services.daily().runDue()).contains(LocalDate.of(2026, 3, 5));
        assertThat(app.services.daily().runDue()).isEmpty();
        assertThat(days()).containsExactly("2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05");
    }

    @Test
    void aNewWikiHasMissedNothingItsFirstRunIsAtTheNextHour() {
        clock.set(Instant.parse("2026-03-02T05:00:00Z"));
        app = startWiki();
        assertThat(app.services.daily().runDue()).isEmpty();
        assertThat(days()).containsExactly("2026-03-01");
        clock.advance(Duration.ofHours(1));
        assertThat(app.services.daily().runDue()).contains(MONDAY);
    }

    @Test
    void theChairAndExpertsHearOfAReviewDateWithin30DaysOnceAndOfAPastOneWeekly() throws Exception {
        clock.set(Instant.parse("2026-03-02T05:00:00Z"));
        app = startWiki();
        String zone = app.koppelzone(ZONE_NAME, "Dagstad");
        app.member(zone, "vera", Role.VOORZITTER, "wijkteam-dagstad");
        app.member(zone, "marieke", Role.PRAKTIJKEXPERT, "jeugdhulp-de-brug-dagstad");
        app.member(zone, "wim", Role.MANAGER, "wijkteam-dagstad");
        app.member(zone, "lotte", Role.LEZER, "wijkteam-dagstad");
        long soon = app.agreement(ZONE_NAME, "Dagstad", "terugbellen", "Terugbellen", "bekrachtigd");
        long later = app.agreement(ZONE_NAME, "Dagstad", "wachttijd", "Wachttijd", "bekrachtigd");
        setReviewDate(soon, MONDAY.plusDays(30));
        setReviewDate(later, MONDAY.plusDays(31));
        // the experts want this one at once (the default is the digest)
        for (String name : List.of("vera", "marieke")) {
            app.bearer(name).putJson("/api/v1/me/notifications", Map.of("kinds", Map.of("review.due", "immediately")));
        }

        clock.advance(Duration.ofHours(1));
        assertThat(app.services.daily().runDue()).contains(MONDAY);

        assertThat(greenMail.waitForIncomingEmail(10_000, 2)).isTrue();
        app.awaitOutboxDelivered();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(Arrays.stream(received).map(DailyRunTest::recipient))
                .containsExactlyInAnyOrder("vera@test.invalid", "marieke@test.invalid");
        assertThat(received[0].getSubject()).isEqualTo("Herziening nadert: Terugbellen (uiterlijk 1 april 2026)");
        assertThat(NotificationPreferencesTest.part(received[0], "text/plain")).contains(BASE + "/afspraken/" + soon);
        assertThat(received[0].getHeader("List-Unsubscribe")).isNotNull();

        // the next day: the 30-day reminder was sent, the other agreement's comes now
        clock.advance(Duration.ofDays(1));
        assertThat(app.services.daily().runDue()).contains(MONDAY.plusDays(1));
        assertThat(greenMail.waitForIncomingEmail(10_000, 4)).isTrue();
        app.awaitOutboxDelivered();
        assertThat(events("review:" + soon + ":%")).isEqualTo(2);
        assertThat(events("review:" + later + ":%")).isEqualTo(2);
        assertThat(greenMail.getReceivedMessages()).hasSize(4);

        // past due: once, then not again in the same week, again in the next
        clock.advance(Duration.ofDays(31)); // Friday 3 April
        app.services.daily().runDue();
        clock.advance(Duration.ofDays(1)); // Saturday, same ISO week
        app.services.daily().runDue();
        assertThat(events("review:" + soon + ":%:overdue:%")).isEqualTo(2);
        clock.advance(Duration.ofDays(2)); // Monday, the next week
        app.services.daily().runDue();
        assertThat(events("review:" + soon + ":%:overdue:%")).isEqualTo(4);
        // both agreements are past due by then: two people, two weeks each
        assertThat(events("review:" + later + ":%:overdue:%")).isEqualTo(4);
        assertThat(events("review:%")).isEqualTo(4 + 4 + 4);
    }

    @Test
    void anActionItemsOwnerHearsTwoDaysBeforeItIsDue() throws Exception {
        clock.set(Instant.parse("2026-03-02T05:00:00Z"));
        app = startWiki();
        String zone = app.koppelzone(ZONE_NAME, "Dagstad");
        app.member(zone, "vera", Role.VOORZITTER, "wijkteam-dagstad");
        app.member(zone, "marieke", Role.PRAKTIJKEXPERT, "jeugdhulp-de-brug-dagstad");
        TestApp.Client chair = app.bearer("vera");
        TestApp.Response planned = chair.postJson("/api/v1/koppelzones/" + zone + "/meetings", Map.of(
                "date", "2026-02-27", "startTime", "10:00", "endTime", "11:00"));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        long meeting = planned.json().get("id").asLong();
        for (Map.Entry<String, String> item : Map.of("Terugbelnorm navragen", "2026-03-04",
                "Folder herschrijven", "2026-03-05").entrySet()) {
            TestApp.Response added = chair.postJson("/api/v1/meetings/" + meeting + "/action-items", Map.of(
                    "description", item.getKey(), "owner", "marieke", "due", item.getValue()));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
        }
        // the invitation and the assignments are mailed at once; they are not this test's subject
        app.awaitOutboxDelivered();
        greenMail.purgeEmailFromAllMailboxes();

        clock.advance(Duration.ofHours(1));
        assertThat(app.services.daily().runDue()).contains(MONDAY);
        assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
        app.awaitOutboxDelivered();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(recipient(received[0])).isEqualTo("marieke@test.invalid");
        assertThat(received[0].getSubject()).isEqualTo("Actiepunt bijna verlopen: Terugbelnorm navragen (uiterlijk 4 maart 2026)");
        assertThat(NotificationPreferencesTest.part(received[0], "text/plain")).contains(BASE + "/overleggen/" + meeting);

        // a day later the other one is two days away; the first is not repeated
        clock.advance(Duration.ofDays(1));
        app.services.daily().runDue();
        assertThat(greenMail.waitForIncomingEmail(10_000, 2)).isTrue();
        app.awaitOutboxDelivered();
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
        assertThat(greenMail.getReceivedMessages()[1].getSubject()).startsWith("Actiepunt bijna verlopen: Folder herschrijven");
        assertThat(events("action:%:due:%")).as("the reminders; the assignments have keys of their own").isEqualTo(2);
    }

    private void setReviewDate(long agreement, LocalDate date) {
        TestApp.Response set = app.bearer("vera").putJson("/api/v1/agreements/" + agreement + "/review-date",
                Map.of("reviewDate", date.toString()));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    private List<String> days() {
        return app.db.read(handle -> handle.createQuery("SELECT day FROM daily_run ORDER BY day").mapTo(String.class).list());
    }

    private int events(String pattern) {
        return app.db.read(handle -> handle.createQuery("SELECT (SELECT count(*) FROM outbox WHERE event_key LIKE :p)"
                + " + (SELECT count(*) FROM digest_item WHERE event_key LIKE :p)").bind("p", pattern).mapTo(Integer.class).one());
    }

    private static String recipient(MimeMessage mail) {
        try {
            return mail.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
