package nl.afsprakenwiki.notifications;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.web.ServerSecret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * One-click unsubscribe (RFC 8058): every mail but the test message carries a link
 * {@code /afmelden/{token}} whose token names the recipient's account and the kind of mail, signed
 * with the server secret. Whoever holds the mail may stop that kind for that person, without signing
 * in; a token that was changed or made up names nobody.
 */
public final class Unsubscribing {

    private static final String PURPOSE = "unsubscribe:";

    private final Database db;
    private final ServerSecret secret;
    private final Preferences preferences;
    private final String baseUrl;

    public Unsubscribing(Database db, ServerSecret secret, Preferences preferences, String baseUrl) {
        this.db = db;
        this.secret = secret;
        this.preferences = preferences;
        this.baseUrl = baseUrl;
    }

    /** Who and what a valid token names. */
    public record Subscription(long accountId, String kind) {
    }

    /** The token for this person and kind: the payload readable, the signature over it. */
    String token(long accountId, String kind) {
        String payload = accountId + ":" + kind;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + secret.sign(PURPOSE + payload);
    }

    /** The absolute unsubscribe address for this person and kind. */
    String link(long accountId, String kind) {
        return baseUrl + "/afmelden/" + token(accountId, kind);
    }

    /** What the token names, when its signature is right and it names a kind one can stop; else empty. */
    public Optional<Subscription> read(String token) {
        if (token == null || token.length() > 300) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload;
        try {
            payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        byte[] expected = secret.sign(PURPOSE + payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        int colon = payload.indexOf(':');
        try {
            long account = Long.parseLong(payload.substring(0, colon));
            String kind = payload.substring(colon + 1);
            boolean known = Preferences.DIGEST.equals(kind) || (NotificationKind.fromCode(kind) != null
                    && !NotificationKind.TEST.code().equals(kind));
            boolean exists = db.read(handle -> handle.createQuery("SELECT count(*) FROM account WHERE id = :id")
                    .bind("id", account).mapTo(Integer.class).one()) == 1;
            return known && exists ? Optional.of(new Subscription(account, kind)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Stops that kind of mail for that person; empty (and nothing changed) when the token is not valid. */
    public Optional<Subscription> unsubscribe(String token) {
        Optional<Subscription> subscription = read(token);
        subscription.ifPresent(found -> db.write(handle -> preferences.unsubscribe(handle, found.accountId(), found.kind())));
        return subscription;
    }
}
