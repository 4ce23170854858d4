package nl.afsprakenwiki.agreements;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content of a revision in canonical form: line endings normalised to {@code \n}, title trimmed.
 * Its SHA-256 covers the title, a newline and the body; endorsements bind to this hash, so the
 * definition must never change for stored revisions.
 */
public record RevisionContent(String title, String body, String sha256) {

    public static RevisionContent of(String title, String body) {
        String canonicalTitle = title.strip();
        String canonicalBody = normaliseLineEndings(body);
        return new RevisionContent(canonicalTitle, canonicalBody, sha256(canonicalTitle + "\n" + canonicalBody));
    }

    public static String normaliseLineEndings(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    public boolean sameAs(String otherTitle, String otherBody) {
        return title.equals(otherTitle) && body.equals(otherBody);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
