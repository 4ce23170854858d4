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

    public boolean reviewOverdue(LocalDate today) {
        return reviewDate != null && status == AgreementStatus.BEKRACHTIGD && reviewDate.isBefore(today);
    }
}
