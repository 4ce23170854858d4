package nl.afsprakenwiki.chain;

import io.javalin.http.Context;
import nl.afsprakenwiki.koppelzones.Current;
import nl.afsprakenwiki.web.Views;

/** {@code GET /koppelzones/{slug}/keten}: the koppelzone drawn as its chain, with the same content as a table. */
public final class ChainPages {

    private final ChainService chains;
    private final Views views;

    public ChainPages(ChainService chains, Views views) {
        this.chains = chains;
        this.views = views;
    }

    public void show(Context ctx) {
        views.render(ctx, "chain/show.jte", chains.chain(Current.koppelzone(ctx), Current.viewer(ctx)));
    }
}
