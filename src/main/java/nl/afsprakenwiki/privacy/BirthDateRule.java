package nl.afsprakenwiki.privacy;

import java.time.DateTimeException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date of birth: a full date (3 maart 2012, 03-03-2012, 3/3/12, 2012-03-03) written as a birth date
 * (a birth word such as "geboren", "geb." or "geboortedatum" just before or after it), or a full date
 * in a sentence that names a child (kind, jongere, zoon, pleegkind …) with a year a child can be born
 * in. Without a birth word, a date that follows a preposition of time ("na", "voor", "uiterlijk",
 * "vanaf", "op" …) is a deadline, a cut-off or an appointment, not a birth date. Every date is claimed, so no other rule reads its digits.
 */
final class BirthDateRule {

    private static final String MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
            + "|november|december|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec";
    private static final Pattern DATE = Pattern.compile("(?i)(?<![\\d\\-/.])(?:"
            + "(?<wday>\\d{1,2})\\s+(?<wmonth>" + MONTHS + ")\\.?\\s+(?<wyear>\\d{4})"
            + "|(?<nday>\\d{1,2})(?<sep>[-/.])(?<nmonth>\\d{1,2})\\k<sep>(?<nyear>\\d{4}|\\d{2})"
            + "|(?<iyear>\\d{4})-(?<imonth>\\d{2})-(?<iday>\\d{2}))(?![\\d\\-/]|\\.\\d)");
    private static final Pattern BIRTH_WORD_BEFORE = Pattern.compile(
            "(?iU)\\b(?:geboren|geb\\.?|geboortedatum|geb\\.?datum|geboortedag|verjaardag|dob)\\s*[:(]?\\s*"
                    + "(?:op\\s+|d\\.d\\.\\s*)?(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\\s+)?$");
    private static final Pattern BIRTH_WORD_AFTER = Pattern.compile("(?iU)^\\)?\\s*,?\\s*\\(?(?:geboren|geboortedatum)\\b");
    private static final Pattern TIME_PREPOSITION = Pattern.compile(
            "(?iU)\\b(?:na|voor|vóór|uiterlijk|per|vanaf|tot|t/m|tot\\s+en\\s+met|sinds|tussen|en|of|rond|omstreeks"
                    + "|deadline|datum|vergadering|overleg|bijeenkomst|ingang\\s+van|d\\.d\\.)\\s*:?\\s*"
                    + "(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\\s+)?$");
    private static final Pattern ON_A_DAY = Pattern.compile(
            "(?iU)\\bop\\s+(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\\s+)?$");
    private static final Set<String> CHILD_WORDS = Set.of("kind", "kindje", "jongere", "jeugdige", "minderjarige", "zoon",
            "zoontje", "dochter", "dochtertje", "pleegkind", "pleegzoon", "pleegdochter", "baby", "zuigeling", "peuter",
            "kleuter", "meisje", "jongen", "leerling", "tiener", "broertje", "zusje", "cliënt", "client", "cliëntje", "pupil");
    private static final int LOOK_BEFORE = 40;
    private static final int LOOK_AFTER = 20;
    private static final int OLDEST_CHILD_YEARS = 27;
    private static final int SENTENCE_REACH = 300;

    /** Read at every date found, not once at start-up: a server running over new year must keep telling future dates from past ones. */
    private final Clock clock;

    BirthDateRule(Clock clock) {
        this.clock = clock;
    }

    void find(Scan scan) {
        Matcher matcher = DATE.matcher(scan.text);
        int[][] childWords = new int[1][];
        int[] previousEnd = {0};
        scan.atDigitRuns(matcher, 40, () -> {
            LocalDate date = dateOf(matcher);
            int start = matcher.start();
            int end = matcher.end();
            if (date == null) {
                return;
            }
            if (childWords[0] == null) {
                childWords[0] = childWordsIn(scan.text);
            }
            if (!scan.isClaimed(start, end) && isBirthDate(scan, start, end, previousEnd[0], date, childWords[0])) {
                scan.add(Finding.of(Kind.GEBOORTEDATUM, start, end, date.toString()));
            } else {
                scan.claim(start, end);
            }
            previousEnd[0] = end;
        });
    }

    /** Where the child words of the text begin, in one pass (only for texts that hold a date). */
    private static int[] childWordsIn(String text) {
        return Words.find(text, CHILD_WORDS, 14).stream().mapToInt(span -> span[0]).toArray();
    }

    private boolean isBirthDate(Scan scan, int start, int end, int previousEnd, LocalDate date, int[] childWords) {
        int sentenceStart = scan.sentences.startOf(start);
        String before = scan.text.substring(Math.max(Math.max(sentenceStart, previousEnd), start - LOOK_BEFORE), start);
        if (date.getYear() > thisYear()) {
            return false;
        }
        if (BIRTH_WORD_BEFORE.matcher(before).find()) {
            return true;
        }
        if (TIME_PREPOSITION.matcher(before).find()) {
            return false;
        }
        String after = scan.text.substring(end, Math.min(scan.sentences.endOf(start), end + LOOK_AFTER));
        if (BIRTH_WORD_AFTER.matcher(after).find()) {
            return true;
        }
        if (ON_A_DAY.matcher(before).find()) {
            return false; // "op 3 maart" without "geboren" is an appointment
        }
        boolean childYear = date.getYear() >= thisYear() - OLDEST_CHILD_YEARS && date.getYear() < thisYear();
        // a sentence longer than this is no sentence (a table, a list without stops): read around the date
        int from = Math.max(sentenceStart, start - SENTENCE_REACH);
        int to = Math.min(scan.sentences.endOf(start), end + SENTENCE_REACH);
        int next = Arrays.binarySearch(childWords, from);
        int firstAtOrAfter = next >= 0 ? next : -next - 1;
        return childYear && firstAtOrAfter < childWords.length && childWords[firstAtOrAfter] < to;
    }

    /** The date a match names; null for an impossible one (31-02-2012), which is no date at all. */
    private LocalDate dateOf(Matcher matcher) {
        try {
            if (matcher.group("wday") != null) {
                return LocalDate.of(Integer.parseInt(matcher.group("wyear")), month(matcher.group("wmonth")),
                        Integer.parseInt(matcher.group("wday")));
            }
            if (matcher.group("nday") != null) {
                int year = Integer.parseInt(matcher.group("nyear"));
                if (matcher.group("nyear").length() == 2) {
                    year += year <= thisYear() % 100 ? 2000 : 1900;
                }
                return LocalDate.of(year, Integer.parseInt(matcher.group("nmonth")), Integer.parseInt(matcher.group("nday")));
            }
            return LocalDate.of(Integer.parseInt(matcher.group("iyear")), Integer.parseInt(matcher.group("imonth")),
                    Integer.parseInt(matcher.group("iday")));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int month(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        String[] prefixes = {"jan", "feb", "maa", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"};
        for (int i = 0; i < prefixes.length; i++) {
            if (lower.startsWith(prefixes[i])) {
                return i + 1;
            }
        }
        return 3; // "mrt"
    }

    private int thisYear() {
        return LocalDate.now(clock).getYear();
    }
}
