package nl.afsprakenwiki.site;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import nl.afsprakenwiki.testing.TestApp;

/** The beheerder's pages, on a phone and a laptop, and the fullest header on one row in both languages (see {@link ResponsiveBrowserTest}). */
class ResponsiveBeheerderBrowserTest extends ResponsiveBrowserTest {

    @Test
    void everyPageFitsAPhoneAndALaptopAndItsHeaderCanBeUsedByKeyboard() {
        checkAll(f -> {
            resize(LAPTOP);
            browser.signIn(MANAGER_ADMIN, TestApp.PASSWORD);
            // what the home page logged before signing in is not this check's
            browser.discardConsole();
            keyboardReachesSignOut(MANAGER_ADMIN, Keys.ENTER);
            resize(LAPTOP);
            headerIsOneRow("Dutch");
            browser.open(app.baseUrl + "/taal/en");
            headerIsOneRow("English");
            browser.open(app.baseUrl + "/taal/nl");
            visit("endorsement inbox", "/ter-bekrachtiging", true);
            visit("administration", "/beheer", false);
            visit("accounts", "/beheer/accounts", true);
            visit("organisations", "/beheer/organisaties", false);
            visit("municipalities", "/beheer/gemeenten", false);
            visit("koppelzones (administration)", "/beheer/koppelzones", false);
            visit("audit log", "/beheer/audit", true);
            visit("profile (beheerder)", "/profiel", false);
        });
    }
}
