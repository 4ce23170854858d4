package nl.afsprakenwiki.web;

import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.InstanceSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * A random key that signs tokens such as the CSRF token and the unsubscribe links in mails. It is kept
 * in the database ({@code instance_setting} {@code signing_key}), so that every instance sharing the
 * database signs alike and a backup carries it; generated on first start, never logged. A data
 * directory from before keeps its key: {@code secret.key} is read once and its key moved into the
 * database (the file is not read again).
 */
public final class ServerSecret {

    /** Where data directories from before kept the key. */
    private static final String FILE = "secret.key";
    private static final String SETTING = "signing_key";
    private final byte[] key;

    ServerSecret(byte[] key) {
        this.key = key;
    }

    public static ServerSecret loadOrCreate(Path dataDir, Database db) {
        Optional<String> stored = db.read(handle -> InstanceSettings.value(handle, SETTING));
        if (stored.isEmpty()) {
            Path file = dataDir.resolve(FILE);
            byte[] key = new byte[32];
            try {
                if (Files.exists(file)) {
                    key = decode(Files.readString(file), file.toString());
                } else {
                    new SecureRandom().nextBytes(key);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            String encoded = Base64.getEncoder().encodeToString(key);
            // two instances starting on a new database at once: the first key written is everyone's
            db.write(handle -> {
                InstanceSettings.setIfAbsent(handle, SETTING, encoded);
                return null;
            });
            stored = db.read(handle -> InstanceSettings.value(handle, SETTING));
        }
        return new ServerSecret(decode(stored.orElseThrow(), "the database's " + SETTING));
    }

    private static byte[] decode(String text, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " does not hold a base64 key");
        }
        if (key.length < 32) {
            throw new IllegalStateException(where + " holds a key shorter than 256 bits");
        }
        return key;
    }

    /**
     * HMAC-SHA256 of {@code message} with the key, base64url without padding: a signature for tokens
     * that travel outside a session (such as the unsubscribe links in mails). Callers put a purpose
     * into the message, so one kind of token never passes for another.
     */
    public String sign(String message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    byte[] key() {
        return key.clone();
    }
}
