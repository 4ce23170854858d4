package nl.afsprakenwiki.chain;

import nl.afsprakenwiki.koppelzones.OrganisationKind;

import java.util.Set;

import static nl.afsprakenwiki.koppelzones.OrganisationKind.AANBIEDER;
import static nl.afsprakenwiki.koppelzones.OrganisationKind.GECERTIFICEERDE_INSTELLING;
import static nl.afsprakenwiki.koppelzones.OrganisationKind.HUISARTS;
import static nl.afsprakenwiki.koppelzones.OrganisationKind.LOKAAL_TEAM;
import static nl.afsprakenwiki.koppelzones.OrganisationKind.ONDERWIJS;
import static nl.afsprakenwiki.koppelzones.OrganisationKind.VEILIG_THUIS;
import static nl.afsprakenwiki.koppelzones.OrganisationKind.ZORGVERZEKERAAR;

/**
 * The kinds of parties that typically hand work over to each other (shared/DOMAIN.md §2.2), in either
 * direction. A pair of such parties without an agreement stands out in the chain as "missing":
 * <ul>
 *   <li>lokaal team ↔ aanbieder: toegang and verwijzing, afschaling back to lichte hulp;</li>
 *   <li>huisarts ↔ lokaal team and huisarts ↔ aanbieder: the medical route (ambulante jeugd-ggz);</li>
 *   <li>GI ↔ lokaal team and GI ↔ aanbieder: jeugdbescherming, verblijf and pleegzorg;</li>
 *   <li>onderwijs ↔ lokaal team: the voorveld, Zorg Advies Teams, thuiszitters;</li>
 *   <li>Veilig Thuis ↔ lokaal team and Veilig Thuis ↔ GI: meldingen, veiligheid, crisis;</li>
 *   <li>zorgverzekeraar ↔ aanbieder: the 18-/18+ transition (jeugd-ggz to the Zvw).</li>
 * </ul>
 * Aanbieder ↔ aanbieder is left out on purpose: with many providers it would draw every pair as missing.
 * Gemeente and overig hand over no casework; a pair with an open leak stands out whatever its kinds.
 */
public final class HandOvers {

    private static final Set<Set<OrganisationKind>> PAIRS = Set.of(
            Set.of(LOKAAL_TEAM, AANBIEDER),
            Set.of(HUISARTS, LOKAAL_TEAM),
            Set.of(HUISARTS, AANBIEDER),
            Set.of(GECERTIFICEERDE_INSTELLING, LOKAAL_TEAM),
            Set.of(GECERTIFICEERDE_INSTELLING, AANBIEDER),
            Set.of(ONDERWIJS, LOKAAL_TEAM),
            Set.of(VEILIG_THUIS, LOKAAL_TEAM),
            Set.of(VEILIG_THUIS, GECERTIFICEERDE_INSTELLING),
            Set.of(ZORGVERZEKERAAR, AANBIEDER));

    private HandOvers() {
    }

    /** Whether parties of these two kinds typically hand over work (order does not matter). */
    public static boolean between(OrganisationKind a, OrganisationKind b) {
        return a != b && PAIRS.contains(Set.of(a, b));
    }
}
