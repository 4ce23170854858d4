package nl.afsprakenwiki.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The index keeps a known phrase (a several-word synonym or related term) as one more term, stacked
 * on its first word, exactly where the words stand as the phrase needs them.
 */
class KnownPhraseFilterTest {

  @Test
  void aKnownPhraseIsAddedOnItsFirstWordWithTheOffsetsOfTheWholePhrase() {
    Tokens tokens = Dutch.indexWithPhrases("Bel Veilig Thuis direct.");
    Tokens.Token phrase = phrase(tokens, "veilig thuis");
    Tokens.Token veilig = tokens.tokens().stream().filter(t -> t.term().equals("veilig")).findFirst().orElseThrow();
    assertThat(phrase.position()).isEqualTo(veilig.position());
    assertThat(phrase.positionLength()).isEqualTo(1);
    assertThat(phrase.startOffset()).isEqualTo(4);
    assertThat(phrase.endOffset()).isEqualTo(16);
    // everything else is exactly what the words alone give
    assertThat(tokens.tokens().stream().filter(t -> !KnownPhraseFilter.PHRASE.equals(t.type())).toList())
        .isEqualTo(Dutch.index("Bel Veilig Thuis direct.").tokens());
  }

  @Test
  void theWordsMustStandAsThePhraseHasThem() {
    assertThat(phrases(Dutch.indexWithPhrases("Thuis is veilig."))).isEmpty();
    assertThat(phrases(Dutch.indexWithPhrases("veilig en thuis"))).isEmpty();
    // a stopword between them leaves a gap that only a phrase with that gap matches
    assertThat(phrases(Dutch.indexWithPhrases("centrum voor jeugd en gezin")))
        .contains(KnownPhrases.key(List.of("centrum", "jeugd", "gezin"), List.of(0, 2, 4)));
  }

  @Test
  void partsOfAWrittenCompoundCountAsTheyDoForAPhraseQuery() {
    // jeugd-ggz is indexed as jeugdggz with the stacked parts jeugd and ggz: the phrase "jeugd ggz" matches
    assertThat(phrases(Dutch.indexWithPhrases("de jeugd-ggz belt"))).contains("jeugd ggz");
  }

  @Test
  void everyOccurrenceCountsOnceAndTheFieldKeepsItsLength() {
    Tokens tokens = Dutch.indexWithPhrases("Veilig Thuis meldt. Daarna belt Veilig Thuis terug.");
    assertThat(phrases(tokens)).containsExactly("veilig thuis", "veilig thuis");
    assertThat(tokens.tokens().stream().filter(t -> KnownPhraseFilter.PHRASE.equals(t.type())))
        .allSatisfy(t -> assertThat(tokens.tokens().stream().filter(o -> o.position() == t.position()).count())
            .isGreaterThan(1));
  }

  @Test
  void theSetHoldsTheSeveralWordSynonymsAndRelatedTerms() {
    KnownPhrases known = Dutch.knownPhrases();
    assertThat(known.all()).hasSizeGreaterThan(50);
    assertThat(known.joined(List.of("veilig", "thuis"), List.of(0, 1))).isEqualTo("veilig thuis");
    assertThat(known.joined(List.of("thuis", "veilig"), List.of(0, 1))).isNull();
  }

  private static Tokens.Token phrase(Tokens tokens, String key) {
    return tokens.tokens().stream().filter(t -> t.term().equals(key)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + key + " in " + tokens));
  }

  private static List<String> phrases(Tokens tokens) {
    return tokens.tokens().stream().filter(t -> KnownPhraseFilter.PHRASE.equals(t.type())).map(Tokens.Token::term).toList();
  }
}
