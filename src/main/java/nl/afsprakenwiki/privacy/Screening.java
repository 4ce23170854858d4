package nl.afsprakenwiki.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The detector applied to the fields of one save (issue 17 point 2): every finding with the field it
 * is in and its text (for its writer only, never to log), sorted into what refuses the save
 * (high confidence, not confirmed), what warns (medium, not confirmed) and what the writer confirmed.
 */
public record Screening(List<FieldFinding> refusing, List<FieldFinding> warnings, List<FieldFinding> confirmed) {

    /** A finding in a field ({@code title}, {@code body}, {@code summary} …), with the matched text. */
    public record FieldFinding(String field, Finding finding, String text) {
        public Kind kind() {
            return finding.kind();
        }

        public String fingerprint() {
            return finding.fingerprint();
        }
    }

    /** The longest reason a writer may give for a confirmation. */
    public static final int MAX_REASON = 300;

    /**
     * Scans {@code fields} (name to text, in the order they are shown) and sorts the findings;
     * {@code confirmedFingerprints} are those the writer sends now or confirmed before.
     */
    public static Screening of(PrivacyDetector detector, Map<String, String> fields, Parties parties,
                               Set<String> confirmedFingerprints) {
        List<FieldFinding> refusing = new ArrayList<>();
        List<FieldFinding> warnings = new ArrayList<>();
        List<FieldFinding> confirmed = new ArrayList<>();
        fields.forEach((field, text) -> {
            for (Finding finding : detector.scan(text, parties)) {
                FieldFinding found = new FieldFinding(field, finding, finding.textIn(text));
                if (confirmedFingerprints.contains(finding.fingerprint())) {
                    confirmed.add(found);
                } else if (finding.confidence() == Confidence.HIGH) {
                    refusing.add(found);
                } else {
                    warnings.add(found);
                }
            }
        });
        return new Screening(List.copyOf(refusing), List.copyOf(warnings), List.copyOf(confirmed));
    }

    /** Fields in a fixed order, for {@link #of}; null texts count as empty. */
    public static Map<String, String> fields(String... namesAndTexts) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndTexts.length; i += 2) {
            fields.put(namesAndTexts[i], namesAndTexts[i + 1] == null ? "" : namesAndTexts[i + 1]);
        }
        return fields;
    }

    /** Everything not confirmed: what must be confirmed or fixed before a revision is proposed or adopted. */
    public List<FieldFinding> unconfirmed() {
        List<FieldFinding> all = new ArrayList<>(refusing);
        all.addAll(warnings);
        return all;
    }

    /** Refuses the save when a high-confidence finding is not confirmed. */
    public void throwIfRefusing() {
        if (!refusing.isEmpty()) {
            throw new PersonalDataFound(refusing, PersonalDataFound.Reason.SAVE);
        }
    }

    /**
     * Findings as the API shows them (docs/API.md, "Privacy findings"): field, kind, confidence, span,
     * the writer's own text, fingerprint and the explanation ({@code explain} turns a message key into
     * Dutch). For the writer only; never logged.
     */
    public static List<Map<String, Object>> json(List<FieldFinding> findings, Function<String, String> explain) {
        return findings.stream().map(found -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("field", found.field());
            json.put("kind", found.kind().code());
            json.put("confidence", found.kind().confidence().name().toLowerCase());
            json.put("start", found.finding().start());
            json.put("end", found.finding().end());
            json.put("text", found.text());
            json.put("fingerprint", found.fingerprint());
            json.put("explanation", explain.apply(found.finding().explanationKey()));
            return json;
        }).toList();
    }
}
