package nl.afsprakenwiki.search.analysis;

import static nl.afsprakenwiki.search.analysis.Dutch.index;
import static nl.afsprakenwiki.search.analysis.Dutch.query;
import static nl.afsprakenwiki.search.analysis.Dutch.stem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecompoundingTest {

  /** The index terms of one word: the word itself first, then its parts (all stemmed). */
  private static List<String> termsOf(String word) {
    return index(word).termsAt(0);
  }

  private static String[] stems(String words) {
    return Arrays.stream(words.split(" ")).map(Dutch::stem).toArray(String[]::new);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "jeugdhulpaanbieder, jeugdhulp jeugd hulp aanbieder",
      "samenwerkingsafspraken, samenwerking afspraken",
      "wachtlijstbemiddeling, wachtlijst wacht lijst bemiddeling",
      "huisartsenpraktijk, huisarts praktijk huis arts",
      "gezinshuis, gezin huis",
      "verslavingszorg, verslaving zorg",
      "beschermingstafel, bescherming tafel",
      "verblijfslocatie, verblijf locatie",
      "uithuisplaatsing, plaatsing",
      "budgetplafond, budget plafond",
      "kindermishandeling, kind mishandeling",
      "jeugdbeschermingsketen, jeugdbescherming jeugd bescherming keten",
      "gezinshuiszorg, gezinshuis gezin huis zorg",
      "maatwerkvoorziening, maatwerk voorziening",
      "jeugdhulpinstelling, jeugdhulp jeugd hulp instelling",
      "wijkteammedewerkers, wijkteam wijk team medewerker",
      "jeugdggz, jeugd ggz",
      "pohjeugd, poh jeugd",
      "jeugdzorgplus, jeugdzorg plus",
      "zorgverzekeringswet, zorgverzekering zorg verzekering wet",
      // the hyphenation patterns do not see this boundary (wacht-tijdover-zicht): two long listed words
      "wachttijdoverzicht, wachttijd wacht tijd overzicht",
      "praktijkassistent, praktijk assistent"})
  void aCompoundIsIndexedWholeAndAsItsParts(String compound, String parts) {
    assertThat(termsOf(compound).get(0)).isEqualTo(stem(compound));
    assertThat(termsOf(compound)).contains(stems(parts));
  }

  @ParameterizedTest(name = "{0} stays whole")
  @ValueSource(strings = {
      "verslaving", "beleid", "jongere", "ondersteuning", "bekostiging", "gemeente", "praktijk",
      "behandeling", "overeenkomst", "samenwerking", "medewerker", "aanbieder", "toegang",
      "onderwijs", "gezondheid", "mogelijkheden", "maatschappelijke", "verschillende", "jaarlijks",
      "daarvoor", "transformatie", "combinatie", "voorwaarden", "paragraaf", "huisvesting",
      "nederlandse", "consulteerbaar", "standaarden", "kinderen", "jongeren"})
  void anOrdinaryWordIsNotCutIntoFakeParts(String word) {
    assertThat(termsOf(word)).containsExactly(stem(word));
  }

  @Test
  void verslavingIsNeverVersPlusLaving() {
    assertThat(index("verslavingszorg en verslaving").terms())
        .doesNotContain(stem("vers"), stem("laving"));
  }

  @Test
  void partsSitAtThePositionAndOffsetsOfTheWholeWord() {
    Tokens tokens = index("De jeugdhulpaanbieder belt");
    Tokens.Token whole = tokens.first(stem("jeugdhulpaanbieder"));
    for (String part : stems("jeugdhulp jeugd hulp aanbieder")) {
      Tokens.Token token = tokens.first(part);
      assertThat(token.position()).isEqualTo(whole.position());
      assertThat(token.startOffset()).isEqualTo(3);
      assertThat(token.endOffset()).isEqualTo(21);
    }
    assertThat(tokens.first(stem("belt")).position()).isEqualTo(whole.position() + 1);
  }

  @Test
  void aQueryCanAskForTheHalvesOfACompound() {
    assertThat(Dutch.ANALYSIS.compoundParts("dyslexieonderzoek")).containsExactly("dyslexie", "onderzoek");
    assertThat(Dutch.ANALYSIS.compoundParts("wachtlijstbemiddeling")).containsExactly("wachtlijst", stem("bemiddeling"));
    assertThat(Dutch.ANALYSIS.compoundParts("verslaving")).isEmpty();
  }

  @Test
  void theQuerySideKeepsCompoundsWhole() {
    assertThat(query("jeugdhulpaanbieder").terms()).containsExactly(stem("jeugdhulpaanbieder"));
    assertThat(query("wachtlijstbemiddeling").terms()).containsExactly(stem("wachtlijstbemiddeling"));
  }

  @Test
  void theLinkingSIsNotPartOfTheIndexedModifier() {
    assertThat(termsOf("samenwerkingsafspraken")).contains(stem("samenwerking"))
        .doesNotContain("samenwerkings");
  }

  @Test
  void theSameWordIsSplitOnceAndThenServedFromTheCache() {
    Decompounder decompounder = AnalysisResources.load().decompounder();
    Decomposition first = decompounder.decompose("jeugdhulpaanbieder");
    assertThat(decompounder.decompose("jeugdhulpaanbieder")).isSameAs(first);
    assertThat(first.modifier()).isEqualTo("jeugdhulp");
    assertThat(first.head()).isEqualTo("aanbieder");
  }

  @Test
  void theBoundedCacheStaysWithinItsLimit() {
    BoundedCache<String, Integer> cache = new BoundedCache<>(3);
    for (int i = 0; i < 10; i++) {
      cache.get("word" + i, String::length);
    }
    assertThat(cache.size()).isLessThanOrEqualTo(3);
    assertThat(cache.get("word9", w -> -1)).isEqualTo(5);
  }
}
