package nl.afsprakenwiki.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A random key kept in the data directory ({@code secret.key}, readable by the owner only), used
 * to sign tokens such as the CSRF token. Generated on first start; never logged.
 */
public final class ServerSecret {

    private static final String FILE = "secret.key";
    private final byte[] key;

    private ServerSecret(byte[] key) {
        this.key = key;
    }

    public static ServerSecret loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException e) {
                    return load(file);
                }
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardOpenOption.TRUNCATE_EXISTING);
                return new ServerSecret(fresh);
            }
            return load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    private static ServerSecret load(Path file) throws IOException {
        byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
        if (key.length < 32) {
            throw new IllegalStateException(file + " holds a key shorter than 256 bits");
        }
        return new ServerSecret(key);
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
