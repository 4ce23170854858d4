package nl.afsprakenwiki.agreements;

import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.web.Texts;

import java.util.List;

/**
 * The port through which features add to "Mijn overzicht" (endorsements' page) what else waits for
 * a person there (meetings, adoption): each gives its own sections, shown above the page's own.
 */
public interface MorePending {

    /**
     * One line on the overview: what, where to go and a short detail, in the reader's language; and
     * optionally a second link ({@code extraHref} with its label), such as a meeting's calendar file.
     */
    record Entry(String title, String href, String detail, String extraLabel, String extraHref) {
        public Entry(String title, String href, String detail) {
            this(title, href, detail, null, null);
        }
    }

    /** A section: its anchor (unique on the page), its heading in the reader's language, its lines. */
    record Section(String id, String heading, List<Entry> entries) {
        public Section {
            entries = List.copyOf(entries);
        }
    }

    /** The sections that have something for {@code viewer}; empty ones are left out. */
    List<Section> sections(Viewer viewer, Texts texts);
}
