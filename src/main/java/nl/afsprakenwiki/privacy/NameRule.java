package nl.afsprakenwiki.privacy;

import java.util.List;
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

    private static final Set<String> ROLE_WORDS = Set.of("moeder", "vader", "ouder", "ouders", "jongere", "jeugdige",
            "kind", "kindje", "cliënt", "client", "pleegkind", "pleegzoon", "pleegdochter", "zoon", "zoontje", "dochter",
            "dochtertje", "broer", "broertje", "zus", "zusje", "oma", "opa", "pleegouder", "pleegouders", "pleegmoeder",
            "pleegvader", "stiefvader", "stiefmoeder", "grootmoeder", "grootvader", "tante", "oom", "mama", "papa", "baby",
            "meisje", "jongen", "minderjarige", "leerling", "peuter", "kleuter", "tiener", "voogd");
    private static final String ROLES = "(?i:" + String.join("|", ROLE_WORDS) + ")";
    private static final String PARTICLES = "(?:van|de|der|den|ter|ten|te|el|al|op|in|'t|da|dos|di|le|la|du|von|ben|bin)";
    private static final String SURNAME = "(?:\\s+" + PARTICLES + "){0,3}\\s+\\p{Lu}(?:[\\p{L}'-]{1,30}+|\\.)";
    private static final String WORD = "\\p{Lu}[\\p{Ll}'-]{1,20}+";
    private static final String INITIALS = "(?:\\p{Lu}\\.\\s?){1,4}";

    private static final Pattern NAME_AFTER_ROLE = Pattern.compile("(?U)\\b" + ROLES + "\\b[ ,:(]{0,3}"
            + "(?:(?i:van|is|heet|genaamd)\\s+)?(?:(?<initials>" + INITIALS + ")(?<surname>" + PARTICLES + "?\\s?\\p{Lu}[\\p{L}'-]{1,30}+)"
            + "|(?<first>" + WORD + ")(?<tail>" + SURNAME + ")?)");
    private static final Pattern NAME_BEFORE_ROLE = Pattern.compile("(?U)(?<![\\p{L}.])(?<first>" + WORD + ")(?<tail>"
            + SURNAME + ")?[ ,(]{1,3}(?:(?i:de|het|haar|zijn|is|als|en zijn|en haar)\\s+)?" + ROLES + "\\b");

    /** How far from its role word a name may stand. */
    private static final int REACH = 60;

    private final Set<String> firstNames;

    NameRule(Set<String> firstNames) {
        this.firstNames = firstNames;
    }

    void find(Scan scan) {
        List<int[]> roles = Words.find(scan.text, ROLE_WORDS, 14);
        if (roles.isEmpty()) {
            return;
        }
        Matcher after = NAME_AFTER_ROLE.matcher(scan.text).useTransparentBounds(true).useAnchoringBounds(false);
        Matcher before = NAME_BEFORE_ROLE.matcher(scan.text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int[] role : roles) {
            nameAfter(scan, after, role);
            namesBefore(scan, before, role);
        }
    }

    /** "moeder Fatima", "vader A. Yilmaz": one match, anchored at the role word. */
    private void nameAfter(Scan scan, Matcher after, int[] role) {
        if (!after.region(role[0], Math.min(scan.text.length(), role[1] + REACH)).lookingAt()) {
            return;
        }
        if (after.group("initials") != null) {
            report(scan, after.start("initials"), after.end("surname"));
        } else if (isFirstName(after.group("first"))) {
            report(scan, after.start("first"), after.group("tail") != null ? after.end("tail") : after.end("first"));
        }
    }

    /** "Sanne (moeder)", "Fatima de Vries, moeder": tried only at the listed first names shortly before the role word. */
    private void namesBefore(Scan scan, Matcher before, int[] role) {
        for (int[] word : Words.capitalised(scan.text, Math.max(0, role[0] - REACH), role[0])) {
            if (!isFirstName(scan.text.substring(word[0], word[1]))) {
                continue;
            }
            if (before.region(word[0], role[1]).matches()) {
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
