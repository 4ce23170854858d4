package nl.afsprakenwiki.privacy;

import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.privacy.Screening.FieldFinding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A write refused because the text seems to hold personal data (issue 17 point 2). It is invalid
 * input: every page that shows field errors shows "this looks like personal data" next to the field,
 * keeping what was typed; the API answers 422 problem+json with the findings (site.ErrorHandling).
 * Its message and field errors name kinds only, never the text, so that logging it leaks nothing.
 */
public final class PersonalDataFound extends InvalidInput {

    /**
     * What was refused: a save (high-confidence findings) or a step that needs every finding confirmed
     * (proposing a revision, adopting it, publishing a waardelek).
     */
    public enum Reason {
        SAVE, PROPOSE, ADOPT, PUBLISH
    }

    private final List<FieldFinding> findings;
    private final Reason reason;

    public PersonalDataFound(List<FieldFinding> findings, Reason reason) {
        super(fieldErrors(findings));
        this.findings = List.copyOf(findings);
        this.reason = reason;
    }

    public List<FieldFinding> findings() {
        return findings;
    }

    public Reason reason() {
        return reason;
    }

    /** One error per field, naming the kinds found there ({@code error.privacy.found}). */
    private static List<FieldError> fieldErrors(List<FieldFinding> findings) {
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs findings");
        }
        Map<String, Set<String>> kinds = new LinkedHashMap<>();
        for (FieldFinding found : findings) {
            kinds.computeIfAbsent(found.field(), field -> new LinkedHashSet<>()).add(found.kind().code());
        }
        List<FieldError> errors = new ArrayList<>();
        kinds.forEach((field, codes) -> errors.add(new FieldError(field, "error.privacy.found", String.join(", ", codes))));
        return errors;
    }
}
