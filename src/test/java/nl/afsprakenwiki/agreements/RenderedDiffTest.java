package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.agreements.TextDiff.Op;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rendered comparison: blocks rendered through the renderer, plain paragraphs word by word. */
class RenderedDiffTest {

    private final MarkdownRenderer markdown = new MarkdownRenderer();

    @Test
    void onlyParagraphsThatRenderAsTheirOwnWordsArePlain() {
        assertThat(RenderedDiff.plain("Het wijkteam belt binnen vijf werkdagen terug.")).isTrue();
        assertThat(RenderedDiff.plain("Eerste regel, (met haakjes)\nen een tweede: 18-/18+.")).isTrue();
        for (String markup : List.of("Titel\n=====", "Titel\n-----", "- punt", "1. eerst", "> citaat", "## Kop",
                "Met **nadruk**", "Met _nadruk_", "Zie https://example.nl", "Zie www.example.nl", "Regel  \nbreuk",
                "Een <b>tag</b>", "Een [link](x)", "A | B", "Code `x`", "    ingesprongen", "Tom & Jerry")) {
            assertThat(RenderedDiff.plain(markup)).as(markup).isFalse();
        }
    }

    @Test
    void aBlockOfTwoComparisonsIsRenderedOnceAndAsTheRendererRendersIt() {
        String shared = "- De **jeugdconsulent** belt binnen twee werkdagen (" + System.nanoTime() + ").";
        List<RenderedDiff.Block> first = RenderedDiff.compare("## Eerste\n\n" + shared + "\n", "## Eerste\n\nNieuw.\n", markdown);
        List<RenderedDiff.Block> second = RenderedDiff.compare("## Tweede\n\n" + shared + "\n", "## Tweede\n\nAnders.\n", markdown);

        RenderedDiff.Block one = first.stream().filter(block -> block.html().contains("jeugdconsulent")).findFirst().orElseThrow();
        RenderedDiff.Block other = second.stream().filter(block -> block.html().contains("jeugdconsulent")).findFirst().orElseThrow();
        assertThat(one.html()).isEqualTo(markdown.render(shared));
        // kept from the first comparison, not rendered again
        assertThat(other.html()).isSameAs(one.html());
        // kept per renderer: another renderer's comparison renders its own
        assertThat(RenderedDiff.block(new MarkdownRenderer(), shared)).isEqualTo(one.html()).isNotSameAs(one.html());
    }

    @Test
    void aPlainParagraphChangedInPlaceIsOneBlockWithItsWordsMarked() {
        List<RenderedDiff.Block> blocks = RenderedDiff.compare("## Kop\n\nNa een half jaar.\n", "## Kop\n\nNa een heel jaar.\n",
                markdown);
        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(0).changed()).isFalse();
        assertThat(blocks.get(0).html()).contains("Kop</a></h3>");
        assertThat(blocks.get(1).changed()).isTrue();
        assertThat(blocks.get(1).words()).containsExactly(new TextDiff.Segment(Op.EQUAL, "Na een "),
                new TextDiff.Segment(Op.DELETE, "half"), new TextDiff.Segment(Op.INSERT, "heel"),
                new TextDiff.Segment(Op.EQUAL, " jaar."));
    }

    @Test
    void aChangedBlockWithMarkupIsShownRemovedAndAddedEachRendered() {
        List<RenderedDiff.Block> blocks = RenderedDiff.compare("Met **nadruk**.\n", "Met *minder* nadruk.\n", markdown);
        assertThat(blocks).extracting(RenderedDiff.Block::op).containsExactly(Op.DELETE, Op.INSERT);
        assertThat(blocks.get(0).html()).isEqualTo("<p>Met <strong>nadruk</strong>.</p>\n");
        assertThat(blocks.get(1).html()).isEqualTo("<p>Met <em>minder</em> nadruk.</p>\n");
    }

    @Test
    void aComparisonIsKeptByItsTwoTextsAndItsRenderer() {
        String before = "## Kop\n\nNa een half jaar.\n\n- eerste punt\n";
        String after = "## Kop\n\nNa een heel jaar.\n\n- tweede punt\n";
        List<RenderedDiff.Block> first = RenderedDiff.compare(before, after, markdown);
        assertThat(RenderedDiff.compare(new String(before), new String(after), markdown))
                .as("the same texts: the kept comparison").isSameAs(first);
        assertThat(RenderedDiff.compare(before, after, new MarkdownRenderer()))
                .as("another renderer: its own comparison, equal").isNotSameAs(first).isEqualTo(first);
        assertThat(RenderedDiff.compare(before, after + "\nNog een regel.\n", markdown))
                .as("another text: another comparison").hasSize(first.size() + 1);
        String longText = "Een zin die vaak terugkomt.\n\n".repeat(4_000);
        assertThat(RenderedDiff.compare(longText, longText + "Slot.\n", markdown))
                .as("texts too long to keep are compared each time")
                .isNotSameAs(RenderedDiff.compare(longText, longText + "Slot.\n", markdown));
    }
}
