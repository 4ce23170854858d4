package nl.afsprakenwiki.privacy;

import java.util.Arrays;

/**
 * Where the sentences of a text begin, found in one pass: a sentence ends at a line break, at ! or ?,
 * or at a full stop followed by white space and a capital letter ("geb. 3-3-2012" and "moeder F. de
 * Vries" stay one sentence; "dhr. Jansen" splits, which costs nothing here).
 */
final class Sentences {

    private final int[] starts;
    private final int length;

    Sentences(String text) {
        length = text.length();
        int[] found = new int[16];
        int count = 0;
        found[count++] = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean end = c == '\n' || ((c == '!' || c == '?') && followedBySpace(text, i))
                    || (c == '.' && followedBySpaceAndCapital(text, i));
            if (end) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = i + 1;
            }
        }
        starts = Arrays.copyOf(found, count);
    }

    private static boolean followedBySpace(String text, int i) {
        return i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1));
    }

    private static boolean followedBySpaceAndCapital(String text, int i) {
        int next = i + 1;
        if (next >= text.length()) {
            return true;
        }
        if (!Character.isWhitespace(text.charAt(next))) {
            return false;
        }
        while (next < text.length() && text.charAt(next) == ' ') {
            next++;
        }
        return next >= text.length() || Character.isUpperCase(text.charAt(next)) || text.charAt(next) == '\n';
    }

    /** The offset where the sentence holding {@code offset} begins. */
    int startOf(int offset) {
        int index = Arrays.binarySearch(starts, offset);
        return index >= 0 ? starts[index] : starts[-index - 2];
    }

    /** The offset just after the sentence holding {@code offset}. */
    int endOf(int offset) {
        int index = Arrays.binarySearch(starts, offset);
        int next = index >= 0 ? index + 1 : -index - 1;
        return next < starts.length ? starts[next] : length;
    }
}
