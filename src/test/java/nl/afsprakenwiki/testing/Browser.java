package nl.afsprakenwiki.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium driven by Selenium (no browser download). Every page a test visits
 * can be checked with axe-core for WCAG 2.1 A/AA; serious and critical violations fail the test,
 * as do errors in the browser console (script errors, blocked by the content security policy).
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /**
     * Selenium warns through java.util.logging on every start that it has no DevTools classes for
     * this exact Chromium version; the tests use none. Held here, as JUL keeps loggers weakly.
     */
    private static final java.util.logging.Logger SELENIUM_DEVTOOLS = quiet("org.openqa.selenium.devtools");

    public final WebDriver driver;
    private final ChromeDriverService service;

    /** The window's size as Chromium started it (from {@code --window-size}). */
    private final org.openqa.selenium.Dimension startSize;

    private Browser(WebDriver driver, ChromeDriverService service) {
        this.driver = driver;
        this.service = service;
        this.startSize = driver.manage().window().getSize();
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    private static Browser shared;
    /** Whether a test slowed the network or took it away since the last {@link #forTestClass}. */
    private boolean throttled;
    /** Whether a test set the page's viewport (see {@link #viewport}) since the last {@link #forTestClass}. */
    private boolean emulatedViewport;

    /**
     * The browser of this test JVM, started on first use and quit when the JVM ends; each test class
     * takes it over with {@link #forTestClass}. Starting and quitting Chromium for every class cost
     * about three seconds each time.
     */
    public static synchronized Browser forTestClass(String baseUrl) {
        if (shared == null) {
            Path profile;
            try {
                profile = Files.createTempDirectory("afsprakenwiki-browser");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            Browser started = start(profile);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.quit();
                deleteTree(profile);
            }));
            shared = started;
        }
        shared.reset(baseUrl);
        return shared;
    }

    /**
     * Back to how a new browser starts, on {@code baseUrl}'s home page: normal network, the default
     * window size, no cookies (the tests' wikis all live on 127.0.0.1, whose cookies every port
     * shares), nothing left in the console. Local storage belongs to one port, so one test class's
     * drafts never reach another's.
     */
    private void reset(String baseUrl) {
        if (throttled) {
            slowNetwork(0, -1);
            throttled = false;
        }
        if (emulatedViewport) {
            ((ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            emulatedViewport = false;
        }
        if (!driver.manage().window().getSize().equals(startSize)) {
            driver.manage().window().setSize(startSize);
        }
        // WebDriver deletes the cookies of the page it shows; the last class's page is on the same
        // host (its server may be gone, its page is still shown), so one page load is enough
        if (!host(driver.getCurrentUrl()).equals(host(baseUrl))) {
            open(baseUrl + "/");
        }
        driver.manage().deleteAllCookies();
        open(baseUrl + "/");
        discardConsole();
    }

    /** The host of an http(s) address, or the address itself (a data: URL). */
    private static String host(String url) {
        return url.replaceFirst("^https?://([^:/]+).*$", "$1");
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // a temporary profile left behind is harmless
        }
    }

    private static Browser start(Path profileDir) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install chromium chromium-driver");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,1000", "--lang=nl-NL", "--user-data-dir=" + profileDir);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new Browser(new ChromeDriver(service, options), service);
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Clicks and waits until the page the click leads to has loaded and shows {@code css}. */
    public void clickAndWaitFor(String clickCss, String expectedCss) {
        WebElement old = find("html");
        find(clickCss).click();
        waitFor(d -> {
            try {
                old.getTagName();
                return null;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return d.findElements(By.cssSelector(expectedCss)).isEmpty() ? null : true;
            } catch (org.openqa.selenium.WebDriverException e) {
                // Chromium sometimes reports the old page's element as "not belonging to the document"
                // instead of stale while the new page loads; either way the old page is gone
                if (!String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    throw e;
                }
                return d.findElements(By.cssSelector(expectedCss)).isEmpty() ? null : true;
            }
        });
    }

    /**
     * Waits up to ten seconds for {@code condition}, looking again every 20 ms: Selenium's default of
     * 500 ms would leave the browser idle for most of every page change.
     */
    public <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(20)).until(condition);
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Slows the network with Chromium's own throttling (through the DevTools protocol command that
     * ChromeDriver passes on; Selenium's typed DevTools classes do not exist for Debian's Chromium
     * version): {@code latencyMillis} delays each response, {@code uploadBytesPerSecond} sends
     * request bodies that slowly, so a request that is cut off never reaches the server whole
     * (latency alone would not: the request is out at once). {@code slowNetwork(0, -1)} ends it.
     */
    public void slowNetwork(int latencyMillis, int uploadBytesPerSecond) {
        emulateNetwork(false, latencyMillis, uploadBytesPerSecond);
    }

    /**
     * Lays the page out in a viewport of {@code width} × {@code height} CSS pixels, as a desktop window
     * of that inner size would (Chromium's own device metrics override, not a phone emulation: no
     * touch, no mobile viewport rules), and checks that the page sees that size. Much cheaper than
     * resizing the window, which Chromium does through the window manager and the window's frame;
     * it stays in force across page loads until the next {@link #forTestClass}.
     */
    public void viewport(int width, int height) {
        emulatedViewport = true;
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", height, "deviceScaleFactor", 1, "mobile", false));
        assertThat(script("return [window.innerWidth, window.innerHeight]")).as("the viewport the page sees")
                .isEqualTo(List.of((long) width, (long) height));
    }

    /**
     * Forgets what the browser logged so far, for a test that provoked console errors on purpose
     * (a save sent while offline) and checked their effect itself, or that checked every page before
     * and must not trip over a late report (Chromium may log an error page's own 404 after the check).
     */
    public void discardConsole() {
        driver.manage().logs().get(LogType.BROWSER);
    }

    /** No network at all until {@code slowNetwork(0, -1)}. */
    public void offline() {
        emulateNetwork(true, 0, -1);
    }

    private void emulateNetwork(boolean offline, int latencyMillis, int uploadBytesPerSecond) {
        throttled = true;
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", latencyMillis,
                "downloadThroughput", -1, "uploadThroughput", uploadBytesPerSecond));
    }

    /** Counts the htmx requests of the page now shown: window.htmxRequests = {sent, done}. */
    public void countHtmxRequests() {
        script("window.htmxRequests = {sent: 0, done: 0};"
                + "document.addEventListener('htmx:beforeSend', function () { window.htmxRequests.sent++; });"
                + "document.addEventListener('htmx:afterRequest', function () { window.htmxRequests.done++; });");
    }

    /** Waits until at least {@code count} htmx requests reached {@code stage} ("sent" or "done"). */
    public void waitForHtmxRequests(String stage, long count) {
        waitFor(d -> ((Number) script("return window.htmxRequests[arguments[0]]", stage)).longValue() >= count ? true : null);
    }

    /**
     * The structure of the page as axe sees it: every element with its attributes (numbers, addresses
     * and values left out) and whether it holds text of its own, at the current window width. Two
     * pages with the same structure differ only in their words and numbers, which no WCAG rule that
     * axe runs depends on; so a structure is checked once per test JVM.
     */
    private static final String STRUCTURE = """
            const parts = [String(window.innerWidth), document.documentElement.lang];
            const walk = element => {
              let text = '';
              for (const node of element.childNodes) {
                if (node.nodeType === 3 && node.nodeValue.trim()) { text = 'text'; break; }
              }
              const attributes = [];
              for (const attribute of element.attributes) {
                const free = /^(href|src|action|value|content|datetime|data-.*)$/.test(attribute.name);
                attributes.push(attribute.name + '=' + (free ? '' : attribute.value.replace(/[0-9]+/g, '#')));
              }
              attributes.sort();
              parts.push('<' + element.tagName + ' ' + attributes.join(' ') + '>' + text);
              for (const child of element.children) { walk(child); }
              parts.push('/');
            };
            walk(document.documentElement);
            return [parts.join('\\n'), typeof axe === 'object'];
            """;
    private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();
    /** axe-core itself, as the Deque Selenium binding ships it. */
    private static final String AXE_SOURCE = axeSource();
    /**
     * Runs axe on the page for WCAG 2.0/2.1 A and AA and answers its violations only, each as one
     * line: rule, impact, help text and the offending elements. {@code resultTypes} keeps axe from
     * collecting every passing element as well, which the binding's analyze would send back and
     * parse on every check (half its time); the verdict is the same. {@code preload: false} spares
     * each run from copying every style sheet into a document of its own (about 80 ms) and waiting
     * for the metadata of autoplaying media: the style sheets serve only css-orientation-lock, an
     * experimental rule these tags do not run, and the media only no-autoplay-audio, whose
     * violations are moderate and never fail a test here.
     */
    private static final String AXE_RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {
              runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
              resultTypes: ['violations'], iframes: false, preload: false
            }).then(results => done(results.violations
                .filter(rule => rule.impact === 'serious' || rule.impact === 'critical')
                .map(rule => rule.id + ' (' + rule.impact + '): ' + rule.help + ' '
                    + rule.nodes.map(node => JSON.stringify(node.target)).join(', '))),
              error => done(['axe failed: ' + error]));
            """;

    private static String axeSource() {
        try (var in = com.deque.html.axecore.selenium.AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is missing from the axe-core Selenium binding");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Runs axe-core (WCAG 2.0/2.1 A and AA) and fails on serious or critical violations, once per
     * page structure (see {@link #STRUCTURE}: a structure already found clean in this JVM is not
     * checked again); console errors are checked every time. axe runs in the page itself (the wiki's
     * pages have no frames), injected from the axe-core Selenium binding's own copy of the script.
     */
    public void assertAccessible(String page) {
        List<?> found = (List<?>) script(STRUCTURE);
        String structure = sha256((String) found.get(0));
        if (CHECKED.contains(structure)) {
            assertNoConsoleErrors(page);
            return;
        }
        // once per document (a page checked at a second width, or after an htmx swap, has it already)
        if (!Boolean.TRUE.equals(found.get(1))) {
            injectAxe();
        }
        @SuppressWarnings("unchecked")
        List<String> serious = (List<String>) ((JavascriptExecutor) driver).executeAsyncScript(AXE_RUN);
        assertThat(serious).as("axe violations on %s:%n%s", page, String.join("\n", serious)).isEmpty();
        assertNoConsoleErrors(page);
        CHECKED.add(structure);
    }

    /** The function every document of this browser gets for loading axe-core, once {@link #injectAxe} registered it. */
    private static final String AXE_LOADER = "afsprakenwikiTestLoadAxe";
    private boolean axeLoaderRegistered;

    /**
     * Puts axe-core into the page's main world. Sending its 560 kB to the page took about 300 ms a
     * time, nearly all of it carrying the text through Selenium, ChromeDriver and the DevTools
     * protocol (a string literal that size cost as much as the script): so the script is sent once
     * per browser, registered with DevTools to define, in every new document, a function that loads
     * it when called (about 30 ms more per page load, for V8 to find the function's end), and each
     * check calls that function (about 50 ms). V8 keeps the compiled script between documents, so
     * axe's own functions are compiled once as well. The first document, loaded before the
     * registration, still gets the text itself.
     */
    private void injectAxe() {
        ChromeDriver chrome = (ChromeDriver) driver;
        if (!axeLoaderRegistered) {
            chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "window." + AXE_LOADER + " = function () {\n" + AXE_SOURCE + "\n};"));
            axeLoaderRegistered = true;
        }
        Map<String, Object> loaded = chrome.executeCdpCommand("Runtime.evaluate", Map.of("expression",
                "typeof window." + AXE_LOADER + " === 'function' && (window." + AXE_LOADER + "(), true)", "returnByValue", true));
        if (!Boolean.TRUE.equals(((Map<?, ?>) loaded.get("result")).get("value"))) {
            chrome.executeCdpCommand("Runtime.evaluate", Map.of("expression", AXE_SOURCE));
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Fails if the browser logged errors (script errors, CSP violations, failed asset loads). The
     * status of the page itself is not an error here: a 404 page or a form sent back with 422 is
     * the application answering as intended.
     */
    public void assertNoConsoleErrors(String page) {
        String document = driver.getCurrentUrl().replaceAll("[?#].*", "");
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(entry -> !entry.getMessage().contains("favicon.ico"))
                .filter(entry -> !(entry.getMessage().startsWith(document + " ")
                        && entry.getMessage().contains("Failed to load resource: the server responded with a status of 4")))
                .toList();
        assertThat(errors).as("browser console errors on %s: %s", page, errors).isEmpty();
    }

    // --- the steps every browser test of the demo wiki takes ------------------------------------

    /**
     * A fresh start: no session cookie, on the wiki's home page. WebDriver deletes the cookies of the
     * page it shows, so it first goes to the wiki unless it is there already (as after the test before).
     */
    public void signedOut(String baseUrl) {
        if (!driver.getCurrentUrl().startsWith(baseUrl + "/")) {
            open(baseUrl + "/");
        }
        driver.manage().deleteAllCookies();
        open(baseUrl + "/");
    }

    /** Signs in with the login form (from the header link of the current page). */
    public void signIn(String username, String password) {
        clickAndWaitFor("a[href^='/login']", "#username");
        find("#username").sendKeys(username);
        find("#password").sendKeys(password);
        clickAndWaitFor(".login-form button[type='submit']", "a[href='/profiel']");
    }

    /**
     * Takes over the cookies of an HTTP client that signed in (on the wiki's host, which the browser
     * shows) and loads the current page again, which must then show the signed-in header.
     */
    public void takeOverCookies(List<java.net.HttpCookie> cookies) {
        for (java.net.HttpCookie cookie : cookies) {
            driver.manage().addCookie(new org.openqa.selenium.Cookie.Builder(cookie.getName(), cookie.getValue())
                    .path("/").isHttpOnly(cookie.isHttpOnly()).sameSite("Lax").build());
        }
        open(driver.getCurrentUrl());
        if (findAll("a[href='/profiel']").isEmpty()) {
            throw new AssertionError("the browser is not signed in with the cookies " + cookies);
        }
    }

    /** Signs out with the button in the header and checks the Dutch confirmation. */
    public void signOut() {
        clickAndWaitFor("form[action='/logout'] button", ".notice.success");
        if (!"U bent uitgelogd.".equals(find(".notice.success").getText()) || !findAll("a[href='/profiel']").isEmpty()) {
            throw new AssertionError("signing out did not end the session");
        }
    }

    /** The HTTP status of the document now shown (Chromium reports it in the navigation timing). */
    public long documentStatus() {
        return (Long) script("return performance.getEntriesByType('navigation')[0].responseStatus");
    }

    /**
     * A test class is done with the browser: it stays open for the next class of this JVM (see
     * {@link #forTestClass}).
     */
    @Override
    public void close() {
    }

    private void quit() {
        driver.quit();
        service.stop();
    }
}
