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
 * signed out on the home page, and signing in with the demo accounts through the login form.
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

    /** Signs in with the login form as one of the demo accounts, starting from the current page. */
    protected void signIn(String username) {
        browser.signIn(username, DemoContent.DEMO_PASSWORD);
    }

    protected void signOut() {
        browser.signOut();
    }

    /** The HTTP status of the document now shown. */
    protected long documentStatus() {
        return browser.documentStatus();
    }
}
