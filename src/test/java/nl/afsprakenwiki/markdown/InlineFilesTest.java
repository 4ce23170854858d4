package nl.afsprakenwiki.markdown;

import nl.afsprakenwiki.markdown.MarkdownRenderer.LinkedFile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bijlage:} links and images are resolved against the files of the revision being rendered, and nothing else. */
class InlineFilesTest {

    private static final Map<String, LinkedFile> FILES = Map.of(
            "stroomschema.png", new LinkedFile("/afspraken/7/revisies/3/bijlagen/stroomschema.png", true),
            "formulier.pdf", new LinkedFile("/afspraken/7/revisies/3/bijlagen/formulier.pdf", false));

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void anImageOfTheRevisionIsShownFromItsDownloadAddress() {
        assertThat(renderer.render("![Stroomschema](bijlage:stroomschema.png)", FILES))
                .isEqualTo("<p><img src=\"/afspraken/7/revisies/3/bijlagen/stroomschema.png\" alt=\"Stroomschema\" /></p>\n");
    }

    @Test
    void aFileThatIsNotAnImageOrNotThereShowsTheAltText() {
        assertThat(renderer.render("![Formulier](bijlage:formulier.pdf) en ![Kaart](bijlage:kaart.png)", FILES))
                .isEqualTo("<p>Formulier en Kaart</p>\n");
    }

    @Test
    void aLinkToAFileOfTheRevisionPointsAtItsDownload() {
        assertThat(renderer.render("Zie [het formulier](bijlage:formulier.pdf) of [iets anders](bijlage:weg.pdf).", FILES))
                .isEqualTo("<p>Zie <a href=\"/afspraken/7/revisies/3/bijlagen/formulier.pdf\" rel=\"nofollow noopener noreferrer\">"
                        + "het formulier</a> of iets anders.</p>\n");
    }

    @Test
    void withoutTheRevisionsFilesNoBijlageAddressReachesThePage() {
        assertThat(renderer.render("![Stroomschema](bijlage:stroomschema.png)")).isEqualTo("<p>Stroomschema</p>\n");
        assertThat(renderer.render("<img src=\"bijlage:stroomschema.png\">", FILES)).doesNotContain("<img");
    }
}
