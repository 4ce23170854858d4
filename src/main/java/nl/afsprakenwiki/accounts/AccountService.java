package nl.afsprakenwiki.accounts;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput.FieldError;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.audit.AuditLog;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.ReadCache;
import nl.afsprakenwiki.text.CleanText;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Accounts and their passwords; the viewer a signed-in account makes. Tokens: {@link ApiTokens}; SSO: {@link SsoAccounts}. */
public final class AccountService {

    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,100}@[^@\\s]{1,100}\\.[^@\\s]{1,50}");

    private final Database db;
    private final AccountStore store;
    private final KoppelzonesOfAccount koppelzones;
    private final AuditLog audit;
    private final Clock clock;
    private final PasswordPolicy passwords;
    private final PasswordHashing hashing;
    private final ReadCache<String, Optional<Viewer>> viewers;

    public AccountService(Database db, AccountStore store, KoppelzonesOfAccount koppelzones, AuditLog audit, Clock clock,
                          PasswordPolicy passwords, PasswordHashing hashing) {
        this.db = db;
        this.store = store;
        this.koppelzones = koppelzones;
        this.audit = audit;
        this.clock = clock;
        this.passwords = passwords;
        this.hashing = hashing;
        this.viewers = new ReadCache<>(db, 5_000);
    }

    /** Loads what judging a new password needs (see {@link PasswordPolicy#warmUp}); the server calls it soon after start-up. */
    public void warmUp() {
        passwords.warmUp();
    }

    /** A new account's details as entered. {@code password} null for an account that signs in through SSO only. */
    public record NewAccount(String username, String displayName, String email, String organisationSlug, boolean admin,
                             String password) {
    }

    // --- reading --------------------------------------------------------------------------------

    public Optional<Account> byUsername(String username) {
        return db.read(handle -> store.byUsername(handle, normalise(username)));
    }

    public List<Account> all() {
        return db.read(store::all);
    }

    public int count() {
        return db.read(store::count);
    }

    public boolean noAccounts() {
        return db.read(store::count) == 0;
    }

    /** The koppelzones the account takes part in, with its role in each. */
    public List<KoppelzonesOfAccount.Entry> koppelzones(long accountId) {
        return db.read(handle -> koppelzones.of(handle, accountId));
    }

    /** The viewer for a signed-in account, or empty if it does not exist or is disabled. Cached until a commit changes the tables it was read from. */
    public Optional<Viewer> viewer(String username) {
        return viewers.get(username, () -> db.read(handle -> store.byUsername(handle, username)
                .filter(account -> !account.disabled())
                .map(account -> viewerOf(handle, account))));
    }

    private Viewer viewerOf(Handle handle, Account account) {
        Map<Long, Role> roles = new HashMap<>();
        koppelzones.of(handle, account.id()).forEach(entry -> roles.put(entry.koppelzoneId(), entry.role()));
        return new Viewer(account.id(), account.username(), account.displayName(),
                account.organisation() == null ? null : account.organisation().id(),
                account.admin(), roles, Viewer.Via.SESSION);
    }

    // --- signing in -----------------------------------------------------------------------------

    /** The account if the password is right and the account may sign in; takes as long either way. */
    public Optional<Account> verifyPassword(String username, String password) {
        Optional<Account> account = byUsername(username == null ? "" : username);
        Optional<String> hash = account.flatMap(a -> db.read(handle -> store.passwordHash(handle, a.id())));
        if (hash.isEmpty()) {
            hashing.waste(password);
            return Optional.empty();
        }
        if (!hashing.matches(password, hash.get()) || account.get().disabled()) {
            return Optional.empty();
        }
        return account;
    }

    public void recordLogin(Account account, String method, String address) {
        db.write(handle -> {
            store.recordLogin(handle, account.id(), clock.instant());
            audit.record(handle, new Author(account.id(), account.displayName()), "login", "account:" + account.username(), null,
                    Map.of("method", method, "address", address));
            return null;
        });
    }

    // --- managing accounts ----------------------------------------------------------------------

    public Account create(NewAccount input, Author actor) {
        return db.write(handle -> {
            List<FieldError> errors = new ArrayList<>();
            String username = normalise(input.username());
            if (!USERNAME.matcher(username).matches()) {
                errors.add(new FieldError("username", "error.account.username"));
            } else if (store.byUsername(handle, username).isPresent()) {
                errors.add(new FieldError("username", "error.account.usernameTaken", username));
            }
            String name = CleanText.line(input.displayName());
            if (name.isEmpty() || name.length() > 100) {
                errors.add(new FieldError("displayName", "error.account.displayName"));
            }
            String email = checkEmail(input.email(), errors);
            Long organisationId = organisation(handle, input.organisationSlug(), errors);
            if (input.password() != null) {
                checkPassword(input.password(), username, name, errors);
            }
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            String hash = input.password() == null ? null : hashing.hash(input.password());
            long id = store.insert(handle, username, name, email, organisationId, hash, null, input.admin(), clock.instant());
            audit.record(handle, actor, "account.created", "account:" + username, null, Map.of("admin", input.admin()));
            return store.byId(handle, id).orElseThrow();
        });
    }

    public void update(long accountId, String displayName, String email, String organisationSlug, Author actor) {
        db.write(handle -> {
            Account account = store.byId(handle, accountId).orElseThrow(() -> new NotFound("account"));
            List<FieldError> errors = new ArrayList<>();
            String name = CleanText.line(displayName);
            if (name.isEmpty() || name.length() > 100) {
                errors.add(new FieldError("displayName", "error.account.displayName"));
            }
            String cleanEmail = checkEmail(email, errors);
            Long organisationId = organisation(handle, organisationSlug, errors);
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            store.update(handle, accountId, name, cleanEmail, organisationId);
            audit.record(handle, actor, "account.updated", "account:" + account.username(), null,
                    Map.of("name", name, "email", cleanEmail));
            return null;
        });
    }

    /** Sets a password; with {@code current} (own account) that must be the present password. */
    /**
     * Remembers the language a signed-in person chose with the language switch: their mails are
     * written in it. A preference of the person's own, like following; not in the audit log.
     */
    public void setLanguage(long accountId, String language) {
        db.write(handle -> handle.createUpdate("UPDATE account SET language = :language WHERE id = :id AND language <> :language")
                .bind("language", language).bind("id", accountId).execute());
    }

    /**
     * Sets a new password ({@code current} null: without asking for the old one, for a beheerder or the
     * command line) and ends the account's login sessions everywhere, except {@code keepSessionId}'s
     * (the session that made the change; null: none is kept).
     */
    public void setPassword(String username, String current, String next, Author actor, String keepSessionId) {
        db.write(handle -> {
            Account account = store.byUsername(handle, normalise(username)).orElseThrow(() -> new NotFound("account"));
            List<FieldError> errors = new ArrayList<>();
            Optional<String> hash = store.passwordHash(handle, account.id());
            if (current != null && hash.isPresent() && !hashing.matches(current, hash.get())) {
                errors.add(new FieldError("current", "error.account.currentPassword"));
            }
            checkPassword(next, account.username(), account.displayName(), errors);
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            store.setPasswordHash(handle, account.id(), hashing.hash(next));
            int ended = AccountSessions.endSessionsOf(handle, account.username(), keepSessionId);
            audit.record(handle, actor, "account.password", "account:" + account.username(), null,
                    Map.of("sessionsEnded", ended));
            return null;
        });
    }

    /**
     * Blocks or unblocks an account. Nobody blocks their own account. The command line (no account)
     * may block any, also the last beheerder: it is the operator's way to stop a compromised account.
     */
    public void setDisabled(String username, boolean disabled, Author actor) {
        db.write(handle -> {
            Account account = store.byUsername(handle, normalise(username)).orElseThrow(() -> new NotFound("account"));
            if (disabled) {
                refuseSelf(account, actor);
            }
            store.setDisabled(handle, account.id(), disabled);
            audit.record(handle, actor, disabled ? "account.disabled" : "account.enabled", "account:" + account.username(),
                    null, Map.of());
            return null;
        });
    }

    /** Grants or revokes the beheerder right; nobody revokes their own, and the last active beheerder keeps it. */
    public void setAdmin(String username, boolean admin, Author actor) {
        db.write(handle -> {
            Account account = store.byUsername(handle, normalise(username)).orElseThrow(() -> new NotFound("account"));
            if (!admin) {
                refuseSelf(account, actor);
                refuseLastAdmin(handle, account);
            }
            store.setAdmin(handle, account.id(), admin);
            audit.record(handle, actor, admin ? "account.admin-granted" : "account.admin-revoked",
                    "account:" + account.username(), null, Map.of());
            return null;
        });
    }

    /** Whether taking the beheerder right from this account would leave no active beheerder. */
    public boolean lastActiveAdmin(Account account) {
        return db.read(handle -> isLastActiveAdmin(handle, account));
    }

    private static void refuseSelf(Account account, Author actor) {
        if (actor.accountId() != null && actor.accountId() == account.id()) {
            throw new InvalidInput("action", "error.account.notSelf");
        }
    }

    private void refuseLastAdmin(Handle handle, Account account) {
        if (isLastActiveAdmin(handle, account)) {
            throw new InvalidInput("action", "error.account.lastAdmin");
        }
    }

    private boolean isLastActiveAdmin(Handle handle, Account account) {
        return account.admin() && !account.disabled() && store.activeAdmins(handle) <= 1;
    }

    // --- helpers --------------------------------------------------------------------------------

    private String checkEmail(String email, List<FieldError> errors) {
        String clean = CleanText.line(email);
        if (!clean.isEmpty() && !EMAIL.matcher(clean).matches()) {
            errors.add(new FieldError("email", "error.account.email"));
        }
        return clean;
    }

    private Long organisation(Handle handle, String slug, List<FieldError> errors) {
        if (slug == null || slug.isBlank()) {
            return null;
        }
        Optional<Long> organisation = store.organisationId(handle, slug.strip());
        if (organisation.isEmpty()) {
            errors.add(new FieldError("organisation", "error.account.organisation", slug.strip()));
        }
        return organisation.orElse(null);
    }

    /** Every password an account gets passes here: from the forms, the API, the command line and the first start. */
    private void checkPassword(String password, String username, String displayName, List<FieldError> errors) {
        passwords.refusal(password, username, displayName).ifPresent(errors::add);
    }

    public static String normalise(String username) {
        return CleanText.line(username).toLowerCase(Locale.ROOT);
    }

    static String clip(String value, int length) {
        return value.length() > length ? value.substring(0, length) : value;
    }

}
