package nl.afsprakenwiki.notifications;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.following.Followed;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.meetings.MeetingRecords.Meeting;
import nl.afsprakenwiki.meetings.Meetings;
import nl.afsprakenwiki.testing.MailServer;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who gets what (issue 15, items 3 and 4): every event enqueues its mail for exactly the right people,
 * in the event's transaction, and nobody else; the mails arrive through a real SMTP server (GreenMail).
 * Who got a kind of mail is read from the outbox rows (committed with the event); what a mail says and
 * carries is read from GreenMail.
 */
class NotificationEventsTest {

    private static final String BASE = MailServer.BASE;

    @TempDir
    Path dir;
    private final MailServer mail = new MailServer();
    private GreenMail greenMail;
    private TestApp app;
    private String zone;

    @BeforeEach
    void start() {
        greenMail = mail.start();
        app = TestApp.start(mail.wiki(dir.resolve("data")));
        zone = app.koppelzone("Koppelzone Jeugd Mailstad", "Mailstad");
        app.member(zone, "marieke", Role.PRAKTIJKEXPERT, "jeugdhulp-de-brug-mailstad");
        app.member(zone, "piet", Role.PRAKTIJKEXPERT, "wijkteam-mailstad");
        app.member(zone, "vera", Role.VOORZITTER, "wijkteam-mailstad");
        app.member(zone, "wim", Role.MANAGER, "wijkteam-mailstad");
        app.member(zone, "bea", Role.MANAGER, "jeugdhulp-de-brug-mailstad");
        app.member(zone, "huub", Role.MANAGER, "huisartsen-mailstad");
        app.member(zone, "lotte", Role.LEZER, "wijkteam-mailstad");
    }

    @AfterEach
    void stop() {
        app.close();
        mail.stop();
    }

    @Test
    void aDeclineASupersededRoundAndTheEndorsementReachTheirPeopleOnly() throws Exception {
        long id = agreement("marieke", "Terugbellen binnen 5 dagen");
        propose("marieke", id, 1);
        assertThat(decide("bea", id, 1, "endorse", null)).isEqualTo(200);
        assertThat(decide("wim", id, 1, "decline", "Vijf dagen is voor ons team niet haalbaar.")).isEqualTo(200);

        // the proposer and the voorzitter, not the other members, not the managers
        assertThat(to(NotificationKind.DECLINED)).containsExactly("marieke", "vera");
        MimeMessage declined = await("vera@test.invalid", "Afgewezen: Terugbellen binnen 5 dagen");
        assertThat(text(declined)).contains("Wijkteam").contains("Vijf dagen is voor ons team niet haalbaar.")
                .contains(BASE + "/afspraken/" + id).doesNotContain("marieke").doesNotContain("Test wim");

        edit("marieke", id, "Terugbellen binnen 7 dagen");
        propose("marieke", id, 2);
        // the managers of both organisations that decided on revision 1; not huub, whose party is not in it
        assertThat(to(NotificationKind.ROUND_SUPERSEDED)).containsExactly("wim", "bea");
        // ... instead of a second request: one mail per person for one proposal
        assertThat(to(NotificationKind.ENDORSEMENT_REQUESTED)).as("the requests of revision 1 only").containsExactly("wim", "bea");
        MimeMessage superseded = await("bea@test.invalid", "Opnieuw voorgesteld: Terugbellen binnen 7 dagen");
        assertThat(text(superseded)).contains("revisie 1").contains("(2)").contains(BASE + "/ter-bekrachtiging");

        // vera also follows the koppelzone: she gets one mail for the endorsement, not two
        follow("vera", Followed.Kind.KOPPELZONE, zone);
        assertThat(decide("bea", id, 2, "endorse", null)).isEqualTo(200);
        assertThat(decide("wim", id, 2, "endorse", null)).isEqualTo(200);
        assertThat(to(NotificationKind.ENDORSED)).containsExactly("marieke", "vera");
        assertThat(to(NotificationKind.FOLLOWED)).isEmpty();
        assertThat(text(await("marieke@test.invalid", "Bekrachtigd: Terugbellen binnen 7 dagen")))
                .contains("revisie 2").contains(BASE + "/afspraken/" + id);
    }

    @Test
    void aFollowerFromAnotherMunicipalityIsToldOfANewPublicRevisionAndARetirementButNeverOfADraft() throws Exception {
        long id = agreement("marieke", "Warme overdracht");
        endorse(id, 1);
        String elsewhere = app.koppelzone("Koppelzone Jeugd Anderstad", "Anderstad");
        app.member(elsewhere, "olga", Role.PRAKTIJKEXPERT, "wijkteam-anderstad");
        follow("olga", Followed.Kind.AGREEMENT, String.valueOf(id));

        edit("marieke", id, "Warme overdracht met een gesprek");
        propose("marieke", id, 2);
        assertThat(to(NotificationKind.FOLLOWED)).as("a new draft revision and its proposal are not public").isEmpty();

        endorse(id, 2);
        assertThat(to(NotificationKind.FOLLOWED)).containsExactly("olga");
        MimeMessage told = await("olga@test.invalid", "Nieuwe versie bekrachtigd: Warme overdracht met een gesprek");
        assertThat(text(told)).contains("Koppelzone Jeugd Mailstad (Mailstad)").contains("revisie 2")
                .contains(BASE + "/afspraken/" + id).contains("volgt")
                .doesNotContain("marieke").doesNotContain("Test vera");

        var retired = app.bearer("vera").postJson("/api/v1/agreements/" + id + "/retire", Map.of("reason", "Opgenomen in een andere afspraak"));
        assertThat(retired.status()).as(retired.body()).isLessThan(300);
        assertThat(to(NotificationKind.FOLLOWED)).containsExactly("olga", "olga");
        assertThat(text(await("olga@test.invalid", "Vervallen: Warme overdracht met een gesprek")))
                .contains(BASE + "/koppelzones/" + zone);
        app.awaitOutboxDelivered();
        assertThat(received("olga@test.invalid")).hasSize(2);
    }

    @Test
    void anAdopterHearsOfANewSourceRevisionAndTheSourceOfAProposalFromAnAdopter() throws Exception {
        long source = agreement("marieke", "Terugbellen");
        endorse(source, 1);
        String beestad = app.koppelzone("Koppelzone Jeugd Beestad", "Beestad");
        app.member(beestad, "bert", Role.PRAKTIJKEXPERT, "wijkteam-beestad");
        app.member(beestad, "bo", Role.VOORZITTER, "wijkteam-beestad");
        app.member(beestad, "bas", Role.MANAGER, "wijkteam-beestad");
        var adopted = app.bearer("bert").postJson("/api/v1/agreements/" + source + "/adopt", Map.of("koppelzone", beestad));
        assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);
        long copy = adopted.json().get("id").asLong();

        edit("bert", copy, "Terugbellen, ook in de avond");
        var proposal = app.bearer("bert").postJson("/api/v1/agreements/" + copy + "/source-proposals", Map.of("note", "graag"));
        assertThat(proposal.status()).as(proposal.body()).isLessThan(300);
        // the source koppelzone's praktijkexperts and voorzitter
        assertThat(to(NotificationKind.SOURCE_PROPOSAL)).containsExactly("marieke", "piet", "vera");
        assertThat(text(await("vera@test.invalid", "Voorstel aan de bron: Terugbellen")))
                .contains("Koppelzone Jeugd Beestad").contains(BASE + "/afspraken/" + source + "/bronvoorstellen");

        edit("marieke", source, "Terugbellen binnen 5 dagen");
        propose("marieke", source, 2);
        assertThat(to(NotificationKind.SOURCE_UPDATED)).isEmpty();
        endorse(source, 2);
        // the adopting koppelzone's praktijkexperts and voorzitter, not its manager
        assertThat(to(NotificationKind.SOURCE_UPDATED)).containsExactly("bert", "bo");
        assertThat(text(await("bo@test.invalid", "Nieuwe versie van de bron: Terugbellen binnen 5 dagen")))
                .contains(BASE + "/afspraken/" + source + "/vergelijk?van=1&naar=2")
                .contains(BASE + "/afspraken/" + copy + "/bron-bijwerken");
    }

    @Test
    void theMembersOfANewlyJoinedPartyAreToldWhatTheyMustTakeNoteOf() throws Exception {
        long id = agreement("marieke", "Terugbellen");
        endorse(id, 1);
        app.koppelzone("Koppelzone Jeugd Anderstad", "Anderstad");
        app.member(zone, "anna", Role.LEZER, "wijkteam-anderstad");
        Viewer chair = viewer("vera");
        Koppelzone koppelzone = app.services.koppelzones().bySlug(zone).orElseThrow();

        app.services.koppelzoneAdmin().setParty(koppelzone.id(), "wijkteam-anderstad", LocalDate.now(Meetings.DUTCH_TIME),
                chair.author());

        assertThat(to(NotificationKind.TAKE_NOTE)).containsExactly("anna");
        assertThat(text(await("anna@test.invalid", "Kennisnemen van afspraken in Koppelzone Jeugd Mailstad")))
                .contains("1 bekrachtigde afspraak").contains(BASE + "/koppelzones/" + zone + "/kennisname");
    }

    @Test
    void inviteesGetTheIcsThatAMoveUpdatesAndACancellationOrAnUninvitationCancelsAndAnOwnerHearsOfTheActionItem() throws Exception {
        Koppelzone koppelzone = app.services.koppelzones().bySlug(zone).orElseThrow();
        Viewer chair = viewer("vera");
        String date = LocalDate.now(Meetings.DUTCH_TIME).plusDays(10).toString();
        Meeting planned = app.services.meetings().plan(koppelzone,
                new Meetings.Plan(date, "10:00", "12:00", "Stadhuis", List.of("piet", "wim")), chair);
        assertThat(to(NotificationKind.MEETING)).containsExactly("piet", "wim");
        VEvent invitation = event(ics(await("piet@test.invalid", "Uitnodiging: overleg Koppelzone Jeugd Mailstad")));

        String later = LocalDate.now(Meetings.DUTCH_TIME).plusDays(12).toString();
        // moved, and wim no longer invited, lotte now
        app.services.meetings().change(planned.id(), new Meetings.Plan(later, "13:30", "15:00", "Online",
                List.of("piet", "lotte")), chair);
        Calendar movedIcs = ics(await("piet@test.invalid", "Gewijzigd: overleg Koppelzone Jeugd Mailstad"));
        VEvent moved = event(movedIcs);
        assertThat(movedIcs.getProperty(Property.METHOD).getValue()).isEqualTo("REQUEST");
        assertThat(uid(moved)).isEqualTo(uid(invitation));
        assertThat(sequence(moved)).isGreaterThan(sequence(invitation));
        Calendar dropped = ics(await("wim@test.invalid", "Niet meer uitgenodigd: overleg Koppelzone Jeugd Mailstad"));
        assertThat(dropped.getProperty(Property.METHOD).getValue()).isEqualTo("CANCEL");
        assertThat(uid(event(dropped))).isEqualTo(uid(invitation));
        assertThat(sequence(event(dropped))).isEqualTo(sequence(moved));
        assertThat(event(ics(await("lotte@test.invalid", "Gewijzigd: overleg")))
                .getProperty(Property.LOCATION).getValue()).isEqualTo("Online");

        app.services.meetings().cancel(planned.id(), "De voorzitter is ziek.", chair);
        MimeMessage cancelMail = await("lotte@test.invalid", "Geannuleerd: overleg Koppelzone Jeugd Mailstad");
        assertThat(text(cancelMail)).contains("De voorzitter is ziek.").contains(BASE + "/overleggen/" + planned.id());
        Calendar cancelled = ics(cancelMail);
        assertThat(cancelled.getProperty(Property.METHOD).getValue()).isEqualTo("CANCEL");
        assertThat(uid(event(cancelled))).isEqualTo(uid(invitation));
        assertThat(sequence(event(cancelled))).isGreaterThan(sequence(moved));
        assertThat(to(NotificationKind.MEETING)).containsExactly("piet", "piet", "piet", "wim", "wim", "lotte", "lotte");

        Meeting next = app.services.meetings().plan(koppelzone,
                new Meetings.Plan(LocalDate.now(Meetings.DUTCH_TIME).toString(), "00:00", "23:59", "", List.of("piet")), chair);
        app.services.meetingRecording().addAction(next.id(), "Stroomschema rondsturen", "lotte", "2031-01-31");
        assertThat(to(NotificationKind.ACTION_ITEM)).containsExactly("lotte");
        assertThat(text(await("lotte@test.invalid", "Actiepunt voor u: Stroomschema rondsturen")))
                .contains(BASE + "/overleggen/" + next.id());
    }

    // --- helpers ----------------------------------------------------------------------------------

    private long agreement(String by, String title) {
        var created = app.bearer(by).postJson("/api/v1/koppelzones/" + zone + "/agreements", Map.of("title", title,
                "body", "Het team belt de verwijzer terug.", "parties", List.of("wijkteam-mailstad", "jeugdhulp-de-brug-mailstad")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private void edit(String by, long id, String title) {
        var client = app.bearer(by);
        int current = client.get("/api/v1/agreements/" + id).json().get("currentRevision").asInt();
        var saved = client.putJson("/api/v1/agreements/" + id, Map.of("title", title,
                "body", "Het team belt de verwijzer terug, " + title + ".", "baseRevision", current, "summary", "bijgewerkt"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    private void propose(String by, long id, int revision) {
        var proposed = app.bearer(by).postJson("/api/v1/agreements/" + id + "/proposals", Map.of("revision", revision));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
    }

    private int decide(String manager, long id, int revision, String decision, String remark) {
        Map<String, Object> body = new HashMap<>(Map.of("revision", revision, "decision", decision));
        if (remark != null) {
            body.put("remark", remark);
        }
        var response = app.bearer(manager).postJson("/api/v1/agreements/" + id + "/endorsements", body);
        assertThat(response.status()).as(response.body()).isLessThan(300);
        return response.status();
    }

    /** Proposes {@code revision} (when not proposed yet) and lets both parties endorse it. */
    private void endorse(long id, int revision) {
        if (!app.bearer("marieke").get("/api/v1/agreements/" + id).body().contains("ter_bekrachtiging")) {
            propose("marieke", id, revision);
        }
        decide("bea", id, revision, "endorse", null);
        decide("wim", id, revision, "endorse", null);
    }

    private void follow(String username, Followed.Kind kind, String key) {
        app.services.follows().follow(viewer(username), kind, key);
    }

    private Viewer viewer(String username) {
        return app.services.accounts().viewer(username).orElseThrow();
    }

    /** The usernames the outbox holds a mail of {@code kind} for, in order of account and event. */
    private List<String> to(NotificationKind kind) {
        return app.db.read(handle -> handle.createQuery("""
                        SELECT a.username FROM outbox o JOIN account a ON a.id = o.account_id
                        WHERE o.kind = :kind ORDER BY a.id, o.id
                        """).bind("kind", kind.code()).mapTo(String.class).list());
    }

    private List<MimeMessage> received(String address) throws Exception {
        List<MimeMessage> mine = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                mine.add(message);
            }
        }
        return mine;
    }

    /** Waits for the mail to {@code address} whose subject starts with {@code subject}. */
    private MimeMessage await(String address, String subject) throws Exception {
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            for (MimeMessage message : received(address)) {
                if (message.getSubject().startsWith(subject)) {
                    return message;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail to " + address + " about " + subject);
    }

    private static String text(MimeMessage message) throws Exception {
        return part(message, "text/plain");
    }

    private static Calendar ics(MimeMessage message) throws Exception {
        return new CalendarBuilder().build(new StringReader(part(message, "text/calendar")));
    }

    /** The first part of {@code type}, searched through nested multiparts. */
    private static String part(MimeMessage message, String type) throws Exception {
        String found = part((Multipart) message.getContent(), type);
        assertThat(found).as("a " + type + " part").isNotNull();
        return found;
    }

    private static String part(Multipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                String found = part(nested, type);
                if (found != null) {
                    return found;
                }
            } else if (part.isMimeType(type)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                part.getDataHandler().writeTo(out);
                return out.toString(StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static VEvent event(Calendar calendar) {
        return (VEvent) calendar.getComponent(Component.VEVENT);
    }

    private static String uid(VEvent event) {
        return event.getProperty(Property.UID).getValue();
    }

    private static int sequence(VEvent event) {
        return Integer.parseInt(event.getProperty(Property.SEQUENCE).getValue());
    }
}
