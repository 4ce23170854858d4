package nl.afsprakenwiki.search.analysis;

import static nl.afsprakenwiki.search.analysis.Dutch.index;
import static nl.afsprakenwiki.search.analysis.Dutch.query;
import static nl.afsprakenwiki.search.analysis.Dutch.stem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StemmingTest {

  @ParameterizedTest(name = "{0} share one stem")
  @CsvSource(delimiter = ';', value = {
      "afspraak afspraken",
      "verblijf verblijven",
      "kind kinderen kinder",
      "gezin gezinnen",
      "jongere jongeren",
      "volwassene volwassenen",
      "jongvolwassene jongvolwassenen",
      "betrokkene betrokkenen",
      "verwijzen verwijzing verwijzer verwijzers verwijs verwijst",
      "doorverwijzen doorverwijzing doorverwijzer doorverwijzers",
      "melden meldt",
      "bespreken bespreekt",
      "huis huizen",
      "regio regio's regio’s regios",
      "afschalen afschaling",
      "opschalen opschaling",
      "normaliseren normalisatie normalisering",
      "indiceren indicatie indicaties geïndiceerd geindiceerd",
      "contracteren contractering gecontracteerd gecontracteerde contracteert",
      "aanbieder aanbieders aanbieden",
      "begeleider begeleiders begeleiden",
      "huisarts huisartsen",
      "arts artsen",
      "locatie locaties",
      "instelling instellingen",
      "wijkteam wijkteams",
      "organisatie organisaties organiseren georganiseerd",
      "coördinatie coordinatie coördineren",
      "cliënt client cliënten",
      "wachtlijst wachtlijsten",
      "omstandigheid omstandigheden",
      // nouns in -ing and weak participles with ge- meet their verb
      "toetsen toetst toetsing toetsingen getoetst",
      "melden melding meldingen gemeld",
      "plaatsen plaatsing geplaatst",
      "afkeuren afgekeurd",
      "opschalen opgeschaald",
      "vragen gevraagd",
      "plannen gepland",
      "gebeuren gebeurt gebeurd",
      "trainen training trainingen",
      // strong verbs from the list of irregular forms
      "verwijzen verwezen verwees",
      "bespreken besproken",
      "aanbieden aangeboden"})
  void wordsOfOneFamilyMeetOnOneStem(String family) {
    String[] words = family.split(" ");
    assertThat(Arrays.stream(words).map(Dutch::stem).distinct())
        .as("stems of %s", family)
        .hasSize(1);
  }

  @ParameterizedTest(name = "{0} and {1} stay apart")
  @CsvSource({
      "gezin, zin",
      "gebied, bieden",
      "gezond, zonnen",
      "bekend, bekennen",
      "verband, verbannen",
      "gesloten, sluiten",
      "leerling, leren",
      "gemeente, meente",
      "jongere, jongen",
      "moeder, moed",
      "ggz, ggs",
      "plaats, plaatsing",
      "locatie, loceren",
      "markt, mark",
      "contract, contracteert"})
  void wordsThatOnlyLookAlikeKeepTheirOwnStems(String one, String other) {
    assertThat(stem(one)).isNotEqualTo(stem(other));
  }

  @Test
  void theQuerySideStemsEveryWordLikeTheIndexSide() {
    String text = "Gecontracteerde aanbieders verwijzen kinderen naar verblijven";
    assertThat(query(text).terms()).containsAll(index(text).termsAt(0));
    assertThat(query(text).terms()).contains("contracter", "aanbied", "verwijs", "kind", "verblijf");
  }

  @Test
  void anOverrideFromTheResourceFileWinsOverSnowball() {
    // Snowball alone gives "kinder" for kinderen and "kind" for kind
    assertThat(stem("kinderen")).isEqualTo("kind");
    assertThat(stem("kinderen")).isEqualTo(stem("kind"));
  }

  @Test
  void aNounEndingInTIsNotMistakenForAVerbForm() {
    // "kant" must not lose its t: "kan" is a stopword and the word would vanish
    assertThat(stem("kant")).isEqualTo("kant");
    assertThat(stem("contract")).isEqualTo("contract");
  }

  @Test
  void stopwordsAreNotStemmedIntoContentWords() {
    // "zonder" is kept as a word (see StopwordsTest) and must come out as itself
    assertThat(stem("zonder")).isEqualTo("zonder");
  }
}
