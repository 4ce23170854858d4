package nl.afsprakenwiki.adoption;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.Current;
import nl.afsprakenwiki.agreements.SaveOutcome;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.Views;

import java.util.List;
import java.util.Map;

/** Adopting an agreement, its family tree, and taking over a newer source revision. */
public final class AdoptionPages {

    private final Adoptions adoptions;
    private final Lineage lineage;
    private final AgreementService agreements;
    private final Views views;

    public AdoptionPages(Adoptions adoptions, Lineage lineage, AgreementService agreements, Views views) {
        this.adoptions = adoptions;
        this.lineage = lineage;
        this.agreements = agreements;
        this.views = views;
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
        var family = lineage.family(Current.agreement(ctx).id(), Current.viewer(ctx)).orElseThrow(() -> new NotFound("agreement"));
        views.render(ctx, "adoption/family.jte", new AdoptionViews.FamilyPage(family));
    }

    public void upstream(Context ctx) {
        renderUpstream(ctx, null, null, null, Map.of());
    }

    public void mergeUpstream(Context ctx) {
        var result = adoptions.mergeUpstream(Current.agreement(ctx).id(), Current.viewer(ctx));
        if (result instanceof Adoptions.MergeResult.Conflict conflict) {
            ctx.status(409);
            renderUpstream(ctx, conflict, conflict.title(), conflict.body(), Map.of());
        } else if (result instanceof Adoptions.MergeResult.Merged merged) {
            ctx.redirect(Paths.agreement(Current.agreement(ctx).id()) + "?melding=" + (merged.outcome() instanceof SaveOutcome.Saved
                    ? "bron-bijgewerkt" : "bron-gelijk"));
        }
    }

    /** Saves the adopter's resolution of a conflicting source update. */
    public void resolveUpstream(Context ctx) {
        String title = text(ctx, "title");
        String body = text(ctx, "body");
        try {
            var outcome = adoptions.resolveUpstream(Current.agreement(ctx).id(), number(ctx, "baseRevision"), number(ctx, "sourceRevision"),
                    title, body, Current.viewer(ctx));
            if (outcome instanceof SaveOutcome.Conflict) {
                ctx.status(409);
                renderUpstream(ctx, null, title, body, Map.of("body", views.texts(ctx).get("error.merge.savedMeanwhile")));
                return;
            }
            ctx.redirect(Paths.agreement(Current.agreement(ctx).id()) + "?melding=bron-bijgewerkt");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderUpstream(ctx, null, title, body, views.texts(ctx).messages(e));
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

    private void renderUpstream(Context ctx, Adoptions.MergeResult.Conflict conflict, String title, String body,
                                Map<String, String> errors) {
        Viewer viewer = Current.viewer(ctx);
        var version = agreements.version(Current.agreement(ctx).id(), null, viewer).orElseThrow(() -> new NotFound("agreement"));
        var upstream = adoptions.upstream(Current.agreement(ctx).id(), viewer).orElse(null);
        views.render(ctx, "adoption/upstream.jte", new AdoptionViews.UpstreamPage(version.agreement(),
                version.revision().title(), upstream, conflict, title, body, errors));
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
