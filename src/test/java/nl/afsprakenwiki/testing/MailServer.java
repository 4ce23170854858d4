package nl.afsprakenwiki.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import nl.afsprakenwiki.Settings;
import nl.afsprakenwiki.notifications.MailSettings;

import java.nio.file.Path;

/**
 * A real SMTP server (GreenMail) on a local port, for the tests that read what the wiki mails, and
 * the wiki's settings for it: its port, a sender, links to {@link #BASE}, retries in milliseconds.
 */
public final class MailServer {

    /** The wiki's own address in the links of its mail. */
    public static final String BASE = "https://afspraken.example.nl";
    private static final String FROM = "wiki@afspraken.example.nl";

    public final int port;
    private GreenMail greenMail;

    /** On a free port. */
    public MailServer() {
        this(ServerProcess.freePort());
    }

    public MailServer(int port) {
        this.port = port;
    }

    /** Starts the server (again, after {@link #stop}, for one that comes back) and answers it. */
    public GreenMail start() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    /** Stops the server if it runs. */
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    /** The wiki's mail settings for this server. */
    public MailSettings settings() {
        return MailSettings.local(port, FROM);
    }

    /** Test settings for a wiki in {@code dataDir} that mails here. */
    public Settings wiki(Path dataDir) {
        return Settings.forTests(dataDir).withMail(settings(), BASE);
    }
}
