package nl.afsprakenwiki.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The benchmarks' HTTP client against the JDK's own HTTP server: lengths, chunks, keep-alive, deadlines. */
class PlainHttpTest {

    private HttpServer server;
    private PlainHttp client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/fixed", exchange -> {
            byte[] body = ("port " + exchange.getRemoteAddress().getPort()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(201, 0); // length 0: chunked
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 5000; i++) {
                    out.write(("regel " + i + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });
        server.createContext("/echo", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String reply = exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("X-Test") + " "
                    + new String(body, StandardCharsets.UTF_8);
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(409, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.createContext("/empty", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, 2);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("ok".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        client = new PlainHttp("127.0.0.1", server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void readsAnswersByTheirLengthOnOneKeptConnection() throws IOException {
        PlainHttp.Response first = client.send("GET", "/fixed", null, 5000);
        PlainHttp.Response second = client.send("GET", "/fixed", null, 5000);
        assertEquals(200, first.status());
        assertEquals(first.text(), second.text(), "both requests came over the same connection (the same client port)");
    }

    @Test
    void readsChunkedAnswersWhole() throws IOException {
        PlainHttp.Response response = client.send("GET", "/chunked", null, 5000);
        assertEquals(201, response.status());
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            expected.append("regel ").append(i).append('\n');
        }
        assertEquals(expected.toString(), response.text());
        assertEquals(200, client.send("GET", "/fixed", null, 5000).status(), "the connection is usable after the last chunk");
    }

    @Test
    void sendsHeadersAndABody() throws IOException {
        byte[] body = "{\"title\":\"Überdracht\"}".getBytes(StandardCharsets.UTF_8);
        PlainHttp.Response response = client.send("PUT", "/echo", body, 5000, "X-Test", "waarde",
                "Content-Type", "application/json");
        assertEquals(409, response.status());
        assertArrayEquals(("PUT waarde {\"title\":\"Überdracht\"}").getBytes(StandardCharsets.UTF_8), response.body());
        assertEquals(204, client.send("GET", "/empty", null, 5000).status());
        assertEquals(0, client.send("GET", "/empty", null, 5000).body().length);
    }

    @Test
    void givesUpAtTheDeadlineAndGoesOnWithANewConnection() throws IOException {
        String before = client.send("GET", "/fixed", null, 5000).text();
        assertThrows(PlainHttp.TimedOut.class, () -> client.send("GET", "/slow", null, 150));
        PlainHttp.Response after = client.send("GET", "/fixed", null, 5000);
        assertEquals(200, after.status());
        assertEquals(false, before.equals(after.text()), "the timed-out connection was closed, a new one opened");
        assertEquals("ok", client.send("GET", "/slow", null, 5000).text());
    }
}
