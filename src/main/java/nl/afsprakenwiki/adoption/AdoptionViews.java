package nl.afsprakenwiki.adoption;

import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.Revision;
import nl.afsprakenwiki.koppelzones.Koppelzone;

import java.util.List;
import java.util.Map;

/** View models of the adoption pages (one record per template) and the panel on the agreement page. */
public final class AdoptionViews {

    private AdoptionViews() {
    }

    /**
     * What the agreement page shows about the family: where it came from, who took it over, a newer
     * source revision (for those who may edit), proposals to the source, and what the viewer may do.
     */
    public record Panel(Lineage.Family family, Adoptions.Upstream upstream, long openProposals,
                        List<SourceProposal> outgoing, boolean mayAdopt, boolean mayProposeBack, boolean signInToAdopt) {
        public boolean empty() {
            return (family == null || family.size() == 1) && upstream == null && openProposals == 0
                    && outgoing.isEmpty() && !mayAdopt && !signInToAdopt;
        }
    }

    /** The adopt form: first the koppelzone, then what each party becomes there. */
    public record AdoptForm(Agreement source, Revision endorsed, List<Koppelzone> targets, Koppelzone target,
                            List<Adoptions.PartyChoice> choices, Map<String, String> chosen, Map<String, String> errors) {
        public String error(String field) {
            return errors.get(field);
        }

        public String chosen(String sourceSlug, String proposed) {
            return chosen.getOrDefault(sourceSlug, proposed);
        }
    }

    /**
     * The family page: {@code family} as seen from the agreement asked about, {@code tree} the whole
     * family from its oldest visible source down (what the drawing and the table show).
     */
    public record FamilyPage(Lineage.Family family, Lineage.Family tree) {
        public long here() {
            return family.self().agreement().id();
        }

        /** Every member of the tree, the top first, then depth first (each adopter under its source). */
        public java.util.List<Lineage.Member> members() {
            java.util.List<Lineage.Member> all = new java.util.ArrayList<>();
            all.add(tree.self());
            all.addAll(tree.descendants());
            return all;
        }

        public String drawing(nl.afsprakenwiki.web.Texts texts, String titleId) {
            return FamilyTree.draw(tree.self(), tree.descendants(), here(), texts, titleId);
        }
    }

    /**
     * The upstream page: the source's change, and after a conflicting merge the conflicting blocks
     * to resolve one by one ({@code blocks}, with what the adopter chose and typed when it comes back).
     */
    public record UpstreamPage(Agreement agreement, String title, Adoptions.Upstream upstream,
                               Adoptions.MergeResult.Conflict conflict, String draftTitle,
                               nl.afsprakenwiki.agreements.ConflictBlocks blocks, Map<String, String> errors) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    public record ProposeBackPage(Agreement agreement, String title, Agreement source,
                                  nl.afsprakenwiki.agreements.TextDiff.Comparison change, List<SourceProposal> outgoing,
                                  String note, Map<String, String> errors) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    /**
     * Incoming proposals; after a conflicting acceptance, the conflicting blocks to resolve one by one
     * for {@code resolving} ({@code blocks}, with what was chosen and typed when it comes back).
     */
    public record IncomingPage(Agreement agreement, String title, List<SourceProposals.Incoming> proposals,
                               Long resolving, SourceProposals.Acceptance.Conflict conflict, String draftTitle,
                               nl.afsprakenwiki.agreements.ConflictBlocks blocks, Long failed, String typed,
                               Map<String, String> errors) {
        public String errorFor(long proposal, String field) {
            return failed != null && failed == proposal ? errors.get(field) : null;
        }

        public String typedFor(long proposal) {
            return failed != null && failed == proposal && typed != null ? typed : "";
        }
    }
}
