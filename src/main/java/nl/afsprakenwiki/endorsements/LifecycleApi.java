package nl.afsprakenwiki.endorsements;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementListItem;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.Current;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.RequestParts;
import nl.afsprakenwiki.web.Texts;
import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.privacy.Screening;
import nl.afsprakenwiki.web.ProblemException;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON API of the endorsement lifecycle (docs/API.md, "Endorsement"). */
public final class LifecycleApi {

    private final Lifecycle lifecycle;
    private final RoundViews rounds;
    private final AgreementService agreements;
    private final Overviews overviews;
    private final Json json;
    private final Texts dutch;

    public LifecycleApi(Lifecycle lifecycle, RoundViews rounds, AgreementService agreements, Overviews overviews,
                        Json json, Texts dutch) {
        this.dutch = dutch;
        this.lifecycle = lifecycle;
        this.rounds = rounds;
        this.agreements = agreements;
        this.overviews = overviews;
        this.json = json;
    }

    record ProposalRequest(Integer revision) {
    }

    record DecisionRequest(Integer revision, String decision, String remark, List<String> acceptedFindings,
                           String acceptanceReason) {
    }

    record ReasonRequest(String reason, List<String> acceptedFindings, String acceptanceReason) {
        Accepted accepted() {
            return Accepted.of(acceptedFindings, acceptanceReason);
        }
    }

    record ReviewDateRequest(LocalDate reviewDate) {
    }

    public void propose(Context ctx) {
        long id = Current.agreement(ctx).id();
        Integer revision = json.read(ctx, ProposalRequest.class).revision();
        if (revision == null) {
            throw new ProblemException(400, "Revisie ontbreekt", "Geef in 'revision' het nummer van de revisie die u ter bekrachtiging voorstelt.");
        }
        Round round = lifecycle.propose(id, revision, Current.viewer(ctx).author());
        ctx.status(201).json(state(id, Current.viewer(ctx), Json.object("round", round.id(), "revision", round.revision(),
                "sha256", round.sha256())));
    }

    public void decide(Context ctx) {
        long id = Current.agreement(ctx).id();
        DecisionRequest request = json.read(ctx, DecisionRequest.class);
        if (request.revision() == null) {
            throw new ProblemException(400, "Revisie ontbreekt", "Geef in 'revision' het nummer van de voorgestelde revisie waarover u besluit.");
        }
        Decision.Kind kind = Decision.Kind.parse(request.decision()).orElseThrow(() -> new ProblemException(400,
                "Onbekend besluit", "'decision' moet \"endorse\" (bekrachtigen) of \"decline\" (afwijzen) zijn"
                        + (request.decision() == null ? "." : ", niet '" + request.decision() + "'.")));
        Lifecycle.Outcome outcome = lifecycle.decide(id, request.revision(), kind, request.remark(),
                Accepted.of(request.acceptedFindings(), request.acceptanceReason()), Current.viewer(ctx));
        ctx.json(state(id, Current.viewer(ctx), Json.object("decision", kind.code(), "completed", outcome.completed(),
                "waitingFor", outcome.waitingFor().stream().map(Organisation::slug).toList(),
                "warnings", Screening.json(outcome.warnings(), key -> dutch.get(key)))));
    }

    record ConfirmRequest(List<String> fingerprints, String reason) {
    }

    /** Confirms findings in a decision's remark as no personal data (issue 17); the public then sees it. */
    public void confirmRemark(Context ctx) {
        ConfirmRequest request = json.read(ctx, ConfirmRequest.class);
        Decision decision = lifecycle.confirmRemark(Current.agreement(ctx).id(), RequestParts.id(ctx, "decision"),
                Accepted.of(request.fingerprints(), request.reason()), Current.viewer(ctx));
        ctx.json(Json.object("id", decision.id(), "remarkPending", decision.remarkPending(),
                "warnings", Screening.json(decision.remarkPending() ? lifecycle.unconfirmedRemark(decision) : List.of(),
                        key -> dutch.get(key))));
    }

    /** Withdraws the proposal; the reason passes the privacy guard (issue 17: 422 with findings, or warnings). */
    public void withdraw(Context ctx) {
        long id = Current.agreement(ctx).id();
        ReasonRequest request = json.read(ctx, ReasonRequest.class);
        var warnings = lifecycle.withdraw(id, request.reason(), request.accepted(), Current.viewer(ctx).author());
        ctx.json(state(id, Current.viewer(ctx), Json.object("warnings", Screening.json(warnings, key -> dutch.get(key)))));
    }

    /** Retires the agreement; the reason passes the privacy guard (issue 17: 422 with findings, or warnings). */
    public void retire(Context ctx) {
        long id = Current.agreement(ctx).id();
        ReasonRequest request = json.read(ctx, ReasonRequest.class);
        var warnings = lifecycle.retire(id, request.reason(), request.accepted(), Current.viewer(ctx).author());
        ctx.json(state(id, Current.viewer(ctx), Json.object("warnings", Screening.json(warnings, key -> dutch.get(key)))));
    }

    public void reviewDate(Context ctx) {
        long id = Current.agreement(ctx).id();
        lifecycle.scheduleReview(id, json.read(ctx, ReviewDateRequest.class).reviewDate(), Current.viewer(ctx).author());
        ctx.json(state(id, Current.viewer(ctx), Map.of()));
    }

    public void acknowledge(Context ctx) {
        long id = Current.agreement(ctx).id();
        boolean recorded = lifecycle.acknowledge(id, Current.viewer(ctx));
        ctx.status(recorded ? 201 : 200).json(state(id, Current.viewer(ctx), Json.object("acknowledged", true,
                "alreadyAcknowledged", !recorded)));
    }

    /** Every round the caller may see, with each party's decision. */
    public void endorsements(Context ctx) {
        Viewer viewer = Current.viewer(ctx);
        Agreement agreement = Current.agreement(ctx);
        List<Map<String, Object>> items = rounds.history(agreement, viewer).stream().map(LifecycleApi::round).toList();
        ctx.json(state(agreement.id(), viewer, Json.object("rounds", items)));
    }

    /** What waits for the caller: decisions, reviews, declined proposals, kennisname, own drafts. */
    public void pending(Context ctx) {
        Overviews.Mine mine = overviews.mine(Current.viewer(ctx));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decisions", mine.decisions().stream().map(item -> Json.object("agreement", item.agreement().id(),
                "title", item.proposed().title(), "revision", item.round().revision(), "sha256", item.round().sha256(),
                "organisation", item.organisation().slug(), "baseline", item.baseline())).toList());
        body.put("reviews", mine.reviews().stream().map(item -> Json.object("agreement", item.id(), "title", item.title(),
                "reviewDate", item.reviewDate(), "overdue", item.reviewDate().isBefore(mine.today()))).toList());
        body.put("declined", mine.declined().stream().map(w -> Json.object("agreement", w.agreement().id(),
                "title", w.agreement().title(), "revision", w.round().round().revision())).toList());
        body.put("acknowledgements", mine.acknowledgements().stream().map(a -> Json.object("agreement", a.agreement().id(),
                "title", a.agreement().title(), "revision", a.agreement().endorsedRevision())).toList());
        body.put("drafts", mine.drafts().stream().map(AgreementListItem::id).toList());
        ctx.json(body);
    }

    // --- helpers --------------------------------------------------------------------------------

    /** The agreement's lifecycle state as the caller may see it, followed by {@code extra}. */
    private Map<String, Object> state(long id, Viewer viewer, Map<String, Object> extra) {
        Agreement agreement = agreements.find(id, viewer).orElse(null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        if (agreement != null) {
            body.put("status", agreement.status());
            body.put("endorsedRevision", agreement.endorsedRevision());
            body.put("herziening", agreement.inRevision());
            if (viewer.can(Permission.READ_DRAFTS, agreement.koppelzone().id())) {
                body.put("currentRevision", agreement.currentRevision());
                body.put("proposedRevision", agreement.proposedRevision());
            }
            body.put("reviewDate", agreement.reviewDate());
        }
        body.putAll(extra);
        return body;
    }

    private static Map<String, Object> round(RoundViews.RoundView view) {
        Round round = view.round();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", round.id());
        json.put("revision", round.revision());
        json.put("sha256", round.sha256());
        json.put("proposedBy", round.proposedBy());
        json.put("proposedAt", round.proposedAt());
        json.put("open", round.open());
        json.put("outcome", round.outcome() == null ? null : round.outcome().code());
        json.put("closedAt", round.closedAt());
        json.put("closedBy", round.closedBy());
        json.put("reason", round.closedReason());
        json.put("imported", round.imported());
        json.put("parties", view.parties().stream().map(state -> {
            Map<String, Object> party = new LinkedHashMap<>();
            party.put("organisation", Json.object("slug", state.organisation().slug(), "name", state.organisation().name()));
            Decision decision = state.decision();
            party.put("decision", decision == null ? null : decision.kind().code());
            if (decision != null) {
                party.put("person", decision.personName());
                party.put("at", decision.at());
                party.put("remark", decision.remark());
                party.put("remarkPending", decision.remarkPending());
                party.put("sha256", decision.sha256());
            }
            return party;
        }).toList());
        json.put("waitingFor", round.open() ? view.waitingFor().stream().map(Organisation::slug).toList() : List.of());
        return json;
    }
}
