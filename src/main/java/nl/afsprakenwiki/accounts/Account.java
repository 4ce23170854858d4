package nl.afsprakenwiki.accounts;

import nl.afsprakenwiki.koppelzones.Organisation;

import java.time.Instant;

/** A person who can sign in. Never carries the password hash; see {@link AccountStore#passwordHash}. */
public record Account(long id, String username, String displayName, String email, Organisation organisation,
                      boolean admin, boolean disabled, boolean hasPassword, String oidcSubject, Instant createdAt,
                      Instant lastLoginAt) {
}
