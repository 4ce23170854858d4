package nl.afsprakenwiki.site;

import com.fasterxml.jackson.databind.JsonNode;
import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.testing.DemoWikiBrowserTest;
import nl.afsprakenwiki.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page template on a phone (390 × 844) and a laptop (1280 × 800), signed out and in each
 * role: the page is never wider than the screen, the sign-out button is reachable by keyboard (on
 * the phone through the menu button), the signed-in header with the most links is one row at 1280,
 * and axe finds no serious or critical violation. Every problem is collected, so one run names all
 * offending pages with their width and widest element.
 */
class ResponsiveBrowserTest extends DemoWikiBrowserTest {

    private static final Dimension PHONE = new Dimension(390, 844);
    private static final Dimension LAPTOP = new Dimension(1280, 800);
    private static final String KOPPELZONE = "koppelzone-jeugd-tilburg";
    private static final String LOGOUT = "form[action='/logout'] button";
    /** A long word and an address without spaces, as people paste them into titles and text. */
    private static final String UNBREAKABLE = "Ketenpartnerovereenkomstenadministratieverantwoordelijke "
            + "https://www.tilburg.nl/jeugd/verwijzingen/huisartsen/terugkoppeling/formulier-aanvraag-consultatie-2026.pdf";
    /** The manager who is also beheerder: the most header links, and a long name. */
    private static final String MANAGER_ADMIN = "anne-marie.beheer";

    private final List<String> problems = new ArrayList<>();
    private Dimension size;

    @Test
    void everyPageFitsAPhoneAndALaptopAndItsHeaderCanBeUsedByKeyboard() {
        Fixture f = fixture();

        // signed out
        resize(PHONE);
        visit("home", "/", true);
        visit("search results", "/zoeken?q=jeugd", false);
        visit("search without results", "/zoeken?q=xyzzyqwerty", false);
        visit("koppelzone", "/koppelzones/" + KOPPELZONE, false);
        visit("chain", "/koppelzones/" + KOPPELZONE + "/keten", true);
        visit("organisation", "/organisaties/wijkteam-tilburg", false);
        visit("agreement", "/afspraken/" + f.endorsed, false);
        visit("history", "/afspraken/" + f.endorsed + "/geschiedenis", true);
        visit("revision", "/afspraken/" + f.endorsed + "/revisies/1", false);
        visit("compare revisions", "/afspraken/" + f.endorsed + "/vergelijk?van=1&naar=2", true);
        visit("compare two agreements", "/vergelijken?a=" + f.endorsed + "&b=" + f.zwolle, false);
        visit("compare two agreements inline", "/vergelijken?a=" + f.endorsed + "&b=" + f.zwolle + "&weergave=inline", false);
        visit("endorsement rounds", "/afspraken/" + f.endorsed + "/bekrachtigingen", false);
        visit("family", "/afspraken/" + f.zwolle + "/familie", false);
        // issue 18: the demo's family over generations, drawn; the national page with its tiles and tables
        visit("family tree over generations", "/afspraken/" + demoAdopter() + "/familie", true);
        visit("what spreads nationally", "/landelijk", true);
        visit("incoming source proposals", "/afspraken/" + f.zwolle + "/bronvoorstellen", false);
        visit("experiences", "/afspraken/" + f.endorsed + "/ervaringen", false);
        visit("login", "/login", false);
        visit("account set-up with an unknown token", "/setup/onbekend", false);
        visit("error page", "/afspraken/999999", false);

        // praktijkexpert
        signIn("expert.tilburg");
        keyboardReachesSignOut("expert.tilburg", Keys.ENTER);
        visit("agreement (expert)", "/afspraken/" + f.concept, false);
        visit("edit form", "/afspraken/" + f.concept + "/bewerken", false);
        visit("new agreement form", "/koppelzones/" + KOPPELZONE + "/nieuw?sjabloon=landelijk", false);
        visit("attachments", "/afspraken/" + f.concept + "/bijlagen", false);
        visit("discussion", "/afspraken/" + f.concept + "/discussie", false);
        visit("contact", "/afspraken/" + f.concept + "/contactpersoon", false);
        visit("adopt form", "/afspraken/" + f.zwolle + "/overnemen", false);
        visit("adopted agreement", "/afspraken/" + f.adopted, false);
        visit("upstream changes", "/afspraken/" + f.adopted + "/bron-bijwerken", false);
        visit("propose to the source", "/afspraken/" + f.adopted + "/voorstel-aan-bron", false);
        visit("my overview", "/mijn-overzicht", true);
        visit("koppelzone overview", "/koppelzones/" + KOPPELZONE + "/overzicht", false);
        visit("acknowledgements", "/koppelzones/" + KOPPELZONE + "/kennisname", false);
        visit("meetings", "/koppelzones/" + KOPPELZONE + "/overleggen", false);
        visit("chain (member, drafts too)", "/koppelzones/" + KOPPELZONE + "/keten", false);
        visit("koppelzone health (member)", "/koppelzones/" + KOPPELZONE + "/gezondheid", true);
        visit("profile", "/profiel", false);
        signOut();

        // voorzitter
        signIn("voorzitter.tilburg");
        keyboardReachesSignOut("voorzitter.tilburg", Keys.SPACE);
        visit("koppelzone (voorzitter)", "/koppelzones/" + KOPPELZONE, false);
        visit("koppelzone management", "/koppelzones/" + KOPPELZONE + "/beheer", true);
        visit("templates", "/koppelzones/" + KOPPELZONE + "/sjablonen", false);
        visit("privacy findings (voorzitter)", "/koppelzones/" + KOPPELZONE + "/persoonsgegevens", false);
        visit("meeting plan form", "/koppelzones/" + KOPPELZONE + "/overleggen/nieuw", false);
        visit("meeting with action items", "/overleggen/" + f.meeting, true);
        visit("move or cancel a meeting", "/overleggen/" + f.meeting + "/wijzigen", false);
        visit("propose for endorsement", "/afspraken/" + f.concept + "/voorstellen", false);
        visit("withdraw proposal", "/afspraken/" + f.proposed + "/intrekken", false);
        visit("retire", "/afspraken/" + f.endorsed + "/laten-vervallen", false);
        visit("review date", "/afspraken/" + f.endorsed + "/herzieningsdatum", false);
        signOut();

        // beheerder who is also manager
        resize(LAPTOP);
        browser.signIn(MANAGER_ADMIN, TestApp.PASSWORD);
        // every page before was checked already, but Chromium may report an error page's own 404
        // status a moment after the check read the log
        browser.discardConsole();
        keyboardReachesSignOut(MANAGER_ADMIN, Keys.ENTER);
        resize(LAPTOP);
        headerIsOneRow("Dutch");
        browser.open(app.baseUrl + "/taal/en");
        headerIsOneRow("English");
        browser.open(app.baseUrl + "/taal/nl");
        visit("endorsement inbox", "/ter-bekrachtiging", true);
        visit("administration", "/beheer", false);
        visit("accounts", "/beheer/accounts", true);
        visit("organisations", "/beheer/organisaties", false);
        visit("municipalities", "/beheer/gemeenten", false);
        visit("koppelzones (administration)", "/beheer/koppelzones", false);
        visit("audit log", "/beheer/audit", true);
        visit("privacy findings per koppelzone", "/beheer/persoonsgegevens", false);
        visit("privacy findings (beheerder)", "/koppelzones/" + KOPPELZONE + "/persoonsgegevens", false);
        visit("profile (beheerder)", "/profiel", false);

        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    /** The content the pages show: an endorsed agreement, a concept with unbreakable text, a proposal, an adoption and a meeting. */
    private record Fixture(long endorsed, long zwolle, long concept, long proposed, long adopted, long meeting) {
    }

    private Fixture fixture() {
        AccountService.NewAccount managerAdmin = new AccountService.NewAccount(MANAGER_ADMIN,
                "Anne-Marie van den Berg-Hoogendoorn", MANAGER_ADMIN + "@test.invalid", "wijkteam-tilburg", true, TestApp.PASSWORD);
        app.services.accounts().create(managerAdmin, Author.system("test"));
        app.services.memberships().setMember(app.services.koppelzones().bySlug(KOPPELZONE).orElseThrow().id(),
                MANAGER_ADMIN, Role.MANAGER, Author.system("test"));

        long endorsed = firstWithRevisions(KOPPELZONE);
        long zwolle = app.get("/api/v1/agreements?koppelzone=koppelzone-jeugd-zwolle").json().get("items").get(0).get("id").asLong();
        TestApp.Client expert = app.bearer("expert.tilburg");
        long concept = create(expert, "Concept " + UNBREAKABLE);
        long proposed = create(expert, "Voorstel " + UNBREAKABLE);
        // a comment with what looks like a parent's name and a long personal address: a privacy finding
        TestApp.Response comment = expert.postJson("/api/v1/agreements/" + concept + "/comments", Map.of("text",
                "Bel eerst de moeder Sanne de Vries, sanne.devries.ketenpartneradministratie@gmail.com. " + UNBREAKABLE));
        assertThat(comment.status()).as(comment.body()).isEqualTo(201);
        assertThat(expert.postJson("/api/v1/agreements/" + proposed + "/proposals", Map.of("revision", 1)).status()).isEqualTo(201);
        TestApp.Response adopted = expert.postJson("/api/v1/agreements/" + zwolle + "/adopt", Map.of("koppelzone", KOPPELZONE));
        assertThat(adopted.status()).as(adopted.body()).isEqualTo(201);

        TestApp.Client chair = app.bearer("voorzitter.tilburg");
        TestApp.Response planned = chair.postJson("/api/v1/koppelzones/" + KOPPELZONE + "/meetings", Map.of("date", "2030-03-12",
                "startTime", "14:00", "endTime", "16:00", "location", "Stadskantoor Tilburg, zaal 3; " + UNBREAKABLE));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        long meeting = planned.json().get("id").asLong();
        for (String description : List.of("Terugbelnorm navragen bij de huisartsen en de uitkomst delen in het volgende overleg",
                "Formulier bijwerken: " + UNBREAKABLE)) {
            TestApp.Response action = chair.postJson("/api/v1/meetings/" + meeting + "/action-items",
                    Map.of("description", description, "owner", "expert.tilburg", "due", "2030-04-01"));
            assertThat(action.status()).as(action.body()).isEqualTo(201);
        }
        return new Fixture(endorsed, zwolle, concept, proposed, adopted.json().get("id").asLong(), meeting);
    }

    /** The demo's adoption of an adoption (Utrecht → Tilburg → Zaanstad). */
    private long demoAdopter() {
        for (JsonNode item : app.get("/api/v1/agreements?koppelzone=koppelzone-jeugd-zaanstad").json().get("items")) {
            if (item.get("title").asText().startsWith("Afschalen van het complex segment")) {
                return item.get("id").asLong();
            }
        }
        throw new AssertionError("the demo has no adopted agreement in Zaanstad");
    }

    private long firstWithRevisions(String koppelzone) {
        for (JsonNode item : app.get("/api/v1/agreements?koppelzone=" + koppelzone).json().get("items")) {
            if (item.get("currentRevision").asInt() >= 2 && "bekrachtigd".equals(item.get("status").asText())) {
                return item.get("id").asLong();
            }
        }
        throw new AssertionError("the demo has no endorsed agreement with two revisions in " + koppelzone);
    }

    private long create(TestApp.Client author, String title) {
        TestApp.Response created = author.postJson("/api/v1/koppelzones/" + KOPPELZONE + "/agreements", Map.of("title", title,
                "body", "Binnen vijf werkdagen koppelt de aanbieder terug.\n\n" + UNBREAKABLE + "\n\n| kolom | " + UNBREAKABLE
                        + " |\n|---|---|\n| a | b |", "parties", List.of("wijkteam-tilburg")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /**
     * Signs in (see {@link DemoWikiBrowserTest#signIn}); the page checked before may be an error
     * page whose own 404 Chromium reports a moment after the check read the log.
     */
    @Override
    protected void signIn(String username) {
        super.signIn(username);
        browser.discardConsole();
    }

    /** The header's sign-out button is used at the laptop width, where it shows. */
    @Override
    protected void signOut() {
        resize(LAPTOP);
        super.signOut();
    }

    // --- the checks --------------------------------------------------------------------------------

    /**
     * Opens the page at the current width, checks it there and at the other width (axe at the phone
     * width always, at the laptop width when {@code axeWide}: header and tables lay out differently).
     */
    private void visit(String name, String path, boolean axeWide) {
        browser.open(app.baseUrl + path);
        check(name, axeWide);
        resize(size == PHONE ? LAPTOP : PHONE);
        check(name, axeWide);
    }

    private void check(String name, boolean axeWide) {
        String label = name + " at " + size.getWidth() + " px";
        Object overflow = browser.script(OVERFLOW);
        if (overflow != null) {
            problems.add(label + ": page is " + overflow);
        }
        if (size == PHONE || axeWide) {
            try {
                browser.assertAccessible(label);
            } catch (AssertionError e) {
                problems.add(e.getMessage());
            }
        } else {
            try {
                browser.assertNoConsoleErrors(label);
            } catch (AssertionError e) {
                problems.add(e.getMessage());
            }
        }
    }

    /** Null if the page fits its viewport, else its width and the element reaching furthest right. */
    private static final String OVERFLOW = """
            var root = document.documentElement, viewport = root.clientWidth;
            if (root.scrollWidth <= viewport) { return null; }
            function scrollsOrClips(el) {
              // an absolutely positioned element escapes every scroll box below its containing block
              var from = getComputedStyle(el).position === 'absolute' ? el.offsetParent : el.parentElement;
              for (var p = from; p && p !== document.body; p = p.parentElement) {
                if (getComputedStyle(p).overflowX !== 'visible') { return true; }
              }
              return false;
            }
            var widest = null, right = viewport;
            document.querySelectorAll('body *').forEach(function (el) {
              var box = el.getBoundingClientRect();
              if (box.width > 0 && box.right >= right && box.right > viewport && !scrollsOrClips(el)) { right = box.right; widest = el; }
            });
            var what = widest ? widest.tagName.toLowerCase() + (widest.id ? '#' + widest.id : '')
                + (widest.className && widest.className.baseVal === undefined ? '.' + widest.className.trim().split(/\\s+/).join('.') : '')
                + ' "' + (widest.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60) + '" reaching ' + Math.round(right) + ' px'
                : 'none found';
            return root.scrollWidth + ' px wide in a ' + viewport + ' px viewport; widest element: ' + what;
            """;

    /** Lays the page out in the given viewport (see {@link nl.afsprakenwiki.testing.Browser#viewport}). */
    private void resize(Dimension viewport) {
        browser.viewport(viewport.getWidth(), viewport.getHeight());
        size = viewport;
    }

    /**
     * From the top of the home page, Tab reaches "Uitloggen" at both widths; on the phone through the
     * menu button, opened with {@code openKey} (Enter or Space) and announced as expanded.
     */
    private void keyboardReachesSignOut(String who, Keys openKey) {
        for (Dimension width : List.of(PHONE, LAPTOP)) {
            resize(width);
            browser.open(app.baseUrl + "/");
            String label = "header of " + who + " at " + width.getWidth() + " px";
            if (width == PHONE) {
                if (!tabTo(".menu-button")) {
                    problems.add(label + ": Tab does not reach the menu button");
                    continue;
                }
                if (!"false".equals(browser.find(".menu-button").getDomAttribute("aria-expanded"))
                        || browser.find(LOGOUT).isDisplayed()) {
                    problems.add(label + ": the menu is not folded behind a collapsed menu button");
                }
                new Actions(browser.driver).sendKeys(openKey).perform();
                if (!"true".equals(browser.find(".menu-button").getDomAttribute("aria-expanded"))) {
                    problems.add(label + ": " + openKey.name() + " on the menu button does not expand it");
                }
                Object overflow = browser.script(OVERFLOW);
                if (overflow != null) {
                    problems.add(label + " with the menu open: page is " + overflow);
                }
            } else if (browser.find(".menu-button").isDisplayed()) {
                problems.add(label + ": the menu is folded on a wide screen");
            }
            if (!tabTo(LOGOUT) || !browser.find(LOGOUT).isDisplayed()) {
                problems.add(label + ": Tab does not reach a visible \"Uitloggen\"");
            }
        }
        resize(PHONE);
    }

    /** Presses Tab until the focused element matches {@code css}; false if it never does. */
    private boolean tabTo(String css) {
        for (int i = 0; i < 40; i++) {
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            if (Boolean.TRUE.equals(browser.script("return document.activeElement.matches(arguments[0])", css))) {
                return true;
            }
        }
        return false;
    }

    /** At the laptop width, every item of the current page's header (brand, links, search) sits on one row. */
    private void headerIsOneRow(String language) {
        Object rows = browser.script("""
                var items = document.querySelectorAll('.site-header .brand, .site-header .nav > li, .site-header .header-search');
                var top = Infinity, bottom = -Infinity, tallest = 0;
                items.forEach(function (el) {
                  var box = el.getBoundingClientRect();
                  if (box.height === 0) { return; }
                  top = Math.min(top, box.top); bottom = Math.max(bottom, box.bottom); tallest = Math.max(tallest, box.height);
                });
                var header = document.querySelector('.header-row').getBoundingClientRect().height;
                return (bottom - top <= tallest + 1 && header < 2 * tallest) ? null
                    : 'items span ' + Math.round(bottom - top) + ' px, tallest item ' + Math.round(tallest) + ' px, header ' + Math.round(header) + ' px';
                """);
        if (rows != null) {
            problems.add(language + " signed-in header of " + MANAGER_ADMIN + " at 1280 px is not one row: " + rows);
        }
    }
}
