package nl.afsprakenwiki.chain;

import nl.afsprakenwiki.access.Viewer;

import java.util.List;
import java.util.Set;

/**
 * The chain's question to the waardelekken (issue 18 point 1): which leaks of a koppelzone are open,
 * as {@code viewer} may see them. A port, so the chain does not depend on the leaks feature; until
 * that is wired, {@link #NONE} answers.
 */
public interface OpenLeaks {

    /** No leaks known (the leaks feature is not connected yet). */
    OpenLeaks NONE = (koppelzoneId, viewer) -> List.of();

    /** The open leaks of the koppelzone that {@code viewer} may see; never null. */
    List<PairLeak> openLeaks(long koppelzoneId, Viewer viewer);

    /**
     * One open leak between two or more organisations (ids); it is drawn on every pair of them.
     *
     * @param href where the leak's page is, or null when it has none to link to
     */
    record PairLeak(long id, String title, Set<Long> organisationIds, String href) {
    }
}
