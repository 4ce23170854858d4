package nl.afsprakenwiki.adoption;

import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The family of an agreement across municipalities: where it came from (ancestors, oldest first)
 * and who took it over since (descendants, as a tree). Only agreements the viewer may see appear.
 */
public final class Lineage {

    /** How far up or down a family is followed; real families are a few generations deep. */
    private static final int MAX_DEPTH = 25;

    /**
     * One agreement of the family.
     *
     * @param depth          0 for the agreement asked about, negative for ancestors, positive for descendants
     * @param sourceRevision for an adopted agreement: the source revision it took over
     * @param inSync         for an adopted agreement: its text is in step with the source's newest endorsed revision
     */
    public record Member(Agreement agreement, String title, int depth, Integer sourceRevision, Integer syncedRevision,
                         Instant adoptedAt, boolean inSync) {
    }

    /** The family; {@code source} is the direct source (null when not adopted), {@code adopters} the direct adopters. */
    public record Family(Member self, List<Member> ancestors, List<Member> descendants) {
        public Optional<Member> source() {
            return ancestors.isEmpty() ? Optional.empty() : Optional.of(ancestors.get(ancestors.size() - 1));
        }

        public List<Member> adopters() {
            return descendants.stream().filter(member -> member.depth() == 1).toList();
        }

        public int size() {
            return 1 + ancestors.size() + descendants.size();
        }
    }

    private final Adoptions adoptions;
    private final AgreementService agreements;

    public Lineage(Adoptions adoptions, AgreementService agreements) {
        this.adoptions = adoptions;
        this.agreements = agreements;
    }

    public Optional<Family> family(long id, Viewer viewer) {
        return member(id, 0, viewer).map(self -> {
            List<Member> ancestors = new ArrayList<>();
            Set<Long> seen = new HashSet<>(List.of(id));
            long current = id;
            for (int depth = -1; depth >= -MAX_DEPTH; depth--) {
                var link = adoptions.link(current);
                if (link.isEmpty() || !seen.add(link.get().sourceId())) {
                    break;
                }
                Optional<Member> source = member(link.get().sourceId(), depth, viewer);
                if (source.isEmpty()) {
                    break;
                }
                ancestors.add(0, source.get());
                current = link.get().sourceId();
            }
            List<Member> descendants = new ArrayList<>();
            addDescendants(id, 1, viewer, seen, descendants);
            return new Family(self, ancestors, descendants);
        });
    }

    /** Depth first, so that the list reads as a tree (each adopter directly under its source). */
    private void addDescendants(long sourceId, int depth, Viewer viewer, Set<Long> seen, List<Member> into) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (AdoptionStore.Link link : adoptions.links(sourceId).adopters()) {
            if (!seen.add(link.agreementId())) {
                continue;
            }
            Optional<Member> member = member(link.agreementId(), depth, viewer);
            if (member.isPresent()) {
                into.add(member.get());
                addDescendants(link.agreementId(), depth + 1, viewer, seen, into);
            }
        }
    }

    private Optional<Member> member(long id, int depth, Viewer viewer) {
        return agreements.version(id, null, viewer).map(version -> {
            Agreement agreement = version.agreement();
            var link = adoptions.link(id);
            boolean inSync = link.map(l -> agreements.find(l.sourceId(), viewer)
                    .map(source -> source.endorsedRevision() != null && source.endorsedRevision() <= l.syncedRevision())
                    .orElse(false)).orElse(false);
            return new Member(agreement, version.revision().title(), depth,
                    link.map(AdoptionStore.Link::sourceRevision).orElse(null),
                    link.map(AdoptionStore.Link::syncedRevision).orElse(null),
                    link.map(AdoptionStore.Link::adoptedAt).orElse(null), inSync);
        });
    }
}
