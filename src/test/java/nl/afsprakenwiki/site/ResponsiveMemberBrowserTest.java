package nl.afsprakenwiki.site;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/** The pages of a praktijkexpert and a voorzitter, on a phone and a laptop, and their header by keyboard (see {@link ResponsiveBrowserTest}). */
class ResponsiveMemberBrowserTest extends ResponsiveBrowserTest {

    @Test
    void everyPageFitsAPhoneAndALaptopAndItsHeaderCanBeUsedByKeyboard() {
        checkAll(f -> {
            signIn("expert.tilburg");
            keyboardReachesSignOut("expert.tilburg", Keys.ENTER);
            visit("agreement (expert)", "/afspraken/" + f.concept(), false);
            visit("edit form", "/afspraken/" + f.concept() + "/bewerken", false);
            visit("new agreement form", "/koppelzones/" + KOPPELZONE + "/nieuw", false);
            visit("adopt form", "/afspraken/" + f.zwolle() + "/overnemen", false);
            visit("adopted agreement", "/afspraken/" + f.adopted(), false);
            visit("upstream changes", "/afspraken/" + f.adopted() + "/bron-bijwerken", false);
            visit("propose to the source", "/afspraken/" + f.adopted() + "/voorstel-aan-bron", false);
            visit("my overview", "/mijn-overzicht", true);
            visit("koppelzone overview", "/koppelzones/" + KOPPELZONE + "/overzicht", false);
            visit("acknowledgements", "/koppelzones/" + KOPPELZONE + "/kennisname", false);
            visit("meetings", "/koppelzones/" + KOPPELZONE + "/overleggen", false);
            visit("profile", "/profiel", false);
            signOut();

            // voorzitter
            signIn("voorzitter.tilburg");
            keyboardReachesSignOut("voorzitter.tilburg", Keys.SPACE);
            visit("koppelzone (voorzitter)", "/koppelzones/" + KOPPELZONE, false);
            visit("koppelzone management", "/koppelzones/" + KOPPELZONE + "/beheer", true);
            visit("meeting plan form", "/koppelzones/" + KOPPELZONE + "/overleggen/nieuw", false);
            visit("meeting with action items", "/overleggen/" + f.meeting(), true);
            visit("move or cancel a meeting", "/overleggen/" + f.meeting() + "/wijzigen", false);
            visit("propose for endorsement", "/afspraken/" + f.concept() + "/voorstellen", false);
            visit("withdraw proposal", "/afspraken/" + f.proposed() + "/intrekken", false);
            visit("retire", "/afspraken/" + f.endorsed() + "/laten-vervallen", false);
            visit("review date", "/afspraken/" + f.endorsed() + "/herzieningsdatum", false);
            signOut();
        });
    }
}
