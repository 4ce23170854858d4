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

    /**
     * The kinds named in a comma-separated list of codes ({@code naam,email}, e.g. a notice's query
     * parameter after a save with warnings), once each; unknown codes and overlong input are left out.
     */
    public static java.util.List<Kind> listed(String codes) {
        if (codes == null || codes.length() > 200) {
            return java.util.List.of();
        }
        java.util.Set<String> wanted = java.util.Set.of(codes.split(","));
        return java.util.Arrays.stream(values()).filter(kind -> wanted.contains(kind.code)).toList();
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
