package nl.afsprakenwiki.endorsements;

import java.time.Instant;

/**
 * One proposal of one revision for endorsement. Open while {@code closedAt} is null.
 *
 * @param outcome  how it closed (see {@link Outcome}); null while open
 * @param imported endorsed before the wiki recorded decisions per party
 */
public record Round(long id, long agreementId, int revision, String sha256, String proposedBy, Instant proposedAt,
                    Instant closedAt, Outcome outcome, String closedBy, String closedReason, boolean imported) {

    /** How a round ended. */
    public enum Outcome {
        /** Every party endorsed this revision. */
        BEKRACHTIGD,
        /** The voorzitter withdrew the proposal. */
        INGETROKKEN,
        /** A newer revision was proposed. */
        VERVANGEN,
        /** The parties changed; a fresh round for the same revision started. */
        HERSTART,
        /** The agreement was retired. */
        VERVALLEN;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Outcome fromCode(String code) {
            return code == null ? null : valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public boolean open() {
        return closedAt == null;
    }

    public String shortHash() {
        return sha256.substring(0, 12);
    }
}
