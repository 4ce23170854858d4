package nl.afsprakenwiki.search;

import java.util.List;
import java.util.Map;

/**
 * A search as asked: the text as typed, facet filters (dimension → chosen values; values of one
 * dimension are alternatives, dimensions combine), the order and the page.
 */
public record SearchRequest(String text, Map<String, List<String>> filters, Order order, int offset, int limit) {

    /** Best match first; last change first; most adopted first (then best match); most experiences first (idem). */
    public enum Order { RELEVANCE, RECENT, ADOPTED, EXPERIENCES }

    /** Deeper pages than this are not served: nobody reads them, and they cost. */
    public static final int MAX_OFFSET = 1_000;
    public static final int MAX_LIMIT = 100;

    public SearchRequest {
        text = text == null ? "" : text;
        filters = Map.copyOf(filters);
        order = order == null ? Order.RELEVANCE : order;
        offset = Math.max(0, Math.min(offset, MAX_OFFSET));
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    public List<String> filter(String dimension) {
        return filters.getOrDefault(dimension, List.of());
    }
}
