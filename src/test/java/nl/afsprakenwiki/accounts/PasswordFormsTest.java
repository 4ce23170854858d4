package nl.afsprakenwiki.accounts;

import nl.afsprakenwiki.testing.TestApp;
import nl.afsprakenwiki.testing.TestApp.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** The password rules ({@link PasswordPolicy}) as people meet them in the forms: why, in their language, next to the field. */
class PasswordFormsTest {

    private static final String ERROR = "<p class=\"error\" id=\"password-error\"><span class=\"visually-hidden\">Fout: </span>";

    @TempDir
    Path dir;
    private TestApp app;

    @BeforeEach
    void start() {
        app = TestApp.start(dir);
        app.account("marieke", "Marieke de Vries");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private Response change(TestApp.Client browser, String next) {
        return browser.submit("/profiel", "/profiel/wachtwoord", List.of(entry("current", TestApp.PASSWORD),
                entry("password", next), entry("passwordAgain", next)));
    }

    @Test
    void theProfileFormSaysInDutchWhyANewPasswordIsRefusedAndKeepsTheOldOne() {
        TestApp.Client browser = app.signIn("marieke");
        Map<String, String> refused = Map.of(
                "kort-wachtw", "Het wachtwoord moet minstens 12 tekens lang zijn.",
                "welkom123456", "Dit wachtwoord staat op de lijsten van veelgebruikte of uitgelekte wachtwoorden",
                "password1234", "Dit wachtwoord staat op de lijsten van veelgebruikte of uitgelekte wachtwoorden",
                "mariekemarieke", "Het wachtwoord is te veel gebouwd op de gebruikersnaam of de naam van het account",
                " ".repeat(11) + "x", "Het wachtwoord is makkelijk te raden door herhaling",
                "afsprakenwiki2026", "Het wachtwoord is te veel gebouwd op de naam van deze site (afsprakenwiki)");
        refused.forEach((password, why) -> {
            Response response = change(browser, password);
            assertThat(response.status()).as(password).isEqualTo(422);
            assertThat(response.body()).as(password).contains(ERROR + why).doesNotContain("value=\"" + password + "\"");
        });
        assertThat(app.newBrowser().signIn("marieke", TestApp.PASSWORD).header("Location")).isEqualTo("/");

        Response accepted = change(browser, "paraplu lantaarn dijk");
        assertThat(accepted.header("Location")).isEqualTo("/profiel?melding=wachtwoord");
        assertThat(app.newBrowser().signIn("marieke", "paraplu lantaarn dijk").header("Location")).isEqualTo("/");
    }

    @Test
    void theReasonIsInEnglishForSomeoneWhoChoseEnglish() {
        TestApp.Client browser = app.signIn("marieke");
        browser.get("/taal/en?terug=/profiel");
        Response response = change(browser, "welkom123456");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("This password is on the lists of common or breached passwords");
    }

    @Test
    void theBeheerdersAccountFormKeepsWhatWasTypedExceptThePassword() {
        app.admin("beheerder");
        TestApp.Client web = app.signIn("beheerder");
        Response response = web.submit("/beheer/accounts", "/beheer/accounts", List.of(entry("username", "jansen"),
                entry("displayName", "Kees Jansen"), entry("email", "kees@gemeente.example"), entry("password", "jansenjansen")));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains(ERROR + "Het wachtwoord is te veel gebouwd op de gebruikersnaam of de naam van het account")
                .contains("value=\"jansen\"").contains("value=\"Kees Jansen\"").contains("value=\"kees@gemeente.example\"")
                .doesNotContain("value=\"jansenjansen\"");
        assertThat(app.services.accounts().byUsername("jansen")).isEmpty();

        Response resetToWeak = web.submit("/beheer/accounts", "/beheer/accounts/marieke/wachtwoord",
                List.of(entry("password", "Marieke de Vries")));
        assertThat(resetToWeak.status()).isEqualTo(422);
        assertThat(resetToWeak.body()).contains("Het wachtwoord is te veel gebouwd op de gebruikersnaam of de naam van het account");
    }
}
