package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.agreements.MergeResult.BlockConflict;
import nl.afsprakenwiki.agreements.MergeResult.Choice;
import nl.afsprakenwiki.agreements.MergeResult.ConflictAt;
import nl.afsprakenwiki.agreements.MergeResult.Merged;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The block conflict model: which blocks conflict, the merged parts around them, and resolving them per block. */
class MergeResultTest {

    private static final String BASE = """
            ## Aanmelding

            Het wijkteam belt binnen vijf werkdagen terug.

            De ouders krijgen een brief.

            ## Rollen

            De aanbieder stuurt een verslag.

            ## Evaluatie

            Na een half jaar.

            Daarna jaarlijks.""";

    private static final String MINE = BASE.replace("vijf werkdagen", "twee werkdagen")
            .replace("stuurt een verslag", "stuurt een verslag binnen een week")
            .replace("half jaar", "jaar");
    private static final String THEIRS = BASE.replace("vijf werkdagen", "drie werkdagen")
            .replace("stuurt een verslag", "mailt een verslag")
            .replace("jaarlijks", "elk jaar");

    @Test
    void theConflictsAreExactlyTheBlocksBothSidesChangedEachWithBaseMineAndTheirs() {
        MergeResult result = ThreeWayMerge.merge(BASE, MINE, THEIRS);

        assertThat(result.clean()).isFalse();
        assertThat(result.conflicts()).containsExactly(
                new BlockConflict(0, "Het wijkteam belt binnen vijf werkdagen terug.",
                        "Het wijkteam belt binnen twee werkdagen terug.", "Het wijkteam belt binnen drie werkdagen terug."),
                new BlockConflict(1, "De aanbieder stuurt een verslag.",
                        "De aanbieder stuurt een verslag binnen een week.", "De aanbieder mailt een verslag."));
    }

    @Test
    void theCleanPartsHoldWhatOnlyOneSideChangedAndLeaveAPlaceForEachConflict() {
        MergeResult result = ThreeWayMerge.merge(BASE, MINE, THEIRS);

        assertThat(result.parts()).containsExactly(
                new Merged("## Aanmelding\n\n"),
                new ConflictAt(0),
                new Merged("\n\nDe ouders krijgen een brief.\n\n## Rollen\n\n"),
                new ConflictAt(1),
                new Merged("\n\n## Evaluatie\n\nNa een jaar.\n\nDaarna elk jaar."));
    }

    @Test
    void eachConflictIsResolvedByItsOwnChoice() {
        MergeResult result = ThreeWayMerge.merge(BASE, MINE, THEIRS);
        BlockConflict first = result.conflicts().get(0);
        BlockConflict second = result.conflicts().get(1);

        String text = result.resolve(List.of(first.resolve(Choice.THEIRS, null), second.resolve(Choice.MINE, null)));

        assertThat(text).isEqualTo("""
                ## Aanmelding

                Het wijkteam belt binnen drie werkdagen terug.

                De ouders krijgen een brief.

                ## Rollen

                De aanbieder stuurt een verslag binnen een week.

                ## Evaluatie

                Na een jaar.

                Daarna elk jaar.""");
    }

    @Test
    void bothPutsTheTwoBlocksOneAfterTheOtherInTheChosenOrder() {
        BlockConflict conflict = new BlockConflict(0, "Basis.", "Mijn tekst.", "Hun tekst.");

        assertThat(conflict.resolve(Choice.MINE_FIRST, null)).isEqualTo("Mijn tekst.\n\nHun tekst.");
        assertThat(conflict.resolve(Choice.THEIRS_FIRST, null)).isEqualTo("Hun tekst.\n\nMijn tekst.");
        assertThat(new BlockConflict(0, "Basis.", "", "Hun tekst.").resolve(Choice.MINE_FIRST, null)).isEqualTo("Hun tekst.");
    }

    @Test
    void anOwnTextIsTakenAsTypedWithoutSurroundingBlankLinesAndWithUnixLineEndings() {
        BlockConflict conflict = new BlockConflict(0, "Basis.", "Mijn tekst.", "Hun tekst.");

        assertThat(conflict.resolve(Choice.EDIT, "\r\nEen eigen zin.\r\nNog een.\r\n\r\n")).isEqualTo("Een eigen zin.\nNog een.");
        assertThat(conflict.resolve(Choice.EDIT, null)).isEmpty();
    }

    @Test
    void aConflictResolvedToNothingLeavesNoGapOfBlankLines() {
        MergeResult middle = ThreeWayMerge.merge("a\n\nb\n\nc", "a\n\nc", "a\n\nB\n\nc");
        assertThat(middle.conflicts()).containsExactly(new BlockConflict(0, "b", "", "B"));
        assertThat(middle.resolve(List.of(""))).isEqualTo("a\n\nc");
        assertThat(middle.resolve(List.of("B"))).isEqualTo("a\n\nB\n\nc");

        MergeResult last = ThreeWayMerge.merge("a\n\nb", "a", "a\n\nB");
        assertThat(last.resolve(List.of(""))).isEqualTo("a");
    }

    @Test
    void twoDifferentInsertionsAtTheSamePlaceConflictWithAnEmptyBase() {
        MergeResult result = ThreeWayMerge.merge("Een.\n\nTwee.", "Een.\n\nMijn nieuwe.\n\nTwee.", "Een.\n\nHun nieuwe.\n\nTwee.");

        assertThat(result.conflicts()).containsExactly(new BlockConflict(0, "", "Mijn nieuwe.", "Hun nieuwe."));
        assertThat(result.resolveAll(Choice.THEIRS_FIRST)).isEqualTo("Een.\n\nHun nieuwe.\n\nMijn nieuwe.\n\nTwee.");
    }

    @Test
    void aCleanMergeHasOnlyTextAndAConflictedOneHasNoTextUntilResolved() {
        assertThat(ThreeWayMerge.merge(BASE, MINE, BASE).parts()).containsExactly(new Merged(MINE));
        MergeResult conflicted = ThreeWayMerge.merge(BASE, MINE, THEIRS);
        assertThatThrownBy(conflicted::text).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> conflicted.resolve(List.of("een"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChoiceTravelsThroughAFormAsItsOwnWordAndNothingElseIsAChoice() {
        for (Choice choice : Choice.values()) {
            assertThat(Choice.fromForm(choice.formValue())).contains(choice);
        }
        assertThat(Choice.MINE_FIRST.formValue()).isEqualTo("mine-first");
        assertThat(Choice.fromForm(null)).isEmpty();
        assertThat(Choice.fromForm("MINE")).isEmpty();
        assertThat(Choice.fromForm("")).isEmpty();
    }
}
