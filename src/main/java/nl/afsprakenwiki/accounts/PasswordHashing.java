package nl.afsprakenwiki.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes (PHC strings). {@link #STANDARD} follows OWASP's minimum for Argon2id
 * (19 MiB, 2 iterations, 1 lane) and is what the wiki always uses when it runs. The parameters are
 * stored in each hash and a check reads them from there, so they can be raised later without
 * breaking existing passwords. Which passwords are acceptable is {@link PasswordPolicy}'s to say.
 */
public final class PasswordHashing {

    /** OWASP's minimum for Argon2id: 19 MiB, 2 iterations, 1 lane. */
    public static final PasswordHashing STANDARD = new PasswordHashing(19_456, 2,
            "$argon2id$v=19$m=19456,t=2,p=1$ZKDcBmi9lJOUlFdQ97MG+w$q6pTTCWkCQzsr+6L++WM/na6LNo3iMQv78+c8XsCmmg");
    /**
     * Still Argon2id, with the least memory and time it allows: for the test suite only, which
     * creates and signs in hundreds of accounts and would otherwise spend a minute hashing.
     */
    public static final PasswordHashing LIGHT = new PasswordHashing(64, 1,
            "$argon2id$v=19$m=64,t=1,p=1$Fbp8YUFwV1WcO2tCI7Oryw$t8bbgylr6t82d8i2PcvafdxoPY3S1XWVI7pJ8tdVlr8");

    private final Argon2Function argon2id;
    /**
     * Checked when an account does not exist, so that the answer takes as long as for a wrong
     * password: a hash of a password nobody uses, made once with the same parameters and written
     * here, so that nothing is hashed at start-up (it was a second of Argon2id before the first page).
     */
    private final String decoy;

    private PasswordHashing(int memoryKiB, int iterations, String decoy) {
        this.argon2id = Argon2Function.getInstance(memoryKiB, iterations, 1, 32, Argon2.ID);
        Argon2Function decoyFunction = Argon2Function.getInstanceFromHash(decoy);
        if (decoyFunction.getMemory() != memoryKiB || decoyFunction.getIterations() != iterations
                || decoyFunction.getParallelism() != 1 || decoyFunction.getOutputLength() != 32) {
            throw new IllegalStateException("the decoy hash must have the parameters it stands in for");
        }
        this.decoy = decoy;
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
        matches(password == null ? "" : password, decoy);
    }
}
