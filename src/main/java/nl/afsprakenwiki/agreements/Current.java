package nl.afsprakenwiki.agreements;

import io.javalin.http.Context;

/** The current request's subjects up to this layer: viewer, koppelzone and the agreement {@code {id}}. */
public class Current extends nl.afsprakenwiki.koppelzones.Current {

    public static final Key<Agreement> AGREEMENT = new Key<>("aw.agreement", Agreement.class);

    protected Current() {
    }

    /** The agreement {@code {id}} as the viewer may see it (a visitor gets its published state). */
    public static Agreement agreement(Context ctx) {
        return AGREEMENT.get(ctx);
    }
}
