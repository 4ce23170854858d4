package nl.afsprakenwiki.search;

import nl.afsprakenwiki.agreements.AgreementStatus;

import java.time.Instant;
import java.util.List;

/**
 * What the index holds about one agreement, read from the database in one go: its metadata, the
 * current revision's text (for members) and the endorsed revision's text (for everyone) when it is
 * published.
 *
 * @param adoptions how many public agreements were adopted from this one
 * @param experiences how many visible experiences from elsewhere (ervaringen) it has, those waiting for a
 *                    privacy confirmation included: what members of its koppelzone see
 * @param memberLeaks how many waardelekken are linked to it as solved by it, whatever their status or
 *                    publication: what members of its koppelzone see (they see every leak there)
 * @param publicLeaks how many of those are solved and published: what everyone else sees
 * @param publicExperiences how many visible experiences it has without an unconfirmed privacy finding:
 *                          what everyone else sees (the public document; docs/PRIVACY.md)
 */
record IndexedAgreement(long id, long changeSeq, long koppelzoneId, String koppelzoneSlug, String koppelzoneName,
                        String municipalitySlug, String municipalityName, String jeugdregio, AgreementStatus status,
                        Instant updatedAt, int adoptions, int experiences, List<String> themes, List<Party> parties, Text current,
                        Text endorsed, int memberLeaks, int publicLeaks, int publicExperiences) {

    record Party(String slug, String name, String kind) {
    }

    /** One revision's text and when it was written. */
    record Text(int revision, String title, String body, Instant createdAt) {
    }

    /** Whether the public may find it: endorsed, with an endorsed revision. */
    boolean published() {
        return AgreementStatus.isPublic(status, endorsed == null ? null : endorsed.revision());
    }
}
