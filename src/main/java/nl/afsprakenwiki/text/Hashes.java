package nl.afsprakenwiki.text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a text (its UTF-8 bytes) in lower-case hex: revisions, paragraphs, tokens, redactions; and of bytes. */
public final class Hashes {

    private Hashes() {
    }

    public static String sha256(String text) {
        return HexFormat.of().formatHex(sha256Bytes(text));
    }

    /** The digest itself, for callers that keep only part of it. */
    public static byte[] sha256Bytes(String text) {
        return sha256Bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest of any bytes (e.g. a file's). */
    public static byte[] sha256Bytes(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
