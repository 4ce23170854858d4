package nl.afsprakenwiki.chain;

import nl.afsprakenwiki.chain.Chain.ChainParty;
import nl.afsprakenwiki.chain.Chain.KindGroup;
import nl.afsprakenwiki.chain.Chain.Pair;
import nl.afsprakenwiki.chain.Chain.PairAgreement;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneLevel;
import nl.afsprakenwiki.koppelzones.Municipality;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.koppelzones.OrganisationKind;
import nl.afsprakenwiki.web.Translations;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The drawing alone, for the sizes the page must stay readable at (5 to 25 parties) and names that need escaping. */
class ChainSvgTest {

    @Test
    void aChainOfTwentyFivePartiesIsWellFormedSvgWithItsLabelsAlongTheirRays() throws Exception {
        String svg = ChainSvg.draw(chain(25), new Translations().dutch(), "t");
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        assertThat(document.getElementsByTagName("circle").getLength()).isEqualTo(25);
        assertThat(document.getElementsByTagName("text").getLength()).isEqualTo(25);
        assertThat(svg).contains("transform=\"rotate(").contains("Jeugdhulp &lt;24&gt; &amp; Zn");
    }

    @Test
    void aSmallChainKeepsItsLabelsLevel() throws Exception {
        String svg = ChainSvg.draw(chain(5), new Translations().dutch(), "t");
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        assertThat(svg).doesNotContain("rotate(");
    }

    private static Chain chain(int size) {
        List<ChainParty> team = List.of(new ChainParty(new Organisation(1, "wijkteam", "Wijkteam", OrganisationKind.LOKAAL_TEAM), true));
        List<ChainParty> providers = new ArrayList<>();
        for (int i = 2; i <= size; i++) {
            providers.add(new ChainParty(new Organisation(i, "aanbieder-" + i, "Jeugdhulp <" + i + "> & Zn", OrganisationKind.AANBIEDER), false));
        }
        List<Pair> pairs = new ArrayList<>();
        for (ChainParty provider : providers) {
            pairs.add(new Pair(team.get(0), provider, provider.organisation().id() % 2 == 0
                    ? List.of(new PairAgreement(provider.organisation().id(), "Afspraak", LinkStatus.BEKRACHTIGD, "/afspraken/1"))
                    : List.of(), provider.organisation().id() % 3 == 0
                    ? List.of(ChainLeaks.PairLeak.open(9, "Lek", Set.of(1L, provider.organisation().id()), null)) : List.of(), true, List.of()));
        }
        Koppelzone zone = new Koppelzone(1, "zone", "Zone", new Municipality(1, "stad", "Stad", null), KoppelzoneLevel.LOKAAL, "", team.get(0).organisation());
        return new Chain(zone, List.of(new KindGroup(OrganisationKind.LOKAAL_TEAM, team), new KindGroup(OrganisationKind.AANBIEDER, providers)), pairs);
    }
}
