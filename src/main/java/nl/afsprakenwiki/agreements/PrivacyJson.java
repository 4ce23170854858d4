package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.privacy.PersonalDataFound;
import nl.afsprakenwiki.privacy.Screening.FieldFinding;
import nl.afsprakenwiki.web.ProblemException;
import nl.afsprakenwiki.web.Texts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Privacy findings in API answers (docs/API.md, "Privacy findings"): the writer's own text comes
 * back to the writer with its span, kind, fingerprint and Dutch explanation. Never logged.
 */
public final class PrivacyJson {

    private PrivacyJson() {
    }

    public static List<Map<String, Object>> findings(List<FieldFinding> findings, Texts dutch) {
        return nl.afsprakenwiki.privacy.Screening.json(findings, key -> dutch.get(key));
    }

    /** Medium-confidence findings of a saved revision not yet confirmed: proposing waits for them. */
    public static List<Map<String, Object>> warnings(AgreementPrivacy privacy, Revision revision, Texts dutch) {
        return findings(privacy.unconfirmed(revision.agreementId(), revision.number()), dutch);
    }

    /** The 422 of a refused save, proposal or adoption, with every finding that must be fixed or confirmed. */
    public static ProblemException problem(PersonalDataFound refused, Texts dutch) {
        String kinds = refused.findings().stream().map(found -> found.kind().code() + " (" + found.field() + ", "
                + found.finding().start() + "–" + found.finding().end() + ")").collect(Collectors.joining(", "));
        String detail = dutch.get("api.privacy." + refused.reason().name().toLowerCase(), kinds);
        Map<String, Object> errors = new LinkedHashMap<>();
        refused.errors().forEach(error -> errors.putIfAbsent(error.field(), dutch.message(error)));
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("errors", errors);
        extensions.put("findings", findings(refused.findings(), dutch));
        return new ProblemException(422, "/problemen/persoonsgegevens", "Mogelijk persoonsgegevens", detail, extensions);
    }
}
