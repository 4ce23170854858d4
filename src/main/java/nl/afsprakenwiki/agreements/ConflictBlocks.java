package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.agreements.MergeResult.Choice;
import nl.afsprakenwiki.markdown.MarkdownRenderer;

import java.util.ArrayList;
import java.util.List;

/**
 * The conflicting blocks of a merge as a form shows them (agreements/conflictblocks.jte): the merged
 * text in order, each conflicting block side by side (the writer's, the other text and their common
 * base, as sanitised HTML) with a choice and an own text, and what was chosen and typed so far.
 *
 * @param mineHeading   heading above the writer's version of a block
 * @param theirsHeading heading above the other version
 * @param baseHeading   heading above the common base
 * @param theirsName    who or what the other version is from, for the choices ("de tekst van {0}")
 * @param textsPrefix   where the texts of the choices are ({@code <prefix>choice.<choice>}, {@code <prefix>ownHint}):
 *                      {@link #WRITER} when "mine" is the writer's own text
 */
public record ConflictBlocks(List<Piece> pieces, int count, BlockChoices chosen, String mineHeading,
                             String theirsHeading, String baseHeading, String theirsName, String textsPrefix) {

    /** The texts for a writer whose own text is "mine". */
    public static final String WRITER = "conflictPage.";

    /** Merged text (its HTML, {@code block} null) or a conflicting block. */
    public record Piece(String mergedHtml, Block block) {
    }

    /** One conflicting block: each version as markdown and as sanitised HTML (null for no text). */
    public record Block(MergeResult.BlockConflict conflict, String baseHtml, String mineHtml, String theirsHtml) {
        public int index() {
            return conflict.index();
        }

        public int number() {
            return conflict.index() + 1;
        }
    }

    public static ConflictBlocks of(MergeResult merge, MarkdownRenderer markdown, BlockChoices chosen, String mineHeading,
                                    String theirsHeading, String baseHeading, String theirsName, String textsPrefix) {
        List<Piece> pieces = new ArrayList<>();
        for (MergeResult.Part part : merge.parts()) {
            if (part instanceof MergeResult.ConflictAt at) {
                var block = merge.conflicts().get(at.index());
                pieces.add(new Piece(null, new Block(block, html(markdown, block.base()), html(markdown, block.mine()),
                        html(markdown, block.theirs()))));
            } else if (part instanceof MergeResult.Merged merged && !merged.text().isBlank()) {
                pieces.add(new Piece(markdown.render(merged.text()), null));
            }
        }
        return new ConflictBlocks(pieces, merge.conflicts().size(), chosen, mineHeading, theirsHeading, baseHeading,
                theirsName, textsPrefix);
    }

    private static String html(MarkdownRenderer markdown, String block) {
        return block.isEmpty() ? null : markdown.render(block);
    }

    public List<Choice> choiceOptions() {
        return List.of(Choice.values());
    }

    public boolean chosen(Block block, Choice choice) {
        return choice.formValue().equals(chosen.choices().get(block.index()));
    }

    /** What the "edit" text box holds: what the writer typed there, else their own version of the block. */
    public String text(Block block) {
        return chosen.texts().getOrDefault(block.index(), block.conflict().mine());
    }

    public String error(Block block) {
        return chosen.errors().get(BlockChoices.CHOICE + block.index());
    }
}
