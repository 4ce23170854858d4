package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.agreements.TextDiff.Comparison;
import nl.afsprakenwiki.agreements.TextDiff.Op;
import nl.afsprakenwiki.agreements.TextDiff.Row;
import nl.afsprakenwiki.agreements.TextDiff.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class TextDiffTest {

    private static Segment equal(String text) {
        return new Segment(Op.EQUAL, text);
    }

    private static Segment delete(String text) {
        return new Segment(Op.DELETE, text);
    }

    private static Segment insert(String text) {
        return new Segment(Op.INSERT, text);
    }

    @Test
    void aComparisonIsKeptByItsTwoTextsAndAVeryLongOneIsNot() {
        String old = "Het wijkteam belt binnen vijf werkdagen terug.\nDaarna volgt een gesprek.";
        String changed = "Het wijkteam belt binnen drie werkdagen terug.\nDaarna volgt een gesprek.";
        TextDiff.Comparison first = TextDiff.compare(old, changed);
        assertThat(TextDiff.compare(new String(old), new String(changed))).isSameAs(first);
        assertThat(TextDiff.compare(changed, old)).isNotSameAs(first)
                .satisfies(back -> assertThat(back.wordsAdded()).isEqualTo(first.wordsRemoved()));
        String longText = "woord ".repeat(20_000);
        assertThat(TextDiff.compare(longText, longText + "meer")).isNotSameAs(TextDiff.compare(longText, longText + "meer"));
    }

    @Test
    void aChangedWordIsOneDeletionAndOneInsertion() {
        Comparison comparison = TextDiff.compare("De snelle vos", "De trage vos");

        assertThat(comparison.segments()).containsExactly(equal("De "), delete("snelle"), insert("trage"), equal(" vos"));
        assertThat(comparison.wordsRemoved()).isEqualTo(1);
        assertThat(comparison.wordsAdded()).isEqualTo(1);
        assertThat(comparison.identical()).isFalse();
    }

    @Test
    void dutchWordsWithApostrophesHyphensAndDiacriticsAreSingleTokens() {
        assertThat(TextDiff.tokens("GI's en jeugd-ggz, coördinatie")).containsExactly(
                "GI's", " ", "en", " ", "jeugd-ggz", ",", " ", "coördinatie");
        assertThat(TextDiff.tokens("GI\u2019s")).containsExactly("GI\u2019s");
        // A decomposed ö (o + combining diaeresis) stays inside its word.
        assertThat(TextDiff.tokens("coo\u0308rdinatie")).containsExactly("coo\u0308rdinatie");
    }

    @Test
    void punctuationAndHyphensAtWordEdgesAreTokensOfTheirOwn() {
        assertThat(TextDiff.tokens("18-/18+ 's-Hertogenbosch")).containsExactly(
                "18", "-", "/", "18", "+", " ", "'", "s-Hertogenbosch");
        assertThat(TextDiff.tokens("a  \t b\n\nc")).containsExactly("a", "  \t ", "b", "\n", "\n", "c");
    }

    @Test
    void changingOneWordWithAnApostropheReplacesOnlyThatWord() {
        Comparison comparison = TextDiff.compare("De GI's overleggen met jeugd-ggz.", "De GI's overleggen met de jeugd-ggz.");

        assertThat(comparison.segments()).containsExactly(
                equal("De GI's overleggen met "), insert("de "), equal("jeugd-ggz."));
        assertThat(comparison.wordsAdded()).isEqualTo(1);
        assertThat(comparison.wordsRemoved()).isZero();
    }

    @Test
    void wordCountsIgnorePunctuationAndWhitespaceButCountNumbers() {
        Comparison comparison = TextDiff.compare("Binnen 5 dagen, graag.", "Binnen 10 werkdagen; graag!!");

        assertThat(comparison.wordsRemoved()).isEqualTo(2);   // 5, dagen
        assertThat(comparison.wordsAdded()).isEqualTo(2);     // 10, werkdagen
        Comparison punctuationOnly = TextDiff.compare("Klaar.", "Klaar!");
        assertThat(punctuationOnly.wordsAdded()).isZero();
        assertThat(punctuationOnly.wordsRemoved()).isZero();
        assertThat(punctuationOnly.identical()).isFalse();
    }

    @Test
    void wordsAddedAndRemovedCountEveryWordOfWholeLines() {
        Comparison comparison = TextDiff.compare("Eerste regel.\nWeg met deze regel.\nLaatste regel.",
                "Eerste regel.\nLaatste regel.\nTwee nieuwe woorden en nog drie.");

        assertThat(comparison.wordsRemoved()).isEqualTo(4);
        assertThat(comparison.wordsAdded()).isEqualTo(6);
    }

    @Test
    void sideBySideRowsPairUnchangedLinesAndFlagChangedOnes() {
        Comparison comparison = TextDiff.compare("Aanmelding\nIntake binnen 5 dagen\nEvaluatie",
                "Aanmelding\nIntake binnen 3 dagen\nEvaluatie");

        assertThat(comparison.rows()).containsExactly(
                new Row(List.of(equal("Aanmelding")), List.of(equal("Aanmelding")), false),
                new Row(List.of(equal("Intake binnen "), delete("5"), equal(" dagen")),
                        List.of(equal("Intake binnen "), insert("3"), equal(" dagen")), true),
                new Row(List.of(equal("Evaluatie")), List.of(equal("Evaluatie")), false));
    }

    @Test
    void anInsertedLineHasAnEmptyLeftSide() {
        Comparison comparison = TextDiff.compare("een\ntwee\ndrie", "een\nnieuw\ntwee\ndrie");

        assertThat(comparison.rows()).containsExactly(
                new Row(List.of(equal("een")), List.of(equal("een")), false),
                new Row(List.of(), List.of(insert("nieuw")), true),
                new Row(List.of(equal("twee")), List.of(equal("twee")), false),
                new Row(List.of(equal("drie")), List.of(equal("drie")), false));
        assertThat(comparison.segments()).containsExactly(equal("een"), insert("\nnieuw"), equal("\ntwee\ndrie"));
    }

    @Test
    void aRemovedLineHasAnEmptyRightSide() {
        Comparison comparison = TextDiff.compare("een\ntwee\ndrie", "een\ndrie");

        assertThat(comparison.rows()).containsExactly(
                new Row(List.of(equal("een")), List.of(equal("een")), false),
                new Row(List.of(delete("twee")), List.of(), true),
                new Row(List.of(equal("drie")), List.of(equal("drie")), false));
        assertThat(comparison.wordsRemoved()).isEqualTo(1);
    }

    @Test
    void identicalTextsAreOneEqualSegmentAndUnchangedRows() {
        String text = "Eerste alinea.\n\nTweede alinea,\nmet een tweede regel.";

        Comparison comparison = TextDiff.compare(text, text);

        assertThat(comparison.identical()).isTrue();
        assertThat(comparison.segments()).containsExactly(equal(text));
        assertThat(comparison.rows()).hasSize(4).noneMatch(Row::changed);
        assertThat(comparison.wordsAdded()).isZero();
        assertThat(comparison.wordsRemoved()).isZero();
    }

    @Test
    void emptyTextsAreIdentical() {
        assertThat(TextDiff.compare("", "").identical()).isTrue();
        assertThat(TextDiff.compare("", "").segments()).isEmpty();
    }

    @Test
    void fromAndToNothing() {
        assertThat(TextDiff.compare("", "Nieuwe tekst").segments()).containsExactly(insert("Nieuwe tekst"));
        assertThat(TextDiff.compare("Oude tekst", "").segments()).containsExactly(delete("Oude tekst"));
        assertThat(TextDiff.compare("", "Nieuwe tekst").wordsAdded()).isEqualTo(2);
    }

    @Test
    void addingOnlyALineBreakIsAChange() {
        Comparison comparison = TextDiff.compare("a\nb", "a\n\nb");

        assertThat(comparison.identical()).isFalse();
        assertThat(comparison.segments()).containsExactly(equal("a"), insert("\n"), equal("\nb"));
    }

    @Test
    void opsSerialiseAsLowerCaseCodes() {
        assertThat(Arrays.stream(Op.values()).map(Op::code)).containsExactly("equal", "delete", "insert");
    }

    // ---------------------------------------------------------------- property

    private static final String[] WORDS = {"de", "het", "een", "GI's", "jeugd-ggz", "coördinatie", "wijkteam",
            "18-/18+", "'s-Hertogenbosch", "Veilig", "Thuis", "5", "2027", "zorg", "ouders", "café", "naïef",
            "\uD83D\uDE00", "e\u0301", "x"};
    private static final String[] SEPARATORS = {" ", " ", " ", "  ", "\t", ", ", ". ", "; ", "\n", "\n\n", "\n\n\n",
            " - ", "!", "?", "(", ")", "\"", "", "\n \n"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void segmentsAndRowsGiveBackBothTextsExactly(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            String oldText = randomText(random);
            String newText = random.nextInt(5) == 0 ? randomText(random) : mutate(random, oldText);
            String context = "seed " + seed + " round " + round + ": " + quoted(oldText) + " -> " + quoted(newText);

            Comparison comparison = TextDiff.compare(oldText, newText);

            assertThat(join(comparison.segments(), Op.DELETE)).as(context).isEqualTo(oldText);
            assertThat(join(comparison.segments(), Op.INSERT)).as(context).isEqualTo(newText);
            assertThat(comparison.segments()).as(context).allMatch(segment -> !segment.text().isEmpty());
            assertThat(comparison.identical()).as(context).isEqualTo(oldText.equals(newText));
            assertRowsMatch(comparison.rows(), oldText, newText, context);
        }
    }

    /**
     * A row side cannot tell an absent line from an empty one, so the sides are compared with the
     * texts' lines without their empty lines; all other lines must come back exactly and in order.
     */
    private static void assertRowsMatch(List<Row> rows, String oldText, String newText, String context) {
        List<String> left = rows.stream().map(row -> join(row.left(), Op.DELETE)).toList();
        List<String> right = rows.stream().map(row -> join(row.right(), Op.INSERT)).toList();

        assertThat(left).as(context).noneMatch(line -> line.contains("\n"));
        assertThat(right).as(context).noneMatch(line -> line.contains("\n"));
        assertThat(nonEmpty(left)).as(context).isEqualTo(nonEmpty(List.of(oldText.split("\n", -1))));
        assertThat(nonEmpty(right)).as(context).isEqualTo(nonEmpty(List.of(newText.split("\n", -1))));
        int oldLines = oldText.split("\n", -1).length;
        int newLines = newText.split("\n", -1).length;
        assertThat(rows.size()).as(context).isBetween(Math.max(oldLines, newLines), oldLines + newLines);
        for (Row row : rows) {
            if (!row.changed()) {
                assertThat(row.left()).as(context).isEqualTo(row.right());
                assertThat(row.left()).as(context).allMatch(segment -> segment.op() == Op.EQUAL);
            }
            assertThat(row.left()).as(context).noneMatch(segment -> segment.op() == Op.INSERT);
            assertThat(row.right()).as(context).noneMatch(segment -> segment.op() == Op.DELETE);
        }
    }

    @Test
    void rowsGiveBackTextsWithoutEmptyLinesExactly() {
        Random random = new Random(21);
        int compared = 0;
        for (int round = 0; round < 300; round++) {
            String oldText = randomText(random).replaceAll("\n[\\s]*\n", "\n").strip();
            String newText = mutate(random, oldText).replaceAll("\n[\\s]*\n", "\n").strip();
            if (oldText.isEmpty() || newText.isEmpty() || oldText.contains("\n\n") || newText.contains("\n\n")) {
                continue;
            }
            compared++;
            Comparison comparison = TextDiff.compare(oldText, newText);

            // Without empty lines, every row with a left side is an old line, every row with a right side a new one.
            assertThat(comparison.rows().stream().map(row -> join(row.left(), Op.DELETE))
                    .filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"))).isEqualTo(oldText);
            assertThat(comparison.rows().stream().map(row -> join(row.right(), Op.INSERT))
                    .filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"))).isEqualTo(newText);
        }
        assertThat(compared).isGreaterThan(150);
    }

    private static List<String> nonEmpty(List<String> lines) {
        return lines.stream().filter(line -> !line.isEmpty()).toList();
    }

    /** The text of the EQUAL segments and those of {@code op}. */
    private static String join(List<Segment> segments, Op op) {
        return segments.stream().filter(segment -> segment.op() == Op.EQUAL || segment.op() == op)
                .map(Segment::text).collect(Collectors.joining());
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int tokens = random.nextInt(40);
        if (random.nextInt(6) == 0) {
            text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }
        for (int i = 0; i < tokens; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]);
            text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }
        return text.toString();
    }

    /** A few edits to {@code text}: replaced, removed or inserted words, separators and line breaks. */
    private static String mutate(Random random, String text) {
        List<String> tokens = new ArrayList<>(TextDiff.tokens(text));
        for (int edits = random.nextInt(5); edits >= 0; edits--) {
            int at = random.nextInt(tokens.size() + 1);
            String fresh = random.nextBoolean() ? WORDS[random.nextInt(WORDS.length)]
                    : SEPARATORS[random.nextInt(SEPARATORS.length)];
            switch (random.nextInt(3)) {
                case 0 -> tokens.add(at, fresh);
                case 1 -> {
                    if (at < tokens.size()) {
                        tokens.remove(at);
                    }
                }
                default -> {
                    if (at < tokens.size()) {
                        tokens.set(at, fresh);
                    }
                }
            }
        }
        return String.join("", tokens);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}
