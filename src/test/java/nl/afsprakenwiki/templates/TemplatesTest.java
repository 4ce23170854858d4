package nl.afsprakenwiki.templates;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.markdown.MarkdownComments;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** Templates through real HTTP: the new-agreement form, the API, and the voorzitter's management pages. */
class TemplatesTest {

    private static final List<String> HEADINGS = List.of("## Aanleiding en waardelek", "## Afspraken", "## Wie doet wat",
            "## Termijnen", "## Uitzonderingen", "## Evaluatie");
    private static final Pattern TEXTAREA = Pattern.compile("<textarea id=\"body\"[^>]*>(.*?)</textarea>", Pattern.DOTALL);

    @TempDir
    Path dir;
    private TestApp app;
    private String koppelzone;
    /** The voorzitter of the koppelzone, signed in with the login form. */
    private TestApp.Client chair;
    /** A praktijkexpert of the koppelzone, signed in with the login form. */
    private TestApp.Client expert;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        koppelzone = app.koppelzone("Koppelzone Jeugd Teststad", "Teststad");
        app.member(koppelzone, "voorzitter", Role.VOORZITTER);
        app.member(koppelzone, "expert", Role.PRAKTIJKEXPERT);
        chair = app.signIn("voorzitter");
        expert = app.signIn("expert");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private Template national() {
        return app.services.templates().available(null, Template.NATIONAL).orElseThrow();
    }

    private int count(String sql) {
        return app.db.read(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    private static String textarea(String html) {
        Matcher matcher = TEXTAREA.matcher(html);
        assertThat(matcher.find()).as("the page has the body textarea").isTrue();
        return matcher.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", "\"").replace("&#39;", "'")
                .replace("&quot;", "\"").replace("&amp;", "&");
    }

    private List<Map.Entry<String, String>> createForm(String csrf, String template, String body) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(entry("csrf", csrf));
        fields.add(entry("sjabloon", template));
        fields.add(entry("title", "Terugbellen na aanmelding"));
        fields.add(entry("body", body));
        fields.add(entry("parties", "wijkteam-teststad"));
        fields.add(entry("parties", "huisartsen-teststad"));
        fields.add(entry("summary", "Eerste versie"));
        fields.add(entry("action", "save"));
        return fields;
    }

    private String storedBody(String location) {
        long id = Long.parseLong(location.replaceAll("/afspraken/(\\d+).*", "$1"));
        return expert.get("/api/v1/agreements/" + id).json().get("body").asText();
    }

    private static void hasHeadingsAndNoHints(String body, Template national) {
        assertThat(body).contains(HEADINGS).doesNotContain("<!--").doesNotContain("-->");
        assertThat(national.hints()).hasSize(6);
        for (MarkdownComments.Hint hint : national.hints()) {
            assertThat(body).doesNotContain(hint.text());
        }
    }

    @Test
    void theNewFormAsksWhichTemplateAndStartsEmptyUntilOneIsChosen() {
        String empty = expert.get("/koppelzones/" + koppelzone + "/nieuw").body();
        assertThat(empty).contains("<legend>Beginnen met een sjabloon</legend>")
                .contains("Landelijk sjabloon").contains("value=\"landelijk\"").contains("Lege tekst")
                .doesNotContain("Toelichting bij het sjabloon");
        assertThat(textarea(empty)).isEmpty();

        Response chosen = expert.get("/koppelzones/" + koppelzone + "/nieuw?sjabloon=landelijk");
        assertThat(chosen.status()).isEqualTo(200);
        assertThat(textarea(chosen.body())).isEqualTo(national().source());
        // the hints stand beside the editor too, under their headings
        assertThat(chosen.body()).contains("<h2 id=\"sjabloon-toelichting\">Toelichting bij het sjabloon</h2>")
                .contains("<dt>Termijnen</dt>").contains(national().hints().get(3).text())
                .contains("<input type=\"hidden\" name=\"sjabloon\" value=\"landelijk\">");
        assertThat(expert.get("/koppelzones/" + koppelzone + "/nieuw?sjabloon=bestaat-niet").status()).isEqualTo(404);
    }

    @Test
    void creatingAnAgreementFromTheNationalTemplateWithTheFormGivesItsHeadingsAndNoneOfItsHints() {
        String page = "/koppelzones/" + koppelzone + "/nieuw?sjabloon=landelijk";
        String filled = textarea(expert.get(page).body())
                .replace("## Termijnen\n", "## Termijnen\nBinnen vijf werkdagen belt het wijkteam terug.\n");
        assertThat(filled).contains("<!--");

        Response created = expert.postForm("/koppelzones/" + koppelzone + "/afspraken",
                createForm(expert.csrfToken(page), "landelijk", filled));

        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String body = storedBody(created.header("Location"));
        hasHeadingsAndNoHints(body, national());
        assertThat(body).contains("## Termijnen\nBinnen vijf werkdagen belt het wijkteam terug.");
    }

    @Test
    void creatingAnAgreementFromTheNationalTemplateWithTheApiGivesItsHeadingsAndNoneOfItsHints() {
        TestApp.Client api = app.bearer("expert");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", "Overdracht bij verhuizing");
        request.put("template", "landelijk");
        request.put("parties", List.of("wijkteam-teststad"));
        Response created = api.postJson("/api/v1/koppelzones/" + koppelzone + "/agreements", request);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String body = storedBody(created.header("Location").replace("/api/v1/agreements/", "/afspraken/"));
        hasHeadingsAndNoHints(body, national());

        // a client that sends the template's source itself, hints and all, gets them removed as well
        request.put("title", "Overdracht bij verhuizing, tweede");
        request.put("body", national().source() + "\nEigen tekst.\n");
        Response withSource = api.postJson("/api/v1/koppelzones/" + koppelzone + "/agreements", request);
        assertThat(withSource.status()).as(withSource.body()).isEqualTo(201);
        String second = storedBody(withSource.header("Location").replace("/api/v1/agreements/", "/afspraken/"));
        hasHeadingsAndNoHints(second, national());
        assertThat(second).contains("Eigen tekst.");
    }

    @Test
    void anUnknownTemplateIsRefusedWithAProblemThatNamesIt() {
        Response refused = app.bearer("expert").postJson("/api/v1/koppelzones/" + koppelzone + "/agreements",
                Map.of("title", "Iets", "template", "bestaat-niet", "parties", List.of("wijkteam-teststad")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("'bestaat-niet'")
                .contains("/api/v1/templates?koppelzone=" + koppelzone);
        assertThat(count("SELECT count(*) FROM agreement")).isZero();
    }

    @Test
    void theApiListsTheNationalTemplateToEveryoneAndAKoppelzonesOwnOnlyToItsMembers() {
        long koppelzoneId = app.services.koppelzones().bySlug(koppelzone).orElseThrow().id();
        app.services.templates().create(koppelzoneId, "Teststad kort", "## Afspraak\n<!-- Wat precies? -->\n",
                nl.afsprakenwiki.access.Author.system("test"));

        Response anonymous = app.get("/api/v1/templates?koppelzone=" + koppelzone);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().get("items")).hasSize(1);
        var item = anonymous.json().get("items").get(0);
        assertThat(item.get("slug").asText()).isEqualTo("landelijk");
        assertThat(item.get("national").asBoolean()).isTrue();
        assertThat(item.get("body").asText()).contains(HEADINGS).doesNotContain("<!--");
        assertThat(item.get("source").asText()).contains("<!--");
        assertThat(item.get("hints").get(0).get("heading").asText()).isEqualTo("Aanleiding en waardelek");

        Response member = app.bearer("expert").get("/api/v1/templates?koppelzone=" + koppelzone);
        assertThat(member.json().get("items").findValuesAsText("slug")).containsExactly("landelijk", "teststad-kort");
        assertThat(app.get("/api/v1/templates?koppelzone=nergens").status()).isEqualTo(400);
    }

    @Test
    void theVoorzitterCreatesEditsAndRetiresATemplateAndEveryChangeIsARevisionInTheAuditLog() {
        String list = "/koppelzones/" + koppelzone + "/sjablonen";
        assertThat(chair.get("/koppelzones/" + koppelzone + "/beheer").body()).contains("href=\"" + list + "\"");
        Response created = chair.postForm(list, List.of(entry("csrf", chair.csrfToken(list)), entry("name", "Korte afspraak"),
                entry("body", "## Afspraak\n<!-- Wat spreken we af? -->\n")));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String page = created.header("Location").replace("?melding=aangemaakt", "");
        assertThat(chair.get(created.header("Location")).body()).contains("Het sjabloon is aangemaakt.");

        Response saved = chair.postForm(page, List.of(entry("csrf", chair.csrfToken(page)), entry("name", "Korte afspraak"),
                entry("baseRevision", "1"), entry("body", "## Afspraak\n<!-- Wat spreken we af? -->\n\n## Termijn\n")));
        assertThat(saved.header("Location")).isEqualTo(page + "?melding=opgeslagen");
        String edit = chair.get(page).body();
        assertThat(edit).contains("Revisie 2").contains("Revisie 1").contains("## Termijn");

        // the writer of a new agreement is offered it, with its hint beside the editor
        String form = expert.get("/koppelzones/" + koppelzone + "/nieuw?sjabloon=korte-afspraak").body();
        assertThat(textarea(form)).isEqualTo("## Afspraak\n<!-- Wat spreken we af? -->\n\n## Termijn\n");
        assertThat(form).contains("<dd>Wat spreken we af?</dd>");

        Response retired = chair.postForm(page + "/intrekken", List.of(entry("csrf", chair.csrfToken(page))));
        assertThat(retired.header("Location")).isEqualTo(page + "?melding=ingetrokken");
        assertThat(chair.get(page).body()).contains("Dit sjabloon is ingetrokken.").doesNotContain("name=\"baseRevision\"");
        assertThat(expert.get("/koppelzones/" + koppelzone + "/nieuw").body()).doesNotContain("korte-afspraak");
        assertThat(expert.get("/koppelzones/" + koppelzone + "/nieuw?sjabloon=korte-afspraak").status()).isEqualTo(404);
        assertThat(app.bearer("expert").postJson("/api/v1/koppelzones/" + koppelzone + "/agreements", Map.of("title", "X",
                "template", "korte-afspraak", "parties", List.of("wijkteam-teststad"))).status()).isEqualTo(400);

        List<String> actions = app.db.read(handle -> handle.createQuery(
                "SELECT action FROM audit_event WHERE action LIKE 'template.%' ORDER BY id").mapTo(String.class).list());
        assertThat(actions).containsExactly("template.created", "template.updated", "template.retired");
        assertThat(count("SELECT count(*) FROM template_revision r JOIN template t ON t.id = r.template_id "
                + "WHERE t.slug = 'korte-afspraak'")).isEqualTo(2);
        app.admin("beheerder");
        assertThat(app.signIn("beheerder").get("/beheer/audit").body()).contains("maakte het sjabloon")
                .contains("Korte afspraak");
    }

    @Test
    void onlyTheVoorzitterManagesTemplatesAndATemplateOfAnotherKoppelzoneIsNotFound() {
        String list = "/koppelzones/" + koppelzone + "/sjablonen";
        assertThat(expert.get(list).status()).isEqualTo(403);
        assertThat(expert.postForm(list, List.of(entry("csrf", expert.csrfToken("/koppelzones/" + koppelzone + "/nieuw")),
                entry("name", "Mag niet"), entry("body", "## Kop\n"))).status()).isEqualTo(403);

        String other = app.koppelzone("Koppelzone Jeugd Anderstad", "Anderstad");
        long otherId = app.services.koppelzones().bySlug(other).orElseThrow().id();
        long foreign = app.services.templates().create(otherId, "Van elders", "## Kop\n",
                nl.afsprakenwiki.access.Author.system("test")).id();
        assertThat(chair.get(list + "/" + foreign).status()).isEqualTo(404);
        assertThat(chair.postForm(list + "/" + foreign + "/intrekken", List.of(entry("csrf", chair.csrfToken(list))))
                .status()).isEqualTo(404);
        assertThat(chair.get(list + "/" + national().id()).status()).isEqualTo(404);
        assertThat(chair.get(list + "/abc").status()).isEqualTo(404);
        assertThat(chair.get(list + "/99999999999").status()).isEqualTo(404);
        assertThat(expert.get("/koppelzones/" + koppelzone + "/nieuw?sjabloon=van-elders").status()).isEqualTo(404);
    }

    @Test
    void anInvalidTemplateComesBackWithDutchMessagesAndKeepsWhatWasTyped() {
        String list = "/koppelzones/" + koppelzone + "/sjablonen";
        Response refused = chair.postForm(list, List.of(entry("csrf", chair.csrfToken(list)), entry("name", " "),
                entry("body", "Mijn <b>tekst</b> & meer")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Vul een naam in.")
                .contains("Mijn &lt;b&gt;tekst&lt;/b&gt; &amp; meer</textarea>");
        Response noBody = chair.postForm(list, List.of(entry("csrf", chair.csrfToken(list)), entry("name", "Naam"),
                entry("body", "")));
        assertThat(noBody.status()).isEqualTo(422);
        assertThat(noBody.body()).contains("Vul de tekst van het sjabloon in.").contains("value=\"Naam\"");
    }

    @Test
    void aSaveOnTopOfAnOlderRevisionIsNotLostAndSavingAgainKeepsIt() {
        long koppelzoneId = app.services.koppelzones().bySlug(koppelzone).orElseThrow().id();
        var author = nl.afsprakenwiki.access.Author.system("Iemand anders");
        long id = app.services.templates().create(koppelzoneId, "Gedeeld", "## Eerst\n", author).id();
        app.services.templates().update(koppelzoneId, id, 1, "Gedeeld", "## Tussendoor\n", author);
        String page = "/koppelzones/" + koppelzone + "/sjablonen/" + id;

        Response stale = chair.postForm(page, List.of(entry("csrf", chair.csrfToken(page)), entry("name", "Gedeeld"),
                entry("baseRevision", "1"), entry("body", "## Mijn versie\n")));
        assertThat(stale.status()).isEqualTo(422);
        assertThat(stale.body()).contains("Iemand anders heeft het sjabloon intussen gewijzigd (revisie 2, door Iemand anders)")
                .contains("## Mijn versie\n</textarea>").contains("name=\"baseRevision\" value=\"2\"");

        Response again = chair.postForm(page, List.of(entry("csrf", chair.csrfToken(page)), entry("name", "Gedeeld"),
                entry("baseRevision", "2"), entry("body", "## Mijn versie\n")));
        assertThat(again.header("Location")).isEqualTo(page + "?melding=opgeslagen");
        assertThat(app.services.templates().revisions(id)).extracting(Template.Revision::source)
                .containsExactly("## Mijn versie\n", "## Tussendoor\n", "## Eerst\n");
    }

    @Test
    void thePreviewOfTheNewFormLeavesTheHintsOutAndTheEditorsPreviewShowsWhatWillBeSaved() {
        String csrf = expert.csrfToken("/koppelzones/" + koppelzone + "/nieuw");
        String text = "## Afspraken\n<!-- Wat spreken de partijen af? -->\n\nTekst.\n";
        Response creating = expert.postForm("/voorbeeld", List.of(entry("csrf", csrf), entry("sjabloon", ""),
                entry("body", text)));
        assertThat(creating.body()).contains("Afspraken").contains("<p>Tekst.</p>").doesNotContain("Wat spreken");
        // elsewhere (editing) the text is saved as written, and the preview says so
        Response editing = expert.postForm("/voorbeeld", List.of(entry("csrf", csrf), entry("body", text)));
        assertThat(editing.body()).contains("Wat spreken");
    }
}
