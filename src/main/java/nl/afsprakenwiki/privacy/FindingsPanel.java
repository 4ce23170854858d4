package nl.afsprakenwiki.privacy;

import nl.afsprakenwiki.privacy.Screening.FieldFinding;

import java.util.List;
import java.util.Set;

/**
 * What web/templates/privacy/findings.jte shows beside an editor: each finding quoted with its
 * explanation and a checkbox "this is no personal data", plus a reason. {@code refusing} when the
 * save was refused; otherwise the findings are warnings to confirm.
 */
public interface FindingsPanel {

    List<FieldFinding> findings();

    boolean refusing();

    Set<String> checked();

    String reason();

    default boolean shown() {
        return !findings().isEmpty();
    }
}
