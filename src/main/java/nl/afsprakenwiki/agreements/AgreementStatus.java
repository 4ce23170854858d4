package nl.afsprakenwiki.agreements;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Lifecycle of an agreement (DESIGN.md §4). */
public enum AgreementStatus {
    CONCEPT("concept"),
    TER_BEKRACHTIGING("ter_bekrachtiging"),
    BEKRACHTIGD("bekrachtigd"),
    VERVALLEN("vervallen");

    private final String code;

    AgreementStatus(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The key of its name in the user's language (texts {@code status.*}). */
    public String textKey() {
        return "status." + code();
    }

    /**
     * Whether an agreement is public: it has an endorsed revision and is in force. While a newer
     * revision is proposed (ter bekrachtiging) the endorsed one stays public; a retired one is not.
     */
    public static boolean isPublic(AgreementStatus status, Integer endorsedRevision) {
        return endorsedRevision != null && (status == BEKRACHTIGD || status == TER_BEKRACHTIGING);
    }

    /** Accepts the code and the written form ("ter bekrachtiging"). */
    public static Optional<AgreementStatus> fromCode(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalised = value.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
        return Arrays.stream(values()).filter(status -> status.code.equals(normalised)).findFirst();
    }
}
