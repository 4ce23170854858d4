package nl.afsprakenwiki.notifications;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.time.Duration;
import java.util.Map;

/**
 * Where mail goes: the SMTP server and the sender's address. Without a host mail is off and the wiki
 * works without it. The password is never logged nor shown: {@link #toString()} leaves it out.
 *
 * @param firstRetry  the wait after a first failed attempt; it doubles with every further failure
 * @param maxRetry    the longest wait between two attempts
 * @param maxAttempts after this many failed attempts a mail is given up (state {@code failed})
 * @param poll        how often the sender looks for due mail when nothing woke it
 */
public record MailSettings(String host, int port, String user, String password, Tls tls, String from,
                           Duration firstRetry, Duration maxRetry, int maxAttempts, Duration poll) {

    public static final int DEFAULT_PORT = 25;
    /** With these, a mail is tried for about 16 hours (16 attempts) before it is given up. */
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration MAX_RETRY = Duration.ofHours(2);
    private static final int MAX_ATTEMPTS = 16;
    private static final Duration POLL = Duration.ofSeconds(30);

    public static final MailSettings OFF = new MailSettings("", DEFAULT_PORT, "", "", Tls.NONE, "", FIRST_RETRY,
            MAX_RETRY, MAX_ATTEMPTS, POLL);

    public boolean enabled() {
        return !host.isEmpty();
    }

    /**
     * The settings from the environment; mail is off without {@code AFSPRAKENWIKI_SMTP_HOST}. A value
     * that cannot work (port, TLS mode, sender address, no public address for the links) is refused
     * with a message in Dutch that names the variable, so the wiki does not start half-configured.
     */
    public static MailSettings from(Map<String, String> env, String baseUrl) {
        String host = variable(env, "AFSPRAKENWIKI_SMTP_HOST");
        if (host.isEmpty()) {
            return OFF;
        }
        String portText = variable(env, "AFSPRAKENWIKI_SMTP_PORT");
        int port = portText.isEmpty() ? DEFAULT_PORT : port(portText);
        String tlsText = variable(env, "AFSPRAKENWIKI_SMTP_TLS");
        Tls tls = tlsText.isEmpty() ? Tls.NONE : Tls.parse(tlsText);
        String from = variable(env, "AFSPRAKENWIKI_MAIL_FROM");
        if (from.isEmpty()) {
            throw new IllegalArgumentException("AFSPRAKENWIKI_MAIL_FROM ontbreekt bij AFSPRAKENWIKI_SMTP_HOST: "
                    + "het afzenderadres van de e-mails, bijvoorbeeld afsprakenwiki@gemeente.nl");
        }
        checkAddress(from);
        if (baseUrl.isEmpty()) {
            throw new IllegalArgumentException("AFSPRAKENWIKI_BASE_URL ontbreekt bij AFSPRAKENWIKI_SMTP_HOST: "
                    + "de links in de e-mails hebben het openbare adres van de wiki nodig");
        }
        String password = env.getOrDefault("AFSPRAKENWIKI_SMTP_PASSWORD", "");
        return new MailSettings(host, port, variable(env, "AFSPRAKENWIKI_SMTP_USER"), password == null ? "" : password,
                tls, from, FIRST_RETRY, MAX_RETRY, MAX_ATTEMPTS, POLL);
    }

    /** A plain SMTP server on this machine, e.g. GreenMail in a test, with retries in milliseconds. */
    public static MailSettings local(int port, String from) {
        return new MailSettings("127.0.0.1", port, "", "", Tls.NONE, from, Duration.ofMillis(50), Duration.ofMillis(400),
                MAX_ATTEMPTS, Duration.ofMillis(200));
    }

    public MailSettings withRetries(Duration first, Duration max, int attempts) {
        return new MailSettings(host, port, user, password, tls, from, first, max, attempts, poll);
    }

    /** What the beheerder sees: where mail goes, never the password. */
    public String server() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }

    @Override
    public String toString() {
        return enabled() ? "MailSettings[" + server() + ", tls=" + tls.code() + ", from=" + from
                + (user.isEmpty() ? "" : ", user=" + user) + "]" : "MailSettings[off]";
    }

    private static void checkAddress(String from) {
        try {
            new InternetAddress(from, true).validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("AFSPRAKENWIKI_MAIL_FROM is geen geldig e-mailadres: " + from);
        }
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException("AFSPRAKENWIKI_SMTP_PORT moet een poortnummer tussen 1 en 65535 zijn, niet '"
                + value + "'");
    }

    /** An environment variable; set but empty counts as not set. */
    private static String variable(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null ? "" : value.strip();
    }
}
