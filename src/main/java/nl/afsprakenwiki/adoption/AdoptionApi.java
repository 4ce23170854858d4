package nl.afsprakenwiki.adoption;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.Current;
import nl.afsprakenwiki.agreements.MergeJson;
import nl.afsprakenwiki.agreements.SaveOutcome;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.ProblemException;
import nl.afsprakenwiki.web.RequestParts;
import nl.afsprakenwiki.web.Texts;

import java.util.LinkedHashMap;
import java.util.Map;


/** The JSON API of adoption: adopt, lineage, upstream updates, proposals to the source (docs/API.md). */
public final class AdoptionApi {

    private final Adoptions adoptions;
    private final Lineage lineage;
    private final SourceProposals proposals;
    private final Json json;
    /** The API speaks Dutch. */
    private final Texts dutch;

    public AdoptionApi(Adoptions adoptions, Lineage lineage, SourceProposals proposals, Json json, Texts dutch) {
        this.adoptions = adoptions;
        this.lineage = lineage;
        this.proposals = proposals;
        this.json = json;
        this.dutch = dutch;
    }

    record AdoptRequest(String koppelzone, Map<String, String> parties) {
    }

    record Resolution(Integer baseRevision, Integer sourceRevision, String title, String body) {
    }

    record MergeRequest(Resolution resolution) {
    }

    record DismissRequest(Integer sourceRevision) {
    }

    record NoteRequest(String note) {
    }

    record ReasonRequest(String reason) {
    }

    public void adopt(Context ctx) {
        AdoptRequest request = json.read(ctx, AdoptRequest.class);
        var revision = adoptions.adopt(Current.agreement(ctx).id(), request.koppelzone(), request.parties() == null ? Map.of()
                : request.parties(), Current.viewer(ctx));
        ctx.status(201).header("Location", Paths.apiAgreement(revision.agreementId()))
                .json(Json.object("id", revision.agreementId(), "revision", revision.number(), "sha256", revision.sha256(),
                        "source", Current.agreement(ctx).id()));
    }

    public void lineage(Context ctx) {
        var family = lineage.family(Current.agreement(ctx).id(), Current.viewer(ctx)).orElseThrow(() -> new NotFound("agreement"));
        ctx.json(Json.object("id", Current.agreement(ctx).id(), "self", member(family.self()),
                "ancestors", family.ancestors().stream().map(AdoptionApi::member).toList(),
                "descendants", family.descendants().stream().map(AdoptionApi::member).toList()));
    }

    public void upstream(Context ctx) {
        Viewer viewer = Current.viewer(ctx);
        Agreement agreement = lineage.family(Current.agreement(ctx).id(), viewer).orElseThrow(() -> new NotFound("agreement")).self().agreement();
        var link = adoptions.link(agreement.id()).orElse(null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", agreement.id());
        body.put("adopted", link != null);
        var upstream = adoptions.upstream(agreement.id(), viewer).orElse(null);
        body.put("newer", upstream != null);
        if (link != null) {
            body.put("source", link.sourceId());
            body.put("sourceRevision", link.sourceRevision());
            body.put("syncedRevision", link.syncedRevision());
        }
        if (upstream != null) {
            body.put("latestRevision", upstream.latest());
            body.put("dismissed", upstream.dismissed());
            body.put("title", Json.object("segments", upstream.title().segments()));
            body.put("body", Json.object("segments", upstream.body().segments(), "wordsAdded", upstream.body().wordsAdded(),
                    "wordsRemoved", upstream.body().wordsRemoved()));
        }
        ctx.json(body);
    }

    /** Takes over the newer source revision; with {@code resolution}, saves the caller's resolution of a conflict. */
    public void merge(Context ctx) {
        String raw = ctx.body();
        MergeRequest request = raw.isBlank() ? new MergeRequest(null) : json.read(ctx, MergeRequest.class);
        Viewer viewer = Current.viewer(ctx);
        if (request.resolution() != null) {
            Resolution r = request.resolution();
            if (r.baseRevision() == null || r.sourceRevision() == null) {
                throw new ProblemException(400, "Revisie ontbreekt",
                        "Geef in 'resolution' ook 'baseRevision' (uw revisie) en 'sourceRevision' (de bronrevisie) mee.");
            }
            respond(ctx, adoptions.resolveUpstream(Current.agreement(ctx).id(), r.baseRevision(), r.sourceRevision(), r.title(), r.body(),
                    viewer));
            return;
        }
        var result = adoptions.mergeUpstream(Current.agreement(ctx).id(), viewer);
        if (result instanceof Adoptions.MergeResult.Conflict conflict) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("baseRevision", conflict.baseRevision());
            extensions.put("sourceRevision", conflict.sourceRevision());
            extensions.put("conflicts", MergeJson.conflicts(conflict.blocks()));
            extensions.put("titleConflict", MergeJson.titleConflict(conflict.titleConflict(), conflict.base().title(), conflict.mine().title(),
                    conflict.theirs().title()));
            extensions.put("merged", MergeJson.merged(conflict.titleConflict() ? null : conflict.title(), conflict.blocks()));
            throw new ProblemException(409, "/problemen/bronconflict", "Conflict met de bron",
                    dutch.get("api.conflict.upstream", conflict.sourceRevision(), conflict.baseRevision(), conflict.conflicts()),
                    extensions);
        }
        respond(ctx, ((Adoptions.MergeResult.Merged) result).outcome());
    }

    public void dismiss(Context ctx) {
        Integer revision = json.read(ctx, DismissRequest.class).sourceRevision();
        if (revision == null) {
            throw new ProblemException(400, "Revisie ontbreekt", "Geef in 'sourceRevision' de bronrevisie die u niet overneemt.");
        }
        adoptions.dismiss(Current.agreement(ctx).id(), revision, Current.viewer(ctx));
        ctx.json(Json.object("id", Current.agreement(ctx).id(), "dismissed", revision));
    }

    public void proposeBack(Context ctx) {
        SourceProposal proposal = proposals.propose(Current.agreement(ctx).id(), json.read(ctx, NoteRequest.class).note(), Current.viewer(ctx));
        ctx.status(201).json(proposal(proposal));
    }

    /** Proposals to this agreement (for its koppelzone's members) and those made from it. */
    public void listProposals(Context ctx) {
        Viewer viewer = Current.viewer(ctx);
        Agreement agreement = lineage.family(Current.agreement(ctx).id(), viewer).orElseThrow(() -> new NotFound("agreement")).self().agreement();
        if (!viewer.can(Permission.READ_DRAFTS, agreement.koppelzone().id())) {
            throw new NotFound("proposals");
        }
        ctx.json(Json.object("incoming", proposals.incoming(agreement.id(), viewer).stream().map(incoming -> {
            Map<String, Object> item = proposal(incoming.proposal());
            item.put("from", Json.object("slug", incoming.from().slug(), "name", incoming.from().name(),
                    "municipality", incoming.from().municipality().name()));
            item.put("diff", Json.object("segments", incoming.body().segments()));
            return item;
        }).toList(), "outgoing", proposals.outgoing(agreement.id()).stream().map(AdoptionApi::proposal).toList()));
    }

    public void accept(Context ctx) {
        long proposal = RequestParts.id(ctx, "proposal");
        String raw = ctx.body();
        MergeRequest request = raw.isBlank() ? new MergeRequest(null) : json.read(ctx, MergeRequest.class);
        if (request.resolution() != null) {
            Resolution r = request.resolution();
            if (r.baseRevision() == null) {
                throw new ProblemException(400, "Revisie ontbreekt", "Geef in 'resolution' ook 'baseRevision' mee.");
            }
            respond(ctx, proposals.resolve(Current.agreement(ctx).id(), proposal, r.baseRevision(), r.title(), r.body(), Current.viewer(ctx)));
            return;
        }
        var acceptance = proposals.accept(Current.agreement(ctx).id(), proposal, Current.viewer(ctx));
        if (acceptance instanceof SourceProposals.Acceptance.Conflict conflict) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("baseRevision", conflict.baseRevision());
            extensions.put("conflicts", MergeJson.conflicts(conflict.blocks()));
            extensions.put("titleConflict", MergeJson.titleConflict(conflict.titleConflict(), conflict.base().title(),
                    conflict.proposal().title(), conflict.current().title()));
            extensions.put("merged", MergeJson.merged(conflict.titleConflict() ? null : conflict.title(), conflict.blocks()));
            throw new ProblemException(409, "/problemen/voorstelconflict", "Conflict met de huidige tekst",
                    dutch.get("api.conflict.proposal", conflict.baseRevision(), conflict.conflicts()), extensions);
        }
        respond(ctx, ((SourceProposals.Acceptance.Accepted) acceptance).outcome());
    }

    public void decline(Context ctx) {
        proposals.decline(Current.agreement(ctx).id(), RequestParts.id(ctx, "proposal"), json.read(ctx, ReasonRequest.class).reason(), Current.viewer(ctx));
        ctx.json(Json.object("id", RequestParts.id(ctx, "proposal"), "status", "afgewezen"));
    }

    // --- helpers --------------------------------------------------------------------------------

    private static void respond(Context ctx, SaveOutcome outcome) {
        if (outcome instanceof SaveOutcome.Saved saved) {
            ctx.json(Json.object("revision", saved.revision().number(), "unchanged", false, "sha256", saved.revision().sha256()));
        } else if (outcome instanceof SaveOutcome.Unchanged unchanged) {
            ctx.json(Json.object("revision", unchanged.currentRevision(), "unchanged", true));
        } else {
            throw new ProblemException(409, "Intussen gewijzigd",
                    "De afspraak is intussen gewijzigd op dezelfde plaats; er is niets opgeslagen. Haal de huidige tekst op en probeer opnieuw.");
        }
    }

    private static Map<String, Object> member(Lineage.Member member) {
        Agreement a = member.agreement();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id());
        json.put("title", member.title());
        json.put("status", a.status());
        json.put("municipality", Json.object("slug", a.koppelzone().municipality().slug(), "name", a.koppelzone().municipality().name()));
        json.put("koppelzone", Json.object("slug", a.koppelzone().slug(), "name", a.koppelzone().name()));
        json.put("depth", member.depth());
        json.put("updatedAt", a.updatedAt());
        json.put("sourceRevision", member.sourceRevision());
        json.put("syncedRevision", member.syncedRevision());
        json.put("adoptedAt", member.adoptedAt());
        json.put("inSync", member.sourceRevision() == null ? null : member.inSync());
        return json;
    }

    private static Map<String, Object> proposal(SourceProposal p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", p.id());
        json.put("source", p.sourceId());
        json.put("from", p.fromId());
        json.put("fromRevision", p.fromRevision());
        json.put("baseRevision", p.baseRevision());
        json.put("note", p.note());
        json.put("proposedBy", p.proposedBy());
        json.put("proposedAt", p.proposedAt());
        json.put("status", p.status().code());
        json.put("decidedBy", p.decidedBy());
        json.put("decidedAt", p.decidedAt());
        json.put("reason", p.reason());
        json.put("resultRevision", p.resultRevision());
        return json;
    }

}
