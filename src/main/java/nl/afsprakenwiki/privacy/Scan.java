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

    Scan(String text, Parties parties) {
        this.text = text;
        this.parties = parties;
        this.sentences = new Sentences(text);
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
