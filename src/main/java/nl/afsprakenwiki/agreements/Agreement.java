package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.Organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An agreement's identity, metadata and place in the lifecycle (DESIGN.md §4); its text lives in
 * its revisions.
 *
 * @param proposedRevision the revision under endorsement while the status is {@code ter_bekrachtiging}
 * @param endorsedAt       when {@code endorsedRevision} was endorsed by the last party
 * @param revisionPending  in the public view: a newer revision is being prepared ("herziening"),
 *                         without saying which or what it says
 */
public record Agreement(long id, String slug, Koppelzone koppelzone, AgreementStatus status, LocalDate reviewDate,
                        int currentRevision, Integer endorsedRevision, Integer proposedRevision, Instant endorsedAt,
                        Instant createdAt, Instant updatedAt, List<Organisation> parties, List<String> themes,
                        Retirement retirement, boolean revisionPending) {

    /** An endorsement sets the review date this many months after its day (the voorzitter can change it). */
    public static final int REVIEW_MONTHS = 12;

    /** Why and when the voorzitter retired the agreement. */
    public record Retirement(Instant at, String reason) {
    }

    public Agreement {
        parties = List.copyOf(parties);
        themes = List.copyOf(themes);
    }

    /** Endorsed earlier, while a newer revision (a "herziening") exists beside it. */
    public boolean inRevision() {
        return revisionPending || (endorsedRevision != null && endorsedRevision < currentRevision);
    }

    /**
     * The agreement as the public sees it: as of its endorsed revision, with status bekrachtigd
     * also while a herziening is proposed, and only the fact that a herziening is being prepared.
     */
    public Agreement asPublished() {
        return new Agreement(id, slug, koppelzone, AgreementStatus.BEKRACHTIGD, reviewDate, endorsedRevision,
                endorsedRevision, null, endorsedAt, createdAt, updatedAt, parties, themes, null, inRevision());
    }

    /** Whether the public may see it at all (see {@link AgreementStatus#isPublic}). */
    public boolean published() {
        return AgreementStatus.isPublic(status, endorsedRevision);
    }

    /** "Onderhoud nodig": an agreement in force whose review date has passed. */
    public boolean reviewOverdue(LocalDate today) {
        return reviewDate != null && published() && reviewDate.isBefore(today);
    }

    /** A revision is proposed and waiting for the parties' decisions. */
    public boolean underEndorsement() {
        return status == AgreementStatus.TER_BEKRACHTIGING && proposedRevision != null;
    }
}
