package nl.afsprakenwiki.accounts;

import nl.afsprakenwiki.text.Hashes;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.text.CleanText;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** API tokens: created for an account (the secret shown once, only its SHA-256 kept), revoked, and recognised. */
public final class ApiTokens {

    private static final String TOKEN_PREFIX = "aw_";
    private static final Duration TOKEN_TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final Database db;
    private final AccountStore store;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, Instant> tokenTouched = new ConcurrentHashMap<>();

    public ApiTokens(Database db, AccountStore store, AccountService accounts, AuditLog audit, Clock clock) {
        this.db = db;
        this.store = store;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token as created: the secret, shown once, and its listing. */
    public record CreatedToken(String token, ApiToken listing) {
    }

    public List<ApiToken> tokens(long accountId) {
        return db.read(handle -> store.tokensOf(handle, accountId));
    }

    public CreatedToken createToken(String username, String label, Author actor) {
        return db.write(handle -> {
            Account account = store.byUsername(handle, AccountService.normalise(username)).orElseThrow(() -> new NotFound("account"));
            String clean = CleanText.line(label).isEmpty() ? "API-token" : CleanText.line(label);
            if (clean.length() > 80) {
                throw new InvalidInput("label", "error.token.label", 80);
            }
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            Instant now = clock.instant();
            long id = store.insertToken(handle, account.id(), clean, Hashes.sha256(token), now);
            audit.record(handle, actor, "token.created", "account:" + account.username(), null, Map.of("token", id, "label", clean));
            return new CreatedToken(token, new ApiToken(id, clean, now, null, null));
        });
    }

    public boolean revokeToken(long accountId, long tokenId, Author actor) {
        return db.write(handle -> {
            boolean revoked = store.revokeToken(handle, accountId, tokenId, clock.instant());
            if (revoked) {
                String username = store.byId(handle, accountId).map(Account::username).orElse(String.valueOf(accountId));
                audit.record(handle, actor, "token.revoked", "account:" + username, null, Map.of("token", tokenId));
            }
            return revoked;
        });
    }

    /**
     * The viewer for an API token, or empty if the token is unknown, revoked or its account disabled.
     * The last-used time is written at most once a minute per token, so reads stay cheap.
     */
    public Optional<Viewer> viewerForToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Optional<long[]> found = db.read(handle -> store.activeToken(handle, Hashes.sha256(token)));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        long tokenId = found.get()[0];
        Optional<Viewer> viewer = db.read(handle -> store.byId(handle, found.get()[1]))
                .flatMap(account -> accounts.viewer(account.username())).map(v -> v.via(Viewer.Via.TOKEN));
        Instant now = clock.instant();
        Instant last = tokenTouched.get(tokenId);
        if (viewer.isPresent() && (last == null || last.plus(TOKEN_TOUCH_INTERVAL).isBefore(now))) {
            tokenTouched.put(tokenId, now);
            db.write(handle -> {
                store.touchToken(handle, tokenId, now);
                return null;
            });
        }
        return viewer;
    }
}
