package nl.afsprakenwiki.privacy;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's name next to a family-role or client word: a common first name from the shipped list
 * ("moeder Fatima", "de zoon van Daan", "Sanne (moeder)", "moeder Fatima de V.") or initials with a
 * surname ("moeder F. de Vries", "vader A.B. Yilmaz"). The span is the name, with the surname when
 * one follows. "De moeder" without a name, and names of organisations, are not flagged.
 */
final class NameRule {

    private static final String ROLES = "(?i:moeder|vader|ouder|ouders|jongere|jeugdige|kind|kindje|cliënt|client|pleegkind"
            + "|pleegzoon|pleegdochter|zoon|zoontje|dochter|dochtertje|broer|broertje|zus|zusje|oma|opa|pleegouder"
            + "|pleegouders|pleegmoeder|pleegvader|stiefvader|stiefmoeder|grootmoeder|grootvader|tante|oom|mama|papa"
            + "|baby|meisje|jongen|minderjarige|leerling|peuter|kleuter|tiener|voogd)";
    private static final String PARTICLES = "(?:van|de|der|den|ter|ten|te|el|al|op|in|'t|da|dos|di|le|la|du|von|ben|bin)";
    private static final String SURNAME = "(?:\\s+" + PARTICLES + "){0,3}\\s+\\p{Lu}(?:[\\p{L}'-]{1,30}+|\\.)";
    private static final String WORD = "\\p{Lu}[\\p{Ll}'-]{1,20}+";
    private static final String INITIALS = "(?:\\p{Lu}\\.\\s?){1,4}";

    private static final Pattern NAME_AFTER_ROLE = Pattern.compile("(?U)\\b" + ROLES + "\\b[ ,:(]{0,3}"
            + "(?:(?i:van|is|heet|genaamd)\\s+)?(?:(?<initials>" + INITIALS + ")(?<surname>" + PARTICLES + "?\\s?\\p{Lu}[\\p{L}'-]{1,30}+)"
            + "|(?<first>" + WORD + ")(?<tail>" + SURNAME + ")?)");
    private static final Pattern NAME_BEFORE_ROLE = Pattern.compile("(?U)(?<![\\p{L}.])(?<first>" + WORD + ")(?<tail>"
            + SURNAME + ")?[ ,(]{1,3}(?:(?i:de|het|haar|zijn|is|als|en zijn|en haar)\\s+)?" + ROLES + "\\b");

    private final Set<String> firstNames;

    NameRule(Set<String> firstNames) {
        this.firstNames = firstNames;
    }

    void find(Scan scan) {
        Matcher after = NAME_AFTER_ROLE.matcher(scan.text);
        while (after.find()) {
            if (after.group("initials") != null) {
                report(scan, after.start("initials"), after.end("surname"));
            } else if (isFirstName(after.group("first"))) {
                report(scan, after.start("first"), after.group("tail") != null ? after.end("tail") : after.end("first"));
            }
        }
        Matcher before = NAME_BEFORE_ROLE.matcher(scan.text);
        while (before.find()) {
            if (isFirstName(before.group("first"))) {
                report(scan, before.start("first"), before.group("tail") != null ? before.end("tail") : before.end("first"));
            }
        }
    }

    private boolean isFirstName(String word) {
        return firstNames.contains(word);
    }

    private static void report(Scan scan, int start, int end) {
        if (!scan.isClaimed(start, end)) {
            String normalised = scan.text.substring(start, end).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            scan.add(Finding.of(Kind.NAAM, start, end, normalised));
        }
    }
}
