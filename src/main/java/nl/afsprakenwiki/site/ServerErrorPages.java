package nl.afsprakenwiki.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.SecurityHeaders;
import nl.afsprakenwiki.web.Texts;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Jetty's own refusals, for requests that never reach the application: a request line or URI Jetty
 * cannot read (400, such as invalid UTF-8 in the path), a URI too long (414), headers too large (431).
 * They get the same security headers as every other answer and a short Dutch page, or problem+json
 * for the API. Some requests Jetty refuses before it has read the path or any header (a URI too long, a
 * NUL in the request line): those get the page, there is no telling that an API client asked. Never a
 * stack trace, never Jetty's name.
 */
public final class ServerErrorPages extends ErrorHandler {

    private final Texts dutch;
    private final Json json;

    public ServerErrorPages(Texts dutch, Json json) {
        this.dutch = dutch;
        this.json = json;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException failure) {
            status = failure.getCode();
            response.setStatus(status);
        }
        if (status < 400) {
            status = 400;
            response.setStatus(status);
        }
        String path = path(request);
        var headers = response.getHeaders();
        SecurityHeaders.headers(path, request.isSecure()).forEach(headers::put);
        if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        String key = switch (status) {
            case 400, 404, 405, 413, 414, 431 -> "error." + status;
            default -> status >= 500 ? "error.500" : "error.400";
        };
        String title = dutch.get(key + ".title");
        String message = dutch.get(key + ".message");
        boolean api = path.startsWith("/api/") || wantsJson(request);
        String body = api ? problem(status, title, message) : page(title, message);
        headers.put(HttpHeader.CONTENT_TYPE, api ? "application/problem+json" : "text/html; charset=utf-8");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /** The path as Jetty read it; {@code /badURI} or {@code /badMessage} when it could not. */
    private static String path(Request request) {
        try {
            String path = request.getHttpURI().getPath();
            return path == null ? "/" : path;
        } catch (RuntimeException e) {
            return "/";
        }
    }

    private static boolean wantsJson(Request request) {
        List<String> accepted = request.getHeaders().getValuesList(HttpHeader.ACCEPT);
        return accepted.stream().anyMatch(value -> value.contains("json")) && accepted.stream().noneMatch(value -> value.contains("html"));
    }

    private String problem(int status, String title, String detail) {
        try {
            return json.mapper().writeValueAsString(Json.object("type", "about:blank", "title", title, "status", status,
                    "detail", detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String page(String title, String message) {
        return """
                <!DOCTYPE html>
                <html lang="nl">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%1$s – Afsprakenwiki</title>
                  <link rel="stylesheet" href="/static/css/site.css">
                </head>
                <body>
                  <main class="container">
                    <h1>%1$s</h1>
                    <p class="lead">%2$s</p>
                    <p><a href="/">%3$s</a></p>
                  </main>
                </body>
                </html>
                """.formatted(html(title), html(message), html(dutch.get("error.home")));
    }

    /** Escaped as the jte templates escape text. */
    private static String html(String text) {
        StringOutput escaped = new StringOutput();
        Escape.htmlContent(text, escaped);
        return escaped.toString();
    }
}
