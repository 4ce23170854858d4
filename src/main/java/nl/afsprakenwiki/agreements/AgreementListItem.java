package nl.afsprakenwiki.agreements;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An agreement as it appears in lists: its current title and where it belongs, and the title and
 * time of its endorsed revision for those who may not see drafts.
 */
public record AgreementListItem(long id, String slug, String title, AgreementStatus status, LocalDate reviewDate,
                                int currentRevision, Integer endorsedRevision, Instant updatedAt,
                                long koppelzoneId, String koppelzoneSlug, String koppelzoneName,
                                String municipalitySlug, String municipalityName, String endorsedTitle,
                                Instant endorsedAt) {

    /** Published: endorsed and with its endorsed revision at hand. */
    public boolean published() {
        return AgreementStatus.isPublic(status, endorsedRevision) && endorsedTitle != null;
    }

    /** The item as the public sees it: the endorsed revision's title and time. */
    public AgreementListItem asPublished() {
        return new AgreementListItem(id, slug, endorsedTitle, AgreementStatus.BEKRACHTIGD, reviewDate, endorsedRevision, endorsedRevision,
                endorsedAt, koppelzoneId, koppelzoneSlug, koppelzoneName, municipalitySlug, municipalityName,
                endorsedTitle, endorsedAt);
    }
}
