package nl.afsprakenwiki.privacy;

import nl.afsprakenwiki.privacy.Screening.FieldFinding;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The privacy findings beside the field of a text that is not an agreement (a comment, an experience,
 * minutes …): the findings of a refused save, with what the writer ticked and typed kept.
 */
public record TextPanel(List<FieldFinding> findings, boolean refusing, Set<String> checked, String reason)
        implements FindingsPanel {

    public static final TextPanel NONE = new TextPanel(List.of(), false, Set.of(), "");

    /** One entry per fingerprint (the same data twice is one finding to confirm, and one checkbox id). */
    public TextPanel {
        Set<String> seen = new HashSet<>();
        findings = findings.stream().filter(found -> seen.add(found.fingerprint())).toList();
        checked = Set.copyOf(checked);
        reason = reason == null ? "" : reason;
    }

    /**
     * The panel for a form refused with {@code refused} (a {@link PersonalDataFound} shows its findings;
     * any other refusal shows nothing). A form keeps the findings of what was typed on any other refusal
     * through {@link TextGuard#panel}.
     */
    public static TextPanel of(RuntimeException refused, Accepted accepted) {
        if (refused instanceof PersonalDataFound found) {
            return new TextPanel(found.findings(), true, accepted.fingerprints(), accepted.reason());
        }
        return NONE;
    }
}
