package nl.afsprakenwiki.redaction;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.agreements.Current;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.RequestParts;

/**
 * The JSON API that redacts a whole comment, an agenda item's minutes, an experience, a remark, a
 * decision's note, an action item, or a waardelek's field or comment (docs/API.md, docs/PRIVACY.md).
 */
public final class WholeRedactionApi {

    private final WholeRedactions redactions;
    private final LeakRedactions leaks;
    private final Json json;

    public WholeRedactionApi(WholeRedactions redactions, LeakRedactions leaks, Json json) {
        this.redactions = redactions;
        this.leaks = leaks;
        this.json = json;
    }

    record Request(String reason, String requestedBy) {
    }

    record LeakRequest(String field, String reason, String requestedBy) {
    }

    /** {@code POST /leaks/{leak}/redaction}: a whole field of the waardelek. */
    public void leakField(Context ctx) {
        LeakRequest request = json.read(ctx, LeakRequest.class);
        LeakRedactions.Field field = LeakRedactions.Field.of(request.field() == null ? "" : request.field())
                .orElseThrow(() -> new InvalidInput("field", "error.redaction.leakField"));
        answer(ctx, leaks.field(nl.afsprakenwiki.leaks.Current.koppelzone(ctx), nl.afsprakenwiki.leaks.Current.leak(ctx).id(),
                field, request.reason(), request.requestedBy(), Current.viewer(ctx)));
    }

    /** {@code POST /leaks/{leak}/comments/{comment}/redaction}: a whole comment on the waardelek. */
    public void leakComment(Context ctx) {
        Request request = json.read(ctx, Request.class);
        answer(ctx, leaks.comment(nl.afsprakenwiki.leaks.Current.koppelzone(ctx), nl.afsprakenwiki.leaks.Current.leak(ctx).id(),
                RequestParts.id(ctx, "comment"), request.reason(), request.requestedBy(), Current.viewer(ctx)));
    }

    public void comment(Context ctx) {
        Request request = json.read(ctx, Request.class);
        answer(ctx, redactions.comment(Current.agreement(ctx), RequestParts.id(ctx, "comment"), request.reason(),
                request.requestedBy(), Current.viewer(ctx)));
    }

    public void minutes(Context ctx) {
        Request request = json.read(ctx, Request.class);
        answer(ctx, redactions.minutes(Current.koppelzone(ctx), RequestParts.id(ctx, "meeting"), RequestParts.id(ctx, "item"),
                request.reason(), request.requestedBy(), Current.viewer(ctx)));
    }

    /** An experience or an endorsement's remark on the agreement {@code {id}}. */
    public io.javalin.http.Handler agreementText(WholeRedactions.Text kind, String param) {
        return ctx -> {
            Request request = json.read(ctx, Request.class);
            var agreement = Current.agreement(ctx);
            answer(ctx, redactions.text(kind, agreement.koppelzone(), agreement.id(), RequestParts.id(ctx, param),
                    request.reason(), request.requestedBy(), Current.viewer(ctx)));
        };
    }

    /** A decision's note or an action item's description in the meeting {@code {meeting}}. */
    public io.javalin.http.Handler meetingText(WholeRedactions.Text kind, String param) {
        return ctx -> {
            Request request = json.read(ctx, Request.class);
            answer(ctx, redactions.text(kind, nl.afsprakenwiki.koppelzones.Current.koppelzone(ctx), RequestParts.id(ctx, "meeting"),
                    RequestParts.id(ctx, param), request.reason(), request.requestedBy(), Current.viewer(ctx)));
        };
    }

    private static void answer(Context ctx, WholeRedactions.Done done) {
        ctx.status(201).json(Json.object("id", done.id(), "kind", done.kind(), "oldSha256", done.oldSha256(),
                "newSha256", done.newSha256()));
    }
}
