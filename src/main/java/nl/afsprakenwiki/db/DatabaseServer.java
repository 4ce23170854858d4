package nl.afsprakenwiki.db;

import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server to keep the wiki's data in instead of SQLite in the data directory:
 * {@code AFSPRAKENWIKI_DATABASE_URL} ({@code jdbc:postgresql://host:5432/afsprakenwiki}) with
 * {@code AFSPRAKENWIKI_DATABASE_USER} and {@code AFSPRAKENWIKI_DATABASE_PASSWORD}. The password is never
 * part of {@link #toString}, so it cannot reach a log.
 */
public record DatabaseServer(String url, String user, String password) {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://[^/?#\\s]+/[^/?#\\s]+(\\?\\S*)?");

    public DatabaseServer {
        if (url == null || !URL.matcher(url).matches()) {
            throw new IllegalArgumentException("AFSPRAKENWIKI_DATABASE_URL moet de vorm "
                    + "jdbc:postgresql://host:5432/database hebben");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** The driver's connection properties with this server's user and password (those that are given). */
    public Properties credentials() {
        Properties properties = new Properties();
        if (!user.isEmpty()) {
            properties.setProperty("user", user);
        }
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        return properties;
    }

    /** The URL without its query (which may hold a password) - what a log or message may show. */
    public String shownUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public String toString() {
        return "DatabaseServer[" + shownUrl() + (user.isEmpty() ? "" : ", user " + user) + "]";
    }
}
