package nl.afsprakenwiki.koppelzones;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The kinds of organisations that meet in a koppelzone (DESIGN.md §3). */
public enum OrganisationKind {
    LOKAAL_TEAM("lokaal_team", List.of("wijkteam", "buurtteam", "lokaal team", "lokale team", "sociaal team",
            "sociaal wijkteam", "jeugd- en gezinsteam", "jeugd en gezinsteam", "gebiedsteam", "jeugdteam", "cjg",
            "centrum voor jeugd en gezin", "wij-team", "basisteam", "toegangsteam")),
    HUISARTS("huisarts", List.of("huisarts", "poh")),
    VEILIG_THUIS("veilig_thuis", List.of("veilig thuis")),
    GECERTIFICEERDE_INSTELLING("gecertificeerde_instelling", List.of("gecertificeerde instelling", "jeugdbescherming",
            "william schrikker", "jeugdreclassering")),
    ONDERWIJS("onderwijs", List.of("school", "onderwijs", "samenwerkingsverband", "college", "lyceum")),
    GEMEENTE("gemeente", List.of("gemeente")),
    ZORGVERZEKERAAR("zorgverzekeraar", List.of("zorgverzekeraar", "zorgkantoor")),
    AANBIEDER("aanbieder", List.of("jeugdhulp", "zorg", "ggz", "pleegzorg", "kliniek", "behandel", "opvoedhulp")),
    OVERIG("overig", List.of());

    private final String code;
    private final List<String> nameHints;

    OrganisationKind(String code, List<String> nameHints) {
        this.code = code;
        this.nameHints = nameHints;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The key of its name in the user's language (texts {@code kind.*}). */
    public String textKey() {
        return "kind." + code();
    }

    public static Optional<OrganisationKind> fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }

    /** Guesses the kind from an organisation's name; declaration order decides between hints. */
    public static OrganisationKind inferFromName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (OrganisationKind kind : values()) {
            for (String hint : kind.nameHints) {
                if (lower.contains(hint)) {
                    return kind;
                }
            }
        }
        return OVERIG;
    }
}
