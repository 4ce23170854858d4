package nl.afsprakenwiki.koppelzones;

import nl.afsprakenwiki.access.InvalidInput.FieldError;
import nl.afsprakenwiki.privacy.Parties;
import nl.afsprakenwiki.text.CleanText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An organisation's listed phone numbers and e-mail domains (issue 17): organisational contact data,
 * public on its page, and not flagged by the privacy detector in the koppelzones it is a party of.
 */
public record OrganisationContacts(List<ListedNumber> phoneNumbers, List<String> emailDomains) {

    public static final OrganisationContacts NONE = new OrganisationContacts(List.of(), List.of());

    /** How many of each an organisation may list. */
    public static final int MAX_ENTRIES = 20;
    static final int MAX_DISPLAY = 40;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,24}");

    public OrganisationContacts {
        phoneNumbers = List.copyOf(phoneNumbers);
        emailDomains = List.copyOf(emailDomains);
    }

    /** A listed number: its national form (0131234567), which the detector compares with, and as written. */
    public record ListedNumber(String national, String display) {
        /** The {@code tel:} link: the international form, which every phone dials. */
        public String tel() {
            return "tel:+31" + national.substring(1);
        }
    }

    public boolean isEmpty() {
        return phoneNumbers.isEmpty() && emailDomains.isEmpty();
    }

    /** The numbers as written, one per line (for a textarea). */
    public String phoneLines() {
        return String.join("\n", phoneNumbers.stream().map(ListedNumber::display).toList());
    }

    public String domainLines() {
        return String.join("\n", emailDomains);
    }

    public List<String> nationalNumbers() {
        return phoneNumbers.stream().map(ListedNumber::national).toList();
    }

    /** What the detector needs to know of this organisation. */
    public Parties parties() {
        return new Parties(Set.copyOf(nationalNumbers()), Set.copyOf(emailDomains));
    }

    /** The non-blank lines of a textarea, in order. */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * Checks and normalises what a beheerder gave (lines of a form, or the items of an API array; blank
     * ones are skipped, doubles kept once). A bad entry is a field error ({@code phoneNumbers},
     * {@code emailDomains}) naming its line (1-based) and its text; the first per field is reported.
     */
    public static OrganisationContacts parse(List<String> numbers, List<String> domains, List<FieldError> errors) {
        Map<String, ListedNumber> listed = new LinkedHashMap<>();
        for (int i = 0; i < numbers.size(); i++) {
            String written = CleanText.line(numbers.get(i));
            if (written.isEmpty()) {
                continue;
            }
            String national = written.length() > MAX_DISPLAY ? null : Parties.nationalNumber(written);
            if (national == null) {
                errors.add(new FieldError("phoneNumbers", "error.organisation.phone", i + 1, cut(written)));
                break;
            }
            listed.putIfAbsent(national, new ListedNumber(national, written));
        }
        if (listed.size() > MAX_ENTRIES) {
            errors.add(new FieldError("phoneNumbers", "error.organisation.phoneTooMany", MAX_ENTRIES));
        }
        Set<String> clean = new LinkedHashSet<>();
        for (int i = 0; i < domains.size(); i++) {
            String written = CleanText.line(domains.get(i));
            if (written.isEmpty()) {
                continue;
            }
            String domain = written.toLowerCase(Locale.ROOT);
            if (domain.endsWith(".")) {
                domain = domain.substring(0, domain.length() - 1);
            }
            if (!isDomain(domain)) {
                errors.add(new FieldError("emailDomains", "error.organisation.domain", i + 1, cut(written)));
                break;
            }
            clean.add(domain);
        }
        if (clean.size() > MAX_ENTRIES) {
            errors.add(new FieldError("emailDomains", "error.organisation.domainTooMany", MAX_ENTRIES));
        }
        return new OrganisationContacts(new ArrayList<>(listed.values()), new ArrayList<>(clean));
    }

    /** A host name of at least two labels (letters, digits, hyphens inside), with a top-level domain of letters; no @. */
    static boolean isDomain(String domain) {
        if (domain.length() > 253 || domain.indexOf('@') >= 0) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 || !TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** What the error message repeats of a bad entry: enough to find it, never a wall of text. */
    private static String cut(String written) {
        return written.length() > 60 ? written.substring(0, 60) + "…" : written;
    }
}
