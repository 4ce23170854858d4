package nl.afsprakenwiki.markdown;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Hints are HTML comments: found by parsing, removed with their line, left alone inside code. */
class MarkdownCommentsTest {

    private static final String TEMPLATE = """
            ## Afspraken
            <!-- Wat spreken de partijen af? -->

            ## Termijnen
            <!--
              Binnen welke tijd
              gebeurt elke stap?
            -->

            """;

    @Test
    void aCommentOnItsOwnLinesGoesWithItsLinesAndTheHeadingsStay() {
        assertThat(MarkdownComments.strip(TEMPLATE)).isEqualTo("## Afspraken\n\n## Termijnen\n\n");
    }

    @Test
    void textWrittenUnderAHintIsKept() {
        String filled = "## Afspraken\n<!-- Wat spreken de partijen af? -->\n\nHet wijkteam belt binnen vijf dagen.\n";
        assertThat(MarkdownComments.strip(filled)).isEqualTo("## Afspraken\n\nHet wijkteam belt binnen vijf dagen.\n");
    }

    @Test
    void aCommentInsideAParagraphIsRemovedButTheParagraphStays() {
        assertThat(MarkdownComments.strip("Voor <!-- weg --> na.\n")).isEqualTo("Voor  na.\n");
    }

    @Test
    void aCommentInACodeBlockIsTextAndStays() {
        String code = "```\n<!-- dit is voorbeeldcode -->\n```\n\n    <!-- ingesprongen code -->\n";
        assertThat(MarkdownComments.strip(code)).isEqualTo(code);
    }

    @Test
    void hintsAreListedUnderTheHeadingTheyBelongTo() {
        assertThat(MarkdownComments.hints(TEMPLATE)).containsExactly(
                new MarkdownComments.Hint("Afspraken", "Wat spreken de partijen af?"),
                new MarkdownComments.Hint("Termijnen", "Binnen welke tijd gebeurt elke stap?"));
    }

    @Test
    void textWithoutCommentsIsReturnedAsItIs() {
        assertThat(MarkdownComments.strip("## Kop\n\nTekst &lt; en <b>\n")).isEqualTo("## Kop\n\nTekst &lt; en <b>\n");
        assertThat(MarkdownComments.strip(null)).isEmpty();
    }
}
