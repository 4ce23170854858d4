package nl.afsprakenwiki.search;

import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every parameter of the search page and the search API, with values nobody should send: unknown,
 * empty, huge, control characters, invalid UTF-8, odd numbers. Each gets an answer below 500
 * without a stack trace; an unknown filter value is named, on the page in Dutch next to the
 * results, in the API as a problem.
 */
class SearchParametersTest {

    @TempDir
    static Path dir;
    static TestApp app;

    private static final List<String> PAGE = List.of("q", "gemeente", "jeugdregio", "thema", "partij", "status",
            "sortering", "pagina", "ervaringen", "waardelek");
    private static final List<String> API = List.of("q", "municipality", "jeugdregio", "theme", "party", "status",
            "sort", "limit", "offset", "experiences", "leaks");
    /** Values as they go into the URL: most encoded, some raw on purpose (invalid UTF-8, NUL). */
    private static final List<String> VALUES = values();

    @BeforeAll
    static void start() {
        app = TestApp.startWithDemo(dir.resolve("data"));
        app.awaitSearch();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static List<String> values() {
        List<String> values = new ArrayList<>();
        for (String value : List.of("", " ", "x", "0", "-1", "027", "1.5", "99999999999999999999", "bekrachtigd",
                "lokaal_team", "<script>alert(1)</script>", "\u0000", "\u0001\u0002", "a\u202Eb", "\"", "*", "(")) {
            values.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        values.add("x".repeat(10_000));
        values.add("%C3%28");
        values.add("%FF%FE");
        values.add("%00");
        return values;
    }

    @Test
    void noValueOfAnyParameterOfTheSearchPageOrApiGivesAServerError() {
        for (String path : List.of("/zoeken", "/api/v1/search", "/zoeken/suggesties", "/api/v1/search/suggest")) {
            List<String> names = path.startsWith("/api") ? API : PAGE;
            for (String name : names) {
                for (String value : VALUES) {
                    String url = path + "?q=jeugd&" + name + "=" + value;
                    TestApp.Response response = app.get(url);
                    assertThat(response.status()).as(url).isLessThan(500);
                    assertThat(response.body()).as(url).doesNotContain("Exception").doesNotContain("\tat ");
                }
            }
        }
    }

    @Test
    void anUnknownFilterValueIsLeftOutOnThePageAndSaidSo() {
        TestApp.Response response = app.get("/zoeken?q=jeugd&status=x&partij=y");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("Niet elk filter kon worden gebruikt")
                .contains("'x' is geen geldige waarde voor 'status'")
                .contains("afspraken gevonden");
    }

    @Test
    void anUnknownFilterValueIsAProblemInTheApi() {
        TestApp.Response response = app.get("/api/v1/search?q=jeugd&status=x&party=y");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains("'status'").contains("'party'");
    }
}
