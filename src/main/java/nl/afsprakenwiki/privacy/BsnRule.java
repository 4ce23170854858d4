package nl.afsprakenwiki.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A burgerservicenummer: nine digits, plain or grouped with dots or spaces (123456782, 1234.56.782,
 * 123 456 782), that pass the elfproef. Numbers that fail it are case numbers, amounts, anything else.
 * Amounts (after € or EUR) and parts of longer numbers are not BSNs.
 */
final class BsnRule {

    private static final Pattern NINE_DIGITS = Pattern.compile(
            "(?<![\\d.,/€-])(?<!€ )(?<!EUR )(?:\\d{9}|\\d{4}([. ])\\d{2}\\1\\d{3}|\\d{3}([. ])\\d{3}\\2\\d{3})(?!\\d|[.,/-]\\d)");

    void find(Scan scan) {
        Matcher matcher = NINE_DIGITS.matcher(scan.text);
        scan.atDigitRuns(matcher, 11, () -> {
            String digits = digitsOf(matcher.group());
            if (passesElfproef(digits) && !scan.isClaimed(matcher.start(), matcher.end())) {
                scan.add(Finding.of(Kind.BSN, matcher.start(), matcher.end(), digits));
            }
        });
    }

    static String digitsOf(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    /** 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and the number is not all zeros). */
    static boolean passesElfproef(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (nineDigits.charAt(i) - '0');
        }
        sum -= nineDigits.charAt(8) - '0';
        return sum % 11 == 0 && !nineDigits.equals("000000000");
    }
}
