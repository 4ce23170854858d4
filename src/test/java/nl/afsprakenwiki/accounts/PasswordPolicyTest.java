package nl.afsprakenwiki.accounts;

import nl.afsprakenwiki.access.InvalidInput.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    /** Built once, as the application does: the dictionaries load in the constructor. */
    private static final PasswordPolicy POLICY = new PasswordPolicy();

    private static Optional<String> refusal(String password) {
        return POLICY.refusal(password, "marieke.jansen", "Marieke Jansen").map(FieldError::messageKey);
    }

    @Test
    void aPasswordShorterThanTwelveCharactersIsRefusedWithTheMinimum() {
        Optional<FieldError> refusal = POLICY.refusal("kort-maar-x", "marieke", "Marieke");
        assertThat(refusal).hasValueSatisfying(error -> {
            assertThat(error.field()).isEqualTo("password");
            assertThat(error.messageKey()).isEqualTo("error.account.passwordShort");
            assertThat(error.arguments()).containsExactly(12);
        });
        assertThat(refusal(null)).hasValue("error.account.passwordShort");
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        // eleven emoji are 22 UTF-16 units but eleven characters
        assertThat(refusal("\uD83D\uDE00".repeat(11))).hasValue("error.account.passwordShort");
    }

    @Test
    void aPasswordLongerThanTwoHundredCharactersIsRefused() {
        assertThat(refusal("a".repeat(201))).hasValue("error.account.passwordLong");
    }

    @ParameterizedTest
    @ValueSource(strings = {"welkom123456", "password1234", "wachtwoord1234", "qwertyuiop123", "Welkom2024!!"})
    void commonAndBreachedPasswordsAreRefused(String password) {
        assertThat(refusal(password)).isPresent();
    }

    @Test
    void aCommonPasswordIsRefusedAsCommon() {
        assertThat(refusal("welkom123456")).hasValue("error.account.passwordCommon");
        assertThat(refusal("password1234")).hasValue("error.account.passwordCommon");
    }

    @Test
    void tenSpacesAndAnXAndElevenSpacesAndAnXAreRefused() {
        assertThat(refusal(" ".repeat(10) + "x")).hasValue("error.account.passwordShort");
        assertThat(refusal(" ".repeat(11) + "x")).hasValue("error.account.passwordRepeats");
        assertThat(refusal(" ".repeat(20) + "x")).hasValue("error.account.passwordRepeats");
    }

    @ParameterizedTest
    @ValueSource(strings = {"marieke.jansenmarieke.jansen", "mariekejansen", "MariekeJansen2024", "jansenjansen",
        "Marieke Jansen!", "mariekemarieke"})
    void aPasswordBuiltFromTheUsernameOrDisplayNameIsRefused(String password) {
        assertThat(refusal(password)).hasValue("error.account.passwordPersonal");
    }

    @Test
    void theUsernameTwiceIsRefusedForAnyAccount() {
        assertThat(POLICY.refusal("pietpietpiet", "piet", "Piet").map(FieldError::messageKey))
                .hasValue("error.account.passwordPersonal");
        assertThat(POLICY.refusal("bakkerbakker", "bakker", "P. Bakker").map(FieldError::messageKey))
                .hasValue("error.account.passwordPersonal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"afsprakenwiki", "afsprakenwiki1", "Afsprakenwiki2026", "afspraken-wiki!", "wikiwikiwiki"})
    void aPasswordBuiltFromTheSitesNameIsRefused(String password) {
        assertThat(refusal(password)).hasValue("error.account.passwordSiteName");
    }

    @Test
    void theOldDemoAndTestPasswordsNoLongerPass() {
        assertThat(refusal("demo-afspraken")).isPresent();
        assertThat(refusal("test-wachtwoord-2026")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"paraplu lantaarn dijk", "koffie-fiets-regenjas-tulp", "Onze koppelzone vergadert op dinsdag",
        "kX9#mQ2$vL7p", "drie oude fietsen op de dijk"})
    void aGoodPassphraseIsAccepted(String password) {
        assertThat(refusal(password)).isEmpty();
    }

    @Test
    void aPassphraseThatMerelyMentionsTheSiteOrTheNameIsStillAccepted() {
        // the known words add nothing, but the rest is strong enough on its own
        assertThat(refusal("marieke fietst naar de afspraken op dinsdag")).isEmpty();
    }

    @Test
    void theFixturePasswordsPass() {
        assertThat(POLICY.refusal(nl.afsprakenwiki.testing.TestApp.PASSWORD, "marieke", "Marieke de Vries")).isEmpty();
        assertThat(POLICY.refusal(nl.afsprakenwiki.transfer.DemoContent.DEMO_PASSWORD, "expert.tilburg",
                "Marieke de Vries (demo)")).isEmpty();
    }

    @Test
    void personalWordsAreTheNamesAndTheirPartsOfThreeOrMoreCharacters() {
        assertThat(PasswordPolicy.personalWords("marieke.de-vries", "Marieke de Vries"))
                .contains("marieke.de-vries", "mariekedevries", "marieke", "vries", "marieke de vries")
                .doesNotContain("de");
    }

    @Test
    void aCheckIsQuickOnceThePolicyIsBuilt() {
        POLICY.refusal("warm-up-fiets-tulp", "piet", "Piet");
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            POLICY.refusal("koffie-fiets-regenjas-tulp-" + i, "piet", "Piet");
        }
        long perCheck = (System.nanoTime() - start) / 10 / 1_000_000;
        assertThat(perCheck).as("milliseconds per check").isLessThan(250);
    }
}
