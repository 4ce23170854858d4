package nl.afsprakenwiki.auth;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.accounts.ApiTokens;

import java.util.Optional;

/**
 * Finds out who makes a request: an API token in {@code Authorization: Bearer} (for the API only), a
 * login session, or nobody. A token does not open the pages: there it could be used to read the
 * profile page's CSRF token and mint new tokens that outlive its revocation.
 */
public final class Authentication {

    private final AccountService accounts;
    private final ApiTokens tokens;
    private final SignIn signIn;

    public Authentication(AccountService accounts, ApiTokens tokens, SignIn signIn) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.signIn = signIn;
    }

    /** Thrown when a request presents credentials that are not (or no longer) valid. */
    public static final class Unauthenticated extends RuntimeException {
        public Unauthenticated(String message) {
            super(message);
        }
    }

    public Viewer resolve(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null && !header.isBlank() && ctx.path().startsWith("/api/")) {
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new Unauthenticated("only Bearer tokens are accepted");
            }
            return tokens.viewerForToken(header.substring(7).strip())
                    .orElseThrow(() -> new Unauthenticated("unknown, revoked or disabled token"));
        }
        Optional<String> username = signIn.signedIn(ctx);
        if (username.isEmpty()) {
            return Viewer.ANONYMOUS;
        }
        Optional<Viewer> viewer = accounts.viewer(username.get());
        if (viewer.isEmpty()) {
            signIn.forget(ctx);
            return Viewer.ANONYMOUS;
        }
        return viewer.get();
    }
}
