package nl.afsprakenwiki.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.SameSite;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF protection for forms (signed double-submit): the browser holds a random id in an HttpOnly,
 * SameSite=Strict cookie; every form carries HMAC(server secret, id). A cross-site page can neither
 * read the cookie nor compute the signature, and a cookie planted by an attacker is useless without
 * the secret. Unlike rotating tokens this survives several tabs and parallel htmx requests.
 */
public final class Csrf {

    public static final String FIELD = "csrf";
    public static final String HEADER = "X-CSRF-Token";
    static final String COOKIE = "aw_csrf";
    private static final String ATTRIBUTE = "aw.csrf";

    private final SecretKeySpec key;
    private final boolean secureCookies;
    private final SecureRandom random = new SecureRandom();

    public Csrf(ServerSecret secret, boolean secureCookies) {
        this.key = new SecretKeySpec(secret.key(), "HmacSHA256");
        this.secureCookies = secureCookies;
    }

    /** The token for forms on this response; sets the cookie if the browser has none yet. */
    public String token(Context ctx) {
        String cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        String id = ctx.cookie(COOKIE);
        if (id == null || id.length() != 43) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Cookie cookie = new Cookie(COOKIE, id);
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            cookie.setSecure(secureCookies || "https".equals(ctx.scheme()));
            cookie.setSameSite(SameSite.STRICT);
            ctx.cookie(cookie);
        }
        String token = sign(id);
        ctx.attribute(ATTRIBUTE, token);
        return token;
    }

    /** Whether this response carries a CSRF token: then it is this browser's alone, and may not be shared. */
    public static boolean issued(Context ctx) {
        return ctx.attribute(ATTRIBUTE) != null;
    }

    /** Refuses (403) a request whose token does not match its cookie. */
    public void check(Context ctx) {
        String id = ctx.cookie(COOKIE);
        String sent = ctx.header(HEADER);
        if (sent == null) {
            sent = ctx.formParam(FIELD);
        }
        if (id == null || sent == null || !MessageDigest.isEqual(
                sign(id).getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII))) {
            throw new ForbiddenResponse("csrf");
        }
    }

    private String sign(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(id.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
