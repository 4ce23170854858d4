package nl.afsprakenwiki.endorsements;

import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.web.Texts;

import java.util.List;

/** What else waits for a person on "Mijn overzicht", from features built on top of this one (meetings). */
public interface MorePending {

    /** One line on the overview: what, where to go, and a short detail, in the reader's language. */
    record Entry(String title, String href, String detail) {
    }

    List<Entry> meetings(Viewer viewer, Texts texts);

    List<Entry> actions(Viewer viewer, Texts texts);
}
