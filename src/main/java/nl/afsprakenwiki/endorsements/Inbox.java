package nl.afsprakenwiki.endorsements;

import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.Revision;
import nl.afsprakenwiki.agreements.TextDiff;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.koppelzones.Organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A manager's inbox ("Ter bekrachtiging"): every proposed revision of an agreement their
 * organisation is a party to, in the koppelzones where they are manager, with the word-level
 * difference against what their organisation endorsed before.
 */
public final class Inbox {

    /**
     * One proposed revision waiting for (or already carrying) the decision of {@code organisation}.
     *
     * @param baseline the revision the organisation endorsed before (the comparison's left side), or null
     */
    public record Item(Agreement agreement, Revision proposed, Round round, Organisation organisation, Decision mine,
                       Integer baseline, TextDiff.Comparison titleDiff, TextDiff.Comparison bodyDiff,
                       List<PartyState> parties) {

        public boolean undecided() {
            return mine == null;
        }

        public List<Organisation> othersWaiting() {
            return parties.stream().filter(state -> !state.endorsed() && state.organisation().id() != organisation.id())
                    .map(PartyState::organisation).toList();
        }
    }

    private final Database db;
    private final Lifecycle lifecycle;
    private final EndorsementStore store;
    private final AgreementService agreements;
    private final RoundViews rounds;

    public Inbox(Database db, Lifecycle lifecycle, AgreementService agreements, RoundViews rounds) {
        this.db = db;
        this.lifecycle = lifecycle;
        this.store = lifecycle.store();
        this.agreements = agreements;
        this.rounds = rounds;
    }

    /** Everything proposed to the viewer's organisation, the undecided first, oldest proposal first. */
    public List<Item> items(Viewer viewer) {
        Organisation organisation = viewer.authenticated() ? lifecycle.organisationOf(viewer).orElse(null) : null;
        if (organisation == null) {
            return List.of();
        }
        List<Round> open = db.read(handle -> store.openRoundsForManager(handle, viewer.accountId(), organisation.id()));
        List<Item> undecided = new ArrayList<>();
        List<Item> decided = new ArrayList<>();
        for (Round round : open) {
            item(round, organisation, viewer).ifPresent(item -> (item.undecided() ? undecided : decided).add(item));
        }
        undecided.addAll(decided);
        return undecided;
    }

    /** The inbox item of one agreement, if it is waiting for the viewer's organisation. */
    public Optional<Item> item(long agreementId, Viewer viewer) {
        return items(viewer).stream().filter(item -> item.agreement().id() == agreementId).findFirst();
    }

    private Optional<Item> item(Round round, Organisation organisation, Viewer viewer) {
        return agreements.version(round.agreementId(), round.revision(), viewer).map(version -> {
            Agreement agreement = version.agreement();
            RoundViews.RoundView view = rounds.block(agreement, viewer).open();
            List<PartyState> parties = view == null ? List.of() : view.parties();
            Decision mine = parties.stream().filter(state -> state.organisation().id() == organisation.id())
                    .findFirst().map(PartyState::decision).orElse(null);
            Integer baseline = db.read(handle -> store.lastEndorsedBy(handle, agreement.id(), organisation.id(), round.revision()))
                    .orElse(agreement.endorsedRevision() != null && agreement.endorsedRevision() < round.revision()
                            ? agreement.endorsedRevision() : null);
            TextDiff.Comparison title = null;
            TextDiff.Comparison body = null;
            if (baseline != null) {
                var comparison = agreements.compare(agreement.id(), baseline, round.revision(), viewer).orElseThrow();
                title = comparison.title();
                body = comparison.body();
            }
            return new Item(agreement, version.revision(), round, organisation, mine, baseline, title, body, parties);
        });
    }
}
