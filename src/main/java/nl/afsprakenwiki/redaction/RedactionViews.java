package nl.afsprakenwiki.redaction;

import nl.afsprakenwiki.agreements.Agreement;

import java.util.List;
import java.util.Map;

/** View models of the redaction page. */
public final class RedactionViews {

    private RedactionViews() {
    }

    /** What was typed, kept when the form comes back. */
    public record Typed(String revision, String text, String requestedBy, String reason) {
    }

    /**
     * The form ({@code plan} null), or the confirmation of what will go ({@code plan} set); {@code errors}
     * by field. {@code revisions}: the numbers to choose from, newest first.
     */
    public record Page(Agreement agreement, String title, List<Integer> revisions, List<Redactions.Voorzitter> voorzitters,
                       Typed typed, Redactions.Plan plan, Map<String, String> errors, List<Redaction> done) {
        public String error(String field) {
            return errors.get(field);
        }
    }
}
