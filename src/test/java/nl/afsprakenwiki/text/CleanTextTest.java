package nl.afsprakenwiki.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CleanTextTest {

    /** Every character the brief names, as code points. */
    private static final int[] REMOVED_FROM_LINES = {
        0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C,
        0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x2061, 0x180E, 0xFFF9, 0xE0001, 0xE0041,
        0x0000, 0x0007, 0x001B, 0x007F, 0x0085, 0x009B, 0x3164, 0x115F};

    @Test
    void aTitleWithARightToLeftOverrideCannotDisplayReversed() {
        assertThat(CleanText.line("Terugbellen \u202Enegnillebmo\u202C na aanmelding"))
                .isEqualTo("Terugbellen negnillebmo na aanmelding");
        assertThat(CleanText.line("\u2067Wijkteam\u2069 Tilburg")).isEqualTo("Wijkteam Tilburg");
    }

    @Test
    void zeroWidthAndInvisibleCharactersAreRemovedFromOneLineValues() {
        for (int c : REMOVED_FROM_LINES) {
            String dirty = "Warme" + Character.toString(c) + "overdracht";
            assertThat(CleanText.line(dirty)).as("U+%04X", c).isIn("Warmeoverdracht", "Warme overdracht");
        }
    }

    @Test
    void lineBreaksAndTabsInAOneLineValueBecomeOneSpace() {
        assertThat(CleanText.line("Warme\r\n\toverdracht")).isEqualTo("Warme overdracht");
        assertThat(CleanText.line("Warme\u2028overdracht")).isEqualTo("Warme overdracht");
    }

    @Test
    void decomposedLettersAreComposed() {
        assertThat(CleanText.line("Coo\u0308rdinatie Cafe\u0301")).isEqualTo("Co\u00F6rdinatie Caf\u00E9");
        assertThat(CleanText.text("Cafe\u0301\n")).isEqualTo("Caf\u00E9\n");
    }

    @Test
    void aRemovedCharacterBetweenLetterAndAccentDoesNotKeepThemApart() {
        assertThat(CleanText.line("Cafe\u200B\u0301")).isEqualTo("Caf\u00E9");
    }

    @Test
    void surroundingSpaceGoesIncludingNoBreakSpaceButInnerSpaceStays() {
        assertThat(CleanText.line("\u00A0 Warme  overdracht\u3000\u200B")).isEqualTo("Warme  overdracht");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"202E", "200B", "FEFF", "00AD", "2066", "200F", "0007", "3164"})
    void aValueOfOnlyInvisibleCharactersBecomesEmpty(String hex) {
        String invisible = Character.toString(Integer.parseInt(hex, 16));
        assertThat(CleanText.line(" " + invisible + invisible + " ")).isEmpty();
    }

    @Test
    void aNextLineControlInABodyBecomesANewlineAndOtherControlsGo() {
        assertThat(CleanText.text("een\u0085regel\u0000 met\u0007 bel\u001B[31m\n")).isEqualTo("een\nregel met bel[31m\n");
    }

    @Test
    void nullBecomesEmpty() {
        assertThat(CleanText.line(null)).isEmpty();
        assertThat(CleanText.text(null)).isEmpty();
    }

    @Test
    void visibleTextIsLeftAlone() {
        String text = "Jeugd-ggz 18-/18+ 's-Hertogenbosch: \u0627\u0644\u0639\u0631\u0628\u064A\u0629 \u4E2D\u6587 \uD83D\uDE00 "
                + "\u2764\uFE0F \u0600\u0661";
        assertThat(CleanText.line(text)).isEqualTo(text);
        assertThat(CleanText.text(text)).isEqualTo(text);
    }

    @Test
    void aBodyKeepsItsLinesAndIndentationButLosesBidiOverridesAndIsolates() {
        String body = "# Kop\r\n\n    code\tmet tab\n- punt\u202E omgekeerd\u202C\n\u2066ge\u00EFsoleerd\u2069\n";
        assertThat(CleanText.text(body)).isEqualTo("# Kop\r\n\n    code\tmet tab\n- punt omgekeerd\ngeïsoleerd\n");
    }

    @Test
    void aBodyLosesControlCharactersAndByteOrderMarksButKeepsJoinersAndDirectionMarks() {
        assertThat(CleanText.text("\uFEFFa\u0000b\u001Bc\u007F")).isEqualTo("abc");
        String honest = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 \u200F(2)\u200F \uD83D\uDC68\u200D\uD83D\uDC67";
        assertThat(CleanText.text(honest)).isEqualTo(honest);
    }

    @Test
    void unpairedSurrogatesAreRemoved() {
        assertThat(CleanText.line("a\uD800b")).isEqualTo("ab");
        assertThat(CleanText.text("a\uDC00b")).isEqualTo("ab");
    }

    @Test
    void cleaningTwiceChangesNothingMore() {
        Random random = new Random(13);
        String alphabet = "aé e\u0301\u202E\u200B\u00AD\n\t\r\u00A0\u2066\uFEFF\u0000\uD83D\uDE00\u0600\u200D-";
        for (int round = 0; round < 2_000; round++) {
            StringBuilder value = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String line = CleanText.line(value.toString());
            String text = CleanText.text(value.toString());
            assertThat(CleanText.line(line)).isEqualTo(line);
            assertThat(CleanText.text(text)).isEqualTo(text);
            assertThat(line.codePoints()).noneMatch(c -> Character.getType(c) == Character.FORMAT && c != 0x0600)
                    .noneMatch(Character::isISOControl);
            assertThat(text.codePoints()).noneMatch(CleanText::isBidiControl);
        }
    }
}
