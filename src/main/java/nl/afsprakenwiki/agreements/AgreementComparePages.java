package nl.afsprakenwiki.agreements;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.AgreementPairViews.Pair;
import nl.afsprakenwiki.agreements.AgreementService.Version;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.ProblemException;
import nl.afsprakenwiki.web.Views;

import java.util.Map;
import java.util.Optional;

/**
 * Two different agreements side by side, word by word ({@code GET /vergelijken?a=&b=} and
 * {@code GET /api/v1/compare?a=&b=}). Each side is what the viewer may see of it: a visitor
 * compares endorsed revisions, a member also drafts of their own koppelzone.
 */
public final class AgreementComparePages {

    private final AgreementService agreements;
    private final Views views;

    public AgreementComparePages(AgreementService agreements, Views views) {
        this.agreements = agreements;
        this.views = views;
    }

    /** Without two valid numbers the page offers the form to choose them, rather than an error. */
    public void compare(Context ctx) {
        String a = ctx.queryParam("a");
        String b = ctx.queryParam("b");
        Optional<Integer> idA = AgreementPages.optionalNumber(a);
        Optional<Integer> idB = AgreementPages.optionalNumber(b);
        Pair pair = idA.isPresent() && idB.isPresent() ? pair(idA.get(), idB.get(), Current.viewer(ctx)) : null;
        views.render(ctx, "agreements/pair.jte",
                new AgreementPairViews.Page(a, b, pair, "inline".equals(ctx.queryParam("weergave"))));
    }

    public void api(Context ctx) {
        Pair pair = pair(idParam(ctx, "a"), idParam(ctx, "b"), Current.viewer(ctx));
        ctx.json(Json.object("a", side(pair.a()), "b", side(pair.b()),
                "title", Json.object("segments", pair.title().segments()),
                "body", Json.object("segments", pair.body().segments(),
                        "wordsAdded", pair.body().wordsAdded(), "wordsRemoved", pair.body().wordsRemoved())));
    }

    private Pair pair(long a, long b, Viewer viewer) {
        Version left = agreements.version(a, null, viewer).orElseThrow(() -> new NotFound("agreement"));
        Version right = agreements.version(b, null, viewer).orElseThrow(() -> new NotFound("agreement"));
        return Pair.of(left, right);
    }

    private static long idParam(Context ctx, String name) {
        String value = ctx.queryParam(name);
        String which = name.equals("a") ? "de eerste" : "de tweede";
        if (value == null || value.isBlank()) {
            throw new ProblemException(400, "Ongeldige aanvraag", "Geef '" + name + "' op: het nummer (id) van "
                    + which + " afspraak, bijvoorbeeld /api/v1/compare?a=12&b=34.");
        }
        return AgreementPages.optionalNumber(value).orElseThrow(() -> new ProblemException(400, "Ongeldige aanvraag",
                "'" + name + "' moet het nummer (id) van " + which + " afspraak zijn (alleen cijfers), niet '" + shortened(value) + "'."));
    }

    /** Echoes what was sent without echoing a whole oversized parameter. */
    private static String shortened(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private static Map<String, Object> side(Version version) {
        Agreement agreement = version.agreement();
        var koppelzone = agreement.koppelzone();
        return Json.object("id", agreement.id(), "title", version.revision().title(),
                "revision", version.revision().number(),
                "municipality", Json.object("slug", koppelzone.municipality().slug(), "name", koppelzone.municipality().name()),
                "koppelzone", Json.object("slug", koppelzone.slug(), "name", koppelzone.name()),
                "status", agreement.status());
    }
}
