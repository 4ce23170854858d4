package nl.afsprakenwiki.leaks;

import io.javalin.http.Context;

/** The current request's subjects up to this layer: viewer, koppelzone, agreement and the waardelek {@code {leak}}. */
public class Current extends nl.afsprakenwiki.agreements.Current {

    public static final Key<Leak> LEAK = new Key<>("aw.leak", Leak.class);

    protected Current() {
    }

    /** The waardelek {@code {leak}}; only those who may see it get this far. */
    public static Leak leak(Context ctx) {
        return LEAK.get(ctx);
    }
}
