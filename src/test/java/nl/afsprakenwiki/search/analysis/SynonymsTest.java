package nl.afsprakenwiki.search.analysis;

import static nl.afsprakenwiki.search.analysis.Dutch.index;
import static nl.afsprakenwiki.search.analysis.Dutch.query;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SynonymsTest {
  private static final String LOKAAL_TEAM = "Het lokaal team bespreekt de aanmelding.";
  private static final String BUURTTEAM = "De buurtteams overleggen wekelijks.";
  private static final String WIJKTEAM = "Het wijkteam verwijst naar de aanbieder.";
  private static final String JEUGD_EN_GEZINSTEAM = "Het Jeugd- en gezinsteam doet de intake.";
  private static final String GI = "De GI’s leveren een jeugdbeschermer.";
  private static final String GECERTIFICEERD = "Een gecertificeerde instelling voert de maatregel uit.";
  private static final String JEUGD_GGZ = "Wachttijden bij de jeugd-ggz lopen op.";
  private static final String JEUGD_SPACE_GGZ = "De Jeugd GGZ Zaanstreek heeft plek.";
  private static final String JGGZ = "Een POH JGGZ in elke praktijk.";
  private static final String ZIN_WORD = "Het heeft geen zin om te wachten.";
  private static final String ZIN_NATURA = "Ouders kiezen voor zorg in natura.";
  private static final String CAT = "De kat zit op de mat.";

  private static SmallIndex corpus() {
    return new SmallIndex(Dutch.ANALYSIS, LOKAAL_TEAM, BUURTTEAM, WIJKTEAM, JEUGD_EN_GEZINSTEAM, GI,
        GECERTIFICEERD, JEUGD_GGZ, JEUGD_SPACE_GGZ, JGGZ, ZIN_WORD, ZIN_NATURA, CAT);
  }

  @Test
  void wijkteamFindsEveryNameOfTheLocalTeam() throws IOException {
    try (SmallIndex index = corpus()) {
      assertThat(index.search("wijkteam"))
          .containsExactly(LOKAAL_TEAM, BUURTTEAM, WIJKTEAM, JEUGD_EN_GEZINSTEAM);
      assertThat(index.search("buurtteam")).contains(LOKAAL_TEAM, WIJKTEAM);
      assertThat(index.search("\"lokaal team\"")).contains(WIJKTEAM, BUURTTEAM);
    }
  }

  @Test
  void anAbbreviationFindsItsExpansionAndBack() throws IOException {
    try (SmallIndex index = corpus()) {
      assertThat(index.search("GI")).containsExactly(GI, GECERTIFICEERD);
      assertThat(index.search("\"gecertificeerde instelling\"")).containsExactly(GI, GECERTIFICEERD);
      assertThat(index.searchAsOneText("gecertificeerde instelling")).containsExactly(GI, GECERTIFICEERD);
    }
  }

  /**
   * SimpleQueryParser analyses each unquoted word on its own, so a multi-word synonym only fires
   * for a quoted phrase or when the whole text is analysed at once (QueryBuilder).
   */
  @Test
  void unquotedWordsInSimpleQueryParserAreAnalysedOneByOne() throws IOException {
    try (SmallIndex index = corpus()) {
      assertThat(index.search("gecertificeerde instelling")).containsExactly(GECERTIFICEERD);
    }
  }

  @Test
  void jggzFindsEveryWritingOfJeugdGgz() throws IOException {
    try (SmallIndex index = corpus()) {
      assertThat(index.search("JGGZ")).containsExactly(JEUGD_GGZ, JEUGD_SPACE_GGZ, JGGZ);
      assertThat(index.search("jeugd-ggz")).containsExactly(JEUGD_GGZ, JEUGD_SPACE_GGZ, JGGZ);
      assertThat(index.search("\"jeugd geestelijke gezondheidszorg\""))
          .containsExactly(JEUGD_GGZ, JEUGD_SPACE_GGZ, JGGZ);
    }
  }

  @Test
  void zinIsExpandedOneWayOnly() throws IOException {
    try (SmallIndex index = corpus()) {
      // the abbreviation finds the expansion (and the ordinary word, which is the price)
      assertThat(index.search("ZIN")).containsExactly(ZIN_WORD, ZIN_NATURA);
      // the expansion does not drag in every sentence with the word "zin"
      assertThat(index.search("\"zorg in natura\"")).containsExactly(ZIN_NATURA);
    }
  }

  @Test
  void synonymsAreNotAppliedAtIndexTime() {
    assertThat(index("Het heeft geen zin.").terms()).doesNotContain("natura");
    assertThat(index("wijkteam").terms()).doesNotContain("buurtteam");
  }

  @ParameterizedTest(name = "{0} expands to {1}")
  @CsvSource({
      "VT, veilig",
      "EED, dyslexie",
      "POH-jeugd, praktijkondersteuner",
      "CJG, centrum",
      "LVB, verstandelijke",
      "JeugdzorgPlus, gesloten",
      "PGB, persoonsgebonden",
      "Wmo, maatschappelijke",
      "Zvw, zorgverzekeringswet",
      "Wlz, langdurige",
      "OBC, orthopedagogisch",
      "verwijzing, doorverwijzing",
      "afschalen, terugschalen",
      "uithuisplaatsing, plaatsing",
      "J&O, opvoedhulp",
      "P*Q, pxq",
      "BJZ, bureau",
      "JGC, gezinscoach",
      "RvdK, kinderbescherming"})
  void theSynonymFileCoversTheDomainAbbreviations(String written, String expandedWord) {
    assertThat(query(written).terms()).contains(Dutch.stem(expandedWord));
  }

  @Test
  void anUnrelatedWordGetsNoSynonyms() {
    assertThat(query("kat").terms()).containsExactly("kat");
  }
}
