package nl.afsprakenwiki.access;

/** Who wrote a revision or made a change: the account (null for imports and system actions) and its name then. */
public record Author(Long accountId, String name) {

    /** A change made by a command-line tool or the system, not by an account. */
    public static Author system(String name) {
        return new Author(null, name);
    }
}
