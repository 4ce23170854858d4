package nl.afsprakenwiki.koppelzones;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

public enum KoppelzoneLevel {
    LOKAAL("lokaal"),
    REGIONAAL("regionaal");

    private final String code;

    KoppelzoneLevel(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The key of its name in the user's language (texts {@code level.*}). */
    public String textKey() {
        return "level." + code();
    }

    public static Optional<KoppelzoneLevel> fromCode(String code) {
        return Arrays.stream(values()).filter(level -> level.code.equals(code)).findFirst();
    }
}
