package nl.afsprakenwiki.meetings;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** The meeting pages through real HTTP: forms with CSRF, Dutch messages, autosaved minutes, the record. */
class MeetingPagesTest {

    @TempDir
    Path dir;
    private TestApp app;
    private String zone;
    private TestApp.Client chair;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        zone = app.koppelzone("Koppelzone Jeugd Teststad", "Teststad");
        app.member(zone, "vera", Role.VOORZITTER, "wijkteam-teststad");
        app.member(zone, "lea", Role.LEZER);
        chair = app.signIn("vera");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void anInvalidPlanComesBackWithMessagesAndWhatWasTyped() {
        String csrf = chair.csrfToken("/koppelzones/" + zone + "/overleggen/nieuw");
        Response bad = chair.postForm("/koppelzones/" + zone + "/overleggen", List.of(entry("csrf", csrf),
                entry("date", "2030-03-12"), entry("startTime", "16:00"), entry("endTime", "14:00"),
                entry("location", "Zaal <3>")));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"endTime-error\"").contains("De eindtijd moet na de begintijd liggen.")
                .contains("value=\"Zaal &lt;3>\"").contains("value=\"2030-03-12\"");
        assertThat(app.bearer("vera").get("/api/v1/koppelzones/" + zone + "/meetings").json().get("total").asInt()).isZero();
        assertThat(app.signIn("lea").get("/koppelzones/" + zone + "/overleggen/nieuw").status()).isEqualTo(403);
    }

    @Test
    void minutesAreSavedWhileTypingAndTheClosedRecordIsReadableAndExportable() {
        String csrf = chair.csrfToken("/koppelzones/" + zone + "/overleggen/nieuw");
        // a meeting held in the past, recorded afterwards: only a meeting that has started can be closed
        Response planned = chair.postForm("/koppelzones/" + zone + "/overleggen", List.of(entry("csrf", csrf),
                entry("date", "2020-03-12"), entry("startTime", "14:00"), entry("endTime", "16:00"), entry("location", "Zaal 3")));
        assertThat(planned.status()).as(planned.body()).isEqualTo(302);
        String meeting = planned.header("Location").replaceAll("\\?.*", "");
        Response topic = chair.postForm(meeting + "/agenda", List.of(entry("csrf", csrf), entry("topic", "Wachttijden")));
        assertThat(topic.status()).isEqualTo(302);
        long item = app.bearer("vera").get("/api/v1/meetings/" + meeting.replace("/overleggen/", "")).json()
                .get("agenda").get(0).get("id").asLong();

        Response saved = chair.send("POST", meeting + "/agenda/" + item + "/notulen", "application/x-www-form-urlencoded",
                "minutes=**Afgesproken**%3A+de+wachttijd+wordt+elke+maand+gedeeld.",
                Map.of("X-CSRF-Token", csrf, "HX-Request", "true", "X-Draft-Seq", "1764892800123"));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body()).contains("Opgeslagen om");
        // the browser drops its local copy only for the text the server echoes it has stored
        assertThat(saved.header("X-Draft-Seq")).isEqualTo("1764892800123");
        assertThat(chair.get(meeting).body()).contains("data-draft=\"notulen:overleg-" + meeting.replace("/overleggen/", "")
                + "-punt-" + item + "\"");
        TestApp.Client reader = app.signIn("lea");
        Response refused = reader.send("POST", meeting + "/agenda/" + item + "/notulen", "application/x-www-form-urlencoded",
                "minutes=Niet+van+mij", Map.of("X-CSRF-Token", reader.csrfToken(meeting), "HX-Request", "true",
                        "X-Draft-Seq", "1764892800999"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("X-Draft-Seq")).as("nothing stored, nothing confirmed").isNull();

        Response emptyTopic = chair.postForm(meeting + "/agenda", List.of(entry("csrf", csrf), entry("topic", " ")));
        assertThat(emptyTopic.status()).isEqualTo(422);
        assertThat(emptyTopic.body()).contains("id=\"topic-error\"").contains("Vul een onderwerp in");

        TestApp.Client lea = app.signIn("lea");
        assertThat(lea.postForm(meeting + "/sluiten", List.of(entry("csrf", lea.csrfToken(meeting)))).status()).isEqualTo(403);
        assertThat(chair.get(meeting).body()).as("the minutes box is large").contains("name=\"minutes\" rows=\"12\"")
                .contains("Ik wil dit overleg sluiten");
        Response unconfirmed = chair.postForm(meeting + "/sluiten", List.of(entry("csrf", csrf)));
        assertThat(unconfirmed.status()).as("closing asks for confirmation").isEqualTo(422);
        assertThat(unconfirmed.body()).contains("id=\"bevestig-error\"").contains("Vink aan dat u dit overleg wilt sluiten.");
        assertThat(app.bearer("vera").get("/api/v1/meetings/" + meeting.replace("/overleggen/", "")).json().get("status").asText())
                .isEqualTo("gepland");
        assertThat(chair.postForm(meeting + "/sluiten", List.of(entry("csrf", csrf), entry("bevestig", "ja"))).status())
                .isEqualTo(302);
        assertThat(chair.postForm(meeting + "/agenda", List.of(entry("csrf", csrf), entry("topic", "Te laat"))).status())
                .isEqualTo(409);

        String record = lea.get(meeting).body();
        assertThat(record).contains("<strong>Afgesproken</strong>").contains("Wachttijden").doesNotContain("<textarea")
                .doesNotContain("Overleg sluiten");
        Response markdown = lea.get(meeting + "/verslag.md");
        assertThat(markdown.header("Content-Type")).startsWith("text/markdown");
        assertThat(markdown.body()).contains("# Overleg Koppelzone Jeugd Teststad, 12 maart 2020").contains("### 1. Wachttijden")
                .contains("**Afgesproken**: de wachttijd wordt elke maand gedeeld.").contains("- Plaats: Zaal 3");
    }

    @Test
    void theMeetingsTitleItsProposedAgendaAndItsCalendarAreInTheReadersLanguageAndTheRecordFileInDutch() {
        long overdue = app.agreement("Koppelzone Jeugd Teststad", "Teststad", "warme-overdracht", "Warme overdracht",
                "bekrachtigd");
        app.db.write(handle -> handle.execute("UPDATE agreement SET review_date = '2020-04-01' WHERE id = ?", overdue));
        String csrf = chair.csrfToken("/koppelzones/" + zone + "/overleggen/nieuw");
        String meeting = chair.postForm("/koppelzones/" + zone + "/overleggen", List.of(entry("csrf", csrf),
                entry("date", "2030-03-12"), entry("startTime", "14:00"), entry("endTime", "16:00"))).header("Location")
                .replaceAll("\\?.*", "");

        assertThat(chair.get(meeting).body()).contains("Overleg Koppelzone Jeugd Teststad, 12 maart 2030")
                .contains("Herzieningsdatum 1 april 2020 is verstreken");
        assertThat(chair.get(meeting + "/uitnodiging.ics").body()).contains("SUMMARY:Overleg Koppelzone Jeugd Teststad\\, 12 maart 2030");
        chair.get("/taal/en?terug=/");
        assertThat(chair.get(meeting).body()).contains("Meeting Koppelzone Jeugd Teststad, 12 March 2030")
                .contains("Review date 1 April 2020 has passed").doesNotContain("maart").doesNotContain("verstreken");
        assertThat(chair.get(meeting + "/uitnodiging.ics").body()).contains("SUMMARY:Meeting Koppelzone Jeugd Teststad\\, 12 March 2030")
                .doesNotContain("maart");
        assertThat(chair.get(meeting + "/verslag.md").body()).contains("# Overleg Koppelzone Jeugd Teststad, 12 maart 2030")
                .contains("*Herzieningsdatum 1 april 2020 is verstreken*");
    }
}
