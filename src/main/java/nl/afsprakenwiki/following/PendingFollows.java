package nl.afsprakenwiki.following;

import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.agreements.MorePending;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.Texts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * For "Mijn overzicht", what followers are also told by mail (for people without mail): agreements
 * they follow that became bekrachtigd or were retired in the last 30 days, as far as they may read them.
 */
public final class PendingFollows implements MorePending {

    static final Duration RECENT = Duration.ofDays(30);
    private static final int MOST = 50;

    private final Follows follows;
    private final AgreementService agreements;
    private final Clock clock;

    public PendingFollows(Follows follows, AgreementService agreements, Clock clock) {
        this.follows = follows;
        this.agreements = agreements;
        this.clock = clock;
    }

    @Override
    public List<Section> sections(Viewer viewer, Texts texts) {
        Instant since = clock.instant().minus(RECENT);
        List<Entry> entries = new ArrayList<>();
        for (long id : follows.changedFor(viewer, since, MOST)) {
            agreements.version(id, null, viewer).ifPresent(version -> {
                var agreement = version.agreement();
                if (agreement.status() == AgreementStatus.VERVALLEN && agreement.retirement() != null
                        && !agreement.retirement().at().isBefore(since)) {
                    entries.add(new Entry(version.revision().title(), Paths.agreement(id),
                            texts.get("follow.mine.retired", agreement.koppelzone().name(), texts.dateTime(agreement.retirement().at()))));
                } else if (agreement.published() && agreement.endorsedAt() != null && !agreement.endorsedAt().isBefore(since)) {
                    entries.add(new Entry(version.revision().title(), Paths.agreement(id), texts.get("follow.mine.endorsed",
                            agreement.koppelzone().name(), agreement.endorsedRevision(), texts.dateTime(agreement.endorsedAt()))));
                }
            });
        }
        return entries.isEmpty() ? List.of() : List.of(new Section("gevolgd", texts.get("follow.mine.title"), entries));
    }
}
