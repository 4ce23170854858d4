package nl.afsprakenwiki.experiences;

import java.time.Instant;

/**
 * An experience from elsewhere (ervaring) with an agreement, as shown: who wrote it, for which
 * organisation, whether they adopted the agreement, and their note (markdown, rendered through
 * markdown/ when shown).
 *
 * @param organisation       the author's organisation when they wrote it; null for an account without one
 * @param adoptionId         the agreement adopted from this one in the author's koppelzone or organisation,
 *                           only while that adoption is public itself (else null, even when stored)
 * @param hidden             why and by whom the voorzitter hid it; null while it is visible
 * @param accountId          who wrote it (null: an account since removed)
 * @param pending            it has a possible personal data finding (medium confidence) that is not yet
 *                           confirmed: only the koppelzone's members and its writer see it (issue 17)
 */
public record Experience(long id, long agreementId, String authorName, Organisation organisation, boolean adopted,
                         Long adoptionId, String body, Instant createdAt, Hidden hidden, Long accountId,
                         boolean pending) {

    /** The same experience, marked as waiting for a privacy confirmation or not. */
    public Experience withPending(boolean waiting) {
        return new Experience(id, agreementId, authorName, organisation, adopted, adoptionId, body, createdAt, hidden,
                accountId, waiting);
    }

    /** The organisation an experience speaks for. */
    public record Organisation(String slug, String name) {
    }

    /** Hidden by the voorzitter: when, by whom, and the reason they gave. */
    public record Hidden(Instant at, String by, String reason) {
    }

    public boolean visible() {
        return hidden == null;
    }
}
