package nl.afsprakenwiki.multi;

import nl.afsprakenwiki.testing.ServerProcess;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real load balancer for the tests: Debian's nginx in front of several wiki instances, round robin
 * without stickiness, in a temporary directory on a free port (as the example in deploy/nginx.conf,
 * without TLS). Skipped without nginx unless {@code AFSPRAKENWIKI_TEST_POSTGRES=required} (CI), which
 * installs it.
 */
final class Nginx implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final Path dir;
    final int port;

    private Nginx(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    static Nginx roundRobin(Path dir, List<Integer> upstreams) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            String setting = System.getProperty("AFSPRAKENWIKI_TEST_POSTGRES", System.getenv("AFSPRAKENWIKI_TEST_POSTGRES"));
            if ("required".equals(setting)) {
                throw new IllegalStateException("nginx is required for this test: apt-get install nginx-light");
            }
            Assumptions.abort("no nginx (" + BINARY + "): apt-get install nginx-light");
        }
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("tmp"));
        int port = ServerProcess.freePort();
        String servers = upstreams.stream().map(p -> "    server 127.0.0.1:" + p + " max_fails=1 fail_timeout=5s;")
                .collect(Collectors.joining("\n"));
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, """
                user root root;
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 256; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/tmp/body;
                  proxy_temp_path %1$s/tmp/proxy;
                  fastcgi_temp_path %1$s/tmp/fastcgi;
                  uwsgi_temp_path %1$s/tmp/uwsgi;
                  scgi_temp_path %1$s/tmp/scgi;
                  client_max_body_size 12m;
                  upstream wiki {
                %2$s
                    keepalive 16;
                  }
                  server {
                    listen 127.0.0.1:%3$d;
                    location / {
                      proxy_pass http://wiki;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $host;
                      proxy_set_header X-Forwarded-For $remote_addr;
                      proxy_set_header X-Forwarded-Proto $scheme;
                      proxy_connect_timeout 2s;
                      proxy_next_upstream error timeout http_502 http_503;
                    }
                  }
                }
                """.formatted(dir.toAbsolutePath(), servers, port));
        Process process = new ProcessBuilder(BINARY.toString(), "-p", dir.toAbsolutePath().toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return new Nginx(process, dir, port);
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("logs/stdout.log"))
                            + readQuietly(dir.resolve("logs/error.log")));
                }
                Thread.sleep(50);
            }
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
