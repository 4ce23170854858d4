package nl.afsprakenwiki.redaction;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.Current;
import nl.afsprakenwiki.privacy.Finding;
import nl.afsprakenwiki.privacy.Parties;
import nl.afsprakenwiki.privacy.PrivacyDetector;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.RequestParts;
import nl.afsprakenwiki.web.Views;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * "Persoonsgegeven verwijderen" (/afspraken/{id}/persoonsgegeven-verwijderen), for a beheerder: the
 * form names the revision, the exact text, the requesting voorzitter and the reason; sending it shows
 * where and how often the text occurs, and only the confirmation of that carries the redaction out.
 */
public final class RedactionPages {

    private final Redactions redactions;
    private final AgreementService agreements;
    private final Views views;

    private final PrivacyDetector detector;

    public RedactionPages(Redactions redactions, AgreementService agreements, Views views, PrivacyDetector detector) {
        this.detector = detector;
        this.redactions = redactions;
        this.agreements = agreements;
        this.views = views;
    }

    /**
     * The form; {@code ?revisie=n} preselects a revision, and {@code &vondst=fingerprint} (a link from the
     * privacy findings) fills in the text the detector found there - the URL names the fingerprint only,
     * never the text, so no log holds it.
     */
    public void form(Context ctx) {
        String revision = ctx.queryParam("revisie");
        String text = found(ctx, number(revision == null ? "" : revision), ctx.queryParam("vondst"));
        render(ctx, new RedactionViews.Typed(revision == null ? "" : revision, text, "", ""), null, Map.of());
    }

    /** The text of the finding with {@code fingerprint} in revision {@code number}, or "" when there is none. */
    private String found(Context ctx, Integer number, String fingerprint) {
        if (number == null || fingerprint == null || fingerprint.isBlank()) {
            return "";
        }
        return agreements.version(Current.agreement(ctx).id(), number, Current.viewer(ctx))
                .flatMap(version -> {
                    var revision = version.revision();
                    for (String field : new String[]{revision.title(), revision.body(), revision.summary()}) {
                        String scanned = field == null ? "" : field;
                        for (Finding finding : detector.scan(scanned, Parties.NONE)) {
                            if (finding.fingerprint().equals(fingerprint)) {
                                return java.util.Optional.of(finding.textIn(scanned));
                            }
                        }
                    }
                    return java.util.Optional.empty();
                })
                .orElse("");
    }

    public void redact(Context ctx) {
        Map<String, String> fields = RequestParts.fields(ctx, "revision", "text", "requestedBy", "reason");
        var typed = new RedactionViews.Typed(fields.get("revision"), fields.get("text"), fields.get("requestedBy"),
                fields.get("reason"));
        var request = new Redactions.Request(number(typed.revision()), typed.text(), null, null, typed.reason(),
                typed.requestedBy());
        try {
            if ("ja".equals(RequestParts.field(ctx, "confirmed"))) {
                redactions.redact(Current.agreement(ctx), request, Current.viewer(ctx));
                ctx.redirect(Paths.agreement(Current.agreement(ctx).id()) + "?melding=persoonsgegeven-verwijderd");
            } else {
                render(ctx, typed, redactions.plan(Current.agreement(ctx), request, Current.viewer(ctx)), Map.of());
            }
        } catch (InvalidInput e) {
            ctx.status(422);
            render(ctx, typed, null, views.texts(ctx).messages(e));
        }
    }

    private static Integer number(String value) {
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void render(Context ctx, RedactionViews.Typed typed, Redactions.Plan plan, Map<String, String> errors) {
        Agreement agreement = Current.agreement(ctx);
        var version = agreements.version(agreement.id(), null, Current.viewer(ctx)).orElseThrow(() -> new NotFound("agreement"));
        List<Integer> numbers = IntStream.iterate(version.agreement().currentRevision(), n -> n >= 1, n -> n - 1).boxed().toList();
        views.render(ctx, "redaction/page.jte", new RedactionViews.Page(version.agreement(), version.revision().title(),
                numbers, redactions.voorzitters(agreement), typed, plan, errors, redactions.of(agreement.id())));
    }
}
