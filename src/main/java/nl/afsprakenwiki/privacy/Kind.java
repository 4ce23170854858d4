package nl.afsprakenwiki.privacy;

/**
 * What a finding is, with its confidence: high-confidence kinds are almost never anything but personal
 * data; medium-confidence kinds need a writer's confirmation. The code is the stable name used in the
 * API and the scan's output; the message key holds the Dutch (and English) explanation.
 */
public enum Kind {
    BSN("bsn", Confidence.HIGH),
    IBAN("iban", Confidence.HIGH),
    POSTCODE("postcode", Confidence.HIGH),
    GEBOORTEDATUM("geboortedatum", Confidence.HIGH),
    TELEFOON("telefoon", Confidence.HIGH),
    NAAM("naam", Confidence.MEDIUM),
    EMAIL("email", Confidence.MEDIUM);

    private final String code;
    private final Confidence confidence;

    Kind(String code, Confidence confidence) {
        this.code = code;
        this.confidence = confidence;
    }

    public String code() {
        return code;
    }

    public Confidence confidence() {
        return confidence;
    }

    /** The key of the explanation in the message bundles ({@code privacy.finding.bsn} …). */
    public String messageKey() {
        return "privacy.finding." + code;
    }

    /** The kind with this code, for a code read back from a form or the API. */
    public static Kind ofCode(String code) {
        for (Kind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown finding kind");
    }
}
