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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static nl.afsprakenwiki.testing.PersonalData.BSN;
import static nl.afsprakenwiki.testing.PersonalData.WITH_BSN;
import static nl.afsprakenwiki.testing.PersonalData.WITH_NAME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 point 2 on every text that is not an agreement (V022): comments, experiences, minutes,
 * decision notes, action items, remarks on endorsements and templates. A high-confidence finding
 * refuses the save (API 422 with the findings; the page shows them and keeps the text); sending its
 * fingerprint back saves, stores the confirmation and audits it; a medium finding saves with a
 * warning; an experience with an unconfirmed medium finding is for the koppelzone's members only.
 */
class TextConfirmationsTest {

    private static final String ZONE = "Koppelzone Jeugd Teststad";

    @TempDir
    static Path dir;
    static TestApp app;
    static String zone;
    static long published;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        zone = app.koppelzone(ZONE, "Teststad");
        String elsewhere = app.koppelzone("Koppelzone Elders", "Elders");
        published = app.agreement(ZONE, "Teststad", "warme-overdracht", "Warme overdracht", "bekrachtigd");
        app.chairAndExpert(zone);
        app.member(zone, "wim", Role.MANAGER, "wijkteam-teststad");
        app.member(zone, "bea", Role.MANAGER, "jeugdhulp-de-brug-teststad");
        app.member(elsewhere, "zwolle", Role.PRAKTIJKEXPERT, "wijkteam-elders");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static int count(String sql, Object... arguments) {
        return app.db.read(handle -> {
            var query = handle.createQuery(sql);
            for (int i = 0; i < arguments.length; i++) {
                query.bind(i, arguments[i]);
            }
            return query.mapTo(Integer.class).one();
        });
    }

    /** Asserts a 422 naming a bsn finding with its span in {@code typed}; returns its fingerprint. */
    private static String refusedBsn(Response response, String typed) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode finding = response.json().get("findings").get(0);
        assertThat(finding.get("kind").asText()).isEqualTo("bsn");
        assertThat(typed.substring(finding.get("start").asInt(), finding.get("end").asInt())).isEqualTo(BSN);
        assertThat(finding.get("text").asText()).isEqualTo(BSN);
        assertThat(finding.get("explanation").asText()).contains("burgerservicenummer");
        assertThat(response.json().get("detail").asText()).doesNotContain(BSN);
        return finding.get("fingerprint").asText();
    }

    private static Map<String, Object> with(Map<String, Object> request, String fingerprint) {
        Map<String, Object> all = new LinkedHashMap<>(request);
        all.put("acceptedFindings", List.of(fingerprint));
        all.put("acceptanceReason", "verzonnen voorbeeld voor de training");
        return all;
    }

    /** The stored confirmation of {@code source}: it has the account and reason, never the digits; audited. */
    private static void confirmedAndAudited(String source, long id, String fingerprint, String username) {
        Map<String, Object> row = app.db.read(handle -> handle.createQuery("""
                        SELECT c.kind, c.confidence, c.reason, a.username FROM text_privacy_confirmation c
                        JOIN account a ON a.id = c.account_id
                        WHERE c.source = ? AND c.source_id = ? AND c.fingerprint = ?""")
                .bind(0, source).bind(1, id).bind(2, fingerprint).mapToMap().one());
        assertThat(row).containsEntry("kind", "bsn").containsEntry("confidence", "high")
                .containsEntry("reason", "verzonnen voorbeeld voor de training").containsEntry("username", username);
        String details = app.db.read(handle -> handle.createQuery("""
                        SELECT details FROM audit_event WHERE action = 'privacy.confirm' AND details LIKE ?""")
                .bind(0, "%" + fingerprint + "%").mapTo(String.class).list()).stream()
                .filter(json -> json.contains("\"" + source + "\":" + id)).findFirst().orElseThrow();
        assertThat(details).contains("\"text\":\"" + source + "\"", "verzonnen voorbeeld").doesNotContain(BSN);
    }

    private static JsonNode warning(Response response) {
        JsonNode warnings = response.json().get("warnings");
        assertThat(warnings).as(response.body()).hasSize(1);
        assertThat(warnings.get(0).get("kind").asText()).isEqualTo("naam");
        assertThat(warnings.get(0).get("confidence").asText()).isEqualTo("medium");
        assertThat(warnings.get(0).get("text").asText()).contains("Fatima");
        return warnings.get(0);
    }

    // --- comments --------------------------------------------------------------------------------

    @Test
    void aCommentWithABsnIsRefusedAndSavesOnceItsFingerprintIsSentBack() {
        TestApp.Client api = app.bearer("marieke");
        String path = "/api/v1/agreements/" + published + "/comments";
        Map<String, Object> request = Map.of("text", WITH_BSN);
        String fingerprint = refusedBsn(api.postJson(path, request), WITH_BSN);
        assertThat(count("SELECT count(*) FROM comment WHERE body LIKE ?", "%" + BSN + "%")).isZero();

        Response saved = api.postJson(path, with(request, fingerprint));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.json().get("warnings")).isEmpty();
        long id = saved.json().get("id").asLong();
        confirmedAndAudited("comment", id, fingerprint, "marieke");

        // editing within 15 minutes keeps the confirmation: the same number needs no new tick
        Response edited = api.putJson("/api/v1/comments/" + id, Map.of("text", WITH_BSN + " Nog een zin."));
        assertThat(edited.status()).as(edited.body()).isIn(200);
        assertThat(count("SELECT count(*) FROM text_privacy_confirmation WHERE source = 'comment' AND source_id = ?", id))
                .isEqualTo(1);
    }

    @Test
    void theCommentFormShowsTheFindingKeepsTheTextAndSavesWithTheBoxTicked() {
        TestApp.Client page = app.signIn("marieke");
        String agreement = "/afspraken/" + published;
        Response refused = page.submit(agreement, agreement + "/discussie", List.of(entry("text", WITH_BSN)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Mogelijk persoonsgegevens gevonden", "<mark>" + BSN + "</mark>",
                "Dit is geen persoonsgegeven", "name=\"acceptedFindings\"", WITH_BSN);
        String fingerprint = app.bearer("marieke").postJson("/api/v1/agreements/" + published + "/comments",
                Map.of("text", WITH_BSN)).json().at("/findings/0/fingerprint").asText();
        assertThat(refused.body()).contains("value=\"" + fingerprint + "\"");

        Response saved = page.submit(agreement, agreement + "/discussie", List.of(entry("text", WITH_BSN),
                entry("acceptedFindings", fingerprint), entry("acceptanceReason", "verzonnen voorbeeld voor de training")));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(saved.header("Location")).contains("melding=opmerking-geplaatst");
    }

    @Test
    void aCommentWithAMediumFindingSavesWithAWarningAndStaysVisibleToMembers() {
        Response saved = app.bearer("marieke").postJson("/api/v1/agreements/" + published + "/comments",
                Map.of("text", WITH_NAME));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        warning(saved);

        TestApp.Client page = app.signIn("marieke");
        String agreement = "/afspraken/" + published;
        Response posted = page.submit(agreement, agreement + "/discussie", List.of(entry("text", WITH_NAME + " Opnieuw.")));
        assertThat(posted.header("Location")).contains("melding=persoonsgegevens-tekst", "soorten=naam");
        assertThat(page.get(posted.header("Location")).body()).contains("bevat mogelijk persoonsgegevens (Naam)");
    }

    // --- experiences -----------------------------------------------------------------------------

    @Test
    void anExperienceWithABsnIsRefusedOnThePageAndThroughTheApiAndSavesWithItsFingerprint() {
        String path = "/api/v1/agreements/" + published + "/experiences";
        Map<String, Object> request = Map.of("body", WITH_BSN, "adopted", false);
        String fingerprint = refusedBsn(app.bearer("zwolle").postJson(path, request), WITH_BSN);

        TestApp.Client page = app.signIn("zwolle");
        String agreement = "/afspraken/" + published;
        Response refused = page.submit(agreement, agreement + "/ervaringen",
                List.of(entry("body", WITH_BSN), entry("adopted", "nee")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("<mark>" + BSN + "</mark>", "value=\"" + fingerprint + "\"", WITH_BSN);
        // ticked, but the question whether they adopted it forgotten: the finding stays, ticked
        Response forgotten = page.submit(agreement, agreement + "/ervaringen",
                List.of(entry("body", WITH_BSN), entry("acceptedFindings", fingerprint)));
        assertThat(forgotten.status()).isEqualTo(422);
        assertThat(forgotten.body()).contains("id=\"adopted-error\"", "<mark>" + BSN + "</mark>",
                "value=\"" + fingerprint + "\" id=\"vondst-" + fingerprint + "\" checked");

        Response saved = app.bearer("zwolle").postJson(path, with(request, fingerprint));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.json().get("pending").asBoolean()).isFalse();
        confirmedAndAudited("experience", saved.json().get("id").asLong(), fingerprint, "zwolle");
        // a confirmed high finding is public like any experience
        assertThat(app.get(path).body()).contains(BSN);
    }

    @Test
    void anExperienceWithAnUnconfirmedMediumFindingIsForMembersOnlyUntilItsWriterConfirmsIt() {
        String path = "/api/v1/agreements/" + published + "/experiences";
        String text = "Bij ons belde het wijkteam moeder Fatima al na twee dagen.";
        Response saved = app.bearer("zwolle").postJson(path, Map.of("body", text, "adopted", true));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        String fingerprint = warning(saved).get("fingerprint").asText();
        long id = saved.json().get("id").asLong();
        assertThat(saved.json().get("pending").asBoolean()).isTrue();

        // the public sees neither the API item nor the text on the page
        assertThat(app.get(path).body()).doesNotContain("moeder Fatima");
        assertThat(app.get("/afspraken/" + published).body()).doesNotContain("moeder Fatima");
        // a member of the koppelzone sees it, marked as waiting for confirmation
        String member = app.signIn("marieke").get("/afspraken/" + published).body();
        assertThat(member).contains("moeder Fatima", "Wacht op bevestiging: mogelijk persoonsgegeven");
        // its writer sees it with the checkbox to confirm it
        String writer = app.signIn("zwolle").get("/afspraken/" + published).body();
        assertThat(writer).contains("moeder Fatima", "/ervaringen/" + id + "/bevestigen", "value=\"" + fingerprint + "\"");
        // someone else who is no member of the koppelzone may not confirm it
        app.member(app.koppelzone("Koppelzone Derde", "Derde"), "derde", Role.PRAKTIJKEXPERT);
        Response foreign = app.bearer("derde").postJson(path + "/" + id + "/privacy-confirmations",
                Map.of("fingerprints", List.of(fingerprint), "reason", "niet van mij"));
        assertThat(foreign.status()).isEqualTo(403);
        Response unknown = app.bearer("zwolle").postJson(path + "/" + id + "/privacy-confirmations",
                Map.of("fingerprints", List.of("0000"), "reason", ""));
        assertThat(unknown.status()).isEqualTo(400);

        Response confirmed = app.bearer("zwolle").postJson(path + "/" + id + "/privacy-confirmations",
                Map.of("fingerprints", List.of(fingerprint), "reason", "Fatima is een verzonnen naam"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("pending").asBoolean()).isFalse();
        assertThat(confirmed.json().get("warnings")).isEmpty();
        assertThat(app.get(path).body()).contains("moeder Fatima");
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'privacy.confirm' AND details LIKE ?",
                "%\"experience\":" + id + "%")).isEqualTo(1);
    }

    @Test
    void theVoorzitterConfirmsAnExperienceOnThePage() {
        String path = "/api/v1/agreements/" + published + "/experiences";
        String text = "Vader Mohammed kreeg binnen een week een gesprek.";
        Response saved = app.bearer("zwolle").postJson(path, Map.of("body", text, "adopted", false));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        String fingerprint = saved.json().at("/warnings/0/fingerprint").asText();
        long id = saved.json().get("id").asLong();
        TestApp.Client chair = app.signIn("vera");
        String agreement = "/afspraken/" + published;
        Response confirmed = chair.submit(agreement, agreement + "/ervaringen/" + id + "/bevestigen",
                List.of(entry("acceptedFindings", fingerprint), entry("acceptanceReason", "verzonnen")));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(302);
        assertThat(app.get(path).body()).contains("Vader Mohammed");
    }

    // --- meetings: minutes, decision notes, action items -----------------------------------------

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
        Response topic = chair.postForm(path + "/agenda", List.of(entry("csrf", csrf), entry("topic", "Wachttijden")));
        assertThat(topic.status()).isEqualTo(302);
        JsonNode agenda = app.bearer("vera").get("/api/v1/meetings/" + id).json().get("agenda");
        long item = agenda.get(agenda.size() - 1).get("id").asLong();
        return new Meeting(path, id, item, chair, csrf);
    }

    @Test
    void minutesWithABsnAreRefusedWithTheFindingBesideThemAndSaveWithTheBoxTicked() {
        Meeting m = meeting("2030-04-02");
        String notulen = m.path() + "/agenda/" + m.item() + "/notulen";
        Response typing = m.chair().send("POST", notulen, "application/x-www-form-urlencoded",
                "minutes=" + java.net.URLEncoder.encode(WITH_BSN, java.nio.charset.StandardCharsets.UTF_8),
                Map.of("X-CSRF-Token", m.csrf(), "HX-Request", "true"));
        assertThat(typing.status()).isEqualTo(422);
        assertThat(typing.body()).contains("Niet opgeslagen", "BSN").doesNotContain(BSN);

        Response refused = m.chair().postForm(notulen, List.of(entry("csrf", m.csrf()), entry("minutes", WITH_BSN)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("<mark>" + BSN + "</mark>", "name=\"acceptedFindings\"", WITH_BSN);
        String fingerprint = refused.body().replaceAll("(?s).*name=\"acceptedFindings\" value=\"([0-9a-f]+)\".*", "$1");

        Response saved = m.chair().postForm(notulen, List.of(entry("csrf", m.csrf()), entry("minutes", WITH_BSN),
                entry("acceptedFindings", fingerprint), entry("acceptanceReason", "verzonnen voorbeeld voor de training")));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        confirmedAndAudited("minutes", m.item(), fingerprint, "vera");

        // typing on: the confirmation of the item's minutes holds for later versions of them
        Response later = m.chair().send("POST", notulen, "application/x-www-form-urlencoded",
                "minutes=" + java.net.URLEncoder.encode(WITH_BSN + " En verder.", java.nio.charset.StandardCharsets.UTF_8),
                Map.of("X-CSRF-Token", m.csrf(), "HX-Request", "true"));
        assertThat(later.status()).isEqualTo(200);

        Response medium = m.chair().postForm(notulen, List.of(entry("csrf", m.csrf()), entry("minutes", WITH_NAME)));
        assertThat(medium.status()).isEqualTo(302);
        assertThat(medium.header("Location")).contains("melding=persoonsgegevens", "soorten=naam");
        assertThat(m.chair().get(medium.header("Location")).body()).contains("mogelijk persoonsgegevens (Naam)");
    }

    @Test
    void anActionItemAndADecisionNoteTakeConfirmationsAndWarnThroughTheApi() {
        Meeting m = meeting("2030-04-09");
        TestApp.Client api = app.bearer("vera");
        String actions = "/api/v1/meetings/" + m.id() + "/action-items";
        Map<String, Object> action = Map.of("description", WITH_BSN, "owner", "marieke");
        String fingerprint = refusedBsn(api.postJson(actions, action), WITH_BSN);
        Response added = api.postJson(actions, with(action, fingerprint));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("warnings")).isEmpty();
        confirmedAndAudited("action", added.json().get("id").asLong(), fingerprint, "vera");

        Response medium = api.postJson(actions, Map.of("description", WITH_NAME, "owner", "marieke"));
        assertThat(medium.status()).as(medium.body()).isEqualTo(201);
        warning(medium);
        // the page: the finding beside the form, what was typed kept; ticked, it is added
        Response actionPage = m.chair().postForm(m.path() + "/actiepunten", List.of(entry("csrf", m.csrf()),
                entry("description", WITH_BSN), entry("owner", "marieke")));
        assertThat(actionPage.status()).isEqualTo(422);
        assertThat(actionPage.body()).contains("<mark>" + BSN + "</mark>", "value=\"" + fingerprint + "\"",
                "value=\"" + WITH_BSN + "\"");
        Response actionTicked = m.chair().postForm(m.path() + "/actiepunten", List.of(entry("csrf", m.csrf()),
                entry("description", WITH_BSN), entry("owner", "marieke"), entry("acceptedFindings", fingerprint)));
        assertThat(actionTicked.status()).as(actionTicked.body()).isEqualTo(302);

        // a decision note: the page shows the finding beside the note
        Response agreementItem = m.chair().postForm(m.path() + "/agenda", List.of(entry("csrf", m.csrf()),
                entry("agreement", String.valueOf(published))));
        assertThat(agreementItem.status()).isEqualTo(302);
        JsonNode agenda = api.get("/api/v1/meetings/" + m.id()).json().get("agenda");
        long item = java.util.stream.StreamSupport.stream(agenda.spliterator(), false)
                .filter(entry -> entry.get("agreement") != null && entry.get("agreement").asLong() == published)
                .findFirst().orElseThrow().get("id").asLong();
        Response page = m.chair().postForm(m.path() + "/agenda/" + item + "/besluit", List.of(entry("csrf", m.csrf()),
                entry("decision", "aangehouden"), entry("note", WITH_BSN)));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("<mark>" + BSN + "</mark>", "value=\"" + WITH_BSN + "\"");
        String decisions = "/api/v1/meetings/" + m.id() + "/decisions";
        Map<String, Object> decision = Map.of("item", item, "decision", "aangehouden", "note", WITH_BSN);
        String noteFingerprint = refusedBsn(api.postJson(decisions, decision), WITH_BSN);
        Response decided = api.postJson(decisions, with(decision, noteFingerprint));
        assertThat(decided.status()).as(decided.body()).isEqualTo(201);
        confirmedAndAudited("note", decided.json().get("id").asLong(), noteFingerprint, "vera");
        Response noteWarned = api.postJson(decisions, Map.of("item", item, "decision", "aangehouden", "note", WITH_NAME));
        assertThat(noteWarned.status()).as(noteWarned.body()).isEqualTo(201);
        warning(noteWarned);
    }

    // --- remarks on endorsements -----------------------------------------------------------------

    @Test
    void aRemarkOnAnEndorsementTakesConfirmationsAndWarns() {
        TestApp.Client expert = app.bearer("marieke");
        Response created = expert.postJson("/api/v1/koppelzones/" + zone + "/agreements", Map.of(
                "title", "Samen naar de huisarts", "body", "Het wijkteam gaat mee naar de huisarts.",
                "parties", List.of("wijkteam-teststad", "jeugdhulp-de-brug-teststad")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(expert.postJson("/api/v1/agreements/" + id + "/proposals", Map.of("revision", 1)).status())
                .isEqualTo(201);

        String path = "/api/v1/agreements/" + id + "/endorsements";
        Map<String, Object> decline = Map.of("revision", 1, "decision", "decline", "remark", WITH_BSN);
        String fingerprint = refusedBsn(app.bearer("wim").postJson(path, decline), WITH_BSN);

        TestApp.Client page = app.signIn("wim");
        Response refused = page.submit("/ter-bekrachtiging", "/afspraken/" + id + "/besluit", List.of(
                entry("revision", "1"), entry("decision", "afwijzen"), entry("remark", WITH_BSN)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("<mark>" + BSN + "</mark>", "value=\"" + fingerprint + "\"", WITH_BSN);

        Response declined = app.bearer("wim").postJson(path, with(decline, fingerprint));
        assertThat(declined.status()).as(declined.body()).isEqualTo(200);
        long decision = app.db.read(handle -> handle.createQuery(
                "SELECT id FROM endorsement WHERE agreement_id = ? ORDER BY id DESC LIMIT 1").bind(0, id)
                .mapTo(Long.class).one());
        confirmedAndAudited("remark", decision, fingerprint, "wim");

        // on the page: the decision is recorded, the notice names the kind found in the remark
        TestApp.Client bea = app.signIn("bea");
        Response onPage = bea.submit("/ter-bekrachtiging", "/afspraken/" + id + "/besluit", List.of(
                entry("revision", "1"), entry("decision", "afwijzen"), entry("remark", "Eerst overleggen met vader Mohammed.")));
        assertThat(onPage.status()).as(onPage.body()).isEqualTo(302);
        assertThat(onPage.header("Location")).contains("melding=persoonsgegevens", "soorten=naam");
        assertThat(bea.get(onPage.header("Location")).body()).contains("mogelijk persoonsgegevens (Naam)");
        Response endorsed = app.bearer("bea").postJson(path, Map.of("revision", 1, "decision", "endorse",
                "remark", WITH_NAME));
        assertThat(endorsed.status()).as(endorsed.body()).isEqualTo(200);
        String medium = warning(endorsed).get("fingerprint").asText();
        Response last = app.bearer("wim").postJson(path, Map.of("revision", 1, "decision", "endorse"));
        assertThat(last.status()).as(last.body()).isEqualTo(200);

        // the agreement is public, the remark with its unconfirmed name is not (page and API)
        String rounds = "/afspraken/" + id + "/bekrachtigingen";
        assertThat(app.get(rounds).body()).doesNotContain("Fatima").contains("Wacht op bevestiging");
        assertThat(app.get(path).body()).doesNotContain("Fatima").contains("\"remarkPending\":true");
        assertThat(app.signIn("marieke").get(rounds).body()).contains("moeder Fatima", "Wacht op bevestiging")
                .doesNotContain("/bevestigen");
        long remark = app.db.read(handle -> handle.createQuery(
                "SELECT id FROM endorsement WHERE agreement_id = ? AND remark LIKE '%Fatima%'").bind(0, id)
                .mapTo(Long.class).one());
        assertThat(app.bearer("marieke").postJson(path + "/" + remark + "/privacy-confirmations",
                Map.of("fingerprints", List.of(medium))).status()).isEqualTo(403);
        // its writer confirms it on the page: then the public reads it
        TestApp.Client writer = app.signIn("bea");
        assertThat(writer.get(rounds).body()).contains("/bekrachtigingen/" + remark + "/bevestigen");
        Response confirmed = writer.submit(rounds, rounds + "/" + remark + "/bevestigen",
                List.of(entry("acceptedFindings", medium), entry("acceptanceReason", "verzonnen naam")));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(302);
        assertThat(app.get(rounds).body()).contains("moeder Fatima").doesNotContain("Wacht op bevestiging");
    }

    // --- templates -------------------------------------------------------------------------------

    @Test
    void aTemplateWithABsnIsRefusedBesideTheEditorAndSavesWithTheBoxTicked() {
        TestApp.Client chair = app.signIn("vera");
        String list = "/koppelzones/" + zone + "/sjablonen";
        String body = "## Afspraak\n\n" + WITH_BSN + "\n";
        Response refused = chair.submit(list, list, List.of(entry("name", "Met voorbeeld"), entry("body", body)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("<mark>" + BSN + "</mark>", "name=\"acceptedFindings\"", "Met voorbeeld");
        String fingerprint = refused.body().replaceAll("(?s).*name=\"acceptedFindings\" value=\"([0-9a-f]+)\".*", "$1");

        Response created = chair.submit(list, list, List.of(entry("name", "Met voorbeeld"), entry("body", body),
                entry("acceptedFindings", fingerprint), entry("acceptanceReason", "verzonnen voorbeeld voor de training")));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String page = created.header("Location").replaceAll("\\?.*", "");
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        confirmedAndAudited("template", id, fingerprint, "vera");

        // a later revision keeps the confirmation; a medium finding saves with a warning listing it
        Response saved = chair.submit(page, page, List.of(entry("name", "Met voorbeeld"), entry("baseRevision", "1"),
                entry("body", body + "\n" + WITH_NAME + "\n")));
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(saved.header("Location")).contains("melding=persoonsgegevens");
        assertThat(chair.get(saved.header("Location")).body()).contains("Fatima</mark>",
                "Controleer deze mogelijke persoonsgegevens");
    }

    // --- the audit page ----------------------------------------------------------------------------

    @Test
    void theAuditPageNamesTheTextThatWasConfirmed() {
        TestApp.Client api = app.bearer("marieke");
        String path = "/api/v1/agreements/" + published + "/comments";
        String text = "Oefencasus: BSN " + BSN + ", zie het werkboek.";
        String fingerprint = api.postJson(path, Map.of("text", text)).json().at("/findings/0/fingerprint").asText();
        assertThat(api.postJson(path, with(Map.of("text", text), fingerprint)).status()).isEqualTo(201);
        app.admin("beheer");
        List<String> sentences = new ArrayList<>();
        String audit = app.signIn("beheer").get("/beheer/audit").body();
        sentences.add(audit);
        assertThat(audit).contains("bevestigde bij een opmerking van").doesNotContain(BSN);
    }
}
