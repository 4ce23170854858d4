package nl.afsprakenwiki.accounts;

import nl.afsprakenwiki.InvalidInput;
import nl.afsprakenwiki.InvalidInput.FieldError;
import nl.afsprakenwiki.NotFound;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.auth.Author;
import nl.afsprakenwiki.auth.Role;
import nl.afsprakenwiki.auth.Viewer;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.ReadCache;
import nl.afsprakenwiki.koppelzones.KoppelzoneStore;
import nl.afsprakenwiki.koppelzones.Organisation;
import org.jdbi.v3.core.Handle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Accounts, their passwords, API tokens and koppelzone memberships. */
public final class AccountService {

    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,100}@[^@\\s]{1,100}\\.[^@\\s]{1,50}");
    private static final String TOKEN_PREFIX = "aw_";
    private static final String AUTO_CREATE_SETTING = "sso.create_accounts";
    private static final Duration TOKEN_TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final Database db;
    private final AccountStore store;
    private final KoppelzoneStore koppelzones;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ReadCache<String, Optional<Viewer>> viewers;
    private final Map<Long, Instant> tokenTouched = new ConcurrentHashMap<>();

    public AccountService(Database db, AccountStore store, KoppelzoneStore koppelzones, AuditLog audit, Clock clock) {
        this.db = db;
        this.store = store;
        this.koppelzones = koppelzones;
        this.audit = audit;
        this.clock = clock;
        this.viewers = new ReadCache<>(db, 5_000);
    }

    /** A new account's details as entered. {@code password} null for an account that signs in through SSO only. */
    public record NewAccount(String username, String displayName, String email, String organisationSlug, boolean admin,
                             String password) {
    }

    /** A token as created: the secret, shown once, and its listing. */
    public record CreatedToken(String token, ApiToken listing) {
    }

    // --- reading --------------------------------------------------------------------------------

    public Optional<Account> byUsername(String username) {
        return db.read(h -> store.byUsername(h, normalise(username)));
    }

    public List<Account> all() {
        return db.read(store::all);
    }

    public boolean noAccounts() {
        return db.read(store::count) == 0;
    }

    public List<Membership> memberships(long accountId) {
        return db.read(h -> store.membershipsOf(h, accountId));
    }

    public List<Membership> members(long koppelzoneId) {
        return db.read(h -> store.membersOf(h, koppelzoneId));
    }

    public List<ApiToken> tokens(long accountId) {
        return db.read(h -> store.tokensOf(h, accountId));
    }

    /** The viewer for a signed-in account, or empty if it does not exist or is disabled. Cached until the next commit. */
    public Optional<Viewer> viewer(String username) {
        return viewers.get(username, () -> db.read(h -> store.byUsername(h, username)
                .filter(account -> !account.disabled())
                .map(account -> viewerOf(h, account))));
    }

    private Viewer viewerOf(Handle h, Account account) {
        Map<Long, Role> roles = new HashMap<>();
        store.membershipsOf(h, account.id()).forEach(m -> roles.put(m.koppelzoneId(), m.role()));
        return new Viewer(account.id(), account.username(), account.displayName(), account.organisation(),
                account.admin(), roles, Viewer.Via.SESSION);
    }

    // --- signing in -----------------------------------------------------------------------------

    /** The account if the password is right and the account may sign in; takes as long either way. */
    public Optional<Account> verifyPassword(String username, String password) {
        Optional<Account> account = byUsername(username == null ? "" : username);
        Optional<String> hash = account.flatMap(a -> db.read(h -> store.passwordHash(h, a.id())));
        if (hash.isEmpty()) {
            Passwords.waste(password);
            return Optional.empty();
        }
        if (!Passwords.matches(password, hash.get()) || account.get().disabled()) {
            return Optional.empty();
        }
        return account;
    }

    public void recordLogin(Account account, String method, String address) {
        db.write(h -> {
            store.recordLogin(h, account.id(), clock.instant());
            audit.record(h, new Author(account.id(), account.displayName()), "login", "account:" + account.username(), null,
                    Map.of("method", method, "address", address));
            return null;
        });
    }

    /**
     * The account for a single sign-on subject: the linked account; else an unlinked account with the
     * same e-mail address, which is then linked; else a new account if the beheerder allows that.
     * Nobody gets in when an unlinked account with that address is disabled.
     */
    public Optional<Account> resolveSso(String subject, String preferredUsername, String email, String name) {
        return db.write(h -> {
            Optional<Account> linked = store.byOidcSubject(h, subject);
            if (linked.isPresent()) {
                return linked.filter(a -> !a.disabled());
            }
            if (email != null && !email.isBlank()) {
                List<Account> sameEmail = store.unlinkedByEmail(h, email.strip());
                if (sameEmail.stream().anyMatch(Account::disabled)) {
                    // a disabled person must not get in, neither by linking nor through a fresh account
                    return Optional.empty();
                }
                if (sameEmail.size() == 1) {
                    Account account = sameEmail.get(0);
                    store.linkOidc(h, account.id(), subject);
                    audit.record(h, new Author(account.id(), account.displayName()), "account.sso-linked",
                            "account:" + account.username(), null, Map.of("subject", subject));
                    return store.byId(h, account.id());
                }
            }
            if (!store.setting(h, AUTO_CREATE_SETTING).map("true"::equals).orElse(false)) {
                return Optional.empty();
            }
            String username = freeUsername(h, preferredUsername, email, subject);
            String displayName = name == null || name.isBlank() ? username : clip(name.strip(), 100);
            long id = store.insert(h, username, displayName, email == null ? "" : clip(email.strip(), 200), null, null,
                    subject, false, clock.instant());
            audit.record(h, new Author(id, displayName), "account.created", "account:" + username, null,
                    Map.of("via", "sso", "subject", subject));
            return store.byId(h, id);
        });
    }

    private String freeUsername(Handle h, String preferred, String email, String subject) {
        String base = normalise(preferred == null || preferred.isBlank()
                ? email == null || email.isBlank() ? "sso-" + subject : email.substring(0, Math.max(1, email.indexOf('@')))
                : preferred).replaceAll("[^a-z0-9._-]", "-");
        base = base.replaceAll("^[^a-z0-9]+", "");
        if (base.length() < 2) {
            base = "sso-" + base;
        }
        base = clip(base, 34);
        String candidate = base;
        for (int n = 2; store.byUsername(h, candidate).isPresent(); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    public boolean autoCreateOnSso() {
        return db.read(h -> store.setting(h, AUTO_CREATE_SETTING).map("true"::equals).orElse(false));
    }

    public void setAutoCreateOnSso(boolean enabled, Author actor) {
        db.write(h -> {
            store.setSetting(h, AUTO_CREATE_SETTING, String.valueOf(enabled));
            audit.record(h, actor, "setting.changed", AUTO_CREATE_SETTING, null, Map.of("value", enabled));
            return null;
        });
    }

    // --- managing accounts ----------------------------------------------------------------------

    public Account create(NewAccount input, Author actor) {
        return db.write(h -> {
            List<FieldError> errors = new ArrayList<>();
            String username = normalise(input.username());
            if (!USERNAME.matcher(username).matches()) {
                errors.add(new FieldError("username", "error.account.username"));
            } else if (store.byUsername(h, username).isPresent()) {
                errors.add(new FieldError("username", "error.account.usernameTaken", username));
            }
            String name = input.displayName() == null ? "" : input.displayName().strip();
            if (name.isEmpty() || name.length() > 100) {
                errors.add(new FieldError("displayName", "error.account.displayName"));
            }
            String email = checkEmail(input.email(), errors);
            Long organisationId = organisation(h, input.organisationSlug(), errors);
            if (input.password() != null) {
                checkPassword(input.password(), username, errors);
            }
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            String hash = input.password() == null ? null : Passwords.hash(input.password());
            long id = store.insert(h, username, name, email, organisationId, hash, null, input.admin(), clock.instant());
            audit.record(h, actor, "account.created", "account:" + username, null, Map.of("admin", input.admin()));
            return store.byId(h, id).orElseThrow();
        });
    }

    public void update(long accountId, String displayName, String email, String organisationSlug, Author actor) {
        db.write(h -> {
            Account account = store.byId(h, accountId).orElseThrow(() -> new NotFound("account"));
            List<FieldError> errors = new ArrayList<>();
            String name = displayName == null ? "" : displayName.strip();
            if (name.isEmpty() || name.length() > 100) {
                errors.add(new FieldError("displayName", "error.account.displayName"));
            }
            String cleanEmail = checkEmail(email, errors);
            Long organisationId = organisation(h, organisationSlug, errors);
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            store.update(h, accountId, name, cleanEmail, organisationId);
            audit.record(h, actor, "account.updated", "account:" + account.username(), null,
                    Map.of("name", name, "email", cleanEmail));
            return null;
        });
    }

    /** Sets a password; with {@code current} (own account) that must be the present password. */
    public void setPassword(String username, String current, String next, Author actor) {
        db.write(h -> {
            Account account = store.byUsername(h, normalise(username)).orElseThrow(() -> new NotFound("account"));
            List<FieldError> errors = new ArrayList<>();
            Optional<String> hash = store.passwordHash(h, account.id());
            if (current != null && hash.isPresent() && !Passwords.matches(current, hash.get())) {
                errors.add(new FieldError("current", "error.account.currentPassword"));
            }
            checkPassword(next, account.username(), errors);
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            store.setPasswordHash(h, account.id(), Passwords.hash(next));
            audit.record(h, actor, "account.password", "account:" + account.username(), null, Map.of());
            return null;
        });
    }

    public void setDisabled(String username, boolean disabled, Author actor) {
        db.write(h -> {
            Account account = store.byUsername(h, normalise(username)).orElseThrow(() -> new NotFound("account"));
            store.setDisabled(h, account.id(), disabled);
            audit.record(h, actor, disabled ? "account.disabled" : "account.enabled", "account:" + account.username(),
                    null, Map.of());
            return null;
        });
    }

    public void setAdmin(String username, boolean admin, Author actor) {
        db.write(h -> {
            Account account = store.byUsername(h, normalise(username)).orElseThrow(() -> new NotFound("account"));
            store.setAdmin(h, account.id(), admin);
            audit.record(h, actor, admin ? "account.admin-granted" : "account.admin-revoked",
                    "account:" + account.username(), null, Map.of());
            return null;
        });
    }

    // --- memberships ----------------------------------------------------------------------------

    public void setMember(long koppelzoneId, String username, Role role, Author actor) {
        db.write(h -> {
            Account account = store.byUsername(h, normalise(username))
                    .orElseThrow(() -> new InvalidInput("username", "error.account.unknown", username));
            store.setMembership(h, account.id(), koppelzoneId, role, clock.instant());
            audit.record(h, actor, "membership.set", "account:" + account.username(), koppelzoneId,
                    Map.of("role", role.code()));
            return null;
        });
    }

    public boolean removeMember(long koppelzoneId, String username, Author actor) {
        return db.write(h -> {
            Optional<Account> account = store.byUsername(h, normalise(username));
            if (account.isEmpty() || !store.removeMembership(h, account.get().id(), koppelzoneId)) {
                return false;
            }
            audit.record(h, actor, "membership.removed", "account:" + account.get().username(), koppelzoneId, Map.of());
            return true;
        });
    }

    // --- API tokens -----------------------------------------------------------------------------

    public CreatedToken createToken(String username, String label, Author actor) {
        return db.write(h -> {
            Account account = store.byUsername(h, normalise(username)).orElseThrow(() -> new NotFound("account"));
            String clean = label == null || label.isBlank() ? "API-token" : label.strip();
            if (clean.length() > 80) {
                throw new InvalidInput("label", "error.token.label", 80);
            }
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            Instant now = clock.instant();
            long id = store.insertToken(h, account.id(), clean, sha256(token), now);
            audit.record(h, actor, "token.created", "account:" + account.username(), null, Map.of("token", id, "label", clean));
            return new CreatedToken(token, new ApiToken(id, clean, now, null, null));
        });
    }

    public boolean revokeToken(long accountId, long tokenId, Author actor) {
        return db.write(h -> {
            boolean revoked = store.revokeToken(h, accountId, tokenId, clock.instant());
            if (revoked) {
                String username = store.byId(h, accountId).map(Account::username).orElse(String.valueOf(accountId));
                audit.record(h, actor, "token.revoked", "account:" + username, null, Map.of("token", tokenId));
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
        Optional<long[]> found = db.read(h -> store.activeToken(h, sha256(token)));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        long tokenId = found.get()[0];
        Optional<Viewer> viewer = db.read(h -> store.byId(h, found.get()[1]))
                .flatMap(account -> viewer(account.username())).map(v -> v.via(Viewer.Via.TOKEN));
        Instant now = clock.instant();
        Instant last = tokenTouched.get(tokenId);
        if (viewer.isPresent() && (last == null || last.plus(TOKEN_TOUCH_INTERVAL).isBefore(now))) {
            tokenTouched.put(tokenId, now);
            db.write(h -> {
                store.touchToken(h, tokenId, now);
                return null;
            });
        }
        return viewer;
    }

    // --- helpers --------------------------------------------------------------------------------

    private String checkEmail(String email, List<FieldError> errors) {
        String clean = email == null ? "" : email.strip();
        if (!clean.isEmpty() && !EMAIL.matcher(clean).matches()) {
            errors.add(new FieldError("email", "error.account.email"));
        }
        return clean;
    }

    private Long organisation(Handle h, String slug, List<FieldError> errors) {
        if (slug == null || slug.isBlank()) {
            return null;
        }
        Optional<Organisation> organisation = koppelzones.organisationBySlug(h, slug.strip());
        if (organisation.isEmpty()) {
            errors.add(new FieldError("organisation", "error.account.organisation", slug.strip()));
            return null;
        }
        return organisation.get().id();
    }

    static void checkPassword(String password, String username, List<FieldError> errors) {
        if (password == null || password.length() < Passwords.MIN_LENGTH) {
            errors.add(new FieldError("password", "error.account.passwordShort", Passwords.MIN_LENGTH));
        } else if (password.length() > Passwords.MAX_LENGTH) {
            errors.add(new FieldError("password", "error.account.passwordLong", Passwords.MAX_LENGTH));
        } else if (password.equalsIgnoreCase(username)) {
            errors.add(new FieldError("password", "error.account.passwordIsUsername"));
        }
    }

    public static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static String clip(String value, int length) {
        return value.length() > length ? value.substring(0, length) : value;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
