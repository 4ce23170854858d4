package nl.afsprakenwiki.access;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Optional;

/** An account's role in one koppelzone (DESIGN.md §1). */
public enum Role {
    /** Reads everything of the koppelzone, drafts included. */
    LEZER("lezer"),
    /** Writes and edits the koppelzone's agreements. */
    PRAKTIJKEXPERT("praktijkexpert"),
    /** Chairs the koppelzone (the local team): edits, manages members and parties, moves agreements on. */
    VOORZITTER("voorzitter"),
    /** Endorses or declines agreements on behalf of their organisation. */
    MANAGER("manager");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(role -> role.code.equals(code)).findFirst();
    }
}
