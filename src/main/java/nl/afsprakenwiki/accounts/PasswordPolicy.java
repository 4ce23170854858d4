package nl.afsprakenwiki.accounts;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.matching.match.DictionaryMatch;
import me.gosimple.nbvcxz.matching.match.Match;
import me.gosimple.nbvcxz.matching.match.RepeatMatch;
import me.gosimple.nbvcxz.matching.match.SequenceMatch;
import me.gosimple.nbvcxz.matching.match.SpacialMatch;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import nl.afsprakenwiki.access.InvalidInput.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rules for a new password, after NIST SP 800-63B (§5.1.1.2) and the NCSC: long enough, and
 * not easy to guess. How guessable a password is, the maintained estimator nbvcxz (a zxcvbn
 * descendant) decides rather than hand-written rules: it knows common and breached passwords, names,
 * words, keyboard patterns, sequences, repeats, dates and leet spellings, and here also the
 * account's own names and the site's name, which count as known words. No composition rules
 * (a digit, a capital …): they make passwords harder to remember, not to guess.
 *
 * <p>Build one instance and share it: the first estimate loads nbvcxz's dictionaries (about a second);
 * the server has that done soon after its start-up ({@link #warmUp}), other commands when they need it. Every account creation and password change, whether
 * from a form, the API or the command line, goes through {@link AccountService}, which asks this class.
 */
public final class PasswordPolicy {

    /** NIST's minimum for a password chosen by its user is 8; the NCSC and this wiki ask for 12. */
    public static final int MIN_LENGTH = 12;
    /** Long enough for any passphrase; Argon2 hashes any length, this only bounds the work. */
    public static final int MAX_LENGTH = 200;
    /**
     * The estimated guesses a password must take, as bits (log2 of the guesses): nbvcxz's default.
     * A random 12-character password of letters and digits scores about 50, four random common words
     * about 60; "welkom123456" scores 13 and "Zomer2024!abc" 27.
     */
    static final double MIN_ENTROPY = 35;
    /** The wiki's own name and its parts: the first words someone guessing passwords here would try. */
    static final List<String> SITE_WORDS = List.of("afsprakenwiki", "afspraken", "wiki");

    private static final String SITE = "site";
    private static final String PERSONAL = "personal";
    /** nbvcxz's list of common and breached passwords. */
    private static final String COMMON = "passwords";
    /** Shorter parts of a name would match too much of an unrelated password ("de", "an"). */
    private static final int MIN_PERSONAL_WORD = 3;

    /** nbvcxz's dictionaries and ours, loaded on first use (about a second) or by {@link #warmUp}. */
    private List<Dictionary> dictionaries;

    public PasswordPolicy() {
    }

    /**
     * Loads the dictionaries and matchers now, so that the first account someone creates does not
     * wait for them; the server calls it soon after its start-up (not beside it: the start-up needs the cores).
     */
    public void warmUp() {
        estimator(List.of()).estimate("opwarmen-bij-het-starten");
    }

    private synchronized List<Dictionary> dictionaries() {
        if (dictionaries == null) {
            List<Dictionary> all = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
            all.add(excluded(SITE, SITE_WORDS));
            dictionaries = List.copyOf(all);
        }
        return dictionaries;
    }

    /**
     * Why {@code password} may not be the password of the account with this username and display
     * name, as a field error on "password"; empty when it may.
     */
    public Optional<FieldError> refusal(String password, String username, String displayName) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(new FieldError("password", "error.account.passwordShort", MIN_LENGTH));
        }
        if (length > MAX_LENGTH) {
            return Optional.of(new FieldError("password", "error.account.passwordLong", MAX_LENGTH));
        }
        var result = estimator(personalWords(username, displayName)).estimate(password);
        if (result.isMinimumEntropyMet()) {
            return Optional.empty();
        }
        return Optional.of(new FieldError("password", reason(result.getMatches())));
    }

    /** The most telling reason among what nbvcxz found, so the person knows what to change. */
    private static String reason(List<Match> matches) {
        Set<String> found = new LinkedHashSet<>();
        for (Match match : matches) {
            if (match instanceof DictionaryMatch word) {
                found.add(word.getDictionaryName());
            } else if (match instanceof RepeatMatch) {
                found.add("repeat");
            } else if (match instanceof SequenceMatch || match instanceof SpacialMatch) {
                found.add("pattern");
            }
        }
        if (found.contains(PERSONAL)) {
            return "error.account.passwordPersonal";
        }
        if (found.contains(SITE)) {
            return "error.account.passwordSiteName";
        }
        if (found.contains(COMMON)) {
            return "error.account.passwordCommon";
        }
        if (found.contains("repeat")) {
            return "error.account.passwordRepeats";
        }
        if (found.contains("pattern")) {
            return "error.account.passwordPattern";
        }
        return "error.account.passwordGuessable";
    }

    /** An estimator that also knows these words of the account; cheap, the dictionaries are shared. */
    private Nbvcxz estimator(List<String> personal) {
        List<Dictionary> all = new ArrayList<>(dictionaries());
        if (!personal.isEmpty()) {
            all.add(excluded(PERSONAL, personal));
        }
        return new Nbvcxz(new ConfigurationBuilder().setDictionaries(all).setMinimumEntropy(MIN_ENTROPY)
                .setMaxLength(MAX_LENGTH).createConfiguration());
    }

    /** The username, the display name, and their parts ("marieke.de-vries" → marieke, vries …). */
    static List<String> personalWords(String username, String displayName) {
        Set<String> words = new LinkedHashSet<>();
        for (String name : new String[] {username, displayName}) {
            if (name == null) {
                continue;
            }
            String lower = name.strip().toLowerCase(Locale.ROOT);
            words.add(lower);
            words.add(lower.replaceAll("[^\\p{L}\\p{N}]+", ""));
            for (String part : lower.split("[^\\p{L}\\p{N}]+")) {
                words.add(part);
            }
        }
        words.removeIf(word -> word.codePointCount(0, word.length()) < MIN_PERSONAL_WORD);
        return List.copyOf(words);
    }

    /** Words that contribute nothing to a password's strength: nbvcxz's exclusion dictionary. */
    private static Dictionary excluded(String name, List<String> words) {
        DictionaryBuilder builder = new DictionaryBuilder().setDictionaryName(name).setExclusion(true);
        words.forEach(word -> builder.addWord(word, 0));
        return builder.createDictionary();
    }
}
