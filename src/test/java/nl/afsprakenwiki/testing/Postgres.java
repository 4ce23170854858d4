package nl.afsprakenwiki.testing;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.DatabaseServer;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for the tests, one per test JVM: a throwaway cluster in a temporary directory on a
 * free local port (initdb and pg_ctl of the installed server; as root they run as the user
 * {@code postgres}, since PostgreSQL refuses to run as root), stopped and deleted when the JVM ends.
 * Each test takes a new, empty database of its own ({@link #freshDatabase}).
 * <p>
 * {@code AFSPRAKENWIKI_TEST_POSTGRES} (environment variable or system property) chooses:
 * <ul>
 *   <li>unset or {@code auto}: the cluster when PostgreSQL's programs are installed; else the tests that
 *       need it are skipped, saying why;</li>
 *   <li>{@code required}: the same, but a missing or failing PostgreSQL fails those tests (CI sets it,
 *       so that they can never be skipped there without notice);</li>
 *   <li>{@code off}: skipped;</li>
 *   <li>a URL {@code jdbc:postgresql://host:port/db?user=...&password=...} of an existing server whose
 *       user may create databases: the tests create theirs there.</li>
 * </ul>
 * The cluster runs without fsync: no test can lose power, and the durability of a commit is
 * PostgreSQL's own business.
 */
public final class Postgres {

    private static final String SETTING = "AFSPRAKENWIKI_TEST_POSTGRES";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Server server;
    private static String template;
    private static String unavailable;

    private Postgres() {
    }

    /** A running server's address: the URL of its maintenance database and its administrative user. */
    private record Server(String host, int port, String user, String password) {
        String url(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    /** A new, empty database for one test; skips the test (or fails it, when required) without PostgreSQL. */
    public static PGSimpleDataSource freshDatabase() {
        Server running = server();
        String name = "aw_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = source(running, "postgres").getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on PostgreSQL: " + e.getMessage(), e);
        }
        return source(running, name);
    }

    /**
     * A new database for one wiki, already migrated: a copy of one template database that the first call
     * migrates (with the real migrations, through {@link Database#open(DatabaseServer)}), so that each
     * test does not run the whole schema again.
     */
    public static DatabaseServer freshWikiDatabase() {
        Server running = server();
        String name = "aw_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = source(running, "postgres").getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " TEMPLATE " + wikiTemplate(running) + " STRATEGY FILE_COPY");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on PostgreSQL: " + e.getMessage(), e);
        }
        return new DatabaseServer(running.url(name), running.user(), running.password());
    }

    private static synchronized String wikiTemplate(Server running) {
        if (template == null) {
            String name = "aw_template_" + ProcessHandle.current().pid();
            try (Connection connection = source(running, "postgres").getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create a test database on PostgreSQL: " + e.getMessage(), e);
            }
            try {
                Database.open(new DatabaseServer(running.url(name), running.user(), running.password())).close();
            } catch (RuntimeException e) {
                try (Connection connection = source(running, "postgres").getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("DROP DATABASE IF EXISTS " + name);
                } catch (SQLException dropping) {
                    e.addSuppressed(dropping);
                }
                throw e;
            }
            template = name;
        }
        return template;
    }

    private static PGSimpleDataSource source(Server running, String database) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(running.url(database));
        source.setUser(running.user());
        if (running.password() != null) {
            source.setPassword(running.password());
        }
        return source;
    }

    private static synchronized Server server() {
        if (server != null) {
            return server;
        }
        String setting = setting();
        boolean required = "required".equals(setting);
        if (unavailable == null) {
            try {
                if ("off".equals(setting)) {
                    unavailable = SETTING + "=off";
                } else if (setting.startsWith("jdbc:postgresql:")) {
                    server = external(setting);
                } else if (setting.isEmpty() || "auto".equals(setting) || required) {
                    server = startCluster();
                } else {
                    throw new IllegalStateException(SETTING + " is auto, required, off or a jdbc:postgresql: URL, not "
                            + setting);
                }
            } catch (NoPostgres e) {
                unavailable = e.getMessage();
            }
        }
        if (server != null) {
            return server;
        }
        if (required) {
            throw new IllegalStateException(SETTING + "=required, but " + unavailable);
        }
        Assumptions.abort("no PostgreSQL for this test: " + unavailable
                + " (install Debian's postgresql, or set " + SETTING + ")");
        throw new AssertionError("unreachable");
    }

    private static String setting() {
        String value = System.getProperty(SETTING, System.getenv(SETTING));
        return value == null ? "" : value.strip();
    }

    private static Server external(String url) {
        java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
        String user = null;
        String password = null;
        for (String pair : uri.getRawQuery() == null ? new String[0] : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && kv[0].equals("user")) {
                user = java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            } else if (kv.length == 2 && kv[0].equals("password")) {
                password = java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return new Server(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password);
    }

    /** Thrown when PostgreSQL's programs are not there: the tests are skipped, unless it is required. */
    private static final class NoPostgres extends Exception {
        NoPostgres(String message) {
            super(message);
        }
    }

    private static Server startCluster() throws NoPostgres {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path dir = Files.createTempDirectory("afsprakenwiki-postgres");
            if (root) {
                run(List.of("chown", "postgres", dir.toString()), false);
            }
            Path data = dir.resolve("cluster");
            run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres",
                    "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"), root);
            int port = freePort();
            // for tests only: no flush to disk, few connections; the socket in the cluster's own directory
            String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                    + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=60"
                    + " -c shared_buffers=64MB";
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-o", options, "-l",
                    dir.resolve("server.log").toString(), "-w", "-t", "60", "start"), root);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(bin, data, dir, root)));
            return new Server("127.0.0.1", port, "postgres", null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a PostgreSQL cluster for the tests", e);
        }
    }

    private static void stop(Path bin, Path data, Path dir, boolean root) {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), root);
        } catch (RuntimeException | IOException e) {
            // the JVM is ending; a cluster left running is stopped by deleting its directory below
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind
        }
    }

    /** The directory of initdb and pg_ctl: Debian's newest /usr/lib/postgresql/N/bin, else the PATH's. */
    private static Path binaries() throws NoPostgres {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Path newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(Postgres::version)).orElse(null);
                if (newest != null) {
                    return newest.resolve("bin");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "initdb")) && Files.isExecutable(Path.of(dir, "pg_ctl"))) {
                return Path.of(dir);
            }
        }
        throw new NoPostgres("PostgreSQL's initdb is not installed (/usr/lib/postgresql/*/bin or the PATH)");
    }

    private static int version(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Runs a command to its end (as the user postgres when {@code asPostgres}); fails with its output. */
    private static void run(List<String> command, boolean asPostgres) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", full));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", full), e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("failed (exit " + process.exitValue() + "): " + String.join(" ", full)
                    + "\n" + output);
        }
    }
}
