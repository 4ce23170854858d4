package nl.afsprakenwiki.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.ast.TextContainer;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of an agreement as search reads it: its blocks one per line, a heading joined to the
 * block after it with a dash ("Waardelek — In de koppelzone …") so that a quoted passage never runs
 * a heading into its first sentence, and the headings apart (they weigh more than running text).
 *
 * @param body     the readable text, blocks separated by '\n'
 * @param headings the headings, one per line
 */
public record SearchText(String body, String headings) {

    private static final String JOIN = " \u2014 ";

    static SearchText of(Node document) {
        List<Node> blocks = new ArrayList<>();
        collect(document, blocks);
        StringBuilder body = new StringBuilder();
        StringBuilder headings = new StringBuilder();
        TextCollectingVisitor text = new TextCollectingVisitor();
        boolean afterHeading = false;
        for (Node block : blocks) {
            String line = oneLine(block instanceof TableRow ? row(block, text)
                    : text.collectAndGetText(block, TextContainer.F_ADD_SPACES_BETWEEN_NODES));
            if (line.isEmpty()) {
                continue;
            }
            if (body.length() > 0) {
                body.append(afterHeading ? JOIN : "\n");
            }
            body.append(line);
            afterHeading = block instanceof Heading && !endsSentence(line);
            if (block instanceof Heading) {
                headings.append(line).append('\n');
            }
        }
        return new SearchText(body.toString(), headings.toString().strip());
    }

    /** The plain text of unparsable markdown: the source as it is. */
    static SearchText verbatim(String markdown) {
        return new SearchText(markdown, "");
    }

    /** Leaf blocks in reading order; list items and quotes contribute their paragraphs. */
    private static void collect(Node node, List<Node> blocks) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Heading || child instanceof Paragraph || child instanceof TableRow
                    || child instanceof FencedCodeBlock || child instanceof IndentedCodeBlock) {
                blocks.add(child);
            } else {
                collect(child, blocks);
            }
        }
    }

    private static String row(Node row, TextCollectingVisitor text) {
        List<String> cells = new ArrayList<>();
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
            if (cell instanceof TableCell) {
                cells.add(oneLine(text.collectAndGetText(cell, TextContainer.F_ADD_SPACES_BETWEEN_NODES)));
            }
        }
        return String.join(" · ", cells);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static boolean endsSentence(String line) {
        char last = line.charAt(line.length() - 1);
        return last == '.' || last == '?' || last == '!' || last == ':';
    }
}
