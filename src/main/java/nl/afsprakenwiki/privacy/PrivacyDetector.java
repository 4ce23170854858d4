package nl.afsprakenwiki.privacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one place that decides whether a text holds personal data (issue 17 point 1): BSNs, IBANs,
 * postcodes with house numbers, dates of birth and phone numbers with high confidence; names next to
 * a family-role word and personal e-mail addresses with medium confidence. Thread-safe and without
 * state between scans; build one and share it. It never logs: a finding carries a span and a
 * fingerprint, not the text. Rules and limits: docs/PRIVACY.md.
 */
public final class PrivacyDetector {

    private static final String FIRST_NAMES = "/privacy/first-names-nl.txt";

    private final IbanRule iban = new IbanRule();
    private final BsnRule bsn = new BsnRule();
    private final BirthDateRule birthDate;
    private final PostcodeRule postcode = new PostcodeRule();
    private final PhoneRule phone = new PhoneRule();
    private final EmailRule email = new EmailRule();
    private final NameRule name;

    /** @param clock tells which years a child can have been born in (a date in the future is no birth date) */
    public PrivacyDetector(Clock clock) {
        this.birthDate = new BirthDateRule(clock);
        this.name = new NameRule(firstNames());
    }

    /** The findings in {@code text}, in the order they appear; none overlap. */
    public List<Finding> scan(String text, Parties parties) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Scan scan = new Scan(text, parties);
        // the order matters: a rule skips what an earlier one claimed (an IBAN's digits are no BSN,
        // a date's digits no phone number)
        iban.find(scan);
        bsn.find(scan);
        birthDate.find(scan);
        postcode.find(scan);
        phone.find(scan);
        email.find(scan);
        name.find(scan);
        scan.findings.sort(Comparator.comparingInt(Finding::start));
        return List.copyOf(scan.findings);
    }

    private static Set<String> firstNames() {
        Set<String> names = new HashSet<>();
        try (InputStream in = PrivacyDetector.class.getResourceAsStream(FIRST_NAMES)) {
            if (in == null) {
                throw new IllegalStateException(FIRST_NAMES + " is missing from the build");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    names.add(trimmed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(names);
    }
}
