package nl.afsprakenwiki.markdown;

import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;

import java.util.ArrayList;
import java.util.List;

/**
 * A markdown text cut into the blocks a reader sees (a heading, a paragraph, a table, one item of a
 * list), each as its own markdown source, so that two versions can be compared block by block and
 * each block rendered through {@link MarkdownRenderer}. Link reference definitions are kept apart:
 * they show nothing themselves but every block may use them.
 */
public final class SourceBlocks {

    private static final Parser PARSER = Parser.builder(new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create()))).build();

    /** The blocks, and the reference definitions (markdown, possibly empty) to render each with. */
    public record Blocks(List<String> blocks, String references) {
        /** The markdown to render block {@code index} from: the block with the references after it. */
        public String renderable(int index) {
            return references.isEmpty() ? blocks.get(index) : blocks.get(index) + "\n\n" + references;
        }
    }

    private SourceBlocks() {
    }

    public static Blocks of(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder references = new StringBuilder();
        String text = markdown == null ? "" : markdown;
        for (Node node : PARSER.parse(text).getChildren()) {
            if (node instanceof Reference) {
                references.append(source(text, node)).append('\n');
            } else if (node instanceof ListBlock) {
                for (Node item : node.getChildren()) {
                    add(blocks, source(text, item));
                }
            } else {
                add(blocks, source(text, node));
            }
        }
        return new Blocks(List.copyOf(blocks), references.toString().strip());
    }

    /** A node's source from the start of its first line, so that indentation stays as written. */
    private static String source(String text, Node node) {
        int start = node.getStartOffset();
        while (start > 0 && text.charAt(start - 1) != '\n') {
            start--;
        }
        return text.substring(start, node.getEndOffset());
    }

    private static void add(List<String> blocks, String block) {
        String trimmed = block.stripTrailing();
        if (!trimmed.isBlank()) {
            blocks.add(trimmed);
        }
    }
}
