package nl.afsprakenwiki.privacy;

import nl.afsprakenwiki.text.Hashes;

/**
 * One piece of text that looks like personal data: its kind, the span [start, end) in Java char
 * offsets into the text that was scanned, and a fingerprint. The fingerprint is the same for the
 * same data in any text (it hashes the kind and the normalised match), so a writer can confirm a
 * finding by sending it back; it never reveals the text. A finding does not hold the matched text:
 * a caller that must show it takes it from its own copy of the text, and never logs it.
 */
public record Finding(Kind kind, int start, int end, String fingerprint) {

    private static final int FINGERPRINT_HEX_CHARS = 20;

    public Finding {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a finding needs a non-empty span");
        }
    }

    /** A finding of {@code kind} at [start, end) whose normalised form is {@code normalised}. */
    static Finding of(Kind kind, int start, int end, String normalised) {
        return new Finding(kind, start, end, fingerprint(kind, normalised));
    }

    public Confidence confidence() {
        return kind.confidence();
    }

    /** The key of the Dutch (or English) explanation in the message bundles. */
    public String explanationKey() {
        return kind.messageKey();
    }

    /** The matched text, taken from the text that was scanned (to show to its writer, never to log). */
    public String textIn(String scanned) {
        return scanned.substring(start, end);
    }

    boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }

    static String fingerprint(Kind kind, String normalised) {
        return Hashes.sha256(kind.code() + ":" + normalised).substring(0, FINGERPRINT_HEX_CHARS);
    }
}
