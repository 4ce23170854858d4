package nl.afsprakenwiki.search.analysis;

import static nl.afsprakenwiki.search.analysis.Dutch.index;
import static nl.afsprakenwiki.search.analysis.Dutch.stem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EllipsisTest {

  private static String[] stems(String words) {
    return Arrays.stream(words.split(" ")).map(Dutch::stem).toArray(String[]::new);
  }

  @ParameterizedTest(name = "\"{0}\" also indexes {1}")
  @CsvSource(delimiter = '|', value = {
      "Jeugd- en opvoedhulp voor het gezin | jeugdhulp opvoedhulp",
      "op- en afschalen | opschalen afschalen",
      "Afspraken over in-, door- en uitstroom | instroom doorstroom uitstroom",
      "het Jeugd- en gezinsteam | jeugdteam gezinsteam",
      "pleeg- en gezinshuiszorg | pleegzorg gezinshuiszorg",
      "arbeidsomstandigheden en -voorwaarden | arbeidsvoorwaarden voorwaarden arbeidsomstandigheden",
      "(werk-)afspraken | werkafspraken afspraken",
      "jeugd- en gezinscoaches | jeugdcoaches gezinscoaches",
      "op-/afschalen tijdens een traject | opschalen afschalen",
      "pleeg-en gezinshuiszorg | pleegzorg gezinshuiszorg",
      "wachtlijst(en) | wachtlijsten wachtlijst",
      "(L)VB | lvb vb"})
  void anEllipsisCompoundIsIndexedAsTheFullWords(String text, String words) {
    assertThat(index(text).terms()).contains(stems(words));
  }

  @Test
  void theCompletedWordSitsAtThePositionOfTheOpenMember() {
    Tokens tokens = index("de jeugd- en opvoedhulp");
    assertThat(tokens.first(stem("jeugdhulp")).position())
        .isEqualTo(tokens.first(stem("jeugd")).position());
    assertThat(tokens.first(stem("jeugdhulp")).startOffset()).isEqualTo(3);
  }

  @Test
  void aHyphenAtALineBreakWithoutAFittingHeadAddsNothing() {
    // "gemeente-\nlijke" is a word broken across lines, not an ellipsis: "lijke" has no head
    assertThat(index("gemeente-\nlijke taken").terms()).doesNotContain("gemeentelijk", "gemeentelijke");
  }

  @Test
  void anOrdinaryDashBetweenWordsIsNotAnEllipsis() {
    assertThat(index("de jeugd - en daarna de ouders").terms())
        .doesNotContain(stem("jeugdouders"));
  }

  @Test
  void theEllipsisExpansionIsOnlyOnTheIndexSide() {
    assertThat(Dutch.query("jeugd- en opvoedhulp").terms()).doesNotContain(stem("jeugdhulp"));
  }

  @Test
  void expandedTokensIndexWithoutOffsetErrors() throws IOException {
    try (SmallIndex index = new SmallIndex(Dutch.ANALYSIS,
        "In-, door- en uitstroom; op- en afschalen; arbeidsomstandigheden en -voorwaarden.",
        "Jeugd- en gezinsteam, pleeg- en gezinshuiszorg en (werk-)afspraken.")) {
      assertThat(index.search("doorstroom")).hasSize(1);
      assertThat(index.search("werkafspraken gezinshuiszorg")).hasSize(1);
      assertThat(index.search("arbeidsvoorwaarden")).hasSize(1);
    }
  }
}
