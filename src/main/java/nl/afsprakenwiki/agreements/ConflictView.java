package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.agreements.AgreementViews.FormValues;

import java.util.Map;

/**
 * The page on which a writer resolves an edit conflict block by block (agreements/conflict.jte).
 *
 * @param values the writer's form: details and summary as sent; title is what the title field shows
 * @param blocks the merged text and the conflicting blocks with what was chosen so far
 * @param errors per field name ({@code title}, {@code keuze-0}, …), the message to show next to it
 */
public record ConflictView(Agreement agreement, FormValues values, SaveOutcome.Conflict conflict, ConflictBlocks blocks,
                           Map<String, String> errors) {

    public String error(String field) {
        return errors.get(field);
    }
}
