package nl.afsprakenwiki.chain;

import io.javalin.http.Context;
import nl.afsprakenwiki.chain.Chain.Pair;
import nl.afsprakenwiki.koppelzones.Current;
import nl.afsprakenwiki.web.Json;

import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/koppelzones/{slug}/chain}: the chain as JSON, with the page's visibility (docs/API.md). */
public final class ChainApi {

    private final ChainService chains;

    public ChainApi(ChainService chains) {
        this.chains = chains;
    }

    public void show(Context ctx) {
        ctx.json(json(chains.chain(Current.koppelzone(ctx), Current.viewer(ctx))));
    }

    static Map<String, Object> json(Chain chain) {
        var k = chain.koppelzone();
        List<Map<String, Object>> parties = chain.parties().stream().map(p -> Json.object("slug", p.slug(), "name", p.name(),
                "kind", p.organisation().kind(), "chair", p.chair())).toList();
        List<Map<String, Object>> pairs = chain.pairs().stream().map(ChainApi::pair).toList();
        return Json.object("koppelzone", Json.object("slug", k.slug(), "name", k.name()), "parties", parties, "pairs", pairs);
    }

    private static Map<String, Object> pair(Pair pair) {
        return Json.object("parties", List.of(pair.a().slug(), pair.b().slug()),
                "agreements", pair.agreements().stream().map(a -> Json.object("id", a.id(), "title", a.title(),
                        "status", a.status())).toList(),
                "openLeaks", pair.openLeaks().stream().map(l -> Json.object("id", l.id(), "title", l.title(),
                        "href", l.href())).toList(),
                "solvedLeaks", pair.solvedLeaks().stream().map(l -> Json.object("id", l.id(), "title", l.title(),
                        "href", l.href(), "agreements", l.agreementIds().stream().sorted().toList())).toList(),
                "handsOver", pair.handsOver(),
                "missing", pair.missing());
    }
}
