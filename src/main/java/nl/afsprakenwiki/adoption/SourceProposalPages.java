package nl.afsprakenwiki.adoption;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.BlockChoices;
import nl.afsprakenwiki.agreements.ConflictBlocks;
import nl.afsprakenwiki.agreements.Current;
import nl.afsprakenwiki.agreements.SaveOutcome;
import nl.afsprakenwiki.agreements.TextDiff;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.RequestParts;
import nl.afsprakenwiki.web.Texts;
import nl.afsprakenwiki.web.Views;

import java.util.Map;

import static nl.afsprakenwiki.adoption.AdoptionPages.number;
import static nl.afsprakenwiki.adoption.AdoptionPages.text;

/** "Voorstel aan de bron": the adopter's form, and the source's incoming proposals with accept and decline. */
public final class SourceProposalPages {

    private final SourceProposals proposals;
    private final Adoptions adoptions;
    private final AgreementService agreements;
    private final Views views;
    private final MarkdownRenderer markdown;

    /** @param markdown renders the versions of conflicting blocks */
    public SourceProposalPages(SourceProposals proposals, Adoptions adoptions, AgreementService agreements, Views views,
                               MarkdownRenderer markdown) {
        this.proposals = proposals;
        this.adoptions = adoptions;
        this.agreements = agreements;
        this.views = views;
        this.markdown = markdown;
    }

    public void proposeForm(Context ctx) {
        renderPropose(ctx, "", Map.of());
    }

    public void propose(Context ctx) {
        String note = text(ctx, "note");
        try {
            proposals.propose(Current.agreement(ctx).id(), note, Current.viewer(ctx));
            ctx.redirect(Paths.agreement(Current.agreement(ctx).id()) + "?melding=voorstel-aan-bron");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderPropose(ctx, note, views.texts(ctx).messages(e));
        }
    }

    /** Incoming proposals, for the source koppelzone's members (others: as if it did not exist). */
    public void incoming(Context ctx) {
        renderIncoming(ctx, null, null, null, BlockChoices.none(), null, null, Map.of());
    }

    public void accept(Context ctx) {
        long proposal = RequestParts.id(ctx, "proposal");
        if (ctx.formParam("baseRevision") != null) {
            resolve(ctx, proposal);
            return;
        }
        var acceptance = proposals.accept(Current.agreement(ctx).id(), proposal, Current.viewer(ctx));
        if (acceptance instanceof SourceProposals.Acceptance.Conflict conflict) {
            ctx.status(409);
            renderIncoming(ctx, proposal, conflict, conflict.title(), BlockChoices.none(), null, null, Map.of());
            return;
        }
        ctx.redirect(Paths.agreement(Current.agreement(ctx).id()) + "?melding=voorstel-aanvaard");
    }

    /** The choices per conflicting block of an accepted proposal (the merge is made again here), saved. */
    private void resolve(Context ctx, long proposal) {
        long source = Current.agreement(ctx).id();
        Viewer viewer = Current.viewer(ctx);
        String title = text(ctx, "title");
        var conflict = proposals.conflict(source, proposal, number(ctx, "baseRevision"), viewer);
        BlockChoices chosen = BlockChoices.read(ctx::formParam, conflict.blocks(), views.texts(ctx));
        if (!chosen.complete()) {
            ctx.status(422);
            renderIncoming(ctx, proposal, conflict, title, chosen, null, proposal, Map.of());
            return;
        }
        try {
            var outcome = proposals.resolve(source, proposal, conflict.baseRevision(), title, chosen.text(), viewer);
            if (outcome instanceof SaveOutcome.Conflict) {
                // the source's text changed meanwhile: the conflicts with that text, to choose again
                ctx.status(409);
                int current = agreements.version(source, null, viewer).orElseThrow(() -> new NotFound("agreement")).revision().number();
                var again = proposals.conflict(source, proposal, current, viewer);
                renderIncoming(ctx, proposal, again, again.title(), BlockChoices.none(), null, proposal,
                        Map.of("body", views.texts(ctx).get("error.conflictPage.savedMeanwhile")));
                return;
            }
            ctx.redirect(Paths.agreement(source) + "?melding=voorstel-aanvaard");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderIncoming(ctx, proposal, conflict, title, chosen, null, proposal, views.texts(ctx).messages(e));
        }
    }

    public void decline(Context ctx) {
        long proposal = RequestParts.id(ctx, "proposal");
        String reason = text(ctx, "reason");
        try {
            proposals.decline(Current.agreement(ctx).id(), proposal, reason, Current.viewer(ctx));
            ctx.redirect(Paths.agreement(Current.agreement(ctx).id()) + "/bronvoorstellen?melding=afgewezen");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderIncoming(ctx, null, null, null, BlockChoices.none(), reason, proposal, views.texts(ctx).messages(e));
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    private void renderPropose(Context ctx, String note, Map<String, String> errors) {
        Viewer viewer = Current.viewer(ctx);
        var version = agreements.version(Current.agreement(ctx).id(), null, viewer).orElseThrow(() -> new NotFound("agreement"));
        var link = adoptions.link(Current.agreement(ctx).id()).orElseThrow(() -> nl.afsprakenwiki.access.Refused.conflict("refused.notAdopted"));
        Agreement source = agreements.find(link.sourceId(), viewer).orElseThrow(() -> nl.afsprakenwiki.access.Refused
                .conflict("refused.sourceGone"));
        var base = agreements.version(source.id(), link.syncedRevision(), viewer).orElseThrow().revision();
        TextDiff.Comparison change = TextDiff.compare(base.body(), version.revision().body());
        views.render(ctx, "adoption/propose.jte", new AdoptionViews.ProposeBackPage(version.agreement(),
                version.revision().title(), source, change, proposals.outgoing(Current.agreement(ctx).id()), note, errors));
    }

    private void renderIncoming(Context ctx, Long resolving, SourceProposals.Acceptance.Conflict conflict, String title,
                                BlockChoices chosen, String typed, Long failed, Map<String, String> errors) {
        Viewer viewer = Current.viewer(ctx);
        var version = agreements.version(Current.agreement(ctx).id(), null, viewer).orElseThrow(() -> new NotFound("agreement"));
        if (!viewer.can(Permission.READ_DRAFTS, version.agreement().koppelzone().id())) {
            throw new NotFound("proposals");
        }
        Texts texts = views.texts(ctx);
        ConflictBlocks blocks = conflict == null ? null : ConflictBlocks.of(conflict.blocks(), markdown, chosen,
                texts.get("incoming.blockMine"), texts.get("incoming.blockTheirs", conflict.baseRevision()),
                texts.get("incoming.blockBase", conflict.base().number()), "", "incoming.");
        views.render(ctx, "adoption/incoming.jte", new AdoptionViews.IncomingPage(version.agreement(),
                version.revision().title(), proposals.incoming(Current.agreement(ctx).id(), viewer), resolving, conflict, title,
                blocks, failed, typed, errors));
    }
}
