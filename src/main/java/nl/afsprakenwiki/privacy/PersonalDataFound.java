package nl.afsprakenwiki.privacy;

import nl.afsprakenwiki.privacy.Screening.FieldFinding;

import java.util.List;

/**
 * A write refused because the text seems to hold personal data (issue 17 point 2). The API answers
 * 422 problem+json with the findings; pages show them next to the editor and keep what was typed.
 * Its message names kinds and fingerprints only, never the text, so that logging it leaks nothing.
 */
public final class PersonalDataFound extends RuntimeException {

    /** What was refused: a save (high-confidence findings) or a step that needs every finding confirmed. */
    public enum Reason {
        SAVE, PROPOSE, ADOPT
    }

    private final List<FieldFinding> findings;
    private final Reason reason;

    public PersonalDataFound(List<FieldFinding> findings, Reason reason) {
        super(reason + " refused: " + findings.stream().map(f -> f.kind().code() + ":" + f.fingerprint()).toList());
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs findings");
        }
        this.findings = List.copyOf(findings);
        this.reason = reason;
    }

    public List<FieldFinding> findings() {
        return findings;
    }

    public Reason reason() {
        return reason;
    }
}
