package nl.afsprakenwiki.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 with the definition of done ("invalid forms keep what the user typed"): a text form refused for
 * another reason than personal data (a field error, a tick reason over 300 characters) still shows the
 * findings of what was typed with the writer's ticks and tick reason, on every form that screens a text;
 * with the other error fixed, the same post saves.
 */
class TicksKeptTest {

    /** Passes the elfproef. */
    private static final String BSN = "111222333";
    private static final String WITH_BSN = "Voorbeeld voor de training: BSN " + BSN + " (verzonnen).";
    private static final String WHY = "verzonnen voorbeeld voor de training";
    private static final String TOO_LONG_WHY = "x".repeat(Screening.MAX_REASON + 1);
    private static final String ZONE = "Koppelzone Jeugd Vinkstad";

    @TempDir
    static Path dir;
    static TestApp app;
    static String zone;
    static long published;
    static String fingerprint;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        zone = app.koppelzone(ZONE, "Vinkstad");
        published = app.agreement(ZONE, "Vinkstad", "warme-overdracht", "Warme overdracht", "bekrachtigd");
        app.member(zone, "vera", Role.VOORZITTER, "wijkteam-vinkstad");
        app.member(zone, "marieke", Role.PRAKTIJKEXPERT, "jeugdhulp-de-brug-vinkstad");
        app.member(zone, "wim", Role.MANAGER, "wijkteam-vinkstad");
        app.member(zone, "bea", Role.MANAGER, "jeugdhulp-de-brug-vinkstad");
        // the same data has the same fingerprint in any text
        fingerprint = app.bearer("marieke").postJson("/api/v1/agreements/" + published + "/comments",
                Map.of("text", WITH_BSN)).json().at("/findings/0/fingerprint").asText();
        assertThat(fingerprint).isNotBlank();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** The refused page: the BSN found, its checkbox still ticked, the tick reason kept. */
    private static void ticksKept(Response refused, String reason) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("<mark>" + BSN + "</mark>")
                .containsPattern(Pattern.compile("name=\"acceptedFindings\" value=\"" + fingerprint + "\" id=\"[a-z0-9-]+\" checked"))
                .contains("name=\"acceptanceReason\" type=\"text\" value=\"" + reason + "\"");
    }

    /** The form fields with the BSN ticked and {@code reason} as the tick reason. */
    private static List<Map.Entry<String, String>> ticked(String reason, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        all.add(entry("acceptedFindings", fingerprint));
        all.add(entry("acceptanceReason", reason));
        return all;
    }

    // --- comments ----------------------------------------------------------------------------------

    @Test
    void aCommentRefusedForABadNumberOrATooLongTickReasonKeepsTheTick() {
        TestApp.Client page = app.signIn("marieke");
        String agreement = "/afspraken/" + published;
        Response badNumber = page.submit(agreement, agreement + "/discussie",
                ticked(WHY, List.of(entry("text", WITH_BSN), entry("revision", "twee"))));
        ticksKept(badNumber, WHY);
        assertThat(badNumber.body()).contains(WITH_BSN);

        Response longReason = page.submit(agreement, agreement + "/discussie",
                ticked(TOO_LONG_WHY, List.of(entry("text", WITH_BSN))));
        ticksKept(longReason, TOO_LONG_WHY);
        assertThat(longReason.body()).contains(WITH_BSN, "300");

        Response saved = page.submit(agreement, agreement + "/discussie", ticked(WHY, List.of(entry("text", WITH_BSN))));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(saved.header("Location")).contains("melding=opmerking-geplaatst");
    }

    // --- waardelekken --------------------------------------------------------------------------------

    @Test
    void aLeakReportWithTooFewPartiesKeepsTheTickedExampleAndSavesOnceFixed() {
        TestApp.Client web = app.signIn("marieke");
        String page = "/koppelzones/" + zone + "/waardelekken";
        List<Map.Entry<String, String>> typed = List.of(entry("moment", "aanmelding"),
                entry("title", "Niemand belt terug"), entry("description", "Na de aanmelding hoort het gezin niets."),
                entry("frequency", "maandelijks"), entry("example", WITH_BSN));
        List<Map.Entry<String, String>> oneParty = new ArrayList<>(typed);
        oneParty.add(entry("parties", "wijkteam-vinkstad"));
        Response refused = web.submit(page, page, ticked(WHY, oneParty));
        ticksKept(refused, WHY);
        assertThat(refused.body()).contains("Kies twee of meer partijen", "Niemand belt terug", WITH_BSN);

        List<Map.Entry<String, String>> twoParties = new ArrayList<>(oneParty);
        twoParties.add(entry("parties", "jeugdhulp-de-brug-vinkstad"));
        Response saved = web.submit(page, page, ticked(WHY, twoParties));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(saved.header("Location")).startsWith("/waardelekken/");
    }

    @Test
    void aLeakCommentAndAStatusReasonKeepTheTickOnAnotherRefusal() {
        long leak = leak("Wachtlijst zonder overbrugging", "Geen hulp tijdens de wachttijd.");
        TestApp.Client web = app.signIn("vera");
        String page = "/waardelekken/" + leak;
        Response comment = web.submit(page, page + "/opmerkingen", ticked(TOO_LONG_WHY, List.of(entry("body", WITH_BSN))));
        ticksKept(comment, TOO_LONG_WHY);
        assertThat(comment.body()).contains(WITH_BSN);
        Response commented = web.submit(page, page + "/opmerkingen", ticked(WHY, List.of(entry("body", WITH_BSN))));
        assertThat(commented.status()).as(commented.body()).isEqualTo(302);

        Response status = web.submit(page, page + "/status", ticked(WHY, List.of(entry("status", "onbekend"),
                entry("agreement", ""), entry("reason", WITH_BSN))));
        ticksKept(status, WHY);
        assertThat(status.body()).contains(WITH_BSN);
        Response moved = web.submit(page, page + "/status", ticked(WHY, List.of(entry("status", "niet_opgepakt"),
                entry("agreement", ""), entry("reason", WITH_BSN))));
        assertThat(moved.status()).as(moved.body()).isEqualTo(302);
    }

    @Test
    void publishingWithATooLongTickReasonIsRefusedBesideTheButtonWithTheTicksKept() {
        long leak = leak("Na de hulp belt niemand meer", "Moeder Fatima hoort na afsluiting niets meer.");
        TestApp.Client chair = app.bearer("vera");
        assertThat(chair.send("PATCH", "/api/v1/leaks/" + leak, "application/json",
                TestApp.json(Map.of("status", "opgelost", "agreements", List.of(published)))).status()).isEqualTo(200);
        String name = chair.send("PATCH", "/api/v1/leaks/" + leak, "application/json", "{\"published\":true}")
                .json().at("/findings/0/fingerprint").asText();
        TestApp.Client web = app.signIn("vera");
        String page = "/waardelekken/" + leak;
        Response refused = web.submit(page, page + "/publiceren", List.of(entry("published", "ja"),
                entry("acceptedFindings", name), entry("acceptanceReason", TOO_LONG_WHY)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("value=\"" + name + "\" id=\"publiceren-vondst-" + name + "\" checked",
                "value=\"" + TOO_LONG_WHY + "\"", "300");
        Response api = chair.send("PATCH", "/api/v1/leaks/" + leak, "application/json", TestApp.json(Map.of(
                "published", true, "acceptedFindings", List.of(name), "acceptanceReason", TOO_LONG_WHY)));
        assertThat(api.status()).as("a precise refusal, not a failure in the database").isIn(400, 422);

        Response published = web.submit(page, page + "/publiceren", List.of(entry("published", "ja"),
                entry("acceptedFindings", name), entry("acceptanceReason", "Verzonnen naam")));
        assertThat(published.status()).as(published.body()).isEqualTo(302);
    }

    private static long leak(String title, String description) {
        Response created = app.bearer("marieke").postJson("/api/v1/koppelzones/" + zone + "/leaks", Map.of(
                "parties", List.of("wijkteam-vinkstad", "jeugdhulp-de-brug-vinkstad"), "moment", "aanmelding",
                "title", title, "description", description, "frequency", "maandelijks"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    // --- meetings ------------------------------------------------------------------------------------

    private record Meeting(String path, long id, long item, TestApp.Client chair, String csrf) {
    }

    private static Meeting meeting(String date) {
        TestApp.Client chair = app.signIn("vera");
        String csrf = chair.csrfToken("/koppelzones/" + zone + "/overleggen/nieuw");
        Response planned = chair.postForm("/koppelzones/" + zone + "/overleggen", List.of(entry("csrf", csrf),
                entry("date", date), entry("startTime", "14:00"), entry("endTime", "16:00"), entry("location", "Zaal 3")));
        assertThat(planned.status()).as(planned.body()).isEqualTo(302);
        String path = planned.header("Location").replaceAll("\\?.*", "");
        long id = Long.parseLong(path.replace("/overleggen/", ""));
        Response item = chair.postForm(path + "/agenda", List.of(entry("csrf", csrf), entry("agreement", String.valueOf(published))));
        assertThat(item.status()).as(item.body()).isEqualTo(302);
        JsonNode agenda = app.bearer("vera").get("/api/v1/meetings/" + id).json().get("agenda");
        return new Meeting(path, id, agenda.get(agenda.size() - 1).get("id").asLong(), chair, csrf);
    }

    private static List<Map.Entry<String, String>> form(Meeting m, String reason, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> all = new ArrayList<>(ticked(reason, fields));
        all.add(entry("csrf", m.csrf()));
        return all;
    }

    @Test
    void anActionItemWithoutOwnerADecisionWithABadDateAndTooLongMinutesKeepTheTick() {
        Meeting m = meeting("2031-05-06");
        Response noOwner = m.chair().postForm(m.path() + "/actiepunten", form(m, WHY,
                List.of(entry("description", WITH_BSN), entry("owner", ""))));
        ticksKept(noOwner, WHY);
        assertThat(noOwner.body()).contains("value=\"" + WITH_BSN + "\"");
        Response added = m.chair().postForm(m.path() + "/actiepunten", form(m, WHY,
                List.of(entry("description", WITH_BSN), entry("owner", "marieke"))));
        assertThat(added.status()).as(added.body()).isEqualTo(302);

        String decide = m.path() + "/agenda/" + m.item() + "/besluit";
        Response badDate = m.chair().postForm(decide, form(m, WHY, List.of(entry("decision", "herziening"),
                entry("reviewDate", "morgen"), entry("note", WITH_BSN))));
        ticksKept(badDate, WHY);
        assertThat(badDate.body()).contains(WITH_BSN);
        Response decided = m.chair().postForm(decide, form(m, WHY, List.of(entry("decision", "aangehouden"),
                entry("note", WITH_BSN))));
        assertThat(decided.status()).as(decided.body()).isEqualTo(302);

        String notulen = m.path() + "/agenda/" + m.item() + "/notulen";
        String tooLong = WITH_BSN + " " + "a".repeat(100_000);
        Response minutes = m.chair().postForm(notulen, form(m, WHY, List.of(entry("minutes", tooLong))));
        ticksKept(minutes, WHY);
        assertThat(minutes.body()).contains("id=\"notulen-" + m.item() + "-error\"", tooLong);
        Response saved = m.chair().postForm(notulen, form(m, WHY, List.of(entry("minutes", WITH_BSN))));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
    }

    // --- templates -----------------------------------------------------------------------------------

    @Test
    void aTemplateWithATooLongNameOrAStaleBaseKeepsTheTickAndSavesOnceFixed() {
        TestApp.Client chair = app.signIn("vera");
        String list = "/koppelzones/" + zone + "/sjablonen";
        String body = "## Afspraak\n\n" + WITH_BSN + "\n";
        Response longName = chair.submit(list, list, ticked(WHY, List.of(entry("name", "n".repeat(121)), entry("body", body))));
        ticksKept(longName, WHY);
        assertThat(longName.body()).contains(WITH_BSN);

        Response created = chair.submit(list, list, ticked(WHY, List.of(entry("name", "Met voorbeeld"), entry("body", body))));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String page = created.header("Location").replaceAll("\\?.*", "");

        String changed = body + "\nBSN 123456782 in een tweede voorbeeld.\n";
        String second = app.bearer("marieke").postJson("/api/v1/agreements/" + published + "/comments",
                Map.of("text", "BSN 123456782")).json().at("/findings/0/fingerprint").asText();
        Response stale = chair.submit(page, page, List.of(entry("name", "Met voorbeeld"), entry("baseRevision", "7"),
                entry("body", changed), entry("acceptedFindings", second), entry("acceptanceReason", WHY)));
        assertThat(stale.status()).as(stale.body()).isEqualTo(422);
        assertThat(stale.body()).contains("123456782</mark>", "value=\"" + second + "\" id=\"vondst-" + second + "\" checked",
                "value=\"" + WHY + "\"");
        Response saved = chair.submit(page, page, List.of(entry("name", "Met voorbeeld"), entry("baseRevision", "1"),
                entry("body", changed), entry("acceptedFindings", second), entry("acceptanceReason", WHY)));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
    }

    // --- remarks on endorsements ---------------------------------------------------------------------

    @Test
    void aRemarkWithABadRevisionKeepsTheTick() {
        TestApp.Client expert = app.bearer("marieke");
        Response created = expert.postJson("/api/v1/koppelzones/" + zone + "/agreements", Map.of(
                "title", "Samen naar de huisarts", "body", "Het wijkteam gaat mee naar de huisarts.",
                "parties", List.of("wijkteam-vinkstad", "jeugdhulp-de-brug-vinkstad")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(expert.postJson("/api/v1/agreements/" + id + "/proposals", Map.of("revision", 1)).status()).isEqualTo(201);

        TestApp.Client page = app.signIn("wim");
        Response refused = page.submit("/ter-bekrachtiging", "/afspraken/" + id + "/besluit", ticked(WHY, List.of(
                entry("revision", "een"), entry("decision", "afwijzen"), entry("remark", WITH_BSN))));
        ticksKept(refused, WHY);
        assertThat(refused.body()).contains(WITH_BSN);
        Response declined = page.submit("/ter-bekrachtiging", "/afspraken/" + id + "/besluit", ticked(WHY, List.of(
                entry("revision", "1"), entry("decision", "afwijzen"), entry("remark", WITH_BSN))));
        assertThat(declined.status()).as(declined.body()).isEqualTo(302);
    }
}
