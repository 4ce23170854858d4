package nl.afsprakenwiki.search.analysis;

import static nl.afsprakenwiki.search.analysis.Dutch.index;
import static nl.afsprakenwiki.search.analysis.Dutch.query;
import static nl.afsprakenwiki.search.analysis.Dutch.spell;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class StopwordsTest {

  @Test
  void commonFunctionWordsAreRemoved() {
    assertThat(index("de aanbieder en het wijkteam van de gemeente").terms())
        .doesNotContain("de", "en", "het", "van");
  }

  @Test
  void wordsThatCarryMeaningInThisDomainAreKept() {
    assertThat(index("jeugdhulp zonder verblijf").terms()).contains("zonder");
    assertThat(index("niet vrij toegankelijke jeugdhulp").terms()).contains("niet");
    assertThat(index("Veilig Thuis").terms()).containsExactly("veilig", "thuis");
    assertThat(spell("zonder verblijf en niet vrij").terms()).contains("zonder", "niet");
  }

  @Test
  void removalLeavesTheSamePositionGapOnBothSides() {
    Tokens indexed = index("zorg in natura");
    Tokens queried = query("\"zorg in natura\"");
    assertThat(indexed.first("natura").position() - indexed.first("zorg").position()).isEqualTo(2);
    assertThat(queried.first("natura").position() - queried.first("zorg").position()).isEqualTo(2);
  }

  @Test
  void phraseQueriesWithStopwordsStillMatch() throws IOException {
    String natura = "Ouders kiezen voor zorg in natura of een pgb.";
    String apart = "Zorg wordt in de regio geleverd, natura niet.";
    String zonder = "Jeugdhulp zonder verblijf heeft de voorkeur.";
    String met = "Jeugdhulp met verblijf is duur.";
    try (SmallIndex index = new SmallIndex(Dutch.ANALYSIS, natura, apart, zonder, met)) {
      assertThat(index.search("\"zorg in natura\"")).containsExactly(natura);
      assertThat(index.search("\"jeugdhulp zonder verblijf\"")).containsExactly(zonder);
      assertThat(index.search("\"jeugdhulp met verblijf\"")).containsExactly(met);
    }
  }

  @Test
  void aQueryOfOnlyStopwordsMatchesNothing() throws IOException {
    try (SmallIndex index = new SmallIndex(Dutch.ANALYSIS, "de kat en de hond")) {
      assertThat(index.search("de en het")).isEmpty();
    }
  }
}
