package nl.afsprakenwiki.agreements;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import nl.afsprakenwiki.agreements.TextDiff.Op;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.markdown.SourceBlocks;
import nl.afsprakenwiki.text.Memo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Two revisions compared as a reader sees them: the text cut into blocks (heading, paragraph, table,
 * list item), the blocks compared, and each block rendered on its own through {@link MarkdownRenderer},
 * so every piece of HTML is the sanitiser's output and no user text is pasted into markup here. A
 * changed block shows as the old block removed and the new one inserted, except a paragraph of plain
 * words changed into another: markdown would render it as the words themselves, so it is shown once
 * with the changed words marked ({@link TextDiff} segments, escaped by the template).
 */
public final class RenderedDiff {

    /** Lines of words and plain punctuation, each starting with a letter (see {@link #plain}). */
    private static final Pattern PLAIN = Pattern.compile(
            "\\p{L}[\\p{L}\\p{M}\\p{N} \\t.,;:!?'’‘“”()/%€+=-]*(\\n\\p{L}[\\p{L}\\p{M}\\p{N} \\t.,;:!?'’‘“”()/%€+=-]*)*");

    /**
     * One rendered block: unchanged, removed or added, {@code html} sanitised; or (op EQUAL with
     * {@code words}) a plain paragraph changed in place, to show word by word.
     */
    public record Block(Op op, String html, List<TextDiff.Segment> words) {
        Block(Op op, String html) {
            this(op, html, null);
        }

        public boolean changed() {
            return words != null;
        }

        public boolean inserted() {
            return op == Op.INSERT;
        }

        public boolean deleted() {
            return op == Op.DELETE;
        }
    }

    private RenderedDiff() {
    }

    /**
     * The comparison of two revisions' texts. Comparisons of texts up to {@link #KEPT_CHARS} are kept
     * by their two texts and the renderer (the last {@link #KEPT}): each block is rendered on its own,
     * so a comparison costs several renderings of its text, and it depends on nothing else.
     */
    public static List<Block> compare(String oldBody, String newBody, MarkdownRenderer markdown) {
        if (oldBody.length() + newBody.length() > KEPT_CHARS) {
            return computed(oldBody, newBody, markdown);
        }
        return KEPT_COMPARISONS.of(new Texts(oldBody, newBody, markdown));
    }

    private static final int KEPT = 200;
    private static final int KEPT_CHARS = 100_000;

    private record Texts(String oldBody, String newBody, MarkdownRenderer markdown) {
    }

    private static final Memo<Texts, List<Block>> KEPT_COMPARISONS =
            new Memo<>(KEPT, texts -> computed(texts.oldBody(), texts.newBody(), texts.markdown()));

    /**
     * A block's HTML, kept by its text: blocks recur from text to text (headings, standard sentences:
     * more than half of the blocks of the national data set's endorsed texts are in another one too),
     * and rendering one costs about as much as the few blocks around it. Up to about 8 MB of them.
     */
    private record BlockText(String text, MarkdownRenderer markdown) {
    }

    private static final Memo<BlockText, String> KEPT_BLOCKS =
            Memo.weighed(50_000, html -> 4L * html.length() + 96, 8L << 20);

    static String block(MarkdownRenderer markdown, String text) {
        return KEPT_BLOCKS.of(new BlockText(text, markdown), () -> markdown.render(text));
    }

    private static List<Block> computed(String oldBody, String newBody, MarkdownRenderer markdown) {
        SourceBlocks.Blocks before = SourceBlocks.of(RevisionContent.normaliseLineEndings(oldBody));
        SourceBlocks.Blocks after = SourceBlocks.of(RevisionContent.normaliseLineEndings(newBody));
        List<Block> blocks = new ArrayList<>();
        int oldIndex = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(before.blocks(), after.blocks()).getDeltas()) {
            while (oldIndex < delta.getSource().getPosition()) {
                blocks.add(new Block(Op.EQUAL, block(markdown, before.renderable(oldIndex++))));
            }
            if (delta.getSource().size() == 1 && delta.getTarget().size() == 1
                    && plain(delta.getSource().getLines().get(0)) && plain(delta.getTarget().getLines().get(0))) {
                blocks.add(new Block(Op.EQUAL, "", TextDiff.compare(delta.getSource().getLines().get(0),
                        delta.getTarget().getLines().get(0)).segments()));
                oldIndex = delta.getSource().getPosition() + 1;
                continue;
            }
            for (int i = 0; i < delta.getSource().size(); i++) {
                blocks.add(new Block(Op.DELETE, block(markdown, before.renderable(delta.getSource().getPosition() + i))));
            }
            for (int i = 0; i < delta.getTarget().size(); i++) {
                blocks.add(new Block(Op.INSERT, block(markdown, after.renderable(delta.getTarget().getPosition() + i))));
            }
            oldIndex = delta.getSource().getPosition() + delta.getSource().size();
        }
        while (oldIndex < before.blocks().size()) {
            blocks.add(new Block(Op.EQUAL, block(markdown, before.renderable(oldIndex++))));
        }
        return List.copyOf(blocks);
    }

    /**
     * A paragraph that markdown renders as exactly its words: every line starts with a letter (no
     * heading, underline, list, quote or code), and it holds no character markdown gives a meaning
     * to, no web address (autolinks) and no hard line break.
     */
    static boolean plain(String block) {
        return PLAIN.matcher(block).matches() && !block.contains("://") && !block.toLowerCase(Locale.ROOT)
                .contains("www.") && !block.contains("  \n");
    }
}
