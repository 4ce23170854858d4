package nl.afsprakenwiki.access;

import java.util.Map;
import java.util.Optional;

/**
 * Who is making the request: an anonymous visitor, or an account with its roles per koppelzone.
 * This is all the features know of authentication.
 *
 * @param organisationId the organisation the account works for, if any (a manager decides for it)
 * @param via how the account was recognised: a login session or an API token
 */
public record Viewer(Long accountId, String username, String displayName, Long organisationId, boolean admin,
                     Map<Long, Role> roles, Via via) {

    public enum Via { NONE, SESSION, TOKEN }

    public static final Viewer ANONYMOUS = new Viewer(null, null, null, null, false, Map.of(), Via.NONE);

    public Viewer {
        roles = Map.copyOf(roles);
    }

    public boolean authenticated() {
        return accountId != null;
    }

    public Optional<Role> roleIn(long koppelzoneId) {
        return Optional.ofNullable(roles.get(koppelzoneId));
    }

    public boolean can(Permission permission, Long koppelzoneId) {
        return Permissions.allows(this, permission, koppelzoneId);
    }

    /** The author recorded with what this viewer writes. */
    public Author author() {
        if (!authenticated()) {
            throw new IllegalStateException("anonymous visitors cannot write");
        }
        return new Author(accountId, displayName);
    }

    public Viewer via(Via channel) {
        return new Viewer(accountId, username, displayName, organisationId, admin, roles, channel);
    }
}
