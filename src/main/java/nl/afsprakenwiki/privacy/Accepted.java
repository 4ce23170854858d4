package nl.afsprakenwiki.privacy;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a writer sends with a save of a text (issue 17 point 2): the fingerprints of findings they
 * confirm are no personal data, and why. Read from {@code acceptedFindings} and
 * {@code acceptanceReason} (form and API alike).
 */
public record Accepted(Set<String> fingerprints, String reason) {

    public static final Accepted NONE = new Accepted(Set.of(), "");

    public Accepted {
        fingerprints = fingerprints == null ? Set.of()
                : fingerprints.stream().filter(Objects::nonNull).map(String::strip).filter(value -> !value.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        reason = reason == null ? "" : reason.strip();
    }

    /** From a request's list (null: none) and reason (null: none). */
    public static Accepted of(List<String> fingerprints, String reason) {
        return new Accepted(fingerprints == null ? Set.of() : Set.copyOf(fingerprints.stream().filter(Objects::nonNull).toList()),
                reason);
    }

    public boolean none() {
        return fingerprints.isEmpty();
    }
}
