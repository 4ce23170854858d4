package nl.afsprakenwiki.site;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Security headers on every kind of response, and stored text that tries to become script. */
class SecurityTest {

    @TempDir
    static Path dir;
    static TestApp app;
    static String koppelzone;
    /** A praktijkexpert of the koppelzone, signed in with the login form. */
    static TestApp.Client expert;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        koppelzone = app.koppelzone("Koppelzone Veilig", "Veiligstad");
        expert = app.signIn(app.member(koppelzone, "expert", Role.PRAKTIJKEXPERT));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static void assertSecurityHeaders(Response response) {
        assertThat(response.header("Content-Security-Policy"))
                .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'")
                .contains("object-src 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(response.header("Permissions-Policy")).contains("camera=()");
        assertThat(response.header("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        assertSecurityHeaders(app.get("/"));
        assertSecurityHeaders(app.get("/koppelzones/" + koppelzone));
        assertSecurityHeaders(app.get("/api/v1/health"));
        assertSecurityHeaders(app.get("/api/v1/koppelzones"));
        assertSecurityHeaders(app.get("/static/css/site.css"));
        assertSecurityHeaders(app.get("/webjars/htmx.org/2.0.10/dist/htmx.min.js"));
        assertSecurityHeaders(app.get("/bestaat-niet"));
        assertSecurityHeaders(app.get("/api/v1/bestaat-niet"));
        assertSecurityHeaders(app.postForm("/voorbeeld", List.of(Map.entry("body", "x"))));
        assertSecurityHeaders(app.send("POST", "/api/v1/koppelzones/" + koppelzone + "/agreements",
                "application/json", "x".repeat(600 * 1024)));
        // signing in and out, and every refusal
        assertSecurityHeaders(app.get("/login"));
        assertSecurityHeaders(app.get("/profiel"));
        assertSecurityHeaders(app.get("/api/v1/me"));
        assertSecurityHeaders(expert.get("/beheer"));
        assertSecurityHeaders(expert.get("/profiel"));
        assertSecurityHeaders(app.newBrowser().signIn("expert", "verkeerd wachtwoord"));
        assertSecurityHeaders(app.withToken("aw_onzin").get("/api/v1/me"));
    }

    @Test
    void pagesAreNeverStoredInSharedCachesButAssetsAre() {
        assertThat(app.get("/").header("Cache-Control")).isEqualTo("no-store");
        assertThat(app.get("/api/v1/health").header("Cache-Control")).isEqualTo("no-store");
        assertThat(app.get("/static/css/site.css").header("Cache-Control")).contains("max-age");
    }

    @Test
    void theCsrfCookieIsHttpOnlyAndStrict() {
        Response page = app.newBrowser().get("/login");
        String cookie = page.headers().get("set-cookie").stream().filter(c -> c.startsWith("aw_csrf=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
    }

    @Test
    void storedScriptNeverReachesAPageOrTheApiHtml() {
        String title = "<script>alert('titel')</script>";
        String body = String.join("\n\n",
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(2)>",
                "[klik](javascript:alert(3))",
                "[klik](JaVaScRiPt:alert(4))",
                "![plaatje](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoNSk+)",
                "[data](data:text/html,<script>alert(6)</script>)",
                "<svg><script>alert(7)</script></svg>",
                "<a href=\"#\" onmouseover=\"alert(8)\">x</a>",
                "[titel](http://example.org \"onmouseover=alert(9) x\")",
                "<iframe src=\"javascript:alert(10)\"></iframe>");
        Response created = app.bearer("expert").postJson("/api/v1/koppelzones/" + koppelzone + "/agreements",
                Map.of("title", title, "body", body, "parties", List.of("wijkteam-veiligstad")));
        long id = created.json().get("id").asLong();

        String page = expert.get("/afspraken/" + id).body();
        JsonNode api = expert.get("/api/v1/agreements/" + id).json();
        for (String html : List.of(page, api.get("html").asText(), expert.get("/afspraken/" + id + "/revisies/1").body(),
                api.get("html").asText())) {
            assertNoActiveContent(html);
        }
        assertThat(page).contains("<h1>&lt;script&gt;alert('titel')&lt;/script&gt;</h1>");
        assertThat(expert.get("/afspraken/" + id + "/geschiedenis").body()).doesNotContain("<script>alert");
        assertThat(expert.get("/").body()).doesNotContain("<script>alert");
        // search quotes the text in highlighted snippets: still escaped, only <mark> added
        app.awaitSearch();
        String results = expert.get("/zoeken?q=alert").body();
        assertThat(results).contains("<mark>alert</mark>");
        assertNoActiveContent(results);
        String snippet = expert.get("/api/v1/search?q=alert").json().get("hits").get(0).get("snippet").asText();
        assertNoActiveContent(snippet);
    }

    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)");

    private static void assertNoActiveContent(String html) {
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(1).toLowerCase();
            if (name.equals("script")) {
                // the page's own scripts are external files from this site
                assertThat(tag.group(2)).matches("\\s+src=\"/(static|webjars)/[^\"]+\"\\s+defer");
                continue;
            }
            if (name.equals("form")) {
                // the page's own forms (sign out, restore) post to this site only
                assertThat(tag.group(2)).matches("\\s+method=\"(post|get)\"\\s+action=\"/[a-z][^\"]*\".*");
            }
            assertThat(name).isNotIn("iframe", "object", "embed", "svg", "math", "base", "style");
            Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
            while (attribute.find()) {
                String key = attribute.group(1).toLowerCase();
                String value = attribute.group(2).replaceAll("^[\"']|[\"']$", "").replaceAll("\\s", "").toLowerCase();
                assertThat(key).as("attribute in " + tag.group()).doesNotStartWith("on").isNotEqualTo("srcdoc");
                if (key.equals("href") || key.equals("src") || key.equals("action")) {
                    assertThat(value).as(tag.group()).doesNotStartWith("javascript:").doesNotStartWith("data:")
                            .doesNotStartWith("vbscript:");
                }
            }
        }
    }
}
