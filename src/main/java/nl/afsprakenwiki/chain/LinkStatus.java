package nl.afsprakenwiki.chain;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How an agreement binds a pair in the chain, strongest first. "Onderhoud nodig" is an endorsed
 * agreement whose review date has passed (as the koppelzone page marks it); a retired agreement binds no one.
 * Each status differs in colour (AA contrast against white) and in stroke width, so colour is never the only cue.
 */
public enum LinkStatus {
    BEKRACHTIGD("bekrachtigd", "#1a6b2f", 7),
    TER_BEKRACHTIGING("ter_bekrachtiging", "#0b57a4", 5),
    ONDERHOUD_NODIG("onderhoud_nodig", "#8a4b00", 4),
    CONCEPT("concept", "#5a5f66", 2);

    private final String code;
    private final String colour;
    private final int width;

    LinkStatus(String code, String colour, int width) {
        this.code = code;
        this.colour = colour;
        this.width = width;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String textKey() {
        return "chain.status." + code;
    }

    public String colour() {
        return colour;
    }

    public int width() {
        return width;
    }
}
