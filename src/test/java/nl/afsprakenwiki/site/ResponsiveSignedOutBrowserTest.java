package nl.afsprakenwiki.site;

import org.junit.jupiter.api.Test;

/** The pages a visitor sees signed out, on a phone and a laptop (see {@link ResponsiveBrowserTest}). */
class ResponsiveSignedOutBrowserTest extends ResponsiveBrowserTest {

    @Test
    void everyPageFitsAPhoneAndALaptopAndItsHeaderCanBeUsedByKeyboard() {
        checkAll(f -> {
            resize(PHONE);
            visit("home", "/", true);
            visit("search results", "/zoeken?q=jeugd", false);
            visit("search without results", "/zoeken?q=xyzzyqwerty", false);
            visit("koppelzone", "/koppelzones/" + KOPPELZONE, false);
            visit("organisation", "/organisaties/wijkteam-tilburg", false);
            visit("agreement", "/afspraken/" + f.endorsed(), false);
            visit("history", "/afspraken/" + f.endorsed() + "/geschiedenis", true);
            visit("revision", "/afspraken/" + f.endorsed() + "/revisies/1", false);
            visit("compare revisions", "/afspraken/" + f.endorsed() + "/vergelijk?van=1&naar=2", true);
            visit("compare two agreements", "/vergelijken?a=" + f.endorsed() + "&b=" + f.zwolle(), false);
            visit("compare two agreements inline", "/vergelijken?a=" + f.endorsed() + "&b=" + f.zwolle() + "&weergave=inline", false);
            visit("endorsement rounds", "/afspraken/" + f.endorsed() + "/bekrachtigingen", false);
            visit("family", "/afspraken/" + f.zwolle() + "/familie", false);
            visit("incoming source proposals", "/afspraken/" + f.zwolle() + "/bronvoorstellen", false);
            visit("login", "/login", false);
            visit("account set-up with an unknown token", "/setup/onbekend", false);
            visit("error page", "/afspraken/999999", false);
        });
    }
}
