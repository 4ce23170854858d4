package nl.afsprakenwiki.search.analysis;

import static nl.afsprakenwiki.search.analysis.Dutch.index;
import static nl.afsprakenwiki.search.analysis.Dutch.query;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Numbers written as words and as digits become the same term, on both sides. */
class NumbersTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "twee, 2",
      "achttien, 18",
      "Twaalf, 12",
      "twintig, 20",
      "vierentwintig, 24",
      "tweeëntwintig, 22",
      "achtenveertig, 48",
      "honderd, 100",
      "eerste, 1",
      "derde, 3",
      "achtste, 8",
      "twaalfde, 12",
      "achttiende, 18",
      "twintigste, 20",
      "18e, 18",
      "2de, 2",
      "1ste, 1",
      "achttienjarige, 18"})
  void aNumberWordIsItsDigits(String word, String digits) {
    assertThat(index(word).terms()).containsExactly(digits);
    assertThat(query(word).terms()).containsExactly(digits);
  }

  @Test
  void theArticleEenAndOtherWordsStayWords() {
    assertThat(index("een plan").terms()).containsExactly("plan");
    assertThat(index("achter").terms()).doesNotContain("8");
    assertThat(index("tiener").terms()).doesNotContain("10");
  }

  @Test
  void digitsWithALeadingZeroStayAsWritten() {
    assertThat(index("05").terms()).containsExactly("05");
    assertThat(index("2027-03-01").terms()).contains("2027", "03", "01");
  }

  @Test
  void twelveMonthsWrittenEitherWayAreTheSamePhrase() {
    assertThat(index("twaalf maanden").terms()).isEqualTo(index("12 maanden").terms());
    assertThat(query("binnen tien werkdagen").terms()).isEqualTo(query("binnen 10 werkdagen").terms());
  }

  @Test
  void anAgeWithASignAlsoCarriesItsBareNumberInTheIndex() {
    assertThat(index("18-jarige").terms()).contains("18");
    assertThat(index("18+").terms()).containsExactly("18plus", "18");
    assertThat(query("achttien").terms()).containsExactly("18");
  }
}
