package nl.afsprakenwiki.accounts;

import java.time.Instant;

/** A personal API token as listed to its owner; the token itself is shown only once, at creation. */
public record ApiToken(long id, String label, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    public boolean active() {
        return revokedAt == null;
    }
}
