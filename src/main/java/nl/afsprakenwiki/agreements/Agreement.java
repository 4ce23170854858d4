package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.Organisation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An agreement's identity and metadata; its text lives in its revisions. */
public record Agreement(long id, String slug, Koppelzone koppelzone, AgreementStatus status, LocalDate reviewDate,
                        int currentRevision, Integer endorsedRevision, Instant createdAt, Instant updatedAt,
                        List<Organisation> parties, List<String> themes) {

    public Agreement {
        parties = List.copyOf(parties);
        themes = List.copyOf(themes);
    }

    /** Endorsed earlier, but a newer revision (a draft "herziening") exists beside it. */
    public boolean inRevision() {
        return endorsedRevision != null && endorsedRevision < currentRevision;
    }

    /** The agreement as the public sees it: as of its endorsed revision. */
    public Agreement asPublished() {
        return new Agreement(id, slug, koppelzone, status, reviewDate, endorsedRevision, endorsedRevision, createdAt,
                updatedAt, parties, themes);
    }

    /** Whether the public may see it at all: endorsed, with an endorsed revision. */
    public boolean published() {
        return status == AgreementStatus.BEKRACHTIGD && endorsedRevision != null;
    }

    public boolean reviewOverdue(LocalDate today) {
        return reviewDate != null && status == AgreementStatus.BEKRACHTIGD && reviewDate.isBefore(today);
    }
}
