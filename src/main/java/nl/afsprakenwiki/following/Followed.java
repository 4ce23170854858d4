package nl.afsprakenwiki.following;

import java.time.Instant;

/**
 * One thing an account follows: an agreement, a koppelzone or a theme (exactly one of them).
 *
 * @param label what people read: the agreement's title (as the follower may read it), the
 *              koppelzone's name, or the theme
 * @param href  the page of what is followed
 */
public record Followed(Kind kind, String key, String label, String href, Instant since) {

    /** What can be followed; {@code code} is how the API and the forms name it. */
    public enum Kind {
        AGREEMENT("afspraak"), KOPPELZONE("koppelzone"), THEME("thema");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** The kind with this code, or null. */
        public static Kind fromCode(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            return null;
        }
    }
}
