package nl.afsprakenwiki.agreements;

import java.time.Instant;

/** A revision as shown in "recent changes", with what decides who may see it. */
public record RecentChange(long agreementId, int number, String title, String authorName, Instant createdAt,
                           String summary, long koppelzoneId, String koppelzoneSlug, String koppelzoneName,
                           String municipalityName, AgreementStatus status, Integer endorsedRevision) {

    /** A revision the public may see: of an endorsed agreement, no newer than the endorsed revision. */
    public boolean published() {
        return AgreementStatus.isPublic(status, endorsedRevision) && number <= endorsedRevision;
    }
}
