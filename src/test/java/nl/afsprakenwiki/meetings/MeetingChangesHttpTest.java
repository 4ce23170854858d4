package nl.afsprakenwiki.meetings;

import com.fasterxml.jackson.databind.JsonNode;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moving and cancelling a meeting through real HTTP: the API's answers and refusals (403, 409
 * problem+json, 400 with the field), the change page's form with CSRF and Dutch messages next to
 * the fields, the cancelled meeting as its page, list and calendar file show it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingChangesHttpTest {

    private TestApp app;
    private String zone;
    private TestApp.Client chair;
    private TestApp.Client expert;
    private int day;

    @BeforeAll
    void start(@TempDir Path dir) {
        app = TestApp.start(dir);
        zone = app.koppelzone("Koppelzone Jeugd Teststad", "Teststad");
        chair = app.bearer(app.member(zone, "vera", Role.VOORZITTER, "wijkteam-teststad"));
        expert = app.bearer(app.member(zone, "marieke", Role.PRAKTIJKEXPERT, "jeugdhulp-de-brug-teststad"));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private long plan(LocalDate date) {
        Response planned = chair.postJson("/api/v1/koppelzones/" + zone + "/meetings", Map.of("date", date.toString(),
                "startTime", "14:00", "endTime", "16:00", "location", "Zaal 3"));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        return planned.json().get("id").asLong();
    }

    private LocalDate ahead() {
        return LocalDate.now(Meetings.DUTCH_TIME).plusDays(40 + day++);
    }

    @Test
    void theApiMovesAndCancelsAndRefusesWhatIsNoLongerPossible() {
        long meeting = plan(ahead());
        String path = "/api/v1/meetings/" + meeting;
        LocalDate newDay = ahead();
        Map<String, Object> move = Map.of("date", newDay.toString(), "startTime", "09:00", "endTime", "10:30", "location", "Online");
        assertThat(expert.putJson(path, move).status()).as("not the chair").isEqualTo(403);

        Response bad = chair.putJson(path, Map.of("date", newDay.toString(), "startTime", "11:00", "endTime", "10:00"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.json().get("errors").get("endTime").asText()).isEqualTo("De eindtijd moet na de begintijd liggen.");

        Response moved = chair.putJson(path, move);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        JsonNode json = moved.json();
        assertThat(json.get("status").asText()).isEqualTo("gepland");
        assertThat(json.get("sequence").asInt()).isEqualTo(1);
        assertThat(json.get("location").asText()).isEqualTo("Online");
        assertThat(json.get("startsAt").asText()).isEqualTo(newDay.atTime(9, 0).atZone(Meetings.DUTCH_TIME).toInstant().toString());
        assertThat(json.get("previousStartsAt").asText()).endsWith("Z");
        assertThat(json.get("cancelReason").isNull()).isTrue();

        assertThat(chair.postJson(path + "/close", Map.of()).status()).as("not started").isEqualTo(409);
        Response notStarted = chair.postJson(path + "/close", Map.of());
        assertThat(notStarted.json().get("detail").asText()).isEqualTo("Dit overleg begint pas op "
                + newDay.getDayOfMonth() + "-" + newDay.getMonthValue() + "-" + newDay.getYear()
                + " 09:00; u kunt het sluiten zodra het begonnen is.");

        Response noReason = chair.postJson(path + "/cancel", Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").has("reason")).isTrue();
        assertThat(expert.postJson(path + "/cancel", Map.of("reason", "Geen zin")).status()).isEqualTo(403);

        Response cancelled = chair.postJson(path + "/cancel", Map.of("reason", "Te weinig partijen kunnen."));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("geannuleerd");
        assertThat(cancelled.json().get("cancelReason").asText()).isEqualTo("Te weinig partijen kunnen.");
        assertThat(cancelled.json().get("sequence").asInt()).isEqualTo(2);
        assertThat(expert.get("/api/v1/koppelzones/" + zone + "/meetings").body()).contains("\"status\":\"geannuleerd\"");

        for (Response refused : List.of(chair.putJson(path, move), chair.postJson(path + "/cancel", Map.of("reason", "x")),
                chair.postJson(path + "/close", Map.of()))) {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asText()).isEqualTo("Dit overleg is geannuleerd; er verandert niets meer aan.");
        }
        long past = plan(LocalDate.now(Meetings.DUTCH_TIME).minusDays(2));
        assertThat(chair.putJson("/api/v1/meetings/" + past, move).json().get("detail").asText()).startsWith("Dit overleg is al begonnen");
        assertThat(chair.postJson("/api/v1/meetings/" + past + "/close", Map.of()).status()).isEqualTo(200);
        assertThat(chair.postJson("/api/v1/meetings/" + past + "/cancel", Map.of("reason", "x")).status()).isEqualTo(409);
    }

    @Test
    void theChangePageMovesKeepsWhatWasTypedAndCancelsWithAReason() throws Exception {
        long id = plan(ahead());
        String meeting = "/overleggen/" + id;
        TestApp.Client page = app.signIn("vera");
        assertThat(page.get(meeting).body()).contains("href=\"" + meeting + "/wijzigen\"");
        assertThat(app.signIn("marieke").get(meeting + "/wijzigen").status()).isEqualTo(403);
        Response form = page.get(meeting + "/wijzigen");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"14:00\"").contains("value=\"Zaal 3\"").contains("id=\"invite-marieke\"");
        String csrf = page.csrfToken(meeting + "/wijzigen");

        LocalDate newDay = ahead();
        Response bad = page.postForm(meeting + "/wijzigen", List.of(entry("csrf", csrf), entry("date", newDay.toString()),
                entry("startTime", "16:00"), entry("endTime", "15:00"), entry("location", "Zaal <5>")));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"endTime-error\"").contains("De eindtijd moet na de begintijd liggen.")
                .contains("value=\"Zaal &lt;5>\"").contains("value=\"16:00\"");
        assertThat(page.postForm(meeting + "/wijzigen", List.of(entry("date", newDay.toString()), entry("startTime", "15:00"),
                entry("endTime", "16:00"))).status()).as("no CSRF token").isEqualTo(403);

        Response moved = page.postForm(meeting + "/wijzigen", List.of(entry("csrf", csrf), entry("date", newDay.toString()),
                entry("startTime", "15:00"), entry("endTime", "16:00"), entry("location", "Zaal 5"), entry("invitees", "marieke")));
        assertThat(moved.status()).as(moved.body()).isEqualTo(302);
        String shown = page.get(moved.header("Location")).body();
        assertThat(shown).contains("Het overleg is gewijzigd.").contains("Verplaatst").contains("eerder gepland op")
                .contains("Zaal 5").contains("Uitgenodigd: Test marieke");

        Response noReason = page.postForm(meeting + "/annuleren", List.of(entry("csrf", csrf), entry("reason", "")));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("id=\"reason-error\"").contains("Vul de reden van de annulering in");
        Response cancelled = page.postForm(meeting + "/annuleren", List.of(entry("csrf", csrf),
                entry("reason", "De zaal is niet beschikbaar.")));
        assertThat(cancelled.status()).isEqualTo(302);

        TestApp.Client member = app.signIn("marieke");
        String record = member.get(meeting).body();
        assertThat(record).contains("Geannuleerd").contains("De zaal is niet beschikbaar.").contains("id=\"agenda\"");
        assertThat(page.get(meeting).body()).as("no controls on a cancelled meeting").doesNotContain("<textarea")
                .doesNotContain("Overleg sluiten").doesNotContain(meeting + "/wijzigen");
        assertThat(member.get("/koppelzones/" + zone + "/overleggen").body()).contains("Geannuleerd");
        assertThat(member.get("/mijn-overzicht").body()).as("an invitee without mail learns it there")
                .contains("Geannuleerd: De zaal is niet beschikbaar.");
        assertThat(page.get(meeting + "/wijzigen").status()).isEqualTo(409);
        assertThat(page.postForm(meeting + "/agenda", List.of(entry("csrf", csrf), entry("topic", "Toch"))).status()).isEqualTo(409);

        Response ics = member.get(meeting + "/uitnodiging.ics");
        VEvent event = (VEvent) new CalendarBuilder().build(new StringReader(ics.body())).getComponent(Component.VEVENT);
        assertThat(ics.body()).contains("METHOD:CANCEL");
        assertThat(event.getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(event.getSequence().getSequenceNo()).isEqualTo(2);

        member.get("/taal/en?terug=/");
        assertThat(member.get(meeting).body()).contains("Cancelled").contains("The reason:").doesNotContain("Geannuleerd door");
    }
}
