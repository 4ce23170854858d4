package nl.afsprakenwiki.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes (PHC strings). Parameters follow OWASP's minimum for Argon2id (19 MiB,
 * 2 iterations, 1 lane); they are stored in each hash, so they can be raised later without
 * breaking existing passwords. Which passwords are acceptable is {@link PasswordPolicy}'s to say.
 */
final class Passwords {

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    /** Checked when an account does not exist, so that the answer takes as long as for a wrong password. */
    private static final String DECOY = hash("afsprakenwiki-decoy-password");

    private Passwords() {
    }

    static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    static boolean matches(String password, String hash) {
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
    static void waste(String password) {
        matches(password == null ? "" : password, DECOY);
    }
}
