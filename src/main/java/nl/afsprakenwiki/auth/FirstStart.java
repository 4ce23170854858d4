package nl.afsprakenwiki.auth;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.accounts.Account;
import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.accounts.AccountStore;
import nl.afsprakenwiki.db.Database;
import nl.afsprakenwiki.db.Dialect;
import nl.afsprakenwiki.db.InstanceSettings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one-time setup link for an instance without accounts: a random token, printed at start-up,
 * that lets whoever has it create the first beheerder. It works once, and never once any account
 * exists. There is no default password.
 *
 * <p>On SQLite each start makes a new token. On PostgreSQL, where several instances share the database
 * and the load balancer may send the setup form to any of them, the first instance's token is kept in
 * the database ({@code instance_setting} {@code setup_token}) and every instance prints and accepts that
 * one; creating the first beheerder removes it.
 */
public final class FirstStart {

    /** The key of the shared token in {@code instance_setting}. */
    public static final String SETTING = "setup_token";

    private final String token;
    private final Database db;
    private final AccountStore accounts;
    private final AtomicBoolean used = new AtomicBoolean();

    private FirstStart(String token, Database db, AccountStore accounts) {
        this.token = token;
        this.db = db;
        this.accounts = accounts;
    }

    /** The setup link of the wiki on {@code db}: shared by all instances on PostgreSQL, this process's own on SQLite. */
    public static FirstStart of(Database db, AccountStore accounts) {
        String candidate = newToken();
        if (db.dialect() != Dialect.POSTGRESQL) {
            return new FirstStart(candidate, db, accounts);
        }
        return new FirstStart(db.write(handle -> {
            if (accounts.count(handle) > 0) {
                // no link once there are accounts: a token of this process only, which no account-less check passes
                return candidate;
            }
            InstanceSettings.setIfAbsent(handle, SETTING, candidate);
            return InstanceSettings.value(handle, SETTING).orElse(candidate);
        }), db, accounts);
    }

    /**
     * Creates the first beheerder if there is no account yet, in one write - so two instances that get
     * the same link at once do not both create one - and removes the shared link. Empty when an account
     * exists already.
     */
    public Optional<Account> createBeheerder(AccountService service, AccountService.NewAccount input, Author actor) {
        return db.write(handle -> {
            if (accounts.count(handle) > 0) {
                return Optional.<Account>empty();
            }
            Account created = service.create(input, actor);
            handle.createUpdate("DELETE FROM instance_setting WHERE key = :key").bind("key", SETTING).execute();
            return Optional.of(created);
        });
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String token() {
        return token;
    }

    public String path() {
        return "/setup/" + token;
    }

    public boolean matches(String candidate) {
        return !used.get() && candidate != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** Marks the link as used; true for the one caller that gets to use it. */
    public boolean use() {
        return used.compareAndSet(false, true);
    }

    /** Makes the link usable again after an attempt that did not create the account. */
    public void release() {
        used.set(false);
    }
}
