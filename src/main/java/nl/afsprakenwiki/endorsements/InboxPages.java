package nl.afsprakenwiki.endorsements;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.agreements.Current;
import nl.afsprakenwiki.web.Notice;
import nl.afsprakenwiki.web.Views;

import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.privacy.TextPanel;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The managers' inbox ("Ter bekrachtiging") and the decision form on it. */
public final class InboxPages {

    private static final Set<String> NOTICES = Set.of("bekrachtigd", "afgewezen", "afgerond", "persoonsgegevens");

    private final Inbox inbox;
    private final Lifecycle lifecycle;
    private final Views views;

    public InboxPages(Inbox inbox, Lifecycle lifecycle, Views views) {
        this.inbox = inbox;
        this.lifecycle = lifecycle;
        this.views = views;
    }

    public void inbox(Context ctx) {
        render(ctx, null, null, Map.of(), Notice.key(ctx, "inbox.notice.", NOTICES), TextPanel.NONE);
    }

    /** Endorse or decline; a decline without a remark comes back with the message at the remark field. */
    public void decide(Context ctx) {
        long id = Current.agreement(ctx).id();
        String remark = ctx.formParam("remark") == null ? "" : ctx.formParam("remark");
        Accepted accepted = new Accepted(new LinkedHashSet<>(ctx.formParams("acceptedFindings")),
                ctx.formParam("acceptanceReason"));
        try {
            Decision.Kind kind = Decision.Kind.parse(ctx.formParam("decision"))
                    .orElseThrow(() -> new InvalidInput("remark", "error.decision.unknown"));
            int revision = parse(ctx.formParam("revision"));
            Lifecycle.Outcome outcome = lifecycle.decide(id, revision, kind, remark, accepted, Current.viewer(ctx));
            ctx.redirect("/ter-bekrachtiging?melding=" + (!outcome.warnings().isEmpty() ? "persoonsgegevens&soorten="
                    + outcome.warnings().stream().map(found -> found.kind().code()).distinct()
                            .collect(java.util.stream.Collectors.joining(","))
                    : outcome.completed() ? "afgerond" : kind == Decision.Kind.ENDORSE ? "bekrachtigd" : "afgewezen"));
        } catch (InvalidInput e) {
            ctx.status(422);
            render(ctx, id, remark, views.texts(ctx).messages(e), null,
                    lifecycle.remarkPanel(Current.agreement(ctx), remark, e, accepted));
        }
    }

    private void render(Context ctx, Long failed, String typed, Map<String, String> errors, String notice,
                        TextPanel privacy) {
        var viewer = Current.viewer(ctx);
        views.render(ctx, "endorsements/inbox.jte", new LifecycleViews.InboxView(inbox.items(viewer),
                viewer.organisationId() != null, failed, typed, errors, notice, privacy, kinds(ctx)));
    }

    /** The kinds named in {@code soorten} after a decision whose remark has warnings, in the visitor's language. */
    private String kinds(Context ctx) {
        var t = views.texts(ctx);
        return nl.afsprakenwiki.privacy.Kind.listed(ctx.queryParam("soorten")).stream()
                .map(kind -> t.get("privacy.kind." + kind.code())).collect(java.util.stream.Collectors.joining(", "));
    }

    private static int parse(String value) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("remark", "error.revision.required");
        }
    }
}
