package nl.afsprakenwiki.templates;

import nl.afsprakenwiki.markdown.MarkdownComments;

import java.time.Instant;
import java.util.List;

/**
 * A template as of its current revision: the national default ({@code koppelzoneId} null) or one of
 * a koppelzone. {@code source} is the markdown as its author wrote it, hints ({@code <!-- ... -->})
 * included.
 */
public record Template(long id, Long koppelzoneId, String slug, String name, String source, int revision,
                       String authorName, Instant updatedAt, boolean retired) {

    /** The slug of the national default template. */
    public static final String NATIONAL = "landelijk";

    public boolean national() {
        return koppelzoneId == null;
    }

    /** The text an agreement starts from: the source without its hints. */
    public String text() {
        return MarkdownComments.strip(source);
    }

    public List<MarkdownComments.Hint> hints() {
        return MarkdownComments.hints(source);
    }

    /** One stored revision of a template (append-only). */
    public record Revision(int number, String name, String source, String authorName, Instant createdAt) {
    }
}
