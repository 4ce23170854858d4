package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.agreements.AgreementViews.FormValues;
import nl.afsprakenwiki.agreements.MergeResult.Choice;

import java.util.List;
import java.util.Map;

/**
 * The page on which a writer resolves an edit conflict block by block (agreements/conflict.jte).
 *
 * @param values  the writer's form: details and summary as sent; title is what the title field shows
 * @param pieces  the merged text in order: parts that merged cleanly and the conflicting blocks
 * @param choices per conflict index, the choice made so far (form value), if any
 * @param texts   per conflict index, the writer's own text for {@link Choice#EDIT}
 * @param errors  per field name ({@code title}, {@code keuze-0}, …), the message to show next to it
 */
public record ConflictView(Agreement agreement, FormValues values, SaveOutcome.Conflict conflict, List<Piece> pieces,
                           Map<Integer, String> choices, Map<Integer, String> texts, Map<String, String> errors) {

    /** Merged text (its HTML, {@code block} null) or a conflicting block. */
    public record Piece(String mergedHtml, Block block) {
    }

    /** One conflicting block: each version as markdown and as sanitised HTML. */
    public record Block(MergeResult.BlockConflict conflict, String baseHtml, String mineHtml, String theirsHtml) {
        public int number() {
            return conflict.index() + 1;
        }
    }

    public List<Choice> choiceOptions() {
        return List.of(Choice.values());
    }

    public boolean chosen(Block block, Choice choice) {
        return choice.formValue().equals(choices.get(block.conflict().index()));
    }

    /** What the "edit" text box holds: what the writer typed there, else their own version of the block. */
    public String text(Block block) {
        return texts.getOrDefault(block.conflict().index(), block.conflict().mine());
    }

    public String error(String field) {
        return errors.get(field);
    }

    public int blockCount() {
        return conflict.body().conflicts().size();
    }
}
