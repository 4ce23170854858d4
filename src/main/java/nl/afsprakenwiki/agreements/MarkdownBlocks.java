package nl.afsprakenwiki.agreements;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A markdown text as the blocks a three-way merge works on: a paragraph, a list item, a table row
 * or a heading. It keeps the text's leading blank lines and, for each block, the blank lines after
 * it (possibly none), so that the text can be put back together exactly.
 */
final class MarkdownBlocks {

    private static final Pattern LIST_ITEM = Pattern.compile("\\s*([-*+]|\\d{1,9}[.)])(\\s.*)?");
    private static final Pattern HEADING = Pattern.compile(" {0,3}#{1,6}(\\s.*)?");
    private static final Pattern TABLE_ROW = Pattern.compile("\\s*\\|.*");

    final List<String> leading = new ArrayList<>();
    final List<List<String>> blocks = new ArrayList<>();
    final List<List<String>> separators = new ArrayList<>();
    final List<String> keys = new ArrayList<>();

    static MarkdownBlocks parse(String text) {
        MarkdownBlocks doc = new MarkdownBlocks();
        List<String> lines = Arrays.asList(text.split("\n", -1));
        int i = 0;
        while (i < lines.size() && lines.get(i).isBlank()) {
            doc.leading.add(lines.get(i++));
        }
        while (i < lines.size()) {
            int start = i++;
            while (i < lines.size() && !lines.get(i).isBlank() && !startsBlock(lines.get(i), lines.get(i - 1))) {
                i++;
            }
            int separatorStart = i;
            while (i < lines.size() && lines.get(i).isBlank()) {
                i++;
            }
            List<String> block = lines.subList(start, separatorStart);
            doc.blocks.add(block);
            doc.keys.add(String.join("\n", block));
            doc.separators.add(lines.subList(separatorStart, i));
        }
        return doc;
    }

    /** A list item, table row or heading starts a block of its own, and so does the line after a heading. */
    private static boolean startsBlock(String line, String previous) {
        return LIST_ITEM.matcher(line).matches() || HEADING.matcher(line).matches()
                || TABLE_ROW.matcher(line).matches() || HEADING.matcher(previous).matches();
    }

    boolean sameBlocks(BlockRange range, MarkdownBlocks other, BlockRange otherRange) {
        return keys.subList(range.start(), range.end()).equals(other.keys.subList(otherRange.start(), otherRange.end()));
    }

    /** The lines of blocks [start, end) with the separators between them (not after the last). */
    List<String> lines(BlockRange range) {
        List<String> lines = new ArrayList<>();
        for (int block = range.start(); block < range.end(); block++) {
            lines.addAll(blocks.get(block));
            if (block + 1 < range.end()) {
                lines.addAll(separators.get(block));
            }
        }
        return lines;
    }

    /** The markdown of blocks [start, end): {@link #lines} joined; "" for none. */
    String text(BlockRange range) {
        return String.join("\n", lines(range));
    }

    /** Blank lines at the end of the text. */
    List<String> trailing() {
        return blocks.isEmpty() ? List.of() : separators.get(separators.size() - 1);
    }
}
