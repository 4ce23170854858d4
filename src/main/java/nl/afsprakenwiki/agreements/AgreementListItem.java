package nl.afsprakenwiki.agreements;

import java.time.Instant;
import java.time.LocalDate;

/** An agreement as it appears in lists: its current title and where it belongs. */
public record AgreementListItem(long id, String slug, String title, AgreementStatus status, LocalDate reviewDate,
                                int currentRevision, Integer endorsedRevision, Instant updatedAt,
                                String koppelzoneSlug, String koppelzoneName,
                                String municipalitySlug, String municipalityName) {
}
