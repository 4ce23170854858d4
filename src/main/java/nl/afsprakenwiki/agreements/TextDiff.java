package nl.afsprakenwiki.agreements;

import com.fasterxml.jackson.annotation.JsonValue;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import nl.afsprakenwiki.text.Memo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level comparison of two texts. Lines are aligned first (so an edit in one paragraph does not
 * smear across the document), then each changed group of lines is compared word by word. The same
 * result feeds the inline view, the side-by-side view and the API.
 */
public final class TextDiff {

    /** Words (letters with inner apostrophes and hyphens: "GI's", "jeugd-ggz"), numbers, whitespace, single other characters. */
    private static final Pattern TOKEN = Pattern.compile(
            "[\\p{L}\\p{M}\\p{N}]+(?:['’\\-][\\p{L}\\p{M}\\p{N}]+)*|[^\\S\\n]+|\\n|.", Pattern.DOTALL);

    private TextDiff() {
    }

    public enum Op {
        EQUAL, DELETE, INSERT;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A run of text that is unchanged, removed or added. */
    public record Segment(Op op, String text) {
    }

    /** One row of the side-by-side view; either side may be empty (an added or removed line). */
    public record Row(List<Segment> left, List<Segment> right, boolean changed) {
    }

    /** The whole comparison. */
    public record Comparison(List<Segment> segments, List<Row> rows, int wordsAdded, int wordsRemoved) {
        public boolean identical() {
            return wordsAdded == 0 && wordsRemoved == 0 && segments.stream().allMatch(s -> s.op() == Op.EQUAL);
        }
    }

    /**
     * The comparison of two texts. Comparisons of texts up to {@link #KEPT_CHARS} are kept by their
     * two texts (the last {@link #KEPT}): a member's agreement page compares the endorsed revision
     * with the draft on every view, and a comparison depends on nothing but the texts.
     */
    public static Comparison compare(String oldText, String newText) {
        if (oldText.length() + newText.length() > KEPT_CHARS) {
            return computed(oldText, newText);
        }
        return KEPT_COMPARISONS.of(new Texts(oldText, newText));
    }

    private static final int KEPT = 500;
    private static final int KEPT_CHARS = 100_000;

    private record Texts(String oldText, String newText) {
    }

    private static final Memo<Texts, Comparison> KEPT_COMPARISONS =
            new Memo<>(KEPT, texts -> computed(texts.oldText(), texts.newText()));

    private static Comparison computed(String oldText, String newText) {
        List<String> oldLines = Arrays.asList(oldText.split("\n", -1));
        List<String> newLines = Arrays.asList(newText.split("\n", -1));
        Builder builder = new Builder();
        int oldIndex = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(oldLines, newLines).getDeltas()) {
            Chunk<String> source = delta.getSource();
            Chunk<String> target = delta.getTarget();
            while (oldIndex < source.getPosition()) {
                builder.equalLine(oldLines.get(oldIndex++));
            }
            builder.changedLines(source.getLines(), target.getLines());
            oldIndex = source.getPosition() + source.size();
        }
        while (oldIndex < oldLines.size()) {
            builder.equalLine(oldLines.get(oldIndex++));
        }
        return builder.build();
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static boolean isWord(String token) {
        return !token.isBlank() && Character.isLetterOrDigit(token.codePointAt(0));
    }

    private static final class Builder {
        private final List<Segment> segments = new ArrayList<>();
        private final List<Row> rows = new ArrayList<>();
        private int added;
        private int removed;
        private boolean oldSeen;
        private boolean newSeen;

        void equalLine(String line) {
            separator(true, true);
            append(segments, Op.EQUAL, line);
            rows.add(new Row(List.of(new Segment(Op.EQUAL, line)), List.of(new Segment(Op.EQUAL, line)), false));
        }

        void changedLines(List<String> oldLines, List<String> newLines) {
            List<String> oldTokens = tokens(String.join("\n", oldLines));
            List<String> newTokens = tokens(String.join("\n", newLines));
            List<Segment> left = new ArrayList<>();
            List<Segment> right = new ArrayList<>();
            List<Segment> inline = new ArrayList<>();
            int oldIndex = 0;
            for (AbstractDelta<String> delta : DiffUtils.diff(oldTokens, newTokens).getDeltas()) {
                while (oldIndex < delta.getSource().getPosition()) {
                    String token = oldTokens.get(oldIndex++);
                    append(left, Op.EQUAL, token);
                    append(right, Op.EQUAL, token);
                    append(inline, Op.EQUAL, token);
                }
                for (String token : delta.getSource().getLines()) {
                    append(left, Op.DELETE, token);
                    append(inline, Op.DELETE, token);
                    removed += isWord(token) ? 1 : 0;
                }
                for (String token : delta.getTarget().getLines()) {
                    append(right, Op.INSERT, token);
                    append(inline, Op.INSERT, token);
                    added += isWord(token) ? 1 : 0;
                }
                oldIndex = delta.getSource().getPosition() + delta.getSource().size();
            }
            while (oldIndex < oldTokens.size()) {
                String token = oldTokens.get(oldIndex++);
                append(left, Op.EQUAL, token);
                append(right, Op.EQUAL, token);
                append(inline, Op.EQUAL, token);
            }
            separator(!oldLines.isEmpty(), !newLines.isEmpty());
            for (Segment segment : inline) {
                append(segments, segment.op(), segment.text());
            }
            List<List<Segment>> leftRows = splitLines(left, oldLines.size());
            List<List<Segment>> rightRows = splitLines(right, newLines.size());
            for (int i = 0; i < Math.max(leftRows.size(), rightRows.size()); i++) {
                rows.add(new Row(i < leftRows.size() ? leftRows.get(i) : List.of(),
                        i < rightRows.size() ? rightRows.get(i) : List.of(), true));
            }
        }

        /**
         * The line break before the next line belongs to the old text if an old line came before and
         * the next item has old lines, and likewise for the new text; so joining EQUAL and DELETE
         * segments gives back exactly the old text, EQUAL and INSERT the new.
         */
        private void separator(boolean hasOld, boolean hasNew) {
            boolean inOld = hasOld && oldSeen;
            boolean inNew = hasNew && newSeen;
            if (inOld && inNew) {
                append(segments, Op.EQUAL, "\n");
            } else if (inOld) {
                append(segments, Op.DELETE, "\n");
            } else if (inNew) {
                append(segments, Op.INSERT, "\n");
            }
            oldSeen |= hasOld;
            newSeen |= hasNew;
        }

        /** Splits segments at newlines into one list per line; {@code lineCount} 0 means the side is absent. */
        private static List<List<Segment>> splitLines(List<Segment> segments, int lineCount) {
            List<List<Segment>> lines = new ArrayList<>();
            if (lineCount == 0) {
                return lines;
            }
            List<Segment> current = new ArrayList<>();
            for (Segment segment : segments) {
                String[] parts = segment.text().split("\n", -1);
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        lines.add(current);
                        current = new ArrayList<>();
                    }
                    if (!parts[i].isEmpty()) {
                        append(current, segment.op(), parts[i]);
                    }
                }
            }
            lines.add(current);
            return lines;
        }

        private static void append(List<Segment> list, Op op, String text) {
            if (text.isEmpty()) {
                return;
            }
            if (!list.isEmpty() && list.get(list.size() - 1).op() == op) {
                Segment last = list.remove(list.size() - 1);
                list.add(new Segment(op, last.text() + text));
            } else {
                list.add(new Segment(op, text));
            }
        }

        Comparison build() {
            return new Comparison(List.copyOf(segments), List.copyOf(rows), added, removed);
        }
    }
}
