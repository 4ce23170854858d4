package nl.afsprakenwiki.chain;

import nl.afsprakenwiki.access.Viewer;

import java.util.List;
import java.util.Set;

/**
 * The chain's question to the waardelekken (issue 18): which leaks of a koppelzone does {@code viewer}
 * see, open or solved. A port, so the chain does not depend on the leaks feature; without it,
 * {@link #NONE} answers. An open leak is drawn on every pair of its parties; a solved one moves to the
 * pairs of the agreements that solve it.
 */
public interface ChainLeaks {

    /** No leaks known (the leaks feature is not connected). */
    ChainLeaks NONE = (koppelzoneId, viewer) -> List.of();

    /** The open and solved leaks of the koppelzone that {@code viewer} may see; never null. */
    List<PairLeak> leaks(long koppelzoneId, Viewer viewer);

    /**
     * One leak between two or more organisations (ids).
     *
     * @param href         where the leak's page is, or null when it has none to link to
     * @param solved       solved by agreements: drawn on their pairs, no longer as open
     * @param agreementIds the agreements solving it that the viewer may see (empty for an open leak)
     */
    record PairLeak(long id, String title, Set<Long> organisationIds, String href, boolean solved, Set<Long> agreementIds) {

        /** An open leak between {@code organisationIds}. */
        public static PairLeak open(long id, String title, Set<Long> organisationIds, String href) {
            return new PairLeak(id, title, organisationIds, href, false, Set.of());
        }
    }
}
