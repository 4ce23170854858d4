package nl.afsprakenwiki.agreements;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.agreements.AgreementViews.FormValues;
import nl.afsprakenwiki.agreements.MergeResult.Choice;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.web.Views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolving an edit conflict block by block, without JavaScript: the page shows each conflicting
 * block (the writer's, the other revision's and their common base) with a choice per block; its
 * form sends the writer's whole text back with the choices, so the server merges again rather than
 * trusting a merge the browser kept, and saves the result on top of the other revision like any
 * save (a save that landed meanwhile is merged with it, or conflicts again).
 */
final class ConflictPages {

    /** The form fields of a block: the choice and the writer's own text. */
    static final String CHOICE = "keuze-";
    static final String TEXT = "tekst-";

    private final AgreementEditing editing;
    private final MarkdownRenderer markdown;
    private final Views views;

    ConflictPages(AgreementEditing editing, MarkdownRenderer markdown, Views views) {
        this.editing = editing;
        this.markdown = markdown;
        this.views = views;
    }

    /** The page for a save that conflicted (409); nothing chosen yet. */
    void show(Context ctx, Agreement agreement, FormValues values, SaveOutcome.Conflict conflict) {
        ctx.status(409);
        // the title field starts as the merged title; with a title conflict, as the writer's own
        render(ctx, agreement, withTitle(values, conflict.titleConflict() ? conflict.mineTitle() : conflict.mergedTitle()),
                conflict, Map.of(), Map.of(), Map.of());
    }

    /**
     * The choices sent from the page, saved: the outcome for the caller to answer, or empty when the
     * page was shown again (a block without a choice, an invalid title or text).
     */
    Optional<SaveOutcome> resolve(Context ctx, Agreement agreement, FormValues values) {
        int mineBase = AgreementPages.optionalNumber(ctx.formParam("mineBase")).orElse(0);
        String mineTitle = ctx.formParam("mineTitle") == null ? values.title() : ctx.formParam("mineTitle");
        SaveOutcome.Conflict conflict = editing.conflict(agreement.id(), mineBase, values.baseRevision(), mineTitle,
                values.body()).orElseThrow(() -> new InvalidInput("baseRevision", "error.conflictPage.unknown"));
        Map<Integer, String> choices = new HashMap<>();
        Map<Integer, String> texts = new HashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> resolutions = new ArrayList<>();
        for (MergeResult.BlockConflict block : conflict.body().conflicts()) {
            String sent = ctx.formParam(CHOICE + block.index());
            String own = ctx.formParam(TEXT + block.index());
            Optional<Choice> choice = Choice.fromForm(sent);
            if (sent != null) {
                choices.put(block.index(), sent);
            }
            if (own != null) {
                texts.put(block.index(), own);
            }
            choice.ifPresentOrElse(chosen -> resolutions.add(block.resolve(chosen, own)),
                    () -> errors.put(CHOICE + block.index(), views.texts(ctx).get("error.conflictPage.choose", block.index() + 1)));
        }
        if (errors.isEmpty()) {
            try {
                return Optional.of(editing.save(agreement.id(), FormReader.edit(withBody(values,
                        conflict.body().resolve(resolutions))), Current.viewer(ctx).author()));
            } catch (InvalidInput e) {
                errors.putAll(views.texts(ctx).messages(e));
            }
        }
        ctx.status(422);
        render(ctx, agreement, values, conflict, choices, texts, errors);
        return Optional.empty();
    }

    private void render(Context ctx, Agreement agreement, FormValues values, SaveOutcome.Conflict conflict,
                        Map<Integer, String> choices, Map<Integer, String> texts, Map<String, String> errors) {
        List<ConflictView.Piece> pieces = new ArrayList<>();
        for (MergeResult.Part part : conflict.body().parts()) {
            if (part instanceof MergeResult.ConflictAt at) {
                var block = conflict.body().conflicts().get(at.index());
                pieces.add(new ConflictView.Piece(null, new ConflictView.Block(block, html(block.base()),
                        html(block.mine()), html(block.theirs()))));
            } else if (part instanceof MergeResult.Merged merged && !merged.text().isBlank()) {
                pieces.add(new ConflictView.Piece(markdown.render(merged.text()), null));
            }
        }
        views.render(ctx, "agreements/conflict.jte", new ConflictView(agreement, values, conflict, pieces, choices, texts,
                errors));
    }

    private String html(String block) {
        return block.isEmpty() ? null : markdown.render(block);
    }

    private static FormValues withBody(FormValues values, String body) {
        return new FormValues(values.title(), body, values.parties(), values.themes(), values.otherThemes(),
                values.reviewDate(), values.summary(), values.baseRevision(), values.baseParties(), values.baseThemes(),
                values.baseReviewDate());
    }

    private static FormValues withTitle(FormValues values, String title) {
        return new FormValues(title, values.body(), values.parties(), values.themes(), values.otherThemes(),
                values.reviewDate(), values.summary(), values.baseRevision(), values.baseParties(), values.baseThemes(),
                values.baseReviewDate());
    }
}
