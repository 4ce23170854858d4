package nl.afsprakenwiki.agreements;

/**
 * The contact of an agreement: an enabled account of one of its party organisations. Signed-in
 * readers see who it is; the public sees only the organisation and the role (never name or e-mail).
 *
 * @param role the account's role in the agreement's koppelzone ({@code role.*} code), or null without one
 */
public record Contact(long accountId, String username, String name, String email, String organisationSlug,
                     String organisationName, String role) {
}
