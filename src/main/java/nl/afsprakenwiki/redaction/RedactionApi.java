package nl.afsprakenwiki.redaction;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.agreements.Current;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.RequestParts;

import java.util.List;
import java.util.Map;

/** The JSON API of redaction (docs/API.md, docs/PRIVACY.md): a beheerder removes personal data from a revision. */
public final class RedactionApi {

    private final Redactions redactions;
    private final Json json;

    public RedactionApi(Redactions redactions, Json json) {
        this.redactions = redactions;
        this.json = json;
    }

    /** {@code text}, or the body's span {@code start}..{@code end}; {@code dryRun}: only say what would go. */
    record RedactRequest(String text, Integer start, Integer end, String reason, String requestedBy, Boolean dryRun) {
    }

    public void redact(Context ctx) {
        long number = RequestParts.id(ctx, "number");
        if (number < 1 || number > Integer.MAX_VALUE) {
            throw new NotFound("revision");
        }
        RedactRequest body = json.read(ctx, RedactRequest.class);
        var request = new Redactions.Request((int) number, body.text(), body.start(), body.end(), body.reason(),
                body.requestedBy());
        if (Boolean.TRUE.equals(body.dryRun())) {
            Redactions.Plan plan = redactions.plan(Current.agreement(ctx), request, Current.viewer(ctx));
            ctx.json(Json.object("occurrences", plan.occurrences(), "copies", plan.copies(), "revisions",
                    plan.targets().stream().map(target -> Json.object("agreement", target.agreementId(),
                            "revision", target.revision(), "occurrences", target.occurrences(), "copy", target.copy()))
                            .toList()));
            return;
        }
        List<Redaction> made = redactions.redact(Current.agreement(ctx), request, Current.viewer(ctx));
        ctx.status(201).json(Json.object("occurrences", made.stream().mapToInt(Redaction::occurrences).sum(),
                "redactions", made.stream().map(RedactionApi::item).toList()));
    }

    private static Map<String, Object> item(Redaction redaction) {
        return Json.object("id", redaction.id(), "agreement", redaction.agreementId(), "revision", redaction.revision(),
                "occurrences", redaction.occurrences(), "oldSha256", redaction.oldSha256(),
                "newSha256", redaction.newSha256(), "requestedBy", redaction.requestedBy(),
                "redactedBy", redaction.redactedBy(), "redactedAt", redaction.redactedAt(), "reason", redaction.reason(),
                "repeats", redaction.sourceRedactionId());
    }
}
