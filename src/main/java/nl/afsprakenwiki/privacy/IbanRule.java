package nl.afsprakenwiki.privacy;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IBAN: a country code, two check digits and the account, written together or in groups of four,
 * with the length of its country and a valid mod-97 checksum. A longer run (the IBAN followed by
 * another group) is cut to the country's length before checking.
 */
final class IbanRule {

    /** IBAN lengths of the SEPA countries and a few more that Dutch organisations meet. */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("NL", 18), Map.entry("BE", 16), Map.entry("DE", 22), Map.entry("FR", 27), Map.entry("LU", 20),
            Map.entry("GB", 22), Map.entry("IE", 22), Map.entry("ES", 24), Map.entry("PT", 25), Map.entry("IT", 27),
            Map.entry("AT", 20), Map.entry("CH", 21), Map.entry("DK", 18), Map.entry("SE", 24), Map.entry("NO", 15),
            Map.entry("FI", 18), Map.entry("PL", 28), Map.entry("CZ", 24), Map.entry("HU", 28), Map.entry("GR", 27),
            Map.entry("TR", 26), Map.entry("MA", 28), Map.entry("RO", 24), Map.entry("BG", 22),
            Map.entry("HR", 21), Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("LT", 20), Map.entry("LV", 21),
            Map.entry("EE", 20), Map.entry("CY", 28), Map.entry("MT", 31), Map.entry("IS", 26), Map.entry("LI", 21));

    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![A-Za-z0-9])[A-Za-z]{2}\\d{2}(?: ?[A-Za-z0-9]{4}){2,7}+(?: ?[A-Za-z0-9]{1,3})?+(?![A-Za-z0-9])");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    void find(Scan scan) {
        Matcher matcher = CANDIDATE.matcher(scan.text);
        scan.digits().each(matcher, () -> findIn(scan, matcher));
    }

    private void findIn(Scan scan, Matcher matcher) {
        while (matcher.find()) {
            String written = matcher.group();
            Integer length = LENGTHS.get(written.substring(0, 2).toUpperCase(Locale.ROOT));
            if (length == null) {
                continue;
            }
            int end = endAfter(written, length);
            if (end < 0) {
                continue;
            }
            String compact = written.substring(0, end).replace(" ", "").toUpperCase(Locale.ROOT);
            if (validChecksum(compact) && !scan.isClaimed(matcher.start(), matcher.start() + end)) {
                scan.add(Finding.of(Kind.IBAN, matcher.start(), matcher.start() + end, compact));
            }
        }
    }

    /** The offset in {@code written} just after its {@code length}-th letter or digit; -1 if it has fewer. */
    private static int endAfter(String written, int length) {
        int seen = 0;
        for (int i = 0; i < written.length(); i++) {
            if (written.charAt(i) != ' ' && ++seen == length) {
                boolean cutInsideAGroup = i + 1 < written.length() && written.charAt(i + 1) != ' ';
                return cutInsideAGroup ? -1 : i + 1;
            }
        }
        return -1;
    }

    static boolean validChecksum(String compact) {
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (Character.isDigit(c)) {
                digits.append(c);
            } else {
                digits.append(c - 'A' + 10);
            }
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }
}
