package nl.afsprakenwiki.accounts;

import java.time.Instant;

/**
 * A person who can sign in. Never carries the password hash; see {@link AccountStore#passwordHash}.
 *
 * @param organisation the organisation the person works for, if any (organisations themselves belong to koppelzones)
 */
public record Account(long id, String username, String displayName, String email, OrganisationRef organisation,
                      boolean admin, boolean disabled, boolean hasPassword, String oidcSubject, Instant createdAt,
                      Instant lastLoginAt) {

    /** The organisation an account points at, by id, slug and name. */
    public record OrganisationRef(long id, String slug, String name) {
    }
}
