package nl.afsprakenwiki.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Finds whole words from a set in one pass over the letters of a text, without a regular expression. */
final class Words {

    private Words() {
    }

    /** The spans [start, end) of the words of {@code text} that are in {@code wanted} (lower case). */
    static List<int[]> find(String text, Set<String> wanted, int longest) {
        List<int[]> found = new ArrayList<>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (i - start <= longest && wanted.contains(text.substring(start, i).toLowerCase(Locale.ROOT))) {
                found.add(new int[] {start, i});
            }
        }
        return found;
    }

    /** The spans of the words in [from, to) that begin with a capital letter. */
    static List<int[]> capitalised(String text, int from, int to) {
        List<int[]> found = new ArrayList<>();
        int i = from;
        while (i < to) {
            boolean wordStart = Character.isLetter(text.charAt(i)) && (i == 0 || !Character.isLetter(text.charAt(i - 1)));
            if (!wordStart) {
                i++;
                continue;
            }
            int start = i;
            while (i < to && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (Character.isUpperCase(text.charAt(start))) {
                found.add(new int[] {start, i});
            }
        }
        return found;
    }
}
