package nl.afsprakenwiki.chain;

import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.AgreementListItem;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.chain.Chain.ChainParty;
import nl.afsprakenwiki.chain.Chain.KindGroup;
import nl.afsprakenwiki.chain.Chain.Pair;
import nl.afsprakenwiki.chain.Chain.PairAgreement;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.koppelzones.OrganisationKind;
import nl.afsprakenwiki.koppelzones.Party;
import nl.afsprakenwiki.web.Paths;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the chain of a koppelzone for a viewer. Which agreements the viewer sees comes from
 * {@link AgreementService#list} (drafts for members, endorsed agreements for everyone else), the
 * leaks from the {@link ChainLeaks} port; this class only arranges them per pair of parties (an open
 * leak on its parties' pairs, a solved one on the pairs of the agreements solving it).
 */
public final class ChainService {

    private final KoppelzoneService koppelzones;
    private final AgreementService agreements;
    private final Database db;
    private final ChainLeaks leaks;
    private final Clock clock;

    public ChainService(KoppelzoneService koppelzones, AgreementService agreements, Database db, ChainLeaks leaks, Clock clock) {
        this.koppelzones = koppelzones;
        this.agreements = agreements;
        this.db = db;
        this.leaks = leaks;
        this.clock = clock;
    }

    public Chain chain(Koppelzone koppelzone, Viewer viewer) {
        List<ChainParty> parties = parties(koppelzone);
        Map<Long, Set<Long>> partiesOf = partiesOfAgreements(koppelzone.id());
        LocalDate today = LocalDate.now(clock);
        Map<List<Long>, List<PairAgreement>> byPair = new HashMap<>();
        Set<Long> visible = new HashSet<>();
        for (AgreementListItem item : agreements.list(koppelzone.id(), null, viewer)) {
            LinkStatus status = status(item, today);
            if (status == null) {
                continue;
            }
            visible.add(item.id());
            PairAgreement agreement = new PairAgreement(item.id(), item.title(), status, Paths.agreement(item.id()));
            List<Long> organisations = new ArrayList<>(partiesOf.getOrDefault(item.id(), Set.of()));
            for (int i = 0; i < organisations.size(); i++) {
                for (int j = i + 1; j < organisations.size(); j++) {
                    byPair.computeIfAbsent(key(organisations.get(i), organisations.get(j)), k -> new ArrayList<>()).add(agreement);
                }
            }
        }
        // an open leak lies on every pair of its parties; a solved one on the pairs of the agreements solving it
        Map<List<Long>, List<ChainLeaks.PairLeak>> openByPair = new HashMap<>();
        Map<List<Long>, List<ChainLeaks.PairLeak>> solvedByPair = new HashMap<>();
        for (ChainLeaks.PairLeak leak : leaks.leaks(koppelzone.id(), viewer)) {
            if (!leak.solved()) {
                addToPairs(openByPair, leak.organisationIds(), leak);
                continue;
            }
            Set<List<Long>> placed = new HashSet<>();
            for (long agreementId : leak.agreementIds()) {
                if (!visible.contains(agreementId)) {
                    continue;
                }
                List<Long> organisations = new ArrayList<>(partiesOf.getOrDefault(agreementId, Set.of()));
                for (int i = 0; i < organisations.size(); i++) {
                    for (int j = i + 1; j < organisations.size(); j++) {
                        List<Long> key = key(organisations.get(i), organisations.get(j));
                        if (placed.add(key)) {
                            solvedByPair.computeIfAbsent(key, k -> new ArrayList<>()).add(leak);
                        }
                    }
                }
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < parties.size(); i++) {
            for (int j = i + 1; j < parties.size(); j++) {
                ChainParty a = parties.get(i);
                ChainParty b = parties.get(j);
                List<Long> key = key(a.organisation().id(), b.organisation().id());
                List<PairAgreement> bound = byPair.getOrDefault(key, List.of()).stream()
                        .sorted(Comparator.comparing(PairAgreement::status).thenComparing(PairAgreement::id)).toList();
                List<ChainLeaks.PairLeak> open = openByPair.getOrDefault(key, List.of());
                List<ChainLeaks.PairLeak> solved = solvedByPair.getOrDefault(key, List.of());
                boolean handsOver = HandOvers.between(a.organisation().kind(), b.organisation().kind());
                if (!bound.isEmpty() || !open.isEmpty() || handsOver) {
                    pairs.add(new Pair(a, b, bound, List.copyOf(open), handsOver, List.copyOf(solved)));
                }
            }
        }
        return new Chain(koppelzone, groups(parties), pairs);
    }

    /** The parties and the chair (also when it is not a party), in kind order, then by name. */
    private List<ChainParty> parties(Koppelzone koppelzone) {
        Map<Long, Organisation> organisations = new LinkedHashMap<>();
        for (Party party : koppelzones.details(koppelzone).parties()) {
            organisations.put(party.organisation().id(), party.organisation());
        }
        if (koppelzone.chair() != null) {
            organisations.putIfAbsent(koppelzone.chair().id(), koppelzone.chair());
        }
        long chair = koppelzone.chair() == null ? -1 : koppelzone.chair().id();
        return organisations.values().stream()
                .sorted(Comparator.comparing((Organisation o) -> Chain.KIND_ORDER.indexOf(o.kind()))
                        .thenComparing(o -> o.name().toLowerCase(Locale.ROOT)).thenComparing(Organisation::id))
                .map(o -> new ChainParty(o, o.id() == chair)).toList();
    }

    private static List<KindGroup> groups(List<ChainParty> parties) {
        Map<OrganisationKind, List<ChainParty>> byKind = new LinkedHashMap<>();
        for (ChainParty party : parties) {
            byKind.computeIfAbsent(party.organisation().kind(), kind -> new ArrayList<>()).add(party);
        }
        return byKind.entrySet().stream().map(entry -> new KindGroup(entry.getKey(), List.copyOf(entry.getValue()))).toList();
    }

    /** The agreement's status on a line; null for a retired agreement, which binds no one. */
    static LinkStatus status(AgreementListItem item, LocalDate today) {
        return switch (item.status()) {
            // the koppelzone page's rule: an endorsed agreement past its review date needs maintenance
            case BEKRACHTIGD -> item.reviewDate() != null && item.reviewDate().isBefore(today)
                    ? LinkStatus.ONDERHOUD_NODIG : LinkStatus.BEKRACHTIGD;
            case TER_BEKRACHTIGING -> LinkStatus.TER_BEKRACHTIGING;
            case CONCEPT -> LinkStatus.CONCEPT;
            case VERVALLEN -> null;
        };
    }

    /** Per agreement of the koppelzone, the organisations party to it. */
    private Map<Long, Set<Long>> partiesOfAgreements(long koppelzoneId) {
        return db.read(handle -> {
            Map<Long, Set<Long>> parties = new HashMap<>();
            handle.createQuery("""
                            SELECT p.agreement_id, p.organisation_id
                            FROM agreement_party p JOIN agreement a ON a.id = p.agreement_id
                            WHERE a.koppelzone_id = :koppelzone
                            ORDER BY p.agreement_id, p.organisation_id
                            """)
                    .bind("koppelzone", koppelzoneId)
                    .map((rs, ctx) -> Map.entry(rs.getLong("agreement_id"), rs.getLong("organisation_id")))
                    .forEach(row -> parties.computeIfAbsent(row.getKey(), id -> new TreeSet<>()).add(row.getValue()));
            return parties;
        });
    }

    private static void addToPairs(Map<List<Long>, List<ChainLeaks.PairLeak>> byPair, Set<Long> organisationIds,
                                   ChainLeaks.PairLeak leak) {
        List<Long> organisations = organisationIds.stream().sorted().toList();
        for (int i = 0; i < organisations.size(); i++) {
            for (int j = i + 1; j < organisations.size(); j++) {
                byPair.computeIfAbsent(key(organisations.get(i), organisations.get(j)), k -> new ArrayList<>()).add(leak);
            }
        }
    }

    private static List<Long> key(long a, long b) {
        return a < b ? List.of(a, b) : List.of(b, a);
    }
}
