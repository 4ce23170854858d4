package nl.afsprakenwiki.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;

/**
 * The parts of a text worth a rule's regular expression: windows around the characters every match of
 * the rule must hold (a digit, an @), found in one pass and merged where they touch. Most of an
 * agreement is prose without digits; scanning only the windows keeps a 20 KB text well under a
 * millisecond. A matcher set to a window looks beyond it for its look-behinds (transparent bounds), so
 * a match starts where it would in the whole text.
 */
final class Windows {

    private final List<int[]> spans;

    private Windows(List<int[]> spans) {
        this.spans = spans;
    }

    /** Windows from {@code before} characters before to {@code after} characters after each anchor. */
    static Windows around(String text, IntPredicate anchor, int before, int after) {
        List<int[]> spans = new ArrayList<>();
        int[] open = null;
        for (int i = 0; i < text.length(); i++) {
            if (!anchor.test(text.charAt(i))) {
                continue;
            }
            int from = Math.max(0, i - before);
            int to = Math.min(text.length(), i + 1 + after);
            if (open != null && from <= open[1]) {
                open[1] = to;
            } else {
                open = new int[] {from, to};
                spans.add(open);
            }
        }
        return new Windows(spans);
    }

    /** Windows from {@code before} characters before each span to {@code after} characters after it. */
    static Windows around(List<int[]> anchors, int textLength, int before, int after) {
        List<int[]> spans = new ArrayList<>();
        int[] open = null;
        for (int[] anchor : anchors) {
            int from = Math.max(0, anchor[0] - before);
            int to = Math.min(textLength, anchor[1] + after);
            if (open != null && from <= open[1]) {
                open[1] = to;
            } else {
                open = new int[] {from, to};
                spans.add(open);
            }
        }
        return new Windows(spans);
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** Each window in turn, as its start and end. */
    void forEach(java.util.function.BiConsumer<Integer, Integer> action) {
        for (int[] span : spans) {
            action.accept(span[0], span[1]);
        }
    }

    /** Each window in turn, as the region of {@code matcher}; the action runs its finds in it. */
    void each(Matcher matcher, Runnable action) {
        matcher.useTransparentBounds(true).useAnchoringBounds(false);
        for (int[] span : spans) {
            matcher.region(span[0], span[1]);
            action.run();
        }
    }
}
