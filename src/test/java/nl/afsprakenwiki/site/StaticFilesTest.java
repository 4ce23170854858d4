package nl.afsprakenwiki.site;

import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import nl.afsprakenwiki.web.ClasspathFiles;
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

/**
 * The site's own files under /static and the webjars' under /webjars, as the pages link them: with
 * their type, cache lifetime and an ETag that a browser's repeated request is answered with 304 for;
 * nothing outside the two folders, no folders, nothing by a crafted name.
 */
class StaticFilesTest {

    @TempDir
    static Path dir;
    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theSiteFilesAreServedWithTypeLifetimeAndETag() {
        Response css = app.get("/static/css/site.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).startsWith("text/css");
        assertThat(css.header("Cache-Control")).isEqualTo("public, max-age=3600");
        assertThat(css.body()).contains("{");
        String etag = css.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");

        Response again = app.newBrowser().send("GET", "/static/css/site.css", null, null, Map.of("If-None-Match", etag));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        Response changed = app.newBrowser().send("GET", "/static/css/site.css", null, null,
                Map.of("If-None-Match", "\"ander\""));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo(css.body());
        // every route answers HEAD too
        assertThat(app.send("HEAD", "/static/css/site.css", null, null).status()).isEqualTo(200);
    }

    @Test
    void theWebjarsThePagesLinkAreServedForAYear() {
        Matcher script = Pattern.compile("src=\"(/webjars/[^\"]+\\.js)\"").matcher(app.get("/").body());
        assertThat(script.find()).as("a page links a webjar's script").isTrue();
        Response js = app.get(script.group(1));
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.header("Content-Type")).startsWith("text/javascript");
        assertThat(js.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(js.body()).isNotBlank();
    }

    @Test
    void foldersMissingFilesAndCraftedNamesAreNotFound() {
        for (String path : List.of("/static/css", "/static/css/", "/static/geen.css", "/static/css//site.css",
                "/static/../secret.key", "/static/%2e%2e/secret.key", "/static/css/%2e%2e/img/favicon.svg",
                "/static/.hidden", "/static/css/site.css%00.png", "/webjars/", "/webjars/..%2f..%2fstatic/css/site.css",
                "/static/%5c..%5csecret.key", "/static/" + "a/".repeat(200) + "b.css")) {
            Response response = app.get(path);
            assertThat(response.status()).as(path).isIn(400, 404);
        }
    }

    @Test
    void onlyRelativePathsOfOrdinaryNamesAreLookedUp() {
        for (String name : List.of("css/site.css", "htmx.org/2.0.10/dist/htmx.min.js", "easymde/2.18.0/dist/easymde.min.css",
                "img/apple-touch-icon.png")) {
            assertThat(ClasspathFiles.valid(name)).as(name).isTrue();
        }
        for (String name : List.of("", "/css/site.css", "css/", "css//site.css", "../x", "css/../x", ".hidden",
                "css/.x", "a\\b", "a b", "a:b", "a\u0000b", "%2e%2e", "x".repeat(301))) {
            assertThat(ClasspathFiles.valid(name)).as(name).isFalse();
        }
    }
}
