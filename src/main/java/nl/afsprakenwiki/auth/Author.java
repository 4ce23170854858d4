package nl.afsprakenwiki.auth;

/** Who wrote a revision, as stored with it. */
public record Author(String name) {
}
