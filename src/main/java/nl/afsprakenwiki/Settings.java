package nl.afsprakenwiki;

import nl.afsprakenwiki.accounts.PasswordHashing;
import nl.afsprakenwiki.auth.OidcSettings;
import nl.afsprakenwiki.db.DatabaseServer;
import nl.afsprakenwiki.notifications.DailyRun;
import nl.afsprakenwiki.notifications.MailSettings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Runtime settings. A command-line flag wins over the environment, the environment over the default.
 *
 * @param port          HTTP port ({@code --port}, {@code PORT}, default 7070; 0 picks a free port)
 * @param dataDir       directory holding the SQLite database and derived data ({@code --data}, {@code AFSPRAKENWIKI_DATA}, default ./data)
 * @param demo          fill an empty database with the demo corpus and demo accounts ({@code --demo})
 * @param host          interface to listen on ({@code --host}, {@code AFSPRAKENWIKI_HOST}, default 0.0.0.0)
 * @param secureCookies mark the session and CSRF cookies Secure ({@code AFSPRAKENWIKI_SECURE_COOKIES}); also
 *                      automatic for requests that arrive over https
 * @param trustProxy    a reverse proxy sits in front: trust its {@code X-Forwarded-For} and
 *                      {@code X-Forwarded-Proto} ({@code AFSPRAKENWIKI_TRUST_PROXY}); never trust them otherwise
 * @param baseUrl       the public address, e.g. https://afspraken.example.nl ({@code AFSPRAKENWIKI_BASE_URL}), an
 *                      absolute http(s) address; when empty, addresses are derived from each request (mail needs it)
 * @param oidc          single sign-on, when configured
 * @param passwordHashing Argon2id's cost: always {@link PasswordHashing#STANDARD} when the wiki runs;
 *                      lighter only in {@link #forTests}
 * @param mail          the SMTP server for notifications ({@code AFSPRAKENWIKI_SMTP_*}, {@code AFSPRAKENWIKI_MAIL_FROM});
 *                      off without a host
 * @param digestHour    the hour (0-23, Europe/Amsterdam) of the daily run: digest mails and due-date reminders
 *                      ({@code AFSPRAKENWIKI_DIGEST_HOUR}, default 7)
 * @param database      a PostgreSQL server ({@code AFSPRAKENWIKI_DATABASE_URL}, {@code _USER}, {@code _PASSWORD});
 *                      without it SQLite in the data directory
 */
public record Settings(int port, Path dataDir, boolean demo, String host, boolean secureCookies, boolean trustProxy,
                       String baseUrl, Optional<OidcSettings> oidc, PasswordHashing passwordHashing, MailSettings mail,
                       int digestHour, Optional<DatabaseServer> database) {

    /** Settings with SQLite in the data directory. */
    public Settings(int port, Path dataDir, boolean demo, String host, boolean secureCookies, boolean trustProxy,
                    String baseUrl, Optional<OidcSettings> oidc, PasswordHashing passwordHashing, MailSettings mail,
                    int digestHour) {
        this(port, dataDir, demo, host, secureCookies, trustProxy, baseUrl, oidc, passwordHashing, mail, digestHour,
                Optional.empty());
    }

    /** Settings with the daily run at its default hour. */
    public Settings(int port, Path dataDir, boolean demo, String host, boolean secureCookies, boolean trustProxy,
                    String baseUrl, Optional<OidcSettings> oidc, PasswordHashing passwordHashing, MailSettings mail) {
        this(port, dataDir, demo, host, secureCookies, trustProxy, baseUrl, oidc, passwordHashing, mail,
                DailyRun.DEFAULT_HOUR);
    }

    /** Settings without mail. */
    public Settings(int port, Path dataDir, boolean demo, String host, boolean secureCookies, boolean trustProxy,
                    String baseUrl, Optional<OidcSettings> oidc, PasswordHashing passwordHashing) {
        this(port, dataDir, demo, host, secureCookies, trustProxy, baseUrl, oidc, passwordHashing, MailSettings.OFF);
    }

    public static final int DEFAULT_PORT = 7070;
    public static final String DEFAULT_DATA = "./data";

    /**
     * The flags that stand for an environment variable (a flag wins). The SMTP password has none: a
     * command line is visible to every user of the machine.
     */
    static final Map<String, String> FLAGS_FOR_VARIABLES = Map.of("base-url", "AFSPRAKENWIKI_BASE_URL",
            "smtp-host", "AFSPRAKENWIKI_SMTP_HOST", "smtp-port", "AFSPRAKENWIKI_SMTP_PORT",
            "smtp-user", "AFSPRAKENWIKI_SMTP_USER", "smtp-tls", "AFSPRAKENWIKI_SMTP_TLS",
            "mail-from", "AFSPRAKENWIKI_MAIL_FROM", "digest-hour", "AFSPRAKENWIKI_DIGEST_HOUR");

    public static Settings from(CommandLine flags, Map<String, String> environment) {
        Map<String, String> env = new java.util.HashMap<>(environment);
        FLAGS_FOR_VARIABLES.forEach((flag, variable) -> flags.option(flag).ifPresent(value -> env.put(variable, value)));
        int port = parsePort(flags.option("port").orElse(variable(env, "PORT", String.valueOf(DEFAULT_PORT))));
        Path data = Path.of(flags.option("data").orElse(variable(env, "AFSPRAKENWIKI_DATA", DEFAULT_DATA)));
        String host = flags.option("host").orElse(variable(env, "AFSPRAKENWIKI_HOST", "0.0.0.0"));
        String baseUrl = baseUrl(stripSlash(variable(env, "AFSPRAKENWIKI_BASE_URL", "")));
        return new Settings(port, data.toAbsolutePath().normalize(), flags.flag("demo"), host,
                bool(env, "AFSPRAKENWIKI_SECURE_COOKIES"), bool(env, "AFSPRAKENWIKI_TRUST_PROXY"),
                baseUrl, oidc(env), PasswordHashing.STANDARD, mail(env, baseUrl), digestHour(env), database(env));
    }

    /** The PostgreSQL server when {@code AFSPRAKENWIKI_DATABASE_URL} names one; a malformed address stops the wiki. */
    static Optional<DatabaseServer> database(Map<String, String> env) {
        String url = variable(env, "AFSPRAKENWIKI_DATABASE_URL", "");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DatabaseServer(url, variable(env, "AFSPRAKENWIKI_DATABASE_USER", ""),
                    env.getOrDefault("AFSPRAKENWIKI_DATABASE_PASSWORD", "")));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException(e.getMessage());
        }
    }

    /**
     * Settings for tests: a free port on loopback, and Argon2id at its lightest, because the suite
     * creates and signs in hundreds of accounts (the standard cost is tested on its own).
     */
    public static Settings forTests(Path dataDir) {
        return new Settings(0, dataDir, false, "127.0.0.1", false, false, "", Optional.empty(), PasswordHashing.LIGHT);
    }

    /** With the data on the PostgreSQL {@code server} (empty: SQLite in the data directory). */
    public Settings withDatabase(Optional<DatabaseServer> server) {
        return new Settings(port, dataDir, demo, host, secureCookies, trustProxy, baseUrl, oidc, passwordHashing, mail,
                digestHour, server);
    }

    public Settings withOidc(OidcSettings config) {
        return new Settings(port, dataDir, demo, host, secureCookies, trustProxy, baseUrl, Optional.of(config), passwordHashing,
                mail, digestHour, database);
    }

    public Settings withTrustProxy(boolean trust) {
        return new Settings(port, dataDir, demo, host, secureCookies, trust, baseUrl, oidc, passwordHashing, mail, digestHour,
                database);
    }

    /** With mail through {@code server}, and {@code publicAddress} for the links in it. */
    public Settings withMail(MailSettings server, String publicAddress) {
        return new Settings(port, dataDir, demo, host, secureCookies, trustProxy, publicAddress, oidc, passwordHashing, server,
                digestHour, database);
    }

    /** The hour of the daily run: a whole hour from 0 to 23, else the wiki does not start. */
    static int digestHour(Map<String, String> env) {
        String value = variable(env, "AFSPRAKENWIKI_DIGEST_HOUR", String.valueOf(DailyRun.DEFAULT_HOUR));
        try {
            int hour = Integer.parseInt(value);
            if (hour >= 0 && hour <= 23) {
                return hour;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new CommandLine.UsageException("AFSPRAKENWIKI_DIGEST_HOUR moet een heel uur van 0 tot en met 23 zijn "
                + "(Nederlandse tijd), niet '" + value + "'");
    }

    private static MailSettings mail(Map<String, String> env, String baseUrl) {
        try {
            return MailSettings.from(env, baseUrl);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException(e.getMessage());
        }
    }

    /** The public address must be one a mail client or an identity provider can follow: absolute http(s). */
    private static String baseUrl(String value) {
        if (value.isEmpty()) {
            return value;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getQuery() == null
                    && uri.getFragment() == null && uri.getUserInfo() == null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // the message below
        }
        throw new CommandLine.UsageException("AFSPRAKENWIKI_BASE_URL moet een volledig http- of https-adres zijn, "
                + "zoals https://afspraken.gemeente.nl, niet '" + value + "'");
    }

    private static Optional<OidcSettings> oidc(Map<String, String> env) {
        String discovery = variable(env, "AFSPRAKENWIKI_OIDC_DISCOVERY_URL", "");
        if (discovery.isEmpty()) {
            return Optional.empty();
        }
        String clientId = variable(env, "AFSPRAKENWIKI_OIDC_CLIENT_ID", "");
        if (clientId.isEmpty()) {
            throw new CommandLine.UsageException("AFSPRAKENWIKI_OIDC_CLIENT_ID ontbreekt bij AFSPRAKENWIKI_OIDC_DISCOVERY_URL");
        }
        return Optional.of(new OidcSettings(discovery, clientId, variable(env, "AFSPRAKENWIKI_OIDC_CLIENT_SECRET", ""),
                variable(env, "AFSPRAKENWIKI_OIDC_SCOPES", "openid profile email"),
                variable(env, "AFSPRAKENWIKI_OIDC_USERNAME_CLAIM", "preferred_username"),
                variable(env, "AFSPRAKENWIKI_OIDC_EMAIL_CLAIM", "email"),
                variable(env, "AFSPRAKENWIKI_OIDC_LABEL", "Inloggen met SSO")));
    }

    /** An environment variable; set but empty counts as not set. */
    private static String variable(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static boolean bool(Map<String, String> env, String name) {
        String value = variable(env, name, "false").toLowerCase(java.util.Locale.ROOT);
        return value.equals("true") || value.equals("1") || value.equals("ja") || value.equals("yes");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new CommandLine.UsageException("de poort moet tussen 0 en 65535 liggen, niet " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new CommandLine.UsageException("de poort is geen getal: " + value);
        }
    }
}
