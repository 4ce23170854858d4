package nl.afsprakenwiki.endorsements;

import nl.afsprakenwiki.koppelzones.Organisation;

import java.time.Instant;

/**
 * One party's decision on one revision, taken by one of its managers. {@code remarkPending}: its
 * remark has a possible personal data finding nobody confirmed yet, so the public does not see the
 * remark (issue 17).
 */
public record Decision(long id, long roundId, int revision, String sha256, Organisation organisation,
                       String personName, Kind kind, String remark, Instant at, boolean remarkPending) {

    public Decision(long id, long roundId, int revision, String sha256, Organisation organisation, String personName,
                    Kind kind, String remark, Instant at) {
        this(id, roundId, revision, sha256, organisation, personName, kind, remark, at, false);
    }

    /** This decision as the public sees it while its remark waits for a confirmation: without the remark. */
    public Decision withRemarkPending(boolean pending, boolean showRemark) {
        return new Decision(id, roundId, revision, sha256, organisation, personName, kind,
                !pending || showRemark ? remark : "", at, pending);
    }

    /** Endorse ("bekrachtigen") or decline ("afwijzen", always with a remark). */
    public enum Kind {
        ENDORSE, DECLINE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Accepts the API words (endorse, decline) and the Dutch ones of the forms. */
        public static java.util.Optional<Kind> parse(String value) {
            if (value == null) {
                return java.util.Optional.empty();
            }
            return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "endorse", "bekrachtigen" -> java.util.Optional.of(ENDORSE);
                case "decline", "afwijzen" -> java.util.Optional.of(DECLINE);
                default -> java.util.Optional.empty();
            };
        }
    }

    public boolean endorsed() {
        return kind == Kind.ENDORSE;
    }

    public String shortHash() {
        return sha256.substring(0, 12);
    }
}
