package nl.afsprakenwiki.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One scan of one text: the text, what is known of the parties, where its sentences end, and the
 * findings so far. Rules add to it; spans that are known not to be personal data (a date that no rule
 * flagged is still a date, not a phone number) are kept as {@link #claimed} so later rules skip them.
 */
final class Scan {

    final String text;
    final Parties parties;
    final Sentences sentences;
    final List<Finding> findings = new ArrayList<>();
    /** Claimed spans, start to end; disjoint, so the one starting last before an end is the only one to check. */
    private final TreeMap<Integer, Integer> claimed = new TreeMap<>();

    private Windows digits;
    private int[] digitRuns;

    Scan(String text, Parties parties) {
        this.text = text;
        this.parties = parties;
        this.sentences = new Sentences(text);
    }

    /** The windows around the digits of the text, shared by every rule whose matches hold a digit. */
    Windows digits() {
        if (digits == null) {
            digits = Windows.around(text, Windows::isDigit, 16, 24);
        }
        return digits;
    }

    /** Where each run of digits begins: every BSN, date and postcode begins at one, so their patterns are tried only there. */
    int[] digitRuns() {
        if (digitRuns == null) {
            int[] found = new int[16];
            int count = 0;
            for (int i = 0; i < text.length(); i++) {
                if (Windows.isDigit(text.charAt(i)) && (i == 0 || !Windows.isDigit(text.charAt(i - 1)))) {
                    if (count == found.length) {
                        found = java.util.Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = i;
                }
            }
            digitRuns = java.util.Arrays.copyOf(found, count);
        }
        return digitRuns;
    }

    /**
     * Tries {@code matcher} anchored at each run of digits that does not lie inside its previous match;
     * {@code action} runs after each match. A match is at most {@code longest} characters long.
     */
    void atDigitRuns(java.util.regex.Matcher matcher, int longest, Runnable action) {
        matcher.useTransparentBounds(true).useAnchoringBounds(false);
        int matchedUpTo = 0;
        for (int start : digitRuns()) {
            if (start >= matchedUpTo && matcher.region(start, Math.min(text.length(), start + longest)).lookingAt()) {
                matchedUpTo = matcher.end();
                action.run();
            }
        }
    }

    void add(Finding finding) {
        findings.add(finding);
        claim(finding.start(), finding.end());
    }

    /** Marks [start, end) as read: no later rule reports anything that overlaps it. */
    void claim(int start, int end) {
        if (!isClaimed(start, end)) {
            claimed.put(start, end);
        }
    }

    boolean isClaimed(int start, int end) {
        Map.Entry<Integer, Integer> last = claimed.lowerEntry(end);
        return last != null && last.getValue() > start;
    }
}
