package nl.afsprakenwiki.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

import java.util.concurrent.CompletableFuture;

/**
 * Argon2id password hashes (PHC strings). {@link #STANDARD} follows OWASP's minimum for Argon2id
 * (19 MiB, 2 iterations, 1 lane) and is what the wiki always uses when it runs. The parameters are
 * stored in each hash and a check reads them from there, so they can be raised later without
 * breaking existing passwords. Which passwords are acceptable is {@link PasswordPolicy}'s to say.
 */
public final class PasswordHashing {

    /** OWASP's minimum for Argon2id: 19 MiB, 2 iterations, 1 lane. */
    public static final PasswordHashing STANDARD = new PasswordHashing(19_456, 2);
    /**
     * Still Argon2id, with the least memory and time it allows: for the test suite only, which
     * creates and signs in hundreds of accounts and would otherwise spend a minute hashing.
     */
    public static final PasswordHashing LIGHT = new PasswordHashing(64, 1);

    private final Argon2Function argon2id;
    /**
     * Checked when an account does not exist, so that the answer takes as long as for a wrong password;
     * hashed beside the start-up (a second of Argon2id the first page need not wait for).
     */
    private final CompletableFuture<String> decoy;

    private PasswordHashing(int memoryKiB, int iterations) {
        this.argon2id = Argon2Function.getInstance(memoryKiB, iterations, 1, 32, Argon2.ID);
        Argon2Function function = argon2id;
        this.decoy = CompletableFuture.supplyAsync(() -> Password.hash("afsprakenwiki-decoy-password")
                .addRandomSalt(16).with(function).getResult());
    }

    String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(argon2id).getResult();
    }

    boolean matches(String password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Spends the time of one password check without a real hash. */
    void waste(String password) {
        matches(password == null ? "" : password, decoy.join());
    }
}
