package nl.afsprakenwiki.redaction;

import java.time.Instant;

/**
 * One redaction of one revision as it is kept: who removed how many occurrences, on whose request and
 * why, and the revision's SHA-256 before and after. The removed text is not kept anywhere.
 *
 * @param sourceRedactionId the redaction this one repeats (in another revision or an adopted copy), or null
 */
public record Redaction(long id, long agreementId, int revision, int occurrences, String oldSha256, String newSha256,
                        String reason, String requestedBy, String redactedBy, Instant redactedAt, Long sourceRedactionId) {
}
