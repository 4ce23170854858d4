package nl.afsprakenwiki.endorsements;

import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.AgreementListItem;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.AgreementStatus;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.koppelzones.Party;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What needs attention: per koppelzone (waiting for endorsement, needing maintenance, drafts,
 * recently changed, new parties' kennisname) and per person ("Mijn overzicht").
 */
public final class Overviews {

    /** Review dates this close count as "soon" on the overviews. */
    public static final int REVIEW_SOON_DAYS = 60;
    private static final int RECENT = 10;

    /** A proposed revision and where each party stands. */
    public record Waiting(AgreementListItem agreement, RoundViews.RoundView round) {
    }

    /** One agreement that applies to a new party, and its kennisname if taken. */
    public record Applying(AgreementListItem agreement, String acknowledgedBy, Instant acknowledgedAt) {
        public boolean acknowledged() {
            return acknowledgedAt != null;
        }
    }

    /** A party that joined after some agreements were endorsed, and those agreements. */
    public record NewParty(Organisation organisation, LocalDate joinedOn, List<Applying> agreements) {
        public long pending() {
            return agreements.stream().filter(applying -> !applying.acknowledged()).count();
        }
    }

    /** A revision in a koppelzone's "recently changed". */
    public record RecentRevision(long agreementId, int number, String title, String authorName, Instant at, String summary) {
    }

    public record KoppelzoneOverview(Koppelzone koppelzone, List<Waiting> waiting, List<AgreementListItem> overdue,
                                     List<AgreementListItem> dueSoon, List<AgreementListItem> drafts,
                                     List<RecentRevision> recent, List<NewParty> newParties,
                                     LocalDate today) {
    }

    /** Everything waiting for one person. */
    public record Mine(List<Inbox.Item> decisions, List<AgreementListItem> reviews, List<Waiting> declined,
                       List<Applying> acknowledgements, List<AgreementListItem> drafts, LocalDate today) {
        public boolean empty() {
            return decisions.isEmpty() && reviews.isEmpty() && declined.isEmpty() && acknowledgements.isEmpty()
                    && drafts.isEmpty();
        }
    }

    private final Database db;
    private final EndorsementStore store;
    private final Lifecycle lifecycle;
    private final AgreementService agreements;
    private final RoundViews rounds;
    private final Inbox inbox;
    private final KoppelzoneService koppelzones;

    public Overviews(Database db, Lifecycle lifecycle, AgreementService agreements, RoundViews rounds, Inbox inbox,
                     KoppelzoneService koppelzones) {
        this.db = db;
        this.store = lifecycle.store();
        this.lifecycle = lifecycle;
        this.agreements = agreements;
        this.rounds = rounds;
        this.inbox = inbox;
        this.koppelzones = koppelzones;
    }

    public KoppelzoneOverview koppelzone(Koppelzone koppelzone, Viewer viewer) {
        LocalDate today = lifecycle.today();
        List<AgreementListItem> items = agreements.list(koppelzone.id(), null, viewer);
        List<Waiting> waiting = waiting(items, db.read(handle -> store.openRoundsInKoppelzone(handle, koppelzone.id())), viewer);
        Map<Long, Integer> proposed = waiting.stream().collect(Collectors.toMap(w -> w.agreement().id(),
                w -> w.round().round().revision()));
        List<AgreementListItem> overdue = new ArrayList<>();
        List<AgreementListItem> soon = new ArrayList<>();
        List<AgreementListItem> drafts = new ArrayList<>();
        for (AgreementListItem item : items) {
            if (item.published() && item.reviewDate() != null && item.reviewDate().isBefore(today)) {
                overdue.add(item);
            } else if (item.published() && item.reviewDate() != null
                    && !item.reviewDate().isAfter(today.plusDays(REVIEW_SOON_DAYS))) {
                soon.add(item);
            }
            boolean newer = item.currentRevision() > (item.endorsedRevision() == null ? 0 : item.endorsedRevision());
            if (item.status() != AgreementStatus.VERVALLEN && newer
                    && !Integer.valueOf(item.currentRevision()).equals(proposed.get(item.id()))) {
                drafts.add(item);
            }
        }
        return new KoppelzoneOverview(koppelzone, waiting, overdue, soon, drafts,
                db.read(handle -> store.recentRevisions(handle, koppelzone.id(), RECENT)), newParties(koppelzone, items), today);
    }

    /** The parties that joined after agreements were endorsed, with their kennisname per agreement. */
    public List<NewParty> newParties(Koppelzone koppelzone, List<AgreementListItem> items) {
        Map<Long, AgreementListItem> byId = items.stream().collect(Collectors.toMap(AgreementListItem::id, Function.identity()));
        Map<Long, Party> parties = koppelzones.details(koppelzone.slug()).orElseThrow().parties().stream()
                .collect(Collectors.toMap(party -> party.organisation().id(), Function.identity()));
        Map<Long, List<Applying>> byParty = new LinkedHashMap<>();
        for (EndorsementStore.ApplyingRow row : db.read(handle -> store.applying(handle, koppelzone.id()))) {
            AgreementListItem item = byId.get(row.agreementId());
            if (item != null && parties.containsKey(row.organisationId())) {
                byParty.computeIfAbsent(row.organisationId(), id -> new ArrayList<>())
                        .add(new Applying(item, row.personName(), row.acknowledgedAt()));
            }
        }
        return byParty.entrySet().stream().map(entry -> {
            Party party = parties.get(entry.getKey());
            return new NewParty(party.organisation(), party.joinedOn(), entry.getValue());
        }).toList();
    }

    public Mine mine(Viewer viewer) {
        LocalDate today = lifecycle.today();
        List<AgreementListItem> reviews = new ArrayList<>();
        List<Waiting> declined = new ArrayList<>();
        List<Applying> acknowledgements = new ArrayList<>();
        Map<Long, AgreementListItem> visible = new LinkedHashMap<>();
        for (Koppelzone koppelzone : koppelzones.all()) {
            long koppelzoneId = koppelzone.id();
            if (viewer.roleIn(koppelzoneId).isEmpty()) {
                continue;
            }
            List<AgreementListItem> items = agreements.list(koppelzoneId, null, viewer);
            items.forEach(item -> visible.put(item.id(), item));
            if (viewer.can(Permission.EDIT, koppelzoneId) || viewer.can(Permission.SCHEDULE_REVIEW, koppelzoneId)) {
                items.stream().filter(item -> item.published() && item.reviewDate() != null
                        && !item.reviewDate().isAfter(today.plusDays(REVIEW_SOON_DAYS))).forEach(reviews::add);
            }
            if (viewer.can(Permission.PROPOSE, koppelzoneId)) {
                waiting(items, db.read(handle -> store.openRoundsInKoppelzone(handle, koppelzoneId)), viewer).stream()
                        .filter(w -> w.round().anyDeclined()).forEach(declined::add);
            }
            if (viewer.organisationId() != null && viewer.can(Permission.ACKNOWLEDGE, koppelzoneId)) {
                newParties(koppelzone, items).stream()
                        .filter(party -> party.organisation().id() == viewer.organisationId())
                        .flatMap(party -> party.agreements().stream()).filter(applying -> !applying.acknowledged())
                        .forEach(acknowledgements::add);
            }
        }
        // own drafts may lie in koppelzones where the author no longer has a role: those stay hidden
        List<AgreementListItem> drafts = viewer.authenticated()
                ? db.read(handle -> store.ownDrafts(handle, viewer.accountId(), 50)).stream().map(visible::get)
                        .filter(java.util.Objects::nonNull).toList()
                : List.of();
        reviews.sort(java.util.Comparator.comparing(AgreementListItem::reviewDate));
        List<Inbox.Item> decisions = inbox.items(viewer).stream().filter(Inbox.Item::undecided).toList();
        return new Mine(decisions, reviews, declined, acknowledgements, drafts, today);
    }

    private List<Waiting> waiting(List<AgreementListItem> items, List<Round> open, Viewer viewer) {
        Map<Long, AgreementListItem> byId = items.stream().collect(Collectors.toMap(AgreementListItem::id, Function.identity()));
        List<Waiting> waiting = new ArrayList<>();
        for (Round round : open) {
            AgreementListItem item = byId.get(round.agreementId());
            if (item == null) {
                continue;
            }
            agreements.find(round.agreementId(), viewer).map(agreement -> rounds.block(agreement, viewer).open())
                    .ifPresent(view -> waiting.add(new Waiting(item, view)));
        }
        return waiting;
    }
}
