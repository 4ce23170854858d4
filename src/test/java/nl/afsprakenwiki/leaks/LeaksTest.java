package nl.afsprakenwiki.leaks;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Waardelekken (issue 18) with the real app and SQLite: reporting through the API and the page,
 * the status rules and history, visibility, the agreement page, the privacy guard and meetings.
 */
class LeaksTest {

    private static final String X = "Koppelzone Jeugd Lekstad";
    private static final String TITLE = "Gezin valt tussen wal en schip na aanmelding";

    @TempDir
    Path dir;
    private TestApp app;
    private String zone;
    private TestApp.Client chair;
    private TestApp.Client expert;
    private TestApp.Client outsider;
    private long agreement;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        zone = app.koppelzone(X, "Lekstad");
        app.koppelzone("Koppelzone Jeugd Elders", "Elders");
        agreement = app.agreement(X, "Lekstad", "warme-overdracht", "Warme overdracht", "bekrachtigd");
        chair = app.bearer(app.member(zone, "vera", Role.VOORZITTER, "wijkteam-lekstad"));
        expert = app.bearer(app.member(zone, "marieke", Role.PRAKTIJKEXPERT, "jeugdhulp-de-brug-lekstad"));
        outsider = app.bearer(app.member("koppelzone-jeugd-elders", "olaf", Role.PRAKTIJKEXPERT));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private Response report(TestApp.Client client, Map<String, Object> body) {
        return client.postJson("/api/v1/koppelzones/" + zone + "/leaks", body);
    }

    private long reportLeak() {
        Response created = report(expert, Map.of("parties", List.of("wijkteam-lekstad", "jeugdhulp-de-brug-lekstad"),
                "moment", "aanmelding", "title", TITLE,
                "description", "Na de aanmelding hoort het gezin weken niets; niemand belt terug.",
                "frequency", "maandelijks", "example", "Een moeder belde drie keer zonder antwoord."));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    @Test
    void aPraktijkexpertReportsALeakThatTheChairSolvesWithAnAgreementAndOutsidersNeverSeeUntilPublished() {
        long leak = reportLeak();
        JsonNode shown = expert.get("/api/v1/leaks/" + leak).json();
        assertThat(shown.get("status").asText()).isEqualTo("gesignaleerd");
        assertThat(shown.get("parties").findValuesAsText("slug")).containsExactlyInAnyOrder("wijkteam-lekstad",
                "jeugdhulp-de-brug-lekstad");
        assertThat(expert.get("/api/v1/koppelzones/" + zone + "/leaks").json().get("total").asInt()).isEqualTo(1);

        // outsiders: 404 for the leak, nothing of it in lists, search or feeds
        assertThat(outsider.get("/api/v1/leaks/" + leak).status()).isEqualTo(404);
        assertThat(app.get("/api/v1/leaks/" + leak).status()).isEqualTo(404);
        assertThat(app.get("/waardelekken/" + leak).status()).isEqualTo(404);
        assertThat(outsider.get("/api/v1/koppelzones/" + zone + "/leaks").status()).isEqualTo(403);
        assertThat(app.get("/api/v1/koppelzones/" + zone + "/leaks").status()).isEqualTo(401);
        app.awaitSearch();
        assertThat(app.get("/api/v1/search?q=wal+en+schip").body()).doesNotContain(TITLE);
        assertThat(app.get("/feeds/bekrachtigd.atom").body()).doesNotContain(TITLE);
        assertThat(app.get("/koppelzones/" + zone + "/feed.atom").body()).doesNotContain(TITLE);
        assertThat(app.get("/afspraken/" + agreement).body()).doesNotContain(TITLE);

        // a praktijkexpert may not decide; the chair links the agreement and marks it solved
        assertThat(expert.send("PATCH", "/api/v1/leaks/" + leak, "application/json", "{\"status\":\"opgelost\"}").status())
                .isEqualTo(403);
        Response solved = chair.send("PATCH", "/api/v1/leaks/" + leak, "application/json",
                TestApp.json(Map.of("status", "opgelost", "agreements", List.of(agreement))));
        assertThat(solved.status()).as(solved.body()).isEqualTo(200);
        assertThat(solved.json().get("status").asText()).isEqualTo("opgelost");
        assertThat(solved.json().get("agreements").findValuesAsText("title")).containsExactly("Warme overdracht");
        assertThat(app.signIn("marieke").get("/afspraken/" + agreement).body()).as("members see the unpublished leak")
                .contains("Lost dit waardelek op").contains(TITLE);
        assertThat(app.get("/afspraken/" + agreement).body()).doesNotContain(TITLE);
        assertThat(app.get("/api/v1/leaks/" + leak).status()).isEqualTo(404);

        Response published = chair.send("PATCH", "/api/v1/leaks/" + leak, "application/json", "{\"published\":true}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(app.get("/afspraken/" + agreement).body()).contains("Lost dit waardelek op").contains(TITLE);
        JsonNode open = app.get("/api/v1/leaks/" + leak).json();
        assertThat(open.get("published").asBoolean()).isTrue();
        assertThat(open.has("history")).as("the history stays inside the koppelzone").isFalse();
        assertThat(app.get("/waardelekken/" + leak).status()).isEqualTo(200);
    }

    @Test
    void theStatusRulesHoldAndEveryChangeIsInTheHistory() {
        long leak = reportLeak();
        String path = "/api/v1/leaks/" + leak;
        Response noAgreement = chair.send("PATCH", path, "application/json", "{\"status\":\"opgelost\"}");
        assertThat(noAgreement.status()).isEqualTo(400);
        assertThat(noAgreement.body()).contains("agreement");
        Response noReason = chair.send("PATCH", path, "application/json", "{\"status\":\"niet_opgepakt\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(chair.send("PATCH", path, "application/json", "{\"status\":\"bestaat-niet\"}").status()).isEqualTo(400);
        assertThat(chair.send("PATCH", path, "application/json", "{\"published\":true}").status()).isEqualTo(400);
        assertThat(chair.send("PATCH", path, "application/json", "{\"status\":\"in_behandeling\"}").status()).isEqualTo(200);
        assertThat(chair.send("PATCH", path, "application/json", "{\"status\":\"gesignaleerd\"}").status())
                .as("no way back from in behandeling to gesignaleerd").isEqualTo(400);
        assertThat(chair.send("PATCH", path, "application/json",
                "{\"status\":\"niet_opgepakt\",\"reason\":\"Valt buiten de jeugdhulp.\"}").status()).isEqualTo(200);

        JsonNode history = chair.get(path).json().get("history");
        assertThat(history.findValuesAsText("kind")).containsExactly("gemeld", "status", "status");
        assertThat(history.findValuesAsText("status")).containsExactly("gesignaleerd", "in_behandeling", "niet_opgepakt");
        assertThat(history.get(2).get("author").asText()).isEqualTo("Test vera");
        assertThat(chair.get(path).json().get("reason").asText()).isEqualTo("Valt buiten de jeugdhulp.");
        Integer audited = app.db.read(h -> h.createQuery("SELECT count(*) FROM audit_event WHERE action LIKE 'leak.%'")
                .mapTo(Integer.class).one());
        assertThat(audited).isEqualTo(3);
        app.admin("beheer");
        assertThat(app.signIn("beheer").get("/beheer/audit?actie=leak.status").body()).as("the audit log names the leak")
                .contains("<a href=\"/waardelekken/" + leak + "\">" + TITLE + "</a>");
        assertThat(noAgreement.header("Content-Type")).contains("application/problem+json");
        // the history is append-only
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> app.db.write(h -> h.execute("DELETE FROM leak_event")))
                .hasMessageContaining("append-only");
    }

    @Test
    void aReportNeedsTwoPartiesOfTheKoppelzoneAndItsFields() {
        Response one = report(expert, Map.of("parties", List.of("wijkteam-lekstad"), "moment", "overdracht",
                "title", "Te weinig", "description", "Iets", "frequency", "zelden"));
        assertThat(one.status()).isEqualTo(400);
        assertThat(one.body()).contains("parties");
        Response foreign = report(expert, Map.of("parties", List.of("wijkteam-lekstad", "wijkteam-elders"), "moment", "crisis",
                "title", "Vreemd", "description", "Iets", "frequency", "zelden"));
        assertThat(foreign.status()).isEqualTo(400);
        Response empty = report(expert, Map.of("parties", List.of("wijkteam-lekstad", "huisartsen-lekstad")));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("title").contains("description").contains("frequency").contains("moment");
        assertThat(report(outsider, Map.of("parties", List.of("wijkteam-lekstad", "huisartsen-lekstad"), "moment", "crisis",
                "title", "Van buiten", "description", "Iets", "frequency", "zelden")).status()).isEqualTo(403);
        Response free = report(expert, Map.of("parties", List.of("wijkteam-lekstad", "huisartsen-lekstad"),
                "moment", "na schorsing van school", "title", "Vrij moment", "description", "Iets", "frequency", "4 per jaar"));
        assertThat(free.status()).as(free.body()).isEqualTo(201);
        assertThat(free.json().get("moment").asText()).isEqualTo("na schorsing van school");
    }

    @Test
    void thePrivacyGuardRefusesPersonalDataInALeakAndItsComments() {
        Response refused = report(expert, Map.of("parties", List.of("wijkteam-lekstad", "huisartsen-lekstad"),
                "moment", "crisis", "title", "Geen bereik", "description", "Niemand nam op.", "frequency", "zelden",
                "example", "Bel de moeder op 0612345678, BSN 111222333."));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().get("findings").findValuesAsText("field")).contains("example");
        int leaks = app.db.read(h -> h.createQuery("SELECT count(*) FROM leak").mapTo(Integer.class).one());
        assertThat(leaks).isZero();

        long leak = reportLeak();
        TestApp.Client web = app.signIn("marieke");
        Response comment = web.submit("/waardelekken/" + leak, "/waardelekken/" + leak + "/opmerkingen",
                List.of(entry("body", "Zie BSN 111222333 voor dit gezin.")));
        assertThat(comment.status()).isEqualTo(422);
        assertThat(comment.body()).contains("Zie BSN 111222333");
        Response ok = web.submit("/waardelekken/" + leak, "/waardelekken/" + leak + "/opmerkingen",
                List.of(entry("body", "Dit zien wij ook bij de huisartsen.")));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(web.get("/waardelekken/" + leak).body()).contains("Dit zien wij ook bij de huisartsen.");
    }

    @Test
    void theReportFormKeepsWhatWasTypedAndShowsErrorsBesideTheFields() {
        TestApp.Client web = app.signIn("marieke");
        String page = "/koppelzones/" + zone + "/waardelekken";
        assertThat(web.get(page).body()).contains("Een waardelek melden").contains("Huisartsen Lekstad");
        Response wrong = web.submit(page, page, List.of(entry("parties", "wijkteam-lekstad"), entry("moment", "wachttijd"),
                entry("title", "Wachtlijst zonder overbrugging"), entry("description", ""), entry("frequency", "wekelijks")));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("Wachtlijst zonder overbrugging").contains("Kies twee of meer partijen")
                .contains("id=\"description-error\"");
        Response done = web.submit(page, page, List.of(entry("parties", "wijkteam-lekstad"), entry("parties", "huisartsen-lekstad"),
                entry("moment", "anders"), entry("momentOther", "na ziekenhuisopname"),
                entry("title", "Wachtlijst zonder overbrugging"), entry("description", "Geen hulp tijdens de wachttijd."),
                entry("frequency", "wekelijks")));
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.header("Location")).startsWith("/waardelekken/");
        assertThat(web.get(page + "?moment=na+ziekenhuisopname").body()).contains("Wachtlijst zonder overbrugging");
        assertThat(web.get(page + "?status=opgelost").body()).doesNotContain("Wachtlijst zonder overbrugging");
        assertThat(web.get("/koppelzones/" + zone).body()).contains(page);
    }

    @Test
    void aMeetingsAgendaProposesTheOpenLeaksAndItsDecisionMovesThem() {
        long leak = reportLeak();
        Response planned = chair.postJson("/api/v1/koppelzones/" + zone + "/meetings", Map.of("date", "2030-03-12",
                "startTime", "14:00", "endTime", "16:00", "location", "Stadskantoor"));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        long meeting = planned.json().get("id").asLong();
        JsonNode item = StreamSupport.stream(chair.get("/api/v1/meetings/" + meeting).json().get("agenda").spliterator(), false)
                .filter(entry -> entry.get("leak").asLong() == leak).findFirst().orElseThrow();
        assertThat(item.get("title").asText()).isEqualTo(TITLE);
        assertThat(item.get("detail").asText()).contains("Waardelek tussen").contains("aanmelding");
        assertThat(chair.get("/api/v1/leaks/" + leak).json().get("status").asText()).isEqualTo("geagendeerd");

        String decide = "/api/v1/meetings/" + meeting + "/items/" + item.get("id").asLong() + "/leak";
        assertThat(expert.postJson(decide, Map.of("status", "in_behandeling")).status()).isEqualTo(403);
        Response decided = chair.postJson(decide, Map.of("status", "opgelost", "agreement", agreement));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        JsonNode after = chair.get("/api/v1/leaks/" + leak).json();
        assertThat(after.get("status").asText()).isEqualTo("opgelost");
        assertThat(after.get("history").findValuesAsText("detail")).anyMatch(detail -> detail.contains("overleg van 12-3-2030"));

        // a solved leak is no longer proposed
        Response next = chair.postJson("/api/v1/koppelzones/" + zone + "/meetings", Map.of("date", "2030-04-12",
                "startTime", "14:00", "endTime", "16:00", "location", "Stadskantoor"));
        assertThat(next.json().get("agenda").toString()).doesNotContain(TITLE);
    }

    @Test
    void theChairDecidesOnALeakItemOnTheMeetingPage() {
        long leak = reportLeak();
        long meeting = chair.postJson("/api/v1/koppelzones/" + zone + "/meetings", Map.of("date", "2030-05-12",
                "startTime", "14:00", "endTime", "16:00")).json().get("id").asLong();
        long item = StreamSupport.stream(chair.get("/api/v1/meetings/" + meeting).json().get("agenda").spliterator(), false)
                .filter(entry -> entry.get("leak").asLong() == leak).findFirst().orElseThrow().get("id").asLong();
        TestApp.Client web = app.signIn("vera");
        String page = "/overleggen/" + meeting;
        assertThat(web.get(page).body()).contains("Besluit over dit waardelek").contains("/waardelekken/" + leak);
        String action = page + "/agenda/" + item + "/waardelek";
        Response noReason = web.submit(page, action, List.of(entry("status", "niet_opgepakt"), entry("agreement", ""),
                entry("reason", "")));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("Geef een reden waarom het waardelek niet wordt opgepakt.");
        Response done = web.submit(page, action, List.of(entry("status", "niet_opgepakt"), entry("agreement", ""),
                entry("reason", "Hoort bij de regionale koppelzone.")));
        assertThat(done.status()).isEqualTo(302);
        JsonNode after = chair.get("/api/v1/leaks/" + leak).json();
        assertThat(after.get("status").asText()).isEqualTo("niet_opgepakt");
        assertThat(after.get("reason").asText()).isEqualTo("Hoort bij de regionale koppelzone.");
        assertThat(app.signIn("marieke").get(page).body()).as("members see no decision form")
                .doesNotContain("Besluit over dit waardelek");
    }

    @Test
    void aLeakSolvedOnlyByADraftCannotBePublishedAndOutsidersNeverSeeTheDraft() {
        long draft = app.agreement(X, "Lekstad", "concept-afspraak", "Concept over terugbellen", "concept");
        long leak = reportLeak();
        String path = "/api/v1/leaks/" + leak;
        assertThat(chair.send("PATCH", path, "application/json",
                TestApp.json(Map.of("status", "opgelost", "agreements", List.of(draft)))).status()).isEqualTo(200);
        Response refused = chair.send("PATCH", path, "application/json", "{\"published\":true}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("published");
        // with the endorsed agreement too it can be published; visitors see only the public agreement
        assertThat(chair.send("PATCH", path, "application/json",
                TestApp.json(Map.of("agreements", List.of(agreement)))).status()).isEqualTo(200);
        assertThat(chair.send("PATCH", path, "application/json", "{\"published\":true}").status()).isEqualTo(200);
        JsonNode outside = app.get(path).json();
        assertThat(outside.get("agreements").findValuesAsText("title")).containsExactly("Warme overdracht");
        assertThat(app.get("/waardelekken/" + leak).body()).doesNotContain("Concept over terugbellen");
        assertThat(chair.get(path).json().get("agreements")).hasSize(2);
    }

    @Test
    void theDemoHasLeaksSomeSolvedByItsAgreementsAndSomeOpen(@TempDir Path demoDir) {
        try (TestApp demo = TestApp.startWithDemo(demoDir)) {
            List<String> statuses = demo.db.read(h -> h.createQuery(
                    "SELECT l.status FROM leak l JOIN koppelzone k ON k.id = l.koppelzone_id ORDER BY l.id").mapTo(String.class).list());
            assertThat(statuses).hasSize(7).contains("opgelost", "gesignaleerd", "geagendeerd", "in_behandeling", "niet_opgepakt");
            long solved = demo.db.read(h -> h.createQuery("""
                    SELECT a.id FROM leak l JOIN leak_agreement la ON la.leak_id = l.id JOIN agreement a ON a.id = la.agreement_id
                    WHERE l.published = 1 AND a.slug = 'warme-overdracht-bij-afschaling'""").mapTo(Long.class).one());
            assertThat(demo.get("/afspraken/" + solved).body()).contains("Lost dit waardelek op")
                    .contains("Na afschaling weet niemand wie het gezin volgt");
            demo.member("koppelzone-jeugd-tilburg", "lid", Role.LEZER);
            TestApp.Client chairWeb = demo.signIn("lid");
            assertThat(chairWeb.get("/koppelzones/koppelzone-jeugd-tilburg/waardelekken").body())
                    .contains("Geen overbrugging tijdens de wachttijd voor jeugd-ggz")
                    .contains("Verwijzing via de huisarts komt niet aan bij het wijkteam");
        }
    }

    @Test
    void anOpenLeakIsDrawnOnItsPairInTheChainForMembersOnly() {
        long leak = reportLeak();
        JsonNode chain = expert.get("/api/v1/koppelzones/" + zone + "/chain").json();
        JsonNode pair = null;
        for (JsonNode candidate : chain.get("pairs")) {
            List<String> slugs = List.of(candidate.get("parties").get(0).asText(), candidate.get("parties").get(1).asText());
            if (slugs.containsAll(List.of("wijkteam-lekstad", "jeugdhulp-de-brug-lekstad"))) {
                pair = candidate;
            }
        }
        assertThat(pair).as(chain.toString()).isNotNull();
        assertThat(pair.get("openLeaks").toString()).contains(String.valueOf(leak)).contains(TITLE);
        assertThat(app.signIn("marieke").get("/koppelzones/" + zone + "/keten").body()).contains(TITLE);

        assertThat(app.get("/api/v1/koppelzones/" + zone + "/chain").body()).as("a visitor").doesNotContain(TITLE);
        assertThat(outsider.get("/api/v1/koppelzones/" + zone + "/chain").body()).as("a member elsewhere").doesNotContain(TITLE);
        assertThat(app.get("/koppelzones/" + zone + "/keten").body()).doesNotContain(TITLE);
    }

    @Test
    void linkingAnAgreementAndSolvingMovesTheLeakToThatAgreementsPairAndVisitorsSeeItOnlyOncePublished() {
        long solving = app.agreementBetween(X, "Lekstad", "terugkoppeling-huisarts", "Terugkoppeling aan de huisarts",
                "bekrachtigd", List.of("Wijkteam Lekstad", "Huisartsen Lekstad"));
        long leak = reportLeak();
        String chainPath = "/api/v1/koppelzones/" + zone + "/chain";
        JsonNode reported = pair(expert.get(chainPath).json(), "wijkteam-lekstad", "jeugdhulp-de-brug-lekstad");
        assertThat(reported.get("openLeaks").findValuesAsText("id")).containsExactly(String.valueOf(leak));
        assertThat(reported.get("solvedLeaks").size()).isZero();

        Response solved = chair.send("PATCH", "/api/v1/leaks/" + leak, "application/json",
                TestApp.json(Map.of("status", "opgelost", "agreements", List.of(solving))));
        assertThat(solved.status()).as(solved.body()).isEqualTo(200);
        JsonNode chain = expert.get(chainPath).json();
        assertThat(pair(chain, "wijkteam-lekstad", "jeugdhulp-de-brug-lekstad").get("openLeaks").size())
                .as("no longer open on the pair where it was reported").isZero();
        JsonNode bound = pair(chain, "wijkteam-lekstad", "huisartsen-lekstad");
        assertThat(bound.get("agreements").findValuesAsText("id")).containsExactly(String.valueOf(solving));
        assertThat(bound.get("solvedLeaks").findValuesAsText("id")).containsExactly(String.valueOf(leak));
        assertThat(bound.get("solvedLeaks").get(0).get("agreements").get(0).asLong()).isEqualTo(solving);
        assertThat(bound.get("openLeaks").size()).isZero();
        assertThat(StreamSupport.stream(chain.get("pairs").spliterator(), false)
                .filter(pair -> pair.get("solvedLeaks").size() > 0).count()).as("only on the solving agreement's pair").isEqualTo(1);
        assertThat(app.signIn("marieke").get("/koppelzones/" + zone + "/keten").body())
                .contains("data-solved-leak=\"" + leak + "\"").contains("(opgelost door Terugkoppeling aan de huisarts)");

        // unpublished, a visitor and a member elsewhere see nothing of it
        assertThat(app.get(chainPath).body()).doesNotContain(TITLE);
        assertThat(outsider.get(chainPath).body()).doesNotContain(TITLE);
        assertThat(app.get("/koppelzones/" + zone + "/keten").body()).doesNotContain(TITLE);

        assertThat(chair.send("PATCH", "/api/v1/leaks/" + leak, "application/json", "{\"published\":true}").status())
                .isEqualTo(200);
        JsonNode visitor = pair(app.get(chainPath).json(), "wijkteam-lekstad", "huisartsen-lekstad");
        assertThat(visitor.get("solvedLeaks").findValuesAsText("title")).containsExactly(TITLE);
        assertThat(app.get("/koppelzones/" + zone + "/keten").body()).contains(TITLE);

        // reopened, it leaves the agreement's pair and is open again, for members only
        assertThat(chair.send("PATCH", "/api/v1/leaks/" + leak, "application/json", "{\"status\":\"in_behandeling\"}")
                .status()).isEqualTo(200);
        assertThat(app.get(chainPath).body()).doesNotContain(TITLE);
        JsonNode reopened = expert.get(chainPath).json();
        assertThat(pair(reopened, "wijkteam-lekstad", "huisartsen-lekstad").get("solvedLeaks").size()).isZero();
        assertThat(pair(reopened, "wijkteam-lekstad", "jeugdhulp-de-brug-lekstad").get("openLeaks").findValuesAsText("id"))
                .containsExactly(String.valueOf(leak));
    }

    @Test
    void aLeakGoesPublicOnlyWhenEveryFindingInItsTextsIsConfirmedOnThePageAndThroughTheApi() {
        Response created = report(expert, Map.of("parties", List.of("wijkteam-lekstad", "jeugdhulp-de-brug-lekstad"),
                "moment", "nazorg", "title", "Na de hulp belt niemand meer",
                "description", "Moeder Fatima hoort na afsluiting niets meer van de aanbieder.", "frequency", "maandelijks"));
        assertThat(created.status()).as("a name is a medium finding: saved with a warning").isEqualTo(201);
        long leak = created.json().get("id").asLong();
        assertThat(chair.send("PATCH", "/api/v1/leaks/" + leak, "application/json",
                TestApp.json(Map.of("status", "opgelost", "agreements", List.of(agreement)))).status()).isEqualTo(200);

        Response refused = chair.send("PATCH", "/api/v1/leaks/" + leak, "application/json", "{\"published\":true}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        assertThat(refused.body()).contains("naam").doesNotContain("\"published\":true");
        String fingerprint = refused.json().get("findings").get(0).get("fingerprint").asText();
        assertThat(app.get("/api/v1/leaks/" + leak).status()).as("still inside the koppelzone").isEqualTo(404);

        // on the page, the findings stand beside the publish button with a tick each
        TestApp.Client web = app.signIn("vera");
        String page = "/waardelekken/" + leak;
        Response shown = web.submit(page, page + "/publiceren", List.of(entry("published", "ja")));
        assertThat(shown.status()).isEqualTo(422);
        assertThat(shown.body()).contains("publiceren-vondst-" + fingerprint).contains("Fatima");
        Response published = web.submit(page, page + "/publiceren", List.of(entry("published", "ja"),
                entry("acceptedFindings", fingerprint), entry("acceptanceReason", "Verzonnen voorbeeldnaam")));
        assertThat(published.status()).as(published.body()).isEqualTo(302);
        assertThat(app.get("/api/v1/leaks/" + leak).json().get("published").asBoolean()).isTrue();
        Integer confirmations = app.db.read(h -> h.createQuery(
                "SELECT count(*) FROM text_privacy_confirmation WHERE source = 'leak' AND source_id = :id")
                .bind("id", leak).mapTo(Integer.class).one());
        assertThat(confirmations).isEqualTo(1);
        app.admin("beheer");
        assertThat(app.signIn("beheer").get("/beheer/audit?actie=privacy.confirm").body()).as("the audit names the source")
                .contains("een waardelek").doesNotContain("privacy.source.");
    }

    private static JsonNode pair(JsonNode chain, String a, String b) {
        for (JsonNode candidate : chain.get("pairs")) {
            List<String> slugs = List.of(candidate.get("parties").get(0).asText(), candidate.get("parties").get(1).asText());
            if (slugs.containsAll(List.of(a, b))) {
                return candidate;
            }
        }
        throw new AssertionError("no pair " + a + " and " + b + " in " + chain);
    }
}
