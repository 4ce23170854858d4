package nl.afsprakenwiki.testing;

import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.notifications.MailSettings;
import nl.afsprakenwiki.transfer.DemoContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The set-up every browser test of the demo wiki shares: one app with the demo content per test
 * class and the test JVM's headless browser (see {@link Browser#forTestClass}), every test starting
 * signed out on the home page, and signing in with the demo accounts (see {@link #signIn}).
 */
public abstract class DemoWikiBrowserTest {

    @TempDir
    static Path dir;
    protected static TestApp app;
    protected static Browser browser;

    /** Where a {@link SendsMail} class's wiki sends its mail (a local port; the class starts the server). */
    protected static int smtpPort;

    /** Marks a test class whose demo wiki sends mail to {@link #smtpPort}, with links to the wiki's own address. */
    public interface SendsMail {
    }

    @BeforeAll
    static void startDemoWiki(TestInfo test) {
        Settings settings = Settings.forTests(dir.resolve("data"));
        if (test.getTestClass().filter(SendsMail.class::isAssignableFrom).isPresent()) {
            int port = ServerProcess.freePort();
            smtpPort = ServerProcess.freePort();
            settings = new Settings(port, settings.dataDir(), false, settings.host(), false, false, "http://127.0.0.1:" + port,
                    settings.oidc(), settings.passwordHashing(), MailSettings.local(smtpPort, "wiki@demo.afsprakenwiki.invalid"));
        }
        app = TestApp.startWithDemo(settings);
        browser = Browser.forTestClass(app.baseUrl);
    }

    @AfterAll
    static void stopDemoWiki() {
        if (browser != null) {
            browser.close();
        }
        app.close();
    }

    /** Every test starts signed out, on the wiki's home page. */
    @BeforeEach
    void signedOut() {
        browser.signedOut(app.baseUrl);
    }

    /**
     * Signs in as one of the demo accounts and shows the current page again, as the login form
     * would bring the browser back to it. The form is sent by an HTTP client and the browser takes
     * over its cookies: two page loads and the typing less for each of the 15 sign-ins of these
     * classes. The form itself is used in the browser by {@code AgreementBrowserTest} (with a wrong
     * password first), {@code AccountBrowserTest} (by keyboard), {@code MailBrowserTest} and
     * {@code ResponsiveBrowserTest} (the beheerder).
     */
    protected void signIn(String username) {
        TestApp.Client client = app.newBrowser();
        TestApp.Response response = client.signIn(username, DemoContent.DEMO_PASSWORD);
        String location = response.header("Location");
        if (response.status() != 303 && response.status() != 302 || location == null || location.startsWith("/login")) {
            throw new AssertionError("login of " + username + " failed: " + response.status() + " " + location);
        }
        browser.takeOverCookies(client.cookies());
    }

    protected void signOut() {
        browser.signOut();
    }

    /** The HTTP status of the document now shown. */
    protected long documentStatus() {
        return browser.documentStatus();
    }
}
