package nl.afsprakenwiki.agreements;

import gg.jte.Content;
import nl.afsprakenwiki.web.PageContext;

import java.util.List;
import java.util.Map;

/**
 * A port: what another feature adds to the page of an agreement's current revision — the
 * endorsement block and its moves, the adoption panel, similar agreements elsewhere. The agreement
 * page knows the slots, not the features; each feature above agreements implements this and
 * {@code App} hands the implementations to {@link AgreementPages} in the order they appear.
 */
public interface AgreementPanel {

    /** Where on the agreement page a part goes. */
    enum Slot {
        /** Above the article: notices about the state of the text (a herziening in progress). */
        BANNER,
        /** In the header's meta line, after the status. */
        BADGES,
        /** List items in the header's actions, between the agreement's own links and printing. */
        ACTIONS,
        /** Inside the article, after the text and its facts. */
        ARTICLE_END,
        /** Sections below the article. */
        SECTIONS
    }

    /** One rendered part for one slot. */
    record Part(Slot slot, Content content) {
    }

    /** The parts for {@code agreement} as {@code page.viewer()} sees it; empty when there is nothing to show. */
    List<Part> parts(Agreement agreement, PageContext page);

    /**
     * The parts for the page of an earlier {@code revision} (one the viewer may read): what belongs to
     * that exact revision, such as the files it includes. Most features add nothing there.
     */
    default List<Part> revisionParts(Agreement agreement, Revision revision, PageContext page) {
        return List.of();
    }

    /**
     * The feature's own notices on the agreement page after one of its moves: the value of
     * {@code ?melding=} it redirects with, and the text key shown for it.
     */
    default Map<String, String> notices() {
        return Map.of();
    }
}
