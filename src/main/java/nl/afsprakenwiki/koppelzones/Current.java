package nl.afsprakenwiki.koppelzones;

import io.javalin.http.Context;

/** The current request's subjects up to this layer: the viewer and the koppelzone {@code {slug}} (or of the agreement or meeting). */
public class Current extends nl.afsprakenwiki.web.Current {

    public static final Key<Koppelzone> KOPPELZONE = new Key<>("aw.koppelzone", Koppelzone.class);

    protected Current() {
    }

    /** The koppelzone the route concerns, as the access filter found it. */
    public static Koppelzone koppelzone(Context ctx) {
        return KOPPELZONE.get(ctx);
    }
}
