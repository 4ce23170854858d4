package nl.afsprakenwiki.endorsements;

import nl.afsprakenwiki.access.Viewer;

import java.util.List;

/** What else waits for a person on "Mijn overzicht", from features built on top of this one (meetings). */
public interface MorePending {

    /** One line on the overview: what, where to go, and a short detail. */
    record Entry(String title, String href, String detail) {
    }

    List<Entry> meetings(Viewer viewer);

    List<Entry> actions(Viewer viewer);
}
