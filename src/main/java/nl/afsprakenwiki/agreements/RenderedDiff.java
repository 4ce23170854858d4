package nl.afsprakenwiki.agreements;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import nl.afsprakenwiki.agreements.TextDiff.Op;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.markdown.SourceBlocks;

import java.util.ArrayList;
import java.util.List;

/**
 * Two revisions compared as a reader sees them: the text cut into blocks (heading, paragraph, table,
 * list item), the blocks compared, and each block rendered on its own through {@link MarkdownRenderer},
 * so every piece of HTML is the sanitiser's output and no user text is pasted into markup here. A
 * changed block shows as the old block removed and the new one inserted; the raw markdown diff
 * ({@link TextDiff}) marks the words.
 */
public final class RenderedDiff {

    /** One rendered block: unchanged, removed or added; {@code html} is sanitised. */
    public record Block(Op op, String html) {
        public boolean inserted() {
            return op == Op.INSERT;
        }

        public boolean deleted() {
            return op == Op.DELETE;
        }
    }

    private RenderedDiff() {
    }

    public static List<Block> compare(String oldBody, String newBody, MarkdownRenderer markdown) {
        SourceBlocks.Blocks before = SourceBlocks.of(RevisionContent.normaliseLineEndings(oldBody));
        SourceBlocks.Blocks after = SourceBlocks.of(RevisionContent.normaliseLineEndings(newBody));
        List<Block> blocks = new ArrayList<>();
        int oldIndex = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(before.blocks(), after.blocks()).getDeltas()) {
            while (oldIndex < delta.getSource().getPosition()) {
                blocks.add(new Block(Op.EQUAL, markdown.render(before.renderable(oldIndex++))));
            }
            for (int i = 0; i < delta.getSource().size(); i++) {
                blocks.add(new Block(Op.DELETE, markdown.render(before.renderable(delta.getSource().getPosition() + i))));
            }
            for (int i = 0; i < delta.getTarget().size(); i++) {
                blocks.add(new Block(Op.INSERT, markdown.render(after.renderable(delta.getTarget().getPosition() + i))));
            }
            oldIndex = delta.getSource().getPosition() + delta.getSource().size();
        }
        while (oldIndex < before.blocks().size()) {
            blocks.add(new Block(Op.EQUAL, markdown.render(before.renderable(oldIndex++))));
        }
        return blocks;
    }
}
