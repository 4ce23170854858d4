package nl.afsprakenwiki.adoption;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.BlockChoices;
import nl.afsprakenwiki.agreements.ConflictBlocks;
import nl.afsprakenwiki.agreements.Current;
import nl.afsprakenwiki.agreements.SaveOutcome;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.Texts;
import nl.afsprakenwiki.web.Views;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adopting an agreement, its family tree, and taking over a newer source revision. */
public final class AdoptionPages {

    private final Adoptions adoptions;
    private final Lineage lineage;
    private final AgreementService agreements;
    private final Views views;
    private final MarkdownRenderer markdown;

    /** @param markdown renders the versions of conflicting blocks */
    public AdoptionPages(Adoptions adoptions, Lineage lineage, AgreementService agreements, Views views,
                         MarkdownRenderer markdown) {
        this.adoptions = adoptions;
        this.lineage = lineage;
        this.agreements = agreements;
        this.views = views;
        this.markdown = markdown;
    }

    public void adoptForm(Context ctx) {
        renderAdopt(ctx, ctx.queryParam("koppelzone"), Map.of(), Map.of());
    }

    public void adopt(Context ctx) {
        Map<String, String> mapping = Adoptions.mapping(ctx.formParamMap());
        try {
            var revision = adoptions.adopt(Current.agreement(ctx).id(), ctx.formParam("koppelzone"), mapping, Current.viewer(ctx));
            ctx.redirect(Paths.agreement(revision.agreementId()) + "?melding=overgenomen");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderAdopt(ctx, ctx.formParam("koppelzone"), mapping, views.texts(ctx).messages(e));
        }
    }

    public void family(Context ctx) {
        Viewer viewer = Current.viewer(ctx);
        var family = lineage.family(Current.agreement(ctx).id(), viewer).orElseThrow(() -> new NotFound("agreement"));
        // the drawing shows the whole family: from the oldest source the viewer may see, down
        var tree = family.ancestors().isEmpty() ? family
                : lineage.family(family.ancestors().get(0).agreement().id(), viewer).orElse(family);
        views.render(ctx, "adoption/family.jte", new AdoptionViews.FamilyPage(family, tree));
    }

    public void upstream(Context ctx) {
        renderUpstream(ctx, null, null, BlockChoices.none(), Map.of());
    }

    public void mergeUpstream(Context ctx) {
        var result = adoptions.mergeUpstream(Current.agreement(ctx).id(), Current.viewer(ctx));
        if (result instanceof Adoptions.MergeResult.Conflict conflict) {
            ctx.status(409);
            renderUpstream(ctx, conflict, conflict.title(), BlockChoices.none(), Map.of());
        } else if (result instanceof Adoptions.MergeResult.Merged merged) {
            ctx.redirect(Paths.agreement(Current.agreement(ctx).id()) + "?melding=" + (merged.outcome() instanceof SaveOutcome.Saved
                    ? "bron-bijgewerkt" : "bron-gelijk"));
        }
    }

    /** Saves the adopter's choices per conflicting block of a source update (the merge is made again here). */
    public void resolveUpstream(Context ctx) {
        long id = Current.agreement(ctx).id();
        Viewer viewer = Current.viewer(ctx);
        String title = text(ctx, "title");
        var conflict = adoptions.upstreamConflict(id, number(ctx, "baseRevision"), number(ctx, "sourceRevision"), viewer);
        BlockChoices chosen = BlockChoices.read(ctx::formParam, conflict.blocks(), views.texts(ctx));
        if (!chosen.complete()) {
            ctx.status(422);
            renderUpstream(ctx, conflict, title, chosen, Map.of());
            return;
        }
        try {
            var outcome = adoptions.resolveUpstream(id, conflict.baseRevision(), conflict.sourceRevision(), title,
                    chosen.text(), viewer);
            if (outcome instanceof SaveOutcome.Conflict) {
                // the adopter's own text changed meanwhile: the conflicts with that text, to choose again
                ctx.status(409);
                int current = agreements.version(id, null, viewer).orElseThrow(() -> new NotFound("agreement")).revision().number();
                var again = adoptions.upstreamConflict(id, current, conflict.sourceRevision(), viewer);
                renderUpstream(ctx, again, again.title(), BlockChoices.none(),
                        Map.of("body", views.texts(ctx).get("error.conflictPage.savedMeanwhile")));
                return;
            }
            ctx.redirect(Paths.agreement(id) + "?melding=bron-bijgewerkt");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderUpstream(ctx, conflict, title, chosen, views.texts(ctx).messages(e));
        }
    }

    public void dismissUpstream(Context ctx) {
        adoptions.dismiss(Current.agreement(ctx).id(), number(ctx, "sourceRevision"), Current.viewer(ctx));
        ctx.redirect(Paths.agreement(Current.agreement(ctx).id()) + "?melding=bron-genegeerd");
    }

    // --- helpers --------------------------------------------------------------------------------

    private void renderAdopt(Context ctx, String targetSlug, Map<String, String> chosen, Map<String, String> errors) {
        Viewer viewer = Current.viewer(ctx);
        Agreement source = Current.agreement(ctx);
        if (!source.published()) {
            throw nl.afsprakenwiki.access.Refused.conflict("refused.adoptDraft");
        }
        var endorsed = agreements.version(source.id(), source.endorsedRevision(), viewer).orElseThrow().revision();
        List<Koppelzone> targets = adoptions.targets(source, viewer);
        Koppelzone target = targets.stream().filter(k -> k.slug().equals(targetSlug)).findFirst()
                .orElse(targets.size() == 1 ? targets.get(0) : null);
        views.render(ctx, "adoption/adopt.jte", new AdoptionViews.AdoptForm(source, endorsed, targets, target,
                target == null ? List.of() : adoptions.partyChoices(source, target), chosen, errors));
    }

    private void renderUpstream(Context ctx, Adoptions.MergeResult.Conflict conflict, String title, BlockChoices chosen,
                                Map<String, String> errors) {
        Viewer viewer = Current.viewer(ctx);
        var version = agreements.version(Current.agreement(ctx).id(), null, viewer).orElseThrow(() -> new NotFound("agreement"));
        var upstream = adoptions.upstream(Current.agreement(ctx).id(), viewer).orElse(null);
        Texts texts = views.texts(ctx);
        ConflictBlocks blocks = conflict == null ? null : ConflictBlocks.of(conflict.blocks(), markdown, chosen,
                texts.get("upstream.blockMine", conflict.baseRevision()), texts.get("upstream.blockTheirs", conflict.sourceRevision()),
                texts.get("upstream.blockBase", conflict.base().number()), texts.get("upstream.blockName"),
                ConflictBlocks.WRITER);
        Map<String, String> all = new LinkedHashMap<>(chosen.errors());
        all.putAll(errors);
        views.render(ctx, "adoption/upstream.jte", new AdoptionViews.UpstreamPage(version.agreement(),
                version.revision().title(), upstream, conflict, title, blocks, all));
    }

    static int number(Context ctx, String name) {
        String value = ctx.formParam(name);
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, "error.revision.required");
        }
    }

    static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }
}
