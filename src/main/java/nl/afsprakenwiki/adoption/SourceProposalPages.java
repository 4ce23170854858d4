package nl.afsprakenwiki.adoption;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.Current;
import nl.afsprakenwiki.agreements.SaveOutcome;
import nl.afsprakenwiki.agreements.TextDiff;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.RequestParts;
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

    public SourceProposalPages(SourceProposals proposals, Adoptions adoptions, AgreementService agreements, Views views) {
        this.proposals = proposals;
        this.adoptions = adoptions;
        this.agreements = agreements;
        this.views = views;
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
        renderIncoming(ctx, null, null, null, null, null, Map.of());
    }

    public void accept(Context ctx) {
        long proposal = RequestParts.id(ctx, "proposal");
        Viewer viewer = Current.viewer(ctx);
        if (ctx.formParam("body") != null) {
            String title = text(ctx, "title");
            String body = text(ctx, "body");
            try {
                var outcome = proposals.resolve(Current.agreement(ctx).id(), proposal, number(ctx, "baseRevision"), title, body, viewer);
                if (outcome instanceof SaveOutcome.Conflict) {
                    ctx.status(409);
                    renderIncoming(ctx, proposal, null, title, body, proposal,
                            Map.of("body", views.texts(ctx).get("error.merge.savedMeanwhile")));
                    return;
                }
                ctx.redirect(Paths.agreement(Current.agreement(ctx).id()) + "?melding=voorstel-aanvaard");
            } catch (InvalidInput e) {
                ctx.status(422);
                renderIncoming(ctx, proposal, null, title, body, proposal, views.texts(ctx).messages(e));
            }
            return;
        }
        var acceptance = proposals.accept(Current.agreement(ctx).id(), proposal, viewer);
        if (acceptance instanceof SourceProposals.Acceptance.Conflict conflict) {
            ctx.status(409);
            renderIncoming(ctx, proposal, conflict, conflict.title(), conflict.body(), null, Map.of());
            return;
        }
        ctx.redirect(Paths.agreement(Current.agreement(ctx).id()) + "?melding=voorstel-aanvaard");
    }

    public void decline(Context ctx) {
        long proposal = RequestParts.id(ctx, "proposal");
        String reason = text(ctx, "reason");
        try {
            proposals.decline(Current.agreement(ctx).id(), proposal, reason, Current.viewer(ctx));
            ctx.redirect(Paths.agreement(Current.agreement(ctx).id()) + "/bronvoorstellen?melding=afgewezen");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderIncoming(ctx, null, null, null, reason, proposal, views.texts(ctx).messages(e));
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
                                String typed, Long failed, Map<String, String> errors) {
        Viewer viewer = Current.viewer(ctx);
        var version = agreements.version(Current.agreement(ctx).id(), null, viewer).orElseThrow(() -> new NotFound("agreement"));
        if (!viewer.can(Permission.READ_DRAFTS, version.agreement().koppelzone().id())) {
            throw new NotFound("proposals");
        }
        String draftBody = resolving != null ? typed : null;
        views.render(ctx, "adoption/incoming.jte", new AdoptionViews.IncomingPage(version.agreement(),
                version.revision().title(), proposals.incoming(Current.agreement(ctx).id(), viewer), resolving, conflict, title, draftBody,
                failed, resolving != null ? null : typed, errors));
    }
}
