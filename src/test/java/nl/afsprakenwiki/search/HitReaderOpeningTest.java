package nl.afsprakenwiki.search;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The opening shown for a hit without a highlighted passage reads only the start of the text, and
 * must be exactly what normalising the whole text would give: runs of white space as one space, cut
 * at a word after 240 characters, for texts shorter, as long and longer, with white space of every
 * kind (and Unicode spaces that are kept) anywhere, also at the cut.
 */
class HitReaderOpeningTest {

    private static final String[] PIECES = {"a", "overdracht", "wijkteam", " ", "  ", "\t", "\n", "\r\n", "\f",
        "\u000B", "\u2003", "\u00A0", "é", "18-/18+", ".", "woord-met-streepjes-zonder-spatie-erin-heel-lang"};

    @Test
    void theOpeningIsTheWholeTextNormalisedAndCut() {
        Random random = new Random(240);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder body = new StringBuilder();
            int pieces = random.nextInt(120);
            for (int i = 0; i < pieces; i++) {
                body.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = body.toString();
            assertThat(HitReader.opening(text)).as("%s", text.replace("\n", "\\n")).isEqualTo(whole(text));
        }
        assertThat(HitReader.opening(null)).isEmpty();
        assertThat(HitReader.opening(" \t\n ")).isEmpty();
        assertThat(HitReader.opening("x".repeat(500))).isEqualTo("x".repeat(240) + " …");
    }

    /** The way it was: the whole text normalised, then cut. */
    private static String whole(String body) {
        String text = body.strip().replaceAll("\\s+", " ");
        if (text.length() <= 240) {
            return text;
        }
        int cut = text.lastIndexOf(' ', 240);
        return text.substring(0, cut > 0 ? cut : 240) + " …";
    }
}
