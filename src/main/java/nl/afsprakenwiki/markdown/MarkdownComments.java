package nl.afsprakenwiki.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * HTML comments in markdown ({@code <!-- ... -->}): a template's hints. A hint is a comment under a
 * heading; it guides the writer and is removed when an agreement is created from the text, so it is
 * never stored as text. Comments are found by parsing, so {@code <!--} inside a code block is text and
 * stays.
 */
public final class MarkdownComments {

    private static final Parser PARSER = Parser.builder(new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create()))).build();

    /** A hint and the heading it stands under ("" when it comes before any heading). */
    public record Hint(String heading, String text) {
    }

    private record Range(int start, int end, boolean block) {
    }

    private MarkdownComments() {
    }

    /** The text without its comments; a comment on a line of its own goes with its line. */
    public static String strip(String markdown) {
        if (markdown == null || !markdown.contains("<!--")) {
            return markdown == null ? "" : markdown;
        }
        List<Range> ranges = new ArrayList<>();
        for (Node node : PARSER.parse(markdown).getDescendants()) {
            if (node instanceof HtmlCommentBlock || node instanceof HtmlInlineComment) {
                ranges.add(lineRange(markdown, node.getStartOffset(), node.getEndOffset(), node instanceof HtmlCommentBlock));
            }
        }
        ranges.sort(Comparator.comparingInt(Range::start));
        StringBuilder out = new StringBuilder(markdown.length());
        int position = 0;
        for (Range range : ranges) {
            if (range.start() < position) {
                continue;
            }
            out.append(markdown, position, range.start());
            position = range.end();
            int length = out.length();
            boolean blankBefore = length == 0 || (length > 1 && out.charAt(length - 1) == '\n' && out.charAt(length - 2) == '\n');
            if (range.block() && blankBefore) {
                position = skipBlankLine(markdown, position);
            }
        }
        out.append(markdown, position, markdown.length());
        return out.toString();
    }

    /** The hints of a template, in order, each with the heading above it. */
    public static List<Hint> hints(String markdown) {
        List<Hint> hints = new ArrayList<>();
        if (markdown == null || !markdown.contains("<!--")) {
            return hints;
        }
        String heading = "";
        for (Node node : PARSER.parse(markdown).getDescendants()) {
            if (node instanceof Heading found) {
                heading = found.getText().toString().strip();
            } else if (node instanceof HtmlCommentBlock) {
                String text = node.getChars().toString().strip();
                text = text.substring(4, text.lastIndexOf("-->") < 4 ? text.length() : text.lastIndexOf("-->"));
                text = text.replaceAll("\\s+", " ").strip();
                if (!text.isEmpty()) {
                    hints.add(new Hint(heading, text));
                }
            }
        }
        return hints;
    }

    /** A block comment alone on its lines takes those lines (and their line break) with it. */
    private static Range lineRange(String text, int start, int end, boolean block) {
        if (!block) {
            return new Range(start, end, false);
        }
        int lineStart = start;
        while (lineStart > 0 && (text.charAt(lineStart - 1) == ' ' || text.charAt(lineStart - 1) == '\t')) {
            lineStart--;
        }
        boolean alone = lineStart == 0 || text.charAt(lineStart - 1) == '\n';
        int lineEnd = end;
        if (end == start || text.charAt(end - 1) != '\n') {
            while (lineEnd < text.length() && (text.charAt(lineEnd) == ' ' || text.charAt(lineEnd) == '\t'
                    || text.charAt(lineEnd) == '\r')) {
                lineEnd++;
            }
            if (lineEnd < text.length() && text.charAt(lineEnd) == '\n') {
                lineEnd++;
            } else if (lineEnd < text.length()) {
                return new Range(start, end, false);
            }
        }
        return alone ? new Range(lineStart, lineEnd, true) : new Range(start, end, false);
    }

    private static int skipBlankLine(String text, int position) {
        int end = position;
        while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t' || text.charAt(end) == '\r')) {
            end++;
        }
        return end < text.length() && text.charAt(end) == '\n' ? end + 1 : position;
    }
}
