package nl.afsprakenwiki.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one-time setup link for an instance without accounts: a random token, printed at start-up,
 * that lets whoever has it create the first beheerder. It works once, and never once any account
 * exists. There is no default password.
 */
public final class FirstStart {

    private final String token;
    private final AtomicBoolean used = new AtomicBoolean();

    public FirstStart() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String token() {
        return token;
    }

    public String path() {
        return "/setup/" + token;
    }

    public boolean matches(String candidate) {
        return !used.get() && candidate != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** Marks the link as used; true for the one caller that gets to use it. */
    public boolean use() {
        return used.compareAndSet(false, true);
    }

    /** Makes the link usable again after an attempt that did not create the account. */
    public void release() {
        used.set(false);
    }
}
