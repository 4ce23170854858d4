package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.agreements.AgreementInput.Acceptance;
import nl.afsprakenwiki.privacy.Screening.FieldFinding;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The privacy findings beside an editor (issue 17 point 2, web/templates/privacy/findings.jte): each
 * finding quoted with its explanation and a checkbox "this is no personal data", plus a reason.
 * {@code refusing} when the save was refused; otherwise the findings are warnings to confirm.
 * Any form with text may show it; the form fields are {@code acceptedFindings} and {@code acceptanceReason}.
 */
public record PrivacyPanel(List<FieldFinding> findings, boolean refusing, Set<String> checked, String reason)
        implements nl.afsprakenwiki.privacy.FindingsPanel {

    public static final PrivacyPanel NONE = new PrivacyPanel(List.of(), false, Set.of(), "");

    /** One entry per fingerprint (the same data twice is one finding to confirm, and one checkbox id). */
    public PrivacyPanel {
        Set<String> seen = new HashSet<>();
        findings = findings.stream().filter(found -> seen.add(found.fingerprint())).toList();
    }

    /** The findings of a refused save, keeping what the writer checked and typed. */
    public static PrivacyPanel refused(List<FieldFinding> findings, Acceptance accepted) {
        return new PrivacyPanel(findings, true, accepted.fingerprints(), accepted.reason());
    }

    /** Medium findings still to confirm, nothing checked yet. */
    public static PrivacyPanel warnings(List<FieldFinding> findings) {
        return new PrivacyPanel(findings, false, Set.of(), "");
    }
}
