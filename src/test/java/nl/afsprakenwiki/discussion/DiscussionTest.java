package nl.afsprakenwiki.discussion;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.MailServer;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The discussion of an agreement through the real pages and API: comments on a paragraph that say
 * whether it changed since, replies in threads, editing one's own comment within 15 minutes (the
 * server's clock), resolving and reopening by the author or the voorzitter, mentions that mail members
 * only, and refusals with a Dutch message that keep what was typed.
 */
class DiscussionTest {

    private static final String X = "Koppelzone Jeugd Praatstad";
    private static final String BODY = """
            # Terugbellen

            Het wijkteam belt binnen vijf werkdagen terug.

            De aanbieder meldt zich bij het wijkteam.
            """;

    @TempDir
    static Path dir;
    static final MailServer MAIL = new MailServer();
    static final TestClock CLOCK = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
    static GreenMail greenMail;
    static TestApp app;
    static String zone;
    static long draft;

    @BeforeAll
    static void start() {
        greenMail = MAIL.start();
        app = TestApp.start(MAIL.wiki(dir.resolve("data")), CLOCK);
        zone = app.koppelzone(X, "Praatstad");
        draft = app.agreement(X, "Praatstad", "terugbellen", "Terugbellen na aanmelding", "concept", BODY);
        app.account("marieke", "Marieke de Vries");
        app.member(zone, "marieke", Role.PRAKTIJKEXPERT);
        app.account("lotte", "Lotte Lezer");
        app.member(zone, "lotte", Role.LEZER);
        app.account("vera", "Vera Voorzitter");
        app.member(zone, "vera", Role.VOORZITTER);
        app.account("buiten", "Bram Buiten");
    }

    @AfterAll
    static void stop() {
        app.close();
        MAIL.stop();
    }

    private static String page() {
        return "/afspraken/" + draft;
    }

    private static Response post(TestApp.Client client, Map<String, Object> body) {
        return client.postJson("/api/v1/agreements/" + draft + "/comments", body);
    }

    @Test
    void aMemberCommentsOnAParagraphAndSeesWhetherItChangedSince() {
        TestApp.Client marieke = app.signIn("marieke");
        String agreementPage = marieke.get(page()).body();
        assertThat(agreementPage).contains("<h2 id=\"discussie-titel\">Discussie</h2>")
                .contains("<label for=\"opmerking-alinea\">Bij alinea (revisie 1)")
                .contains("<option value=\"1\">Alinea 2: Het wijkteam belt binnen vijf werkdagen terug.</option>")
                .contains("<label for=\"opmerking\">Opmerking</label>");

        Response posted = marieke.submit(page(), page() + "/discussie", List.of(entry("revision", "1"), entry("block", "1"),
                entry("replyTo", ""), entry("text", "Is **vijf werkdagen** haalbaar in de zomer?")));
        assertThat(posted.status()).isEqualTo(302);
        assertThat(posted.header("Location")).startsWith(page() + "?melding=opmerking-geplaatst#opmerking-");
        String after = marieke.get(page() + "?melding=opmerking-geplaatst").body();
        assertThat(after).contains("Uw opmerking is geplaatst.")
                .contains("<strong>vijf werkdagen</strong>")
                .contains("bij revisie 1, alinea 2 (Het wijkteam belt binnen vijf werkdagen terug.)")
                .contains("alinea ongewijzigd");

        // the paragraph is rewritten in revision 2; the comment stays with revision 1 and says so
        Response saved = app.bearer("marieke").putJson("/api/v1/agreements/" + draft, Map.of("title", "Terugbellen na aanmelding",
                "body", BODY.replace("vijf werkdagen", "drie werkdagen"), "baseRevision", 1, "summary", "Sneller"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(marieke.get(page()).body()).contains("bij revisie 1, alinea 2").contains("alinea sindsdien gewijzigd")
                .contains("<label for=\"opmerking-alinea\">Bij alinea (revisie 2)");

        JsonNode thread = threadWith(app.bearer("lotte").get("/api/v1/agreements/" + draft + "/comments").json(),
                "haalbaar in de zomer");
        assertThat(thread.get("revision").asInt()).isEqualTo(1);
        assertThat(thread.at("/block/index").asInt()).isEqualTo(1);
        assertThat(thread.at("/block/changedSince").asBoolean()).isTrue();
        assertThat(thread.get("author").asText()).isEqualTo("Marieke de Vries");
        assertThat(thread.get("editable").asBoolean()).as("lotte did not write it").isFalse();
    }

    @Test
    void repliesFormOneThreadAndTheVoorzitterOrTheAuthorResolvesAndReopensIt() {
        long first = post(app.bearer("lotte"), Map.of("text", "Wie belt er bij ziekte?")).json().get("id").asLong();
        long reply = post(app.bearer("marieke"), Map.of("text", "De collega van het team.", "replyTo", first)).json()
                .get("id").asLong();
        Response toReply = post(app.bearer("vera"), Map.of("text", "Afgesproken.", "replyTo", reply));
        assertThat(toReply.json().get("replyTo").asLong()).as("a reply to a reply joins the thread").isEqualTo(first);
        JsonNode thread = threadWith(app.bearer("vera").get("/api/v1/agreements/" + draft + "/comments").json(),
                "Wie belt er bij ziekte?");
        assertThat(thread.get("replies")).extracting(JsonNode::asText).hasSize(2);
        assertThat(thread.get("replies").get(0).get("text").asText()).isEqualTo("De collega van het team.");

        Response notAllowed = app.bearer("marieke").postJson("/api/v1/comments/" + first + "/resolve", Map.of());
        assertThat(notAllowed.status()).isEqualTo(403);
        assertThat(notAllowed.json().get("detail").asText()).contains("Alleen de schrijver van de eerste opmerking");
        assertThat(app.bearer("vera").postJson("/api/v1/comments/" + reply + "/resolve", Map.of()).status())
                .as("a reply is no thread").isEqualTo(409);

        Response resolved = app.bearer("vera").postJson("/api/v1/comments/" + first + "/resolve", Map.of());
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.json().get("resolved").asBoolean()).isTrue();
        assertThat(resolved.json().get("resolvedBy").asText()).isEqualTo("Vera Voorzitter");
        assertThat(app.signIn("lotte").get(page()).body()).contains("Afgehandeld door Vera Voorzitter");

        // the author reopens with the page's form
        TestApp.Client lotte = app.signIn("lotte");
        Response reopened = lotte.submit(page(), "/opmerkingen/" + first + "/afhandelen", List.of(entry("afgehandeld", "nee")));
        assertThat(reopened.status()).isEqualTo(302);
        assertThat(reopened.header("Location")).isEqualTo(page() + "?melding=draad-heropend#opmerking-" + first);
        assertThat(app.services.comments().find(first).orElseThrow().resolved()).isFalse();
        assertThat(actions()).contains("comment.create", "comment.reply", "comment.resolve", "comment.reopen");
    }

    @Test
    void theAuthorEditsWithinFifteenMinutesTheEarlierTextIsKeptAndLaterItIsRefused() {
        TestApp.Client marieke = app.signIn("marieke");
        long id = post(app.bearer("marieke"), Map.of("text", "Eerste versie van mijn opmerking.")).json().get("id").asLong();
        assertThat(marieke.get(page()).body()).contains("href=\"/opmerkingen/" + id + "/bewerken\"");
        assertThat(app.signIn("lotte").get(page()).body()).doesNotContain("href=\"/opmerkingen/" + id + "/bewerken\"");

        CLOCK.advance(Duration.ofMinutes(14));
        String form = "/opmerkingen/" + id + "/bewerken";
        assertThat(marieke.get(form).body()).contains("Eerste versie van mijn opmerking.</textarea>");
        Response edited = marieke.submit(form, form, List.of(entry("text", "Tweede versie van mijn opmerking.")));
        assertThat(edited.status()).isEqualTo(302);
        assertThat(app.services.comments().find(id).orElseThrow().body()).isEqualTo("Tweede versie van mijn opmerking.");
        assertThat(app.services.comments().earlierTexts(id)).containsExactly("Eerste versie van mijn opmerking.");
        assertThat(marieke.get(page()).body()).contains("Tweede versie van mijn opmerking.").contains("bewerkt");
        String details = app.db.read(handle -> handle.createQuery(
                "SELECT details FROM audit_event WHERE action = 'comment.edit' ORDER BY id DESC LIMIT 1").mapTo(String.class).one());
        assertThat(details).contains("\"previousSha256\":\"" + nl.afsprakenwiki.text.Hashes.sha256("Eerste versie van mijn opmerking.") + "\"");

        Response other = app.bearer("vera").putJson("/api/v1/comments/" + id, Map.of("text", "Overgeschreven."));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().get("detail").asText()).isEqualTo("Alleen de schrijver kan een opmerking bewerken.");

        CLOCK.advance(Duration.ofMinutes(2));
        Response late = app.bearer("marieke").putJson("/api/v1/comments/" + id, Map.of("text", "Derde versie."));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asText()).contains("eerste 15 minuten");
        assertThat(marieke.get(form).status()).isEqualTo(409);
        assertThat(marieke.get(page()).body()).doesNotContain("href=\"/opmerkingen/" + id + "/bewerken\"");
    }

    @Test
    void aTooLongOrEmptyCommentIsRefusedWithADutchMessageThatKeepsTheText() {
        TestApp.Client lotte = app.signIn("lotte");
        String typed = "Dit is te lang. " + "x".repeat(5000);
        Response refused = lotte.submit(page(), page() + "/discussie", List.of(entry("revision", "1"), entry("block", "2"),
                entry("replyTo", ""), entry("text", typed)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Een opmerking is hoogstens 5000 tekens; deze is 5016 tekens.")
                .contains(">" + typed + "</textarea>").contains("aria-invalid=\"true\"")
                .contains("<option value=\"2\" selected>");

        Response empty = post(app.bearer("lotte"), Map.of("text", "   "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asText()).isEqualTo("Schrijf een opmerking.");
        Response noSuchParagraph = post(app.bearer("lotte"), Map.of("text", "Over niets.", "revision", 1, "block", 99));
        assertThat(noSuchParagraph.status()).isEqualTo(400);
        assertThat(noSuchParagraph.json().at("/errors/block").asText()).isEqualTo("Kies een alinea die in revisie 1 voorkomt.");
        assertThat(post(app.bearer("lotte"), Map.of("text", "Over de toekomst.", "revision", 99)).json().at("/errors/revision")
                .asText()).isEqualTo("Revisie 99 van deze afspraak bestaat niet.");
        for (int number : new int[] {0, -1}) {
            assertThat(post(app.bearer("lotte"), Map.of("text", "Over niets.", "revision", number)).json().at("/errors/revision")
                    .asText()).isEqualTo("Revisie " + number + " van deze afspraak bestaat niet.");
        }
        assertThat(post(app.bearer("lotte"), Map.of("text", 5)).status()).isEqualTo(400);
        assertThat(lotte.postForm(page() + "/discussie", List.of(entry("text", "Zonder token."))).status())
                .as("the form needs its CSRF token").isEqualTo(403);
    }

    @Test
    void commentTextIsRenderedSanitised() {
        post(app.bearer("lotte"), Map.of("text", "Kijk <script>alert('x')</script> [hier](javascript:alert(1)) <b onclick=\"x()\">vet</b>"));
        String html = app.signIn("lotte").get(page()).body();
        assertThat(html).contains("Kijk &lt;script&gt;alert(").doesNotContain("<script>alert")
                .doesNotContain("href=\"javascript").doesNotContain("<b onclick");
    }

    @Test
    void aMentionMailsAMemberButNotAnOutsiderNorAnUnknownNameNorTheAuthor() {
        long id = post(app.bearer("lotte"), Map.of("text", "@marieke en @Vera, kijken jullie mee? Ook @buiten, @niemand-hier en @lotte."))
                .json().get("id").asLong();
        List<String> told = app.db.read(handle -> handle.createQuery("""
                        SELECT a.username FROM outbox o JOIN account a ON a.id = o.account_id
                        WHERE o.kind = 'discussion.mention' AND o.event_key = :key ORDER BY a.username""")
                .bind("key", "comment:" + id + ":mention").mapTo(String.class).list());
        assertThat(told).containsExactly("marieke", "vera");
        String subject = app.db.read(handle -> handle.createQuery("SELECT subject FROM outbox WHERE event_key = :key LIMIT 1")
                .bind("key", "comment:" + id + ":mention").mapTo(String.class).one());
        assertThat(subject).isEqualTo("Lotte Lezer noemde u in de discussie over Terugbellen na aanmelding");
        String html = app.signIn("lotte").get(page()).body();
        assertThat(html).as("an unknown name stays plain text (the sanitiser writes @ as &#64;)")
                .contains("Ook &#64;buiten, &#64;niemand-hier en &#64;lotte.</p>");
    }

    @Test
    void theUnitsOfAParagraphAreItsBlocksAndTheirHashesFollowTheText() {
        Paragraphs paragraphs = Paragraphs.of("# Kop\n\nEerste alinea\nover twee regels.\n\n\n- punt\n");
        assertThat(paragraphs.all()).extracting(Paragraphs.Paragraph::text)
                .containsExactly("# Kop", "Eerste alinea\nover twee regels.", "- punt");
        assertThat(paragraphs.get(0).excerpt()).isEqualTo("Kop");
        assertThat(paragraphs.get(1).excerpt()).isEqualTo("Eerste alinea over twee regels.");
        assertThat(Paragraphs.of("Eerste alinea\nover twee regels.").hashes()).containsExactly(paragraphs.get(1).sha256());
        assertThat(Paragraphs.excerpt("woord ".repeat(30))).endsWith(" …").hasSizeLessThan(66);
        // the paragraphs of a text are kept by that text: the same text, the same paragraphs
        assertThat(Paragraphs.of(new String("# Kop\n\nEerste alinea\nover twee regels.\n\n\n- punt\n"))).isSameAs(paragraphs);
        assertThat(Paragraphs.of("# Kop\n\nAndere alinea.").get(1).excerpt()).isEqualTo("Andere alinea.");
        assertThat(MentionMail.names("Mail @Jan. en piet@example.nl, @an_na!")).containsExactly("jan", "an_na");
    }

    private static List<String> actions() {
        return app.db.read(handle -> handle.createQuery("SELECT action FROM audit_event").mapTo(String.class).list());
    }

    private static JsonNode threadWith(JsonNode discussion, String text) {
        for (JsonNode thread : discussion.get("threads")) {
            if (thread.get("text").asText().contains(text)) {
                return thread;
            }
        }
        throw new AssertionError("no thread with '" + text + "' in " + discussion);
    }
}
