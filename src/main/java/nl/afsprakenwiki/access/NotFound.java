package nl.afsprakenwiki.access;

/** Something asked for does not exist (or may not be revealed); answered with 404. */
public final class NotFound extends RuntimeException {
    public NotFound(String what) {
        super(what + " not found");
    }
}
