package nl.afsprakenwiki.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Koppelzone meetings through the JSON API and the .ics download, with the real app and lifecycle. */
class MeetingApiTest {

    @TempDir
    Path dir;
    private TestApp app;
    private String zone;
    private TestApp.Client chair;
    private TestApp.Client expert;
    private long waiting;
    private long overdue;
    private long draft;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        zone = app.koppelzone("Koppelzone Jeugd Teststad", "Teststad");
        chair = app.bearer(app.member(zone, "vera", Role.VOORZITTER, "wijkteam-teststad"));
        expert = app.bearer(app.member(zone, "marieke", Role.PRAKTIJKEXPERT, "jeugdhulp-de-brug-teststad"));
        waiting = create("Terugbellen na aanmelding");
        assertThat(expert.postJson("/api/v1/agreements/" + waiting + "/proposals", Map.of("revision", 1)).status()).isEqualTo(201);
        overdue = app.agreement("Koppelzone Jeugd Teststad", "Teststad", "warme-overdracht", "Warme overdracht", "bekrachtigd");
        app.db.write(handle -> handle.execute("UPDATE agreement SET review_date = '2020-01-01' WHERE id = ?", overdue));
        draft = create("Samen naar de huisarts");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private long create(String title) {
        Response created = expert.postJson("/api/v1/koppelzones/" + zone + "/agreements", Map.of("title", title,
                "body", "Tekst van " + title + ".", "parties", List.of("wijkteam-teststad", "jeugdhulp-de-brug-teststad")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private JsonNode plan() {
        return plan("2030-03-12");
    }

    private JsonNode plan(String date) {
        Response planned = chair.postJson("/api/v1/koppelzones/" + zone + "/meetings", Map.of("date", date,
                "startTime", "14:00", "endTime", "16:00", "location", "Stadskantoor, zaal 3; of via Teams"));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        return planned.json();
    }

    @Test
    void thePlannedAgendaHasTheRevisionAwaitingEndorsementAndTheAgreementPastItsReviewDate() {
        JsonNode meeting = plan();
        JsonNode agenda = meeting.get("agenda");
        assertThat(agenda.toString()).contains("\"kind\":\"bekrachtiging\"").contains("\"agreement\":" + waiting)
                .contains("\"kind\":\"onderhoud\"").contains("\"agreement\":" + overdue);
        JsonNode endorsementItem = java.util.stream.StreamSupport.stream(agenda.spliterator(), false)
                .filter(item -> item.get("kind").asText().equals("bekrachtiging")).findFirst().orElseThrow();
        assertThat(endorsementItem.get("revision").asInt()).isEqualTo(1);
        assertThat(endorsementItem.get("detail").asText()).contains("Wacht op").contains("Wijkteam Teststad");
        assertThat(meeting.get("invitees")).hasSize(2);
    }

    @Test
    void theDecisionVastgesteldProposesThatRevisionAndTheHistoryNamesTheMeeting() {
        long meeting = plan().get("id").asLong();
        Response added = chair.send("POST", "/overleggen/" + meeting + "/agenda", "application/x-www-form-urlencoded",
                "agreement=" + draft);
        assertThat(added.status()).as("pages need a session; the API adds items only through planning").isIn(401, 302, 403, 404);
        // the chair adds the draft through the page with a login session
        TestApp.Client page = app.signIn("vera");
        String csrf = page.csrfToken("/overleggen/" + meeting);
        assertThat(page.postForm("/overleggen/" + meeting + "/agenda", List.of(Map.entry("csrf", csrf),
                Map.entry("agreement", String.valueOf(draft)))).status()).isEqualTo(302);
        JsonNode record = chair.get("/api/v1/meetings/" + meeting).json();
        long item = java.util.stream.StreamSupport.stream(record.get("agenda").spliterator(), false)
                .filter(entry -> entry.get("agreement").asLong() == draft).findFirst().orElseThrow().get("id").asLong();

        Response decided = chair.postJson("/api/v1/meetings/" + meeting + "/decisions", Map.of("item", item,
                "decision", "vastgesteld", "note", "Praktijkexperts zijn het eens."));
        assertThat(decided.status()).as(decided.body()).isEqualTo(201);
        assertThat(decided.json().get("revision").asInt()).isEqualTo(1);
        JsonNode agreement = expert.get("/api/v1/agreements/" + draft).json();
        assertThat(agreement.get("status").asText()).isEqualTo("ter_bekrachtiging");
        assertThat(agreement.get("proposedRevision").asInt()).isEqualTo(1);
        JsonNode round = expert.get("/api/v1/agreements/" + draft + "/endorsements").json().get("rounds").get(0);
        assertThat(round.get("proposedBy").asText()).contains("overleg 12-3-2030");
        assertThat(app.signIn("marieke").get("/afspraken/" + draft + "/geschiedenis").body())
                .contains("Besproken in het overleg van 12 maart 2030").contains("/overleggen/" + meeting);
        assertThat(app.signIn("marieke").get("/afspraken/" + draft).body()).as("the meetings panel of the agreement page")
                .contains("Besproken in overleggen").contains("Praktijkexperts zijn het eens.").contains("revisie 1");

        Response herziening = chair.postJson("/api/v1/meetings/" + meeting + "/decisions", Map.of("item", item,
                "decision", "herziening", "reviewDate", LocalDate.now().plusMonths(6).toString()));
        assertThat(herziening.status()).isEqualTo(201);
        assertThat(expert.get("/api/v1/agreements/" + draft).json().get("reviewDate").asText())
                .isEqualTo(LocalDate.now().plusMonths(6).toString());
    }

    @Test
    void onlyTheChairPlansRunsAndClosesMembersReadAndOthersGet404() {
        Response byExpert = expert.postJson("/api/v1/koppelzones/" + zone + "/meetings", Map.of("date", "2030-03-12",
                "startTime", "14:00", "endTime", "16:00"));
        assertThat(byExpert.status()).isEqualTo(403);
        // held yesterday: a meeting is closed only once it has started
        long meeting = plan(LocalDate.now().minusDays(1).toString()).get("id").asLong();
        assertThat(expert.get("/api/v1/meetings/" + meeting).status()).isEqualTo(200);
        assertThat(expert.postJson("/api/v1/meetings/" + meeting + "/close", Map.of()).status()).isEqualTo(403);
        assertThat(expert.postJson("/api/v1/meetings/" + meeting + "/action-items", Map.of("description", "x", "owner", "vera"))
                .status()).isEqualTo(403);

        String other = app.koppelzone("Koppelzone Jeugd Anderstad", "Anderstad");
        TestApp.Client outsider = app.bearer(app.member(other, "otto", Role.VOORZITTER));
        assertThat(outsider.get("/api/v1/meetings/" + meeting).status()).isEqualTo(404);
        assertThat(outsider.postJson("/api/v1/meetings/" + meeting + "/close", Map.of()).status()).isEqualTo(404);
        assertThat(app.newBrowser().get("/overleggen/" + meeting).status()).isEqualTo(404);
        assertThat(app.signIn("otto").get("/overleggen/" + meeting + "/uitnodiging.ics").status()).isEqualTo(404);

        Response action = chair.postJson("/api/v1/meetings/" + meeting + "/action-items", Map.of("description",
                "Terugbelnorm navragen bij de huisartsen", "owner", "marieke", "due", "2030-04-01"));
        assertThat(action.status()).as(action.body()).isEqualTo(201);
        Response badAction = chair.postJson("/api/v1/meetings/" + meeting + "/action-items", Map.of("description", ""));
        assertThat(badAction.status()).isEqualTo(400);
        assertThat(badAction.json().get("errors").has("description")).isTrue();
        assertThat(badAction.json().get("errors").has("owner")).isTrue();

        Response closed = chair.postJson("/api/v1/meetings/" + meeting + "/close", Map.of());
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.json().get("status").asText()).isEqualTo("gesloten");
        assertThat(chair.postJson("/api/v1/meetings/" + meeting + "/close", Map.of()).status()).isEqualTo(409);
        assertThat(expert.get("/api/v1/meetings/" + meeting).json().get("actionItems").get(0).get("owner").asText())
                .isEqualTo("Test marieke");
        assertThat(app.signIn("marieke").get("/mijn-overzicht").body()).contains("Terugbelnorm navragen bij de huisartsen");
    }

    @Test
    void theIcsDownloadIsValidICalendar() throws Exception {
        long meeting = plan().get("id").asLong();
        Response ics = app.signIn("marieke").get("/overleggen/" + meeting + "/uitnodiging.ics");
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.header("Content-Type")).startsWith("text/calendar");
        assertThat(ics.body()).contains("\r\n");
        var calendar = new CalendarBuilder().build(new StringReader(ics.body()));
        calendar.validate();
        VEvent event = (VEvent) calendar.getComponent(Component.VEVENT);
        assertThat(event.getSummary().getValue()).isEqualTo("Overleg Koppelzone Jeugd Teststad, 12 maart 2030");
        assertThat(event.getLocation().getValue()).isEqualTo("Stadskantoor, zaal 3; of via Teams");
        assertThat(event.getStartDate().getDate().toInstant()).isEqualTo(java.time.Instant.parse("2030-03-12T13:00:00Z"));
        assertThat(event.getEndDate().getDate().toInstant()).isEqualTo(java.time.Instant.parse("2030-03-12T15:00:00Z"));
        assertThat(event.getDescription().getValue()).contains("Agenda:").contains("Terugbellen na aanmelding");
        assertThat(event.getUid().getValue()).startsWith("overleg-" + meeting + "@");
    }
}
