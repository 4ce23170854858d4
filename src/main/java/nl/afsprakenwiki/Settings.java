package nl.afsprakenwiki;

import java.nio.file.Path;
import java.util.Map;

/**
 * Runtime settings. A command-line flag wins over the environment, the environment over the default.
 *
 * @param port     HTTP port ({@code --port}, {@code PORT}, default 7070; 0 picks a free port)
 * @param dataDir  directory holding the SQLite database and derived data ({@code --data}, {@code AFSPRAKENWIKI_DATA}, default ./data)
 * @param demo     fill an empty database with the demo corpus ({@code --demo})
 * @param host     interface to listen on ({@code --host}, {@code AFSPRAKENWIKI_HOST}, default 0.0.0.0)
 */
public record Settings(int port, Path dataDir, boolean demo, String host) {

    public static final int DEFAULT_PORT = 7070;
    public static final String DEFAULT_DATA = "./data";

    public static Settings from(CommandLine flags, Map<String, String> env) {
        int port = parsePort(flags.option("port").orElse(variable(env, "PORT", String.valueOf(DEFAULT_PORT))));
        Path data = Path.of(flags.option("data").orElse(variable(env, "AFSPRAKENWIKI_DATA", DEFAULT_DATA)));
        String host = flags.option("host").orElse(variable(env, "AFSPRAKENWIKI_HOST", "0.0.0.0"));
        return new Settings(port, data.toAbsolutePath().normalize(), flags.flag("demo"), host);
    }

    /** Settings for tests and embedded use: a free port on loopback. */
    public static Settings forTests(Path dataDir) {
        return new Settings(0, dataDir, false, "127.0.0.1");
    }

    /** An environment variable; set but empty counts as not set. */
    private static String variable(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
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
