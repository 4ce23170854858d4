package nl.afsprakenwiki.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer to a search.
 *
 * @param query          the text that was searched for: the request's, or the corrected one when the
 *                       request found nothing and the correction did ({@code corrected} is then true)
 * @param suggestion     a corrected query worth offering ("Bedoelde u …?"), or null
 * @param notice         a message key explaining what was done with odd input, or null
 */
public record SearchResult(String query, long total, List<Hit> hits, Map<String, List<FacetValue>> facets,
                           boolean corrected, String suggestion, String notice) {

    public SearchResult {
        hits = List.copyOf(hits); // answers are kept and shared (see Answers): nothing may change them
        facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets)); // in order
    }

    /**
     * One agreement found. {@code titleHtml} and {@code snippetHtml} are HTML-escaped text with the
     * matching words in {@code <mark>}. {@code adoptions}: how many public agreements were adopted
     * from it; {@code experiences}: how many visible experiences it has. {@code missing}: the words of the query (as typed) that it does not contain.
     * {@code score}: its relevance, computed from published texts only; comparable within one answer.
     * {@code leaks}: how many waardelekken it solves that the searcher may see.
     */
    public record Hit(long id, String title, String titleHtml, String snippetHtml, String koppelzoneSlug,
                      String koppelzoneName, String municipality, String status, int revision, Instant updatedAt,
                      int adoptions, int experiences, List<String> missing, float score, int leaks) {
    }

    /** A facet value with the number of agreements it would give, and whether it is chosen now. */
    public record FacetValue(String value, long count, boolean selected) {
    }

    /**
     * About how many bytes of heap this answer holds: its strings (one byte a character, as Latin-1
     * text is kept, plus their headers) and its objects. An estimate, to bound how many are kept.
     */
    long estimatedBytes() {
        long total = 96 + text(query) + text(suggestion) + text(notice);
        for (Hit hit : hits) {
            total += 112 + text(hit.title()) + text(hit.titleHtml()) + text(hit.snippetHtml()) + text(hit.koppelzoneSlug())
                    + text(hit.koppelzoneName()) + text(hit.municipality()) + text(hit.status()) + 24;
            for (String word : hit.missing()) {
                total += 8 + text(word);
            }
        }
        for (Map.Entry<String, List<FacetValue>> facet : facets.entrySet()) {
            total += 64 + text(facet.getKey());
            for (FacetValue value : facet.getValue()) {
                total += 40 + text(value.value());
            }
        }
        return total;
    }

    private static long text(String text) {
        return text == null ? 0 : 48 + text.length();
    }

    static SearchResult empty(String query, String notice) {
        return new SearchResult(query, 0, List.of(), Map.of(), false, null, notice);
    }
}
