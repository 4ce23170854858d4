package nl.afsprakenwiki.privacy;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dutch phone number: ten digits starting with 0 (06-12345678, 010-1234567, (013) 123 45 67) or
 * +31 / 0031 and nine digits (+31 6 1234 5678, +31 (0)6 …). Not personal, so not flagged: service
 * and company numbers (0800, 0900, 0906, 0909, 088, 097), a party organisation's listed number, a
 * number labelled as a case or file number, and anything inside a date.
 */
final class PhoneRule {

    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\w+/.,-])(?:\\+31|0031|\\+ 31)?[ \\-]?(?:\\(0\\)[ \\-]?)?\\(?0?[1-9][\\d \\-()]{7,16}+");
    private static final Set<String> NOT_PERSONAL_PREFIXES = Set.of("0800", "0900", "0906", "0909", "088", "097");
    private static final Pattern LABELLED_OTHERWISE = Pattern.compile(
            "(?iU)\\b(?:dossier|zaak|cli[eë]nt|registratie|factuur|kenmerk|referentie|order|agb|kvk|btw)"
                    + "[a-z]*\\s*(?:nr\\.?|nummer)?\\s*:?\\s*$");

    void find(Scan scan) {
        Matcher matcher = CANDIDATE.matcher(scan.text).useTransparentBounds(true).useAnchoringBounds(false);
        scan.digits().forEach((windowStart, windowEnd) -> findIn(scan, matcher, windowStart, windowEnd));
    }

    private void findIn(Scan scan, Matcher matcher, int windowStart, int windowEnd) {
        int from = windowStart;
        while (from < windowEnd && matcher.region(from, windowEnd).find()) {
            // a failed candidate may hide a number that starts inside it: look again one further
            from = matcher.start() + 1;
            int start = matcher.start();
            while (start < matcher.end() && scan.text.charAt(start) == ' ') {
                start++;
            }
            int end = endOfTenth(scan.text, start, matcher.end());
            if (end < 0) {
                continue;
            }
            String national = national(scan.text.substring(start, end));
            if (national == null || notPersonal(national) || scan.parties.listsNumber(national)
                    || scan.isClaimed(start, end) || labelledOtherwise(scan, start)) {
                continue;
            }
            scan.add(Finding.of(Kind.TELEFOON, start, end, national));
            from = end;
        }
    }

    /**
     * Where a number of {@code start..limit} ends: just after its last digit once it has the digits of a
     * Dutch number (11 after +31, 13 after 0031, 10 otherwise, the (0) not counted); -1 when it has fewer
     * or when the next character continues the same group of digits.
     */
    private static int endOfTenth(String text, int start, int limit) {
        String head = text.substring(start, Math.min(limit, start + 6));
        int needed = head.startsWith("0031") ? 13 : head.startsWith("+") ? 11 : 10;
        int digits = 0;
        for (int i = start; i < limit; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' && !(needed != 10 && isTrunkZero(text, i))) {
                digits++;
                if (digits == needed) {
                    boolean groupGoesOn = i + 1 < text.length() && Character.isDigit(text.charAt(i + 1));
                    return groupGoesOn ? -1 : i + 1;
                }
            }
        }
        return -1;
    }

    /** The 0 in "+31 (0)6", which is not dialled from abroad. */
    private static boolean isTrunkZero(String text, int i) {
        return text.charAt(i) == '0' && i > 0 && text.charAt(i - 1) == '(' && i + 1 < text.length() && text.charAt(i + 1) == ')';
    }

    /** The ten-digit national form (0612345678) of a written number; null when it is no Dutch number. */
    static String national(String written) {
        String digits = BsnRule.digitsOf(written.replace("(0)", ""));
        if (written.strip().startsWith("+")) {
            digits = digits.startsWith("31") ? "0" + digits.substring(2) : null;
        } else if (digits.startsWith("0031")) {
            digits = "0" + digits.substring(4);
        }
        if (digits == null || digits.length() != 10 || digits.charAt(0) != '0' || digits.charAt(1) == '0') {
            return null;
        }
        return digits;
    }

    private static boolean notPersonal(String national) {
        return NOT_PERSONAL_PREFIXES.contains(national.substring(0, 4))
                || NOT_PERSONAL_PREFIXES.contains(national.substring(0, 3));
    }

    private static boolean labelledOtherwise(Scan scan, int start) {
        int from = Math.max(scan.sentences.startOf(start), start - 30);
        return LABELLED_OTHERWISE.matcher(scan.text.substring(from, start)).find();
    }
}
