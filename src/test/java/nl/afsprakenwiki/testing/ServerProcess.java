package nl.afsprakenwiki.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged jar running in its own JVM, as an operator would start it. */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    public final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static Path jar() {
        Path jar = Path.of(System.getProperty("afsprakenwiki.jar", "target/afsprakenwiki.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " does not exist; run these tests with 'mvn verify'");
        }
        return jar;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * JVM options for the processes these tests start and kill within seconds: the quick compiler only
     * and the serial collector, as for the test JVMs (pom.xml), since three such tests run side by side
     * on two cores. What they test (answers, crash safety) does not depend on the JIT.
     */
    private static final List<String> QUICK_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** What a command-line run printed and returned. */
    public record Command(int code, String out, String err) {
    }

    /** Runs {@code java -jar afsprakenwiki.jar args...} to the end, with {@code stdin} (may be null) as its input. */
    public static Command command(Path workDir, String stdin, String... args) {
        return command(workDir, stdin, Map.of(), args);
    }

    /** As {@link #command(Path, String, String...)}, with extra environment (a PostgreSQL server's address, say). */
    public static Command command(Path workDir, String stdin, Map<String, String> env, String... args) {
        try {
            List<String> command = java(QUICK_JVM);
            command.addAll(List.of(args));
            Path out = Files.createTempFile(workDir, "command", ".out");
            Path err = Files.createTempFile(workDir, "command", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().remove("AFSPRAKENWIKI_DATA");
            builder.environment().putAll(env);
            Process process = builder.start();
            try (var input = process.getOutputStream()) {
                if (stdin != null) {
                    input.write(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("command did not finish: " + command);
            }
            return new Command(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts {@code java -jar afsprakenwiki.jar args...} in {@code workDir} with extra environment,
     * in a JVM tuned for a short life like the test JVMs (see {@link #QUICK_JVM}).
     */
    public static ServerProcess start(Path workDir, int port, Map<String, String> env, String... args) {
        return start(QUICK_JVM, workDir, port, env, args);
    }

    /** As {@link #start}, with the JVM's defaults: exactly the run command the README gives. */
    public static ServerProcess startAsInTheReadme(Path workDir, int port, String... args) {
        return start(List.of(), workDir, port, Map.of(), args);
    }

    private static List<String> java(List<String> options) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-jar", jar().toAbsolutePath().toString()));
        return command;
    }

    private static ServerProcess start(List<String> jvmOptions, Path workDir, int port, Map<String, String> env, String... args) {
        try {
            List<String> command = java(jvmOptions);
            command.addAll(List.of(args));
            Path log = Files.createTempFile(workDir, "server", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().remove("AFSPRAKENWIKI_DATA");
            builder.environment().remove("PORT");
            builder.environment().putAll(env);
            ServerProcess server = new ServerProcess(builder.start(), log, port);
            try {
                // a bound on liveness, not a speed target: a machine busy with other work can need long
                server.awaitHealthy(Duration.ofSeconds(150));
            } catch (RuntimeException e) {
                server.kill(); // a server that never became healthy must not outlive its test
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy(Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        throw new IllegalStateException("server not healthy within " + timeout + ":\n" + output());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The native libraries the running server has mapped (Linux: /proc/PID/maps); empty where that cannot be read. */
    public String mappedFiles() {
        try {
            return Files.readString(Path.of("/proc/" + process.pid() + "/maps"));
        } catch (IOException e) {
            return "";
        }
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** kill -9: no shutdown hooks, no flushing, no closing of the database. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    @Override
    public void close() {
        process.destroy();
        waitFor();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
