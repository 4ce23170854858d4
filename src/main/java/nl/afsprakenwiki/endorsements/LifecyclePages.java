package nl.afsprakenwiki.endorsements;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.Current;
import nl.afsprakenwiki.agreements.TextDiff;
import nl.afsprakenwiki.endorsements.LifecycleViews.Action;
import nl.afsprakenwiki.endorsements.LifecycleViews.ActionForm;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.RequestParts;
import nl.afsprakenwiki.web.Views;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.privacy.Screening.FieldFinding;
import nl.afsprakenwiki.privacy.TextPanel;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The lifecycle forms of an agreement page: propose a revision, withdraw a proposal, retire, set
 * the review date; and the history of endorsement rounds. Each move has a confirmation page whose
 * form comes back with the message next to the field (and what was typed) when it is refused.
 */
public final class LifecyclePages {

    private final Lifecycle lifecycle;
    private final RoundViews rounds;
    private final AgreementService agreements;
    private final Views views;

    public LifecyclePages(Lifecycle lifecycle, RoundViews rounds, AgreementService agreements, Views views) {
        this.lifecycle = lifecycle;
        this.rounds = rounds;
        this.agreements = agreements;
        this.views = views;
    }

    public void proposeForm(Context ctx) {
        render(ctx, Action.PROPOSE, "", Map.of());
    }

    public void propose(Context ctx) {
        int revision = number(ctx.formParam("revision"));
        lifecycle.propose(Current.agreement(ctx).id(), revision, Current.viewer(ctx).author());
        ctx.redirect(Paths.agreement(Current.agreement(ctx).id()) + "?melding=voorgesteld");
    }

    public void withdrawForm(Context ctx) {
        render(ctx, Action.WITHDRAW, "", Map.of());
    }

    public void withdraw(Context ctx) {
        String reason = text(ctx, "reason");
        Accepted accepted = accepted(ctx);
        screened(ctx, Action.WITHDRAW, reason, accepted, () -> lifecycle.withdraw(Current.agreement(ctx).id(), reason, accepted,
                Current.viewer(ctx).author()), "ingetrokken");
    }

    public void retireForm(Context ctx) {
        render(ctx, Action.RETIRE, "", Map.of());
    }

    public void retire(Context ctx) {
        String reason = text(ctx, "reason");
        Accepted accepted = accepted(ctx);
        screened(ctx, Action.RETIRE, reason, accepted, () -> lifecycle.retire(Current.agreement(ctx).id(), reason, accepted,
                Current.viewer(ctx).author()), "vervallen");
    }

    public void reviewDateForm(Context ctx) {
        Agreement agreement = agreement(ctx);
        render(ctx, Action.REVIEW_DATE, agreement.reviewDate() == null ? "" : agreement.reviewDate().toString(), Map.of());
    }

    public void reviewDate(Context ctx) {
        String value = text(ctx, "reviewDate");
        attempt(ctx, Action.REVIEW_DATE, value, () -> lifecycle.scheduleReview(Current.agreement(ctx).id(), date(value),
                Current.viewer(ctx).author()), "herzieningsdatum");
    }

    /** Every endorsement round the viewer may see (the public: how the public revisions were endorsed). */
    public void rounds(Context ctx) {
        Viewer viewer = Current.viewer(ctx);
        var version = agreements.version(Current.agreement(ctx).id(), null, viewer).orElseThrow(() -> new NotFound("agreement"));
        List<RoundViews.RoundView> history = rounds.history(version.agreement(), viewer);
        Map<Long, TextPanel> confirmable = new HashMap<>();
        for (RoundViews.RoundView round : history) {
            for (Decision decision : round.decisions()) {
                if (decision.remarkPending() && lifecycle.mayConfirmRemark(version.agreement(), decision, viewer)) {
                    confirmable.put(decision.id(), new TextPanel(lifecycle.unconfirmedRemark(decision), false, Set.of(), ""));
                }
            }
        }
        views.render(ctx, "endorsements/rounds.jte", new LifecycleViews.Rounds(version.agreement(),
                version.revision().title(), history, rounds.redactedAfterProposal(version.agreement().id()), confirmable));
    }

    /** Confirms the findings of a decision's remark (its writer, the voorzitter, a beheerder; issue 17). */
    public void confirmRemark(Context ctx) {
        lifecycle.confirmRemark(Current.agreement(ctx).id(), RequestParts.id(ctx, "decision"),
                accepted(ctx),
                Current.viewer(ctx));
        ctx.redirect(Paths.agreement(Current.agreement(ctx).id()) + "/bekrachtigingen");
    }

    // --- helpers --------------------------------------------------------------------------------

    private void attempt(Context ctx, Action action, String typed, Runnable move, String notice) {
        try {
            move.run();
            ctx.redirect(Paths.agreement(Current.agreement(ctx).id()) + "?melding=" + notice);
        } catch (InvalidInput e) {
            ctx.status(422);
            render(ctx, action, typed, views.texts(ctx).messages(e));
        }
    }

    /**
     * A move with a reason that passes the privacy guard (issue 17): refused, the findings come back beside
     * the reason with the writer's ticks; saved with warnings, the agreement page names their kinds.
     */
    private void screened(Context ctx, Action action, String typed, Accepted accepted, Supplier<List<FieldFinding>> move,
                          String notice) {
        try {
            List<FieldFinding> warnings = move.get();
            ctx.redirect(Paths.agreement(Current.agreement(ctx).id()) + (warnings.isEmpty() ? "?melding=" + notice
                    : "?melding=persoonsgegevens-tekst&soorten=" + warnings.stream().map(found -> found.kind().code())
                            .distinct().collect(Collectors.joining(","))));
        } catch (InvalidInput e) {
            ctx.status(422);
            render(ctx, action, typed, views.texts(ctx).messages(e),
                    lifecycle.reasons().panel(Current.agreement(ctx), typed, e, accepted));
        }
    }

    private static Accepted accepted(Context ctx) {
        return new Accepted(new LinkedHashSet<>(ctx.formParams("acceptedFindings")), ctx.formParam("acceptanceReason"));
    }

    private void render(Context ctx, Action action, String value, Map<String, String> errors) {
        render(ctx, action, value, errors, TextPanel.NONE);
    }

    private void render(Context ctx, Action action, String value, Map<String, String> errors, TextPanel privacy) {
        Viewer viewer = Current.viewer(ctx);
        var version = agreements.version(Current.agreement(ctx).id(), null, viewer).orElseThrow(() -> new NotFound("agreement"));
        Agreement agreement = version.agreement();
        TextDiff.Comparison comparison = null;
        if (action == Action.PROPOSE && agreement.endorsedRevision() != null
                && agreement.endorsedRevision() < agreement.currentRevision()) {
            comparison = agreements.compare(agreement.id(), agreement.endorsedRevision(), agreement.currentRevision(), viewer)
                    .map(AgreementService.RevisionComparison::body).orElse(null);
        }
        views.render(ctx, "endorsements/action.jte", new ActionForm(action, agreement, version.revision(),
                rounds.block(agreement, viewer), comparison, value, errors, privacy));
    }

    private Agreement agreement(Context ctx) {
        return Current.agreement(ctx);
    }

    private static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("revision", "error.revision.required");
        }
    }

    private static LocalDate date(String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("reviewDate", "error.reviewDate.invalid");
        }
    }
}
