package nl.afsprakenwiki.web;

import io.javalin.http.Context;
import nl.afsprakenwiki.auth.Viewer;

/** The viewer of the current request, as established by {@link AccessFilter}. */
public final class Current {

    static final String VIEWER = "aw.viewer";

    private Current() {
    }

    public static Viewer viewer(Context ctx) {
        Viewer viewer = ctx.attribute(VIEWER);
        return viewer == null ? Viewer.ANONYMOUS : viewer;
    }
}
