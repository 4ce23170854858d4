package nl.afsprakenwiki.auth;

/**
 * OpenID Connect single sign-on ({@code AFSPRAKENWIKI_OIDC_*}).
 *
 * @param usernameClaim the claim with the preferred username of a new account (default preferred_username)
 * @param emailClaim    the claim with the e-mail address, used to link an existing account (default email)
 * @param label         the text on the sign-in button (default "Inloggen met SSO")
 */
public record OidcSettings(String discoveryUrl, String clientId, String clientSecret, String scopes, String usernameClaim,
                           String emailClaim, String label) {
}
