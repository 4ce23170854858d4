package nl.afsprakenwiki.web;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.Viewer;

/**
 * What the access filter established about the current request, read by handlers through typed
 * keys instead of looking it up again. This class knows only the viewer; each feature layer that
 * has a subject of its own extends it ({@code koppelzones.Current} adds the koppelzone,
 * {@code agreements.Current} the agreement, {@code meetings.Current} the meeting), so a handler
 * writes {@code Current.agreement(ctx)} with the {@code Current} of its own layer.
 */
public class Current {

    /** The viewer; every matched route has one (anonymous when nobody signed in). */
    public static final Key<Viewer> VIEWER = new Key<>("aw.viewer", Viewer.class);

    protected Current() {
    }

    public static Viewer viewer(Context ctx) {
        Viewer viewer = ctx.attribute(VIEWER.name());
        return viewer == null ? Viewer.ANONYMOUS : viewer;
    }

    /** A typed request attribute: set once by the access filter, read by the handler. */
    public record Key<T>(String name, Class<T> type) {

        public void set(Context ctx, T value) {
            ctx.attribute(name, value);
        }

        /** The value; a route whose rule does not resolve this subject is a programming error. */
        public T get(Context ctx) {
            Object value = ctx.attribute(name);
            if (value == null) {
                throw new IllegalStateException("the access rule of " + ctx.method() + " " + ctx.path()
                        + " resolves no " + name);
            }
            return type.cast(value);
        }
    }
}
