package nl.afsprakenwiki.web;

import io.javalin.http.Context;

/**
 * Headers on every response. The content security policy allows scripts, styles and fonts from
 * this site only (no inline script, no CDN); images may come from https sites because agreements
 * may link images.
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

    private SecurityHeaders() {
    }

    public static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        if ("https".equals(ctx.scheme())) {
            ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (!ctx.path().startsWith("/static/") && !ctx.path().startsWith("/webjars/")) {
            // pages carry CSRF tokens and (later) private drafts: never store them in shared caches
            ctx.header("Cache-Control", "no-store");
        }
    }
}
