package nl.afsprakenwiki.web;

import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Headers on every response. The content security policy allows scripts, styles and fonts from
 * this site only (no inline script, no CDN); images may come from https sites because agreements
 * may link images. Answers of the JSON API also carry its version ({@code API-Version}).
 */
public final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' https:",
            "font-src 'self'",
            "connect-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "object-src 'none'");

    /** Where the JSON API lives. */
    public static final String API_ROOT = "/api/v1";
    /**
     * The full version of the JSON API (semantic versioning; the major version is in {@link #API_ROOT}).
     * Must equal {@code info.version} of {@code openapi.yaml}, which a test checks.
     */
    public static final String API_VERSION = "1.0.0";

    private SecurityHeaders() {
    }

    public static void apply(Context ctx) {
        headers(ctx.path(), "https".equals(ctx.scheme())).forEach(ctx::header);
    }

    /**
     * The headers for an answer on {@code path}; also written by the server's own error pages, which
     * answer before any filter of the application runs.
     */
    public static Map<String, String> headers(String path, boolean https) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put("Cross-Origin-Resource-Policy", "same-origin");
        if (https) {
            headers.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (path.equals(API_ROOT) || path.startsWith(API_ROOT + "/")) {
            // NLGov API Design Rules /core/version-header: every answer of the API names its full version
            headers.put("API-Version", API_VERSION);
        }
        if (!path.startsWith("/static/") && !path.startsWith("/webjars/")) {
            // pages carry CSRF tokens and (later) private drafts: never store them in shared caches
            headers.put("Cache-Control", "no-store");
        }
        return headers;
    }
}
