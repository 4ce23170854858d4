package nl.afsprakenwiki.site;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every page has around its content and what a visitor notices first: recent changes grouped per
 * agreement, the icons, the footer's links, the way to adopt for visitors, and the accessibility and
 * privacy statements (shipped, and replaced by the operator from the data directory).
 */
class SiteFurnitureTest {

    @TempDir
    static Path dir;
    static TestApp app;
    static String koppelzone;
    static long published;
    static long busy;
    static final List<Long> others = new ArrayList<>();
    static TestApp.Client member;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        koppelzone = app.koppelzone("Koppelzone Drukte", "Drukstad");
        app.koppelzone("Koppelzone Elders", "Elderstad");
        published = app.agreement("Koppelzone Drukte", "Drukstad", "gepubliceerd", "Gepubliceerde afspraak", "bekrachtigd");
        app.account("anna", "Anna Aalbers");
        app.account("bart", "Bart Bos");
        member = app.signIn(app.member(koppelzone, "anna", Role.PRAKTIJKEXPERT));
        app.member(koppelzone, "bart", Role.PRAKTIJKEXPERT);
        TestApp.Client anna = app.bearer("anna");
        TestApp.Client bart = app.bearer("bart");
        busy = create(anna, "Drukke afspraak");
        for (int i = 0; i < 13; i++) {
            others.add(create(anna, "Rustige afspraak " + i));
        }
        // the busy agreement is edited last, by both, many times: it must still be listed once
        for (int revision = 1; revision <= 8; revision++) {
            TestApp.Client editor = revision % 2 == 0 ? anna : bart;
            Response saved = editor.putJson("/api/v1/agreements/" + busy, Map.of("title", "Drukke afspraak",
                    "body", "Tekst, versie " + (revision + 1) + ".", "baseRevision", revision));
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        }
    }

    private static long create(TestApp.Client client, String title) {
        Response created = client.postJson("/api/v1/koppelzones/" + koppelzone + "/agreements",
                Map.of("title", title, "body", "Tekst van " + title + ".", "parties", List.of("wijkteam-drukstad")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String recentSection(String page) {
        int start = page.indexOf("id=\"recent\"");
        assertThat(start).as("the home page has a recent-changes section: %s", page).isPositive();
        return page.substring(start, page.indexOf("</ol>", start));
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }

    @Test
    void recentChangesListEachAgreementOnceWithItsChangesAndPeopleNewestFirst() {
        String recent = recentSection(member.get("/").body());
        assertThat(count(recent, "href=\"/afspraken/" + busy + "\"")).as(recent).isEqualTo(1);
        assertThat(recent.indexOf("/afspraken/" + busy + "\"")).as("the busy agreement changed last: first")
                .isLessThan(recent.indexOf("/afspraken/" + others.get(12) + "\""));
        assertThat(recent).contains("9 wijzigingen door 2 personen, laatst op ")
                .contains("1 wijziging door Anna Aalbers op ")
                .doesNotContain("(s)").doesNotContain("(en)").doesNotContain("revisie 9 door");
        assertThat(count(recent, "<li>")).as("a fixed number of agreements").isEqualTo(12);
        // the oldest quiet agreements fell off, not the busy one
        assertThat(recent).doesNotContain("/afspraken/" + others.get(0) + "\"");
    }

    @Test
    void recentChangesSpeakEnglishWithEnglishPlurals() {
        TestApp.Client english = app.signIn("bart");
        english.get("/taal/en");
        String recent = recentSection(english.get("/").body());
        assertThat(recent).contains("9 changes by 2 people, last on ").contains("1 change by Anna Aalbers on ")
                .doesNotContain("wijziging");
    }

    @Test
    void visitorsSeeOnlyPublishedChanges() {
        String recent = recentSection(app.get("/").body());
        assertThat(recent).contains("/afspraken/" + published + "\"").doesNotContain("/afspraken/" + busy + "\"")
                .contains("1 wijziging door ");
    }

    @Test
    void theFaviconAndAppIconsAreServed() {
        Response ico = app.get("/favicon.ico");
        assertThat(ico.status()).isEqualTo(200);
        assertThat(ico.header("Content-Type")).startsWith("image/x-icon");
        assertThat(ico.header("Cache-Control")).contains("max-age");
        Response svg = app.get("/static/img/favicon.svg");
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(svg.body()).contains("<svg");
        assertThat(app.get("/static/img/apple-touch-icon.png").header("Content-Type")).startsWith("image/png");
        Response manifest = app.get("/static/manifest.webmanifest");
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.json().get("icons").size()).isEqualTo(3);
        for (var icon : manifest.json().get("icons")) {
            assertThat(app.get(icon.get("src").asText()).status()).as(icon.toString()).isEqualTo(200);
        }
        assertThat(app.get("/").body()).contains("<link rel=\"icon\" href=\"/favicon.ico\"")
                .contains("href=\"/static/img/favicon.svg\" type=\"image/svg+xml\"")
                .contains("rel=\"apple-touch-icon\"").contains("rel=\"manifest\"");
    }

    @Test
    void theFooterLinksToTheServedApiDocumentationAndTheStatements() {
        for (String path : List.of("/", "/koppelzones/" + koppelzone, "/afspraken/" + published, "/zoeken")) {
            String footer = app.get(path).body();
            footer = footer.substring(footer.indexOf("<footer"));
            assertThat(footer).as(path).contains("href=\"/api\"").contains("href=\"/toegankelijkheid\"")
                    .contains("href=\"/privacy\"").doesNotContain("docs/API.md");
        }
        Response docs = app.get("/api");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("API-documentatie").contains("href=\"/api/v1/openapi.json\"")
                .contains("src=\"/webjars/swagger-ui/").contains("src=\"/static/js/api-docs.js\"")
                .doesNotContain("<script>").doesNotContain("https://cdn");
        assertThat(app.get(nl.afsprakenwiki.web.Assets.SWAGGER_UI_JS).status()).isEqualTo(200);
        assertThat(app.get(nl.afsprakenwiki.web.Assets.SWAGGER_UI_CSS).status()).isEqualTo(200);
        assertThat(app.get("/static/js/api-docs.js").status()).isEqualTo(200);
    }

    @Test
    void aVisitorIsInvitedToSignInToAdoptAndAMemberIsNot() {
        String visitor = app.get("/afspraken/" + published).body();
        assertThat(visitor).contains("Inloggen om over te nemen")
                .contains("href=\"/login?terug=%2Fafspraken%2F" + published + "\"");
        String otherMember = app.signIn(app.member("koppelzone-elders", "carla", Role.PRAKTIJKEXPERT))
                .get("/afspraken/" + published).body();
        assertThat(otherMember).contains("Overnemen in mijn koppelzone").doesNotContain("Inloggen om over te nemen");
        assertThat(member.get("/afspraken/" + published).body()).doesNotContain("Inloggen om over te nemen");
        // a concept is nothing to adopt, also not for a visitor (who cannot see it at all)
        assertThat(member.get("/afspraken/" + busy).body()).doesNotContain("Inloggen om over te nemen");
    }

    @Test
    void theStatementsAreThereInBothLanguages() {
        TestApp.Client english = app.newBrowser();
        english.get("/taal/en");
        Map<String, List<String>> dutch = Map.of("/toegankelijkheid", List.of("Toegankelijkheidsverklaring", "WCAG 2.1",
                "axe-core", "390 pixels", "Bekende beperkingen", "Contact"), "/privacy", List.of("Privacyverklaring",
                "e-mailadres", "IP-adres", "aw_sessie", "Hoe lang", "níet bewaart"));
        Map<String, List<String>> inEnglish = Map.of("/toegankelijkheid", List.of("Accessibility statement", "WCAG 2.1",
                "axe-core", "390 pixels", "Known limitations", "Contact"), "/privacy", List.of("Privacy statement",
                "e-mail address", "IP address", "aw_sessie", "How long", "does not keep"));
        dutch.forEach((path, texts) -> {
            Response page = app.get(path);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("<html lang=\"nl\">").contains(texts);
            assertThat(app.send("HEAD", path, null, null).status()).isEqualTo(200);
        });
        inEnglish.forEach((path, texts) -> assertThat(english.get(path).body()).contains("<html lang=\"en\">").contains(texts));
    }

    @Test
    void theOperatorReplacesAStatementFromTheDataDirectorySanitised() throws IOException {
        Path pages = Files.createDirectories(app.dataDir.resolve("pages"));
        Path dutch = pages.resolve("privacy.nl.md");
        try {
            Files.writeString(dutch, "# Gemeente Voorbeeld\n\nMail **privacy@voorbeeld.nl**.\n\n<script>alert(1)</script>\n",
                    StandardCharsets.UTF_8);
            String page = app.get("/privacy").body();
            assertThat(page).contains("<h2 id=\"h-gemeente-voorbeeld\"").contains("Gemeente Voorbeeld").contains("<strong>").contains("voorbeeld.nl")
                    .doesNotContain("<script>alert").doesNotContain("Argon2id");
            // no English text of the operator's own: their Dutch text, not the shipped English one
            TestApp.Client english = app.newBrowser();
            english.get("/taal/en");
            assertThat(english.get("/privacy").body()).contains("Gemeente Voorbeeld").contains("Privacy statement");
            Files.writeString(pages.resolve("privacy.en.md"), "## Municipality of Example\n", StandardCharsets.UTF_8);
            assertThat(english.get("/privacy").body()).contains("Municipality of Example").doesNotContain("Gemeente Voorbeeld");
            // the other statement keeps the shipped text
            assertThat(app.get("/toegankelijkheid").body()).contains("axe-core");
        } finally {
            Files.deleteIfExists(dutch);
            Files.deleteIfExists(pages.resolve("privacy.en.md"));
        }
        assertThat(app.get("/privacy").body()).contains("Argon2id");
    }
}
