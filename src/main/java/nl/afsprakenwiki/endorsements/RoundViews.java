package nl.afsprakenwiki.endorsements;

import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.ReadCache;
import nl.afsprakenwiki.db.Times;
import nl.afsprakenwiki.koppelzones.Organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Endorsement rounds as people may see them. Members of the koppelzone see every round with every
 * decision, declines and their remarks included; everyone else sees only how the public revisions
 * were endorsed.
 */
public final class RoundViews {

    /** A round with where each party stands and every decision taken in it, oldest first. */
    public record RoundView(Round round, List<PartyState> parties, List<Decision> decisions) {

        public List<Organisation> waitingFor() {
            return parties.stream().filter(state -> !state.endorsed()).map(PartyState::organisation).toList();
        }

        public long endorsedCount() {
            return parties.stream().filter(PartyState::endorsed).count();
        }

        public boolean anyDeclined() {
            return parties.stream().anyMatch(PartyState::declined);
        }
    }

    /**
     * The endorsement block of an agreement page: how the public revision was endorsed, and (for
     * members) the round under way.
     */
    public record Block(RoundView endorsed, RoundView open) {
        public boolean empty() {
            return endorsed == null && open == null;
        }
    }

    private record Rounds(List<Round> rounds, Map<Long, List<Decision>> decisions) {
    }

    private final Database db;
    private final EndorsementStore store;
    private final ReadCache<Long, Rounds> cache;

    private final Lifecycle lifecycle;

    public RoundViews(Database db, Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.db = db;
        this.store = lifecycle.store();
        this.cache = ReadCache.perAgreement(db, 10_000, agreementId -> agreementId);
    }

    /** For each party, its newest decision in {@code decisions} (oldest first), or none. */
    static List<PartyState> states(List<Organisation> parties, List<Decision> decisions) {
        Map<Long, Decision> newest = new LinkedHashMap<>();
        decisions.forEach(decision -> newest.put(decision.organisation().id(), decision));
        return parties.stream().map(party -> new PartyState(party, newest.get(party.id()))).toList();
    }

    /** The block for {@code agreement} as {@code viewer} sees it (the public view for non-members). */
    public Block block(Agreement agreement, Viewer viewer) {
        Rounds rounds = rounds(agreement.id());
        boolean member = viewer.can(Permission.READ_DRAFTS, agreement.koppelzone().id());
        RoundView endorsed = null;
        RoundView open = null;
        for (Round round : rounds.rounds()) {
            if (round.open() && member) {
                open = view(round, agreement.parties(), rounds, false);
            } else if (endorsed == null && round.outcome() == Round.Outcome.BEKRACHTIGD && agreement.endorsedRevision() != null
                    && round.revision() == agreement.endorsedRevision()) {
                endorsed = view(round, agreement.parties(), rounds, !member);
            }
        }
        return new Block(endorsed, open);
    }

    /**
     * A redaction of a round's revision made after the round was proposed (issue 17): the endorsements
     * stay bound to the round; the page notes that the revision's text, and so its SHA-256, changed since.
     */
    public record Redacted(long roundId, Instant at, String oldSha256, String newSha256) {
    }

    /** The redactions of the agreement's rounds' revisions after each round began, oldest first (V018). */
    public List<Redacted> redactedAfterProposal(long agreementId) {
        return db.read(handle -> handle.createQuery("""
                        SELECT er.id, r.redacted_at, r.old_sha256, r.new_sha256 FROM endorsement_round er
                        JOIN redaction r ON r.agreement_id = er.agreement_id AND r.revision_number = er.revision_number
                                         AND r.redacted_at >= er.proposed_at
                        WHERE er.agreement_id = :a ORDER BY r.id""")
                .bind("a", agreementId)
                .map((rs, ctx) -> new Redacted(rs.getLong(1), Times.parse(rs.getString(2)), rs.getString(3),
                        rs.getString(4))).list());
    }

    /** Every round {@code viewer} may see, newest first; for non-members only endorsements of public revisions. */
    public List<RoundView> history(Agreement agreement, Viewer viewer) {
        Rounds rounds = rounds(agreement.id());
        boolean member = viewer.can(Permission.READ_DRAFTS, agreement.koppelzone().id());
        List<RoundView> views = new ArrayList<>();
        for (Round round : rounds.rounds()) {
            if (member) {
                views.add(view(round, agreement.parties(), rounds, false));
            } else if (round.outcome() == Round.Outcome.BEKRACHTIGD && agreement.endorsedRevision() != null
                    && round.revision() <= agreement.endorsedRevision()) {
                views.add(view(round, agreement.parties(), rounds, true));
            }
        }
        return views;
    }

    /**
     * A closed round lists the organisations that decided in it (the parties then); an open one the
     * agreement's parties now. For the public, only endorsements are shown.
     */
    private static RoundView view(Round round, List<Organisation> currentParties, Rounds rounds, boolean publicView) {
        List<Decision> decisions = rounds.decisions().getOrDefault(round.id(), List.of());
        if (publicView) {
            // issue 17: a remark with a possible personal data finding nobody confirmed is not public
            decisions = decisions.stream().filter(Decision::endorsed)
                    .map(decision -> decision.withRemarkPending(decision.remarkPending(), false)).toList();
        }
        Map<Long, Organisation> parties = new LinkedHashMap<>();
        if (round.open() || round.imported() || round.outcome() == Round.Outcome.BEKRACHTIGD) {
            currentParties.forEach(party -> parties.put(party.id(), party));
        }
        decisions.forEach(decision -> parties.putIfAbsent(decision.organisation().id(), decision.organisation()));
        return new RoundView(round, states(List.copyOf(parties.values()), decisions), decisions);
    }

    private Rounds rounds(long agreementId) {
        return cache.get(agreementId, () -> db.read(handle -> {
            List<Round> rounds = store.rounds(handle, agreementId);
            Map<Long, List<Decision>> decisions = new LinkedHashMap<>();
            for (Decision stored : store.decisions(handle, rounds.stream().map(Round::id).toList())) {
                Decision decision = stored.withRemarkPending(lifecycle.remarkPending(handle, stored), true);
                decisions.computeIfAbsent(decision.roundId(), id -> new ArrayList<>()).add(decision);
            }
            return new Rounds(rounds, decisions);
        }));
    }
}
