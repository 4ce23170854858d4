package nl.afsprakenwiki.privacy;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the detector knows of the koppelzone's party organisations: their listed phone numbers and
 * their e-mail domains, which are organisational and so not personal data. Callers that know no
 * koppelzone pass {@link #NONE}.
 */
public record Parties(Set<String> phoneNumbers, Set<String> emailDomains) {

    public static final Parties NONE = new Parties(Set.of(), Set.of());

    /** Numbers in any common notation (+31 …, 013-…) and domains in any case. */
    public Parties {
        phoneNumbers = phoneNumbers.stream().map(PhoneRule::national).filter(number -> number != null)
                .collect(Collectors.toUnmodifiableSet());
        emailDomains = emailDomains.stream().map(domain -> domain.toLowerCase(Locale.ROOT).strip())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The ten-digit national form (0131234567) of a Dutch phone number written in any common notation
     * (+31 13 …, 0031 …, (013) …); null when it is no Dutch number of ten digits. The form the detector
     * compares with, so a listed number is stored in it.
     */
    public static String nationalNumber(String written) {
        return written == null ? null : PhoneRule.national(written);
    }

    /** Both organisations' numbers and domains (e.g. the source and the target koppelzone of an adoption). */
    public Parties and(Parties other) {
        if (other.phoneNumbers.isEmpty() && other.emailDomains.isEmpty()) {
            return this;
        }
        Set<String> numbers = new HashSet<>(phoneNumbers);
        numbers.addAll(other.phoneNumbers);
        Set<String> domains = new HashSet<>(emailDomains);
        domains.addAll(other.emailDomains);
        return new Parties(numbers, domains);
    }

    boolean listsNumber(String national) {
        return phoneNumbers.contains(national);
    }

    /** True for the domain itself and any subdomain of it (jeugd.tilburg.nl for tilburg.nl). */
    boolean ownsDomain(String domain) {
        for (String own : emailDomains) {
            if (domain.equals(own) || domain.endsWith("." + own)) {
                return true;
            }
        }
        return false;
    }
}
