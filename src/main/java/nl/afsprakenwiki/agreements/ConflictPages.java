package nl.afsprakenwiki.agreements;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.agreements.AgreementViews.FormValues;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.web.Texts;
import nl.afsprakenwiki.web.Views;

import java.util.Optional;

/**
 * Resolving an edit conflict block by block, without JavaScript: the page shows each conflicting
 * block (the writer's, the other revision's and their common base) with a choice per block; its
 * form sends the writer's whole text back with the choices, so the server merges again rather than
 * trusting a merge the browser kept, and saves the result on top of the other revision like any
 * save (a save that landed meanwhile is merged with it, or conflicts again).
 */
final class ConflictPages {

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
                conflict, BlockChoices.none());
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
        BlockChoices chosen = BlockChoices.read(ctx::formParam, conflict.body(), views.texts(ctx));
        if (chosen.complete()) {
            try {
                return Optional.of(editing.save(agreement.id(), FormReader.edit(withBody(values, chosen.text())),
                        Current.viewer(ctx).author()));
            } catch (InvalidInput e) {
                chosen = chosen.withErrors(views.texts(ctx).messages(e));
            }
        }
        ctx.status(422);
        render(ctx, agreement, values, conflict, chosen);
        return Optional.empty();
    }

    private void render(Context ctx, Agreement agreement, FormValues values, SaveOutcome.Conflict conflict,
                        BlockChoices chosen) {
        Texts texts = views.texts(ctx);
        Revision theirs = conflict.theirs();
        ConflictBlocks blocks = ConflictBlocks.of(conflict.body(), markdown, chosen, texts.get("conflictPage.mine"),
                texts.get("conflictPage.theirs", theirs.authorName(), theirs.number(), texts.dateTime(theirs.createdAt())),
                texts.get("conflictPage.base", conflict.baseRevision()), theirs.authorName(), ConflictBlocks.WRITER);
        views.render(ctx, "agreements/conflict.jte", new ConflictView(agreement, values, conflict, blocks, chosen.errors()));
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
