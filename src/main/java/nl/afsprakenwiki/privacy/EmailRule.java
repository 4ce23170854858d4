package nl.afsprakenwiki.privacy;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A personal e-mail address. Not flagged: a role address (info@, secretariaat@, aanmelding.jeugd@ —
 * any part of the name before the @ is a role word), an address at a party organisation's domain,
 * and the reserved example domains (example.com …).
 */
final class EmailRule {

    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![\\w.%+-])[A-Za-z0-9._%+-]{1,64}+@(?:[A-Za-z0-9-]{1,63}+\\.){1,8}[A-Za-z]{2,24}+(?![\\w-])");
    private static final Set<String> ROLE_WORDS = Set.of("info", "informatie", "secretariaat", "secretaris", "jeugd",
            "aanmelding", "aanmeldingen", "aanmelden", "contact", "post", "mail", "algemeen", "receptie", "administratie",
            "planning", "zorg", "jeugdzorg", "jeugdhulp", "wijkteam", "wijkteams", "buurtteam", "jeugdteam", "team",
            "servicedesk", "helpdesk", "support", "noreply", "no-reply", "privacy", "fg", "klachten", "klacht",
            "facturen", "factuur", "facturatie", "backoffice", "frontoffice", "intake", "toegang", "crisis",
            "crisisdienst", "veiligthuis", "beheer", "webmaster", "postmaster", "communicatie", "kcc", "klantcontact",
            "gemeente", "zorgloket", "loket", "meldpunt", "spoed", "bureau", "office", "hr", "inkoop", "contractbeheer",
            "contractmanagement", "coordinatie", "coördinatie", "coordinator", "secretariaten", "koppelzone", "overleg",
            "aanvragen", "verwijzingen", "verwijzing", "huisartsen", "praktijk", "poh", "jgz", "ggd", "onderwijs",
            "zorgcoordinatie", "leerplicht", "rvc", "directie", "bestuur", "ondersteuning", "regie", "wachtlijst",
            "wachtlijsten", "dossier", "archief", "kwaliteit", "vragen", "vraag", "hulp", "advies", "consultatie");
    private static final Set<String> EXAMPLE_DOMAINS = Set.of("example.com", "example.org", "example.net",
            "voorbeeld.nl", "example.nl");

    void find(Scan scan) {
        Matcher matcher = ADDRESS.matcher(scan.text);
        matcher.useTransparentBounds(true).useAnchoringBounds(false);
        for (int at = scan.text.indexOf('@'); at >= 0; at = scan.text.indexOf('@', at + 1)) {
            findAt(scan, matcher, at);
        }
    }

    /** The address around the @ at {@code at}, if there is one: its name starts where the run of name characters does. */
    private void findAt(Scan scan, Matcher matcher, int at) {
        int start = at;
        while (start > 0 && at - start < 64 && isNameChar(scan.text.charAt(start - 1))) {
            start--;
        }
        if (matcher.region(start, Math.min(scan.text.length(), at + 260)).lookingAt()) {
            String address = matcher.group().toLowerCase(Locale.ROOT);
            int sign = address.indexOf('@');
            String local = address.substring(0, sign);
            String domain = address.substring(sign + 1);
            if (isRoleAddress(local) || EXAMPLE_DOMAINS.contains(domain) || domain.endsWith(".example")
                    || scan.parties.ownsDomain(domain) || scan.isClaimed(matcher.start(), matcher.end())) {
                return;
            }
            scan.add(Finding.of(Kind.EMAIL, matcher.start(), matcher.end(), address));
        }
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ".%+-_".indexOf(c) >= 0;
    }

    private static boolean isRoleAddress(String local) {
        for (String part : local.split("[._+-]")) {
            if (ROLE_WORDS.contains(part)) {
                return true;
            }
        }
        return false;
    }
}
