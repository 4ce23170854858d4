package nl.afsprakenwiki.agreements;

import org.jdbi.v3.core.Handle;

/**
 * Told, inside the transaction, when what the public sees of an agreement changes: it became
 * bekrachtigd with a new revision, or it was retired. The endorsement lifecycle tells; followers and
 * adopters listen (they tell their people by mail), without the lifecycle knowing them.
 */
public interface Published {

    /** The agreement became bekrachtigd with {@code revision}, titled {@code title}. */
    void endorsed(Handle handle, Agreement agreement, int revision, String title);

    /**
     * The agreement was retired. {@code title} is the title the public knew (of its endorsed
     * revision), or the current one when it never was public ({@code wasPublic} false).
     */
    void retired(Handle handle, Agreement agreement, String title, boolean wasPublic);

    Published NOTHING = all();

    /** The event key of "agreement {id} became bekrachtigd with {revision}", shared by all its mails. */
    static String endorsedEvent(long agreementId, int revision) {
        return "agreement:" + agreementId + ":endorsed:" + revision;
    }

    /** Tells each of {@code listeners} in turn. */
    static Published all(Published... listeners) {
        return new Published() {
            @Override
            public void endorsed(Handle handle, Agreement agreement, int revision, String title) {
                for (Published listener : listeners) {
                    listener.endorsed(handle, agreement, revision, title);
                }
            }

            @Override
            public void retired(Handle handle, Agreement agreement, String title, boolean wasPublic) {
                for (Published listener : listeners) {
                    listener.retired(handle, agreement, title, wasPublic);
                }
            }
        };
    }
}
