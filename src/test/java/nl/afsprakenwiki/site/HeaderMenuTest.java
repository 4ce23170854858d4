package nl.afsprakenwiki.site;

import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header's menu without JavaScript: the server sends the menu button hidden and the menu open,
 * and the style sheet folds the menu only once menu.js has marked the header (ResponsiveBrowserTest
 * checks the folding itself in a browser).
 */
class HeaderMenuTest {

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
    void theMenuButtonIsSentHiddenAndTheMenuOpenSignedOutAndIn() {
        String koppelzone = app.koppelzone("Koppelzone Menu", "Menustad");
        TestApp.Client member = app.signIn(app.member(koppelzone, "lid", Role.PRAKTIJKEXPERT));
        for (String page : List.of(app.get("/").body(), member.get("/").body(), member.get("/profiel").body())) {
            assertThat(page).contains("<button type=\"button\" class=\"menu-button\" aria-expanded=\"false\" "
                    + "aria-controls=\"hoofdmenu\" hidden>");
            assertThat(page).contains("<div class=\"header-menu\" id=\"hoofdmenu\">");
            assertThat(page).contains("<script src=\"/static/js/menu.js\" defer></script>");
        }
        assertThat(member.get("/").body()).contains("<header class=\"site-header signed-in\">");
        TestApp.Response script = app.get("/static/js/menu.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("classList.add('has-menu-button')").contains("button.hidden = false");
    }

    @Test
    void theStyleSheetFoldsTheMenuOnlyWhenTheScriptHasRun() {
        String css = app.get("/static/css/site.css").body();
        List<String> folding = new ArrayList<>();
        Matcher rule = Pattern.compile("([^{}]+)\\{([^{}]*)}").matcher(css);
        while (rule.find()) {
            if (rule.group(1).contains(".header-menu") && rule.group(2).matches("(?s).*display:\\s*none.*")) {
                folding.add(rule.group(1).trim());
            }
        }
        assertThat(folding).isNotEmpty().allSatisfy(selector -> assertThat(selector).contains(".has-menu-button"));
    }
}
