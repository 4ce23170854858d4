package nl.afsprakenwiki.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The benchmarks' HTTP client (not a test): one blocking HTTP/1.1 keep-alive connection on a plain
 * socket, as lean as a load generator written in C. The load generators run on the same two cores as
 * the server they measure; {@code java.net.http.HttpClient} (a selector thread, futures, a String of
 * every body) took 1.2 ms of CPU per request of the mix, an eighth of what the server spent, and
 * {@code HttpURLConnection} nearly as much. This client writes the request's bytes, reads the status
 * line and headers, and reads the body by its length or its chunks; nothing else.
 *
 * <p>A request is given a deadline: when the answer is not complete by then, the connection is closed
 * (the server may still be working on it) and {@link TimedOut} is thrown; the next request opens a new
 * connection. One instance belongs to one thread.
 */
final class PlainHttp implements Closeable {

    /** An answer: its status and the bytes of its body. */
    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** No complete answer before the deadline. */
    static final class TimedOut extends IOException {
        TimedOut() {
            super("no complete answer before the deadline");
        }
    }

    private static final int LIMIT = 64 * 1024 * 1024;

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private long deadline;

    PlainHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Sends one request and reads its answer. {@code headers} are name/value pairs; {@code body} may be
     * null. Throws {@link TimedOut} when the answer is not complete within {@code timeoutMillis}.
     */
    Response send(String method, String path, byte[] body, long timeoutMillis, String... headers) throws IOException {
        deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        boolean reused = socket != null;
        try {
            return exchange(head.toString().getBytes(StandardCharsets.ISO_8859_1), body, method);
        } catch (TimedOut e) {
            close();
            throw e;
        } catch (IOException e) {
            close();
            if (!reused || !method.equals("GET")) {
                throw e;
            }
            // the server closed a kept-alive connection between two requests: a GET once more on a new one
            deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
            try {
                return exchange(head.toString().getBytes(StandardCharsets.ISO_8859_1), body, method);
            } catch (IOException again) {
                close();
                throw again;
            }
        }
    }

    private Response exchange(byte[] head, byte[] body, String method) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, remainingMillis()));
            in = socket.getInputStream();
            out = socket.getOutputStream();
            position = 0;
            limit = 0;
        }
        out.write(head);
        if (body != null) {
            out.write(body);
        }
        out.flush();
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = statusLine.startsWith("HTTP/1.0");
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        byte[] content;
        if (method.equals("HEAD") || status == 204 || status == 304 || (status >= 100 && status < 200)) {
            content = new byte[0];
        } else if (chunked) {
            content = chunks();
        } else if (length >= 0) {
            content = exactly(length);
        } else {
            content = untilClosed();
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return new Response(status, content);
    }

    private byte[] chunks() throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                while (!line().isEmpty()) {
                    // trailers, if any
                }
                return all.toByteArray();
            }
            if (all.size() + n > LIMIT) {
                throw new IOException("an answer of more than " + LIMIT + " bytes");
            }
            all.write(exactly(n));
            line(); // the CRLF after the chunk
        }
    }

    private byte[] exactly(long length) throws IOException {
        if (length > LIMIT) {
            throw new IOException("an answer of " + length + " bytes");
        }
        byte[] content = new byte[(int) length];
        int done = 0;
        while (done < content.length) {
            if (position == limit) {
                fill();
            }
            int n = Math.min(limit - position, content.length - done);
            System.arraycopy(buffer, position, content, done, n);
            position += n;
            done += n;
        }
        return content;
    }

    private byte[] untilClosed() throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        while (true) {
            if (position == limit && !tryFill()) {
                return all.toByteArray();
            }
            all.write(buffer, position, limit - position);
            position = limit;
        }
    }

    /** One header line without its CRLF (ISO-8859-1, as HTTP's heads are). */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            if (position == limit) {
                fill();
            }
            byte b = buffer[position++];
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() > 16_384) {
                throw new IOException("a header line of more than 16 KB");
            }
            line.append((char) (b & 0xff));
        }
    }

    private void fill() throws IOException {
        if (!tryFill()) {
            throw new IOException("the server closed the connection");
        }
    }

    private boolean tryFill() throws IOException {
        long left = remainingMillis();
        if (left <= 0) {
            throw new TimedOut();
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
        int n;
        try {
            n = in.read(buffer, 0, buffer.length);
        } catch (SocketTimeoutException e) {
            throw new TimedOut();
        }
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private long remainingMillis() {
        return (deadline - System.nanoTime() + 999_999) / 1_000_000;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection that is gone already
            }
        }
        socket = null;
        in = null;
        out = null;
        position = 0;
        limit = 0;
    }
}
