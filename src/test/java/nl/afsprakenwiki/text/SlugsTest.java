package nl.afsprakenwiki.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Koppelzone Jeugd 's-Hertogenbosch        | koppelzone-jeugd-s-hertogenbosch
            Overgang 18-/18+                         | overgang-18-18
            Coördinatie van zorg                     | coordinatie-van-zorg
            Café Naïef IJsselmeer                    | cafe-naief-ijsselmeer
            GI's en jeugd-ggz                        | gi-s-en-jeugd-ggz
            '  --Veel   spaties & tekens!!--  '      | veel-spaties-tekens
            Wachttijden 2027                         | wachttijden-2027
            ÀÉÎÕÜ                                    | aeiou
            """)
    void namesBecomeLowerCaseAsciiWordsJoinedByHyphens(String name, String slug) {
        assertThat(Slugs.of(name, 120)).isEqualTo(slug);
    }

    @Test
    void decomposedAccentsAreDroppedLikeComposedOnes() {
        assertThat(Slugs.of("Coo\u0308rdinatie", 120)).isEqualTo("coordinatie");
    }

    @Test
    void invisibleCharactersInANameLeaveNoTraceInItsSlug() {
        assertThat(Slugs.of("Wijk\u00ADteam \u202ETil\u200Bburg\u202C\uFEFF", 120)).isEqualTo("wijkteam-tilburg");
        assertThat(Slugs.of("\u2067\u2069", 120)).isEmpty();
    }

    @Test
    void theSlugOfANameIsTheSlugOfTheCleanedName() {
        String name = "Coo\u0308rdinatie\u00AD zorg\r\n\u200E18-/18+";
        assertThat(Slugs.of(name, 120)).isEqualTo(Slugs.of(CleanText.line(name), 120)).isEqualTo("coordinatie-zorg-18-18");
    }

    @Test
    void theTurkishDottedCapitalIBecomesAPlainI() {
        assertThat(Slugs.of("\u0130stanbul", 120)).isEqualTo("istanbul");
    }

    @Test
    void ligaturesAndLettersWithoutAnAsciiBaseAreSpelledOut() {
        assertThat(Slugs.of("Straße Ørsted", 120)).isEqualTo("strasse-orsted");
        assertThat(Slugs.of("\u0132sselmeer", 120)).isEqualTo("ijsselmeer");
        assertThat(Slugs.of("Cæsar Łódź", 120)).isEqualTo("caesar-lodz");
        assertThat(Slugs.of("中文", 120)).isEmpty();
    }

    @Test
    void nothingUsableGivesAnEmptySlug() {
        assertThat(Slugs.of("", 120)).isEmpty();
        assertThat(Slugs.of("!?&  --", 120)).isEmpty();
    }

    @Test
    void longNamesAreCutWithoutATrailingHyphen() {
        assertThat(Slugs.of("Afspraken over de warme overdracht", 10)).isEqualTo("afspraken");
        assertThat(Slugs.of("Afspraken over de warme overdracht", 14)).isEqualTo("afspraken-over");
        assertThat(Slugs.of("Afspraken over de warme overdracht", 15)).isEqualTo("afspraken-over");
        assertThat(Slugs.of("abcdef", 3)).isEqualTo("abc");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a", "koppelzone-jeugd-tilburg", "18-18", "a1-b2-c3"})
    void wellFormedSlugsAreValid(String slug) {
        assertThat(Slugs.isValid(slug)).isTrue();
    }

    @ParameterizedTest(name = "\u00AB{0}\u00BB")
    @ValueSource(strings = {"", "-a", "a-", "a--b", "A", "a b", "a_b", "caf\u00E9", "a/b", "a.b", "\u0661",
        "a\u200Bb", "ab\u202E", "\uFEFFab", "a\u00ADb", "\uFF41b"})
    void malformedSlugsAreInvalid(String slug) {
        assertThat(Slugs.isValid(slug)).isFalse();
    }

    @Test
    void slugsAreAtMost120CharactersLong() {
        assertThat(Slugs.isValid("a".repeat(120))).isTrue();
        assertThat(Slugs.isValid("a".repeat(121))).isFalse();
        assertThat(Slugs.isValid(null)).isFalse();
    }

    @Test
    void everyNonEmptySlugOfARandomNameIsValidAndWithinItsLength() {
        Random random = new Random(7);
        String alphabet = "abcXYZ019 -_'’&/.!?éëïöüçßÆøĳİ\u0301\t中😀";
        for (int round = 0; round < 2_000; round++) {
            StringBuilder name = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                name.appendCodePoint(alphabet.codePoints().skip(random.nextInt((int) alphabet.codePoints().count()))
                        .findFirst().orElseThrow());
            }
            int maxLength = 1 + random.nextInt(30);

            String slug = Slugs.of(name.toString(), maxLength);

            assertThat(slug.length()).as(name.toString()).isLessThanOrEqualTo(maxLength);
            if (!slug.isEmpty()) {
                assertThat(Slugs.isValid(slug)).as("%s -> %s", name, slug).isTrue();
            }
            assertThat(Slugs.of(slug, maxLength)).as("a slug is its own slug").isEqualTo(slug);
        }
    }
}
