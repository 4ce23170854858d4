package nl.afsprakenwiki.db;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Whether a database already holds exactly the migrations this build carries, each applied
 * successfully and unchanged since. Then Flyway would find nothing to apply and nothing to object
 * to, and {@link Dialect#migrate} leaves it out: its set-up, its scan of the application's jar and
 * its validation take about 0.4 s of a start-up of 4-5 s on two cores.
 *
 * <p>The rule is narrower than Flyway's, never wider. Every bundled script ({@code V<version>__<description>.sql})
 * is in the history under its version, description and script name, of type SQL, with Flyway's
 * checksum (a CRC32 over the script's lines, as Flyway computes it) and successful; and the history
 * holds nothing else. Anything else - a new migration, an edited one, a failed, a foreign or a
 * removed row, no history at all - and Flyway runs as always, to apply what is new or to refuse what
 * was changed. {@code AppliedMigrationsTest} holds the checksum to Flyway's own for every bundled script.
 */
final class AppliedMigrations {

    private static final Pattern SCRIPT = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__(.+)\\.sql");

    /** A history row as Flyway writes it for a versioned SQL script. */
    private record Row(String version, String description, String type, Integer checksum, boolean success) {
    }

    /**
     * The bundled scripts per folder, listed and read once per process (the jar does not change while
     * it runs; the tests open thousands of databases).
     */
    private static final Map<String, Optional<Map<String, Row>>> BUNDLED = new ConcurrentHashMap<>();

    private AppliedMigrations() {
    }

    /**
     * Whether {@code source}'s history holds exactly the scripts in classpath folder {@code folder};
     * false also when that cannot be told (no history table, scripts that cannot be listed).
     */
    static boolean current(DataSource source, String folder) {
        Map<String, Row> bundled = BUNDLED.computeIfAbsent(folder, AppliedMigrations::listed).orElse(Map.of());
        if (bundled.isEmpty()) {
            return false;
        }
        try (Connection connection = source.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT script, version, description, type, checksum, success FROM flyway_schema_history")) {
            int seen = 0;
            while (rows.next()) {
                seen++;
                Object checksum = rows.getObject("checksum");
                Row applied = new Row(rows.getString("version"), rows.getString("description"), rows.getString("type"),
                        checksum == null ? null : ((Number) checksum).intValue(), rows.getBoolean("success"));
                String script = rows.getString("script");
                if (script == null || !applied.equals(bundled.get(script))) {
                    return false;
                }
            }
            return seen == bundled.size();
        } catch (SQLException e) {
            return false; // no history yet (a new database), or one this rule does not read: Flyway decides
        }
    }

    /** {@link #bundled}, or nothing when the scripts cannot be listed or read. */
    private static Optional<Map<String, Row>> listed(String folder) {
        try {
            return Optional.ofNullable(bundled(folder));
        } catch (IOException | UncheckedIOException | URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The bundled scripts by file name, each as the history row Flyway writes when it applies it; null if not listable. */
    private static Map<String, Row> bundled(String folder) throws IOException, URISyntaxException {
        ClassLoader loader = AppliedMigrations.class.getClassLoader();
        URL url = loader.getResource(folder);
        if (url == null) {
            return null;
        }
        TreeSet<String> names = new TreeSet<>();
        switch (url.getProtocol()) {
            case "jar" -> {
                JarFile jar = ((JarURLConnection) url.openConnection()).getJarFile();
                String prefix = folder + "/";
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    String name = entries.nextElement().getName();
                    if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0 && name.length() > prefix.length()) {
                        names.add(name.substring(prefix.length()));
                    }
                }
            }
            case "file" -> {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    files.filter(Files::isRegularFile).forEach(file -> names.add(file.getFileName().toString()));
                }
            }
            default -> {
                return null;
            }
        }
        Map<String, Row> scripts = new HashMap<>();
        for (String name : names) {
            Matcher matcher = SCRIPT.matcher(name);
            if (!matcher.matches()) {
                return null; // not a plain versioned script: Flyway's rules, not this one's
            }
            try (InputStream in = loader.getResourceAsStream(folder + "/" + name)) {
                scripts.put(name, new Row(matcher.group(1).replace('_', '.'), matcher.group(2).replace('_', ' '),
                        "SQL", checksum(Objects.requireNonNull(in, name)), true));
            }
        }
        return Map.copyOf(scripts);
    }

    /** Flyway's checksum of a script: a CRC32 over the UTF-8 bytes of each line, without line ends or a byte order mark. */
    static int checksum(InputStream script) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader reader = new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8), 4096);
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String text = line.startsWith("\uFEFF") ? line.substring(1) : line;
            crc.update(text.getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }
}
