package nl.afsprakenwiki.chain;

import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.koppelzones.OrganisationKind;

import java.util.Comparator;
import java.util.List;

/** The koppelzone drawn as its chain: parties grouped by kind, and the pairs worth a line. */
public record Chain(Koppelzone koppelzone, List<KindGroup> groups, List<Pair> pairs) {

    /** The order of the groups on the page and around the ring. */
    public static final List<OrganisationKind> KIND_ORDER = List.of(OrganisationKind.LOKAAL_TEAM, OrganisationKind.AANBIEDER,
            OrganisationKind.GECERTIFICEERDE_INSTELLING, OrganisationKind.HUISARTS, OrganisationKind.ONDERWIJS,
            OrganisationKind.VEILIG_THUIS, OrganisationKind.GEMEENTE, OrganisationKind.ZORGVERZEKERAAR, OrganisationKind.OVERIG);

    /** Every party in drawing order. */
    public List<ChainParty> parties() {
        return groups.stream().flatMap(group -> group.parties().stream()).toList();
    }

    /** A party of the koppelzone; {@code chair} for the organisation chairing it. */
    public record ChainParty(Organisation organisation, boolean chair) {
        public String slug() {
            return organisation.slug();
        }

        public String name() {
            return organisation.name();
        }
    }

    public record KindGroup(OrganisationKind kind, List<ChainParty> parties) {
    }

    /** An agreement binding a pair, as the viewer may see it. */
    public record PairAgreement(long id, String title, LinkStatus status, String href) {
    }

    /**
     * Two parties and what connects them. {@code handsOver}: their kinds typically hand over work
     * ({@link HandOvers}); {@code solvedLeaks}: leaks solved by the pair's agreements.
     */
    public record Pair(ChainParty a, ChainParty b, List<PairAgreement> agreements, List<ChainLeaks.PairLeak> openLeaks,
                       boolean handsOver, List<ChainLeaks.PairLeak> solvedLeaks) {

        /** Work is handed over (or leaks) here, but no agreement binds the two: the pair stands out. */
        public boolean missing() {
            return agreements.isEmpty() && (handsOver || !openLeaks.isEmpty());
        }

        /** The id of its row in the table below the drawing, e.g. {@code paar-wijkteam-m--huisartsen-m}. */
        public String anchor() {
            return "paar-" + a.slug() + "--" + b.slug();
        }

        /** The titles of the pair's agreements that solve {@code leak} (one of its {@code solvedLeaks}). */
        public List<String> solvers(ChainLeaks.PairLeak leak) {
            return agreements.stream().filter(agreement -> leak.agreementIds().contains(agreement.id()))
                    .map(PairAgreement::title).toList();
        }

        /** The strongest status among its agreements (drawn as the line), or null without agreements. */
        public LinkStatus strongest() {
            return agreements.stream().map(PairAgreement::status).min(Comparator.naturalOrder()).orElse(null);
        }
    }
}
