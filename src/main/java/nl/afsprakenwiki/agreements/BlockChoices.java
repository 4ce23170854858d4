package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.agreements.MergeResult.Choice;
import nl.afsprakenwiki.web.Texts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a form sent for the conflicts of a merge: per block a choice ({@code keuze-<index>}) and the
 * writer's own text ({@code tekst-<index>}), kept exactly as sent so that a page shown again loses
 * nothing, and the text they resolve the merge to once every block has a choice.
 *
 * @param choices per conflict index, the choice as sent
 * @param texts   per conflict index, the own text as sent
 * @param errors  per field ({@code keuze-<index>}), the message for a block without a choice
 * @param text    the merge resolved by these choices, or null while a block has none
 */
public record BlockChoices(Map<Integer, String> choices, Map<Integer, String> texts, Map<String, String> errors,
                           String text) {

    public static final String CHOICE = "keuze-";
    public static final String TEXT = "tekst-";

    /** Nothing chosen yet. */
    public static BlockChoices none() {
        return new BlockChoices(Map.of(), Map.of(), Map.of(), null);
    }

    /** @param form a form field's value by name (null if not sent), e.g. {@code ctx::formParam} */
    public static BlockChoices read(UnaryOperator<String> form, MergeResult merge, Texts texts) {
        Map<Integer, String> choices = new HashMap<>();
        Map<Integer, String> own = new HashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> resolutions = new ArrayList<>();
        for (MergeResult.BlockConflict block : merge.conflicts()) {
            String sent = form.apply(CHOICE + block.index());
            String typed = form.apply(TEXT + block.index());
            if (sent != null) {
                choices.put(block.index(), sent);
            }
            if (typed != null) {
                own.put(block.index(), typed);
            }
            Optional<Choice> choice = Choice.fromForm(sent);
            choice.ifPresentOrElse(chosen -> resolutions.add(block.resolve(chosen, typed)),
                    () -> errors.put(CHOICE + block.index(), texts.get("error.conflictPage.choose", block.index() + 1)));
        }
        return new BlockChoices(choices, own, errors, errors.isEmpty() ? merge.resolve(resolutions) : null);
    }

    public boolean complete() {
        return text != null;
    }

    /** The same choices with more errors to show (e.g. from saving the text they led to). */
    public BlockChoices withErrors(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(errors);
        all.putAll(more);
        return new BlockChoices(choices, texts, all, text);
    }
}
