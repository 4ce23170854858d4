package nl.afsprakenwiki.search;

import java.util.List;

/** View models of the search pages. */
public final class SearchViews {

    private SearchViews() {
    }

    /**
     * The results page. Links are built here, so the template only prints them.
     *
     * @param hiddenFilters the chosen filters, repeated in the search form so a new query keeps them
     *                      (but for "lost een waardelek op", which is the form's checkbox)
     * @param solvesLeak    whether "lost een waardelek op" is chosen (the checkbox is ticked)
     * @param anyFilter     whether any facet filter is chosen
     */
    public record Results(String query, String countText, SearchResult result, List<String> filterProblems,
                          List<FacetGroup> facets, List<Param> hiddenFilters,
                          String order, int page, int pageCount, String previousUrl,
                          String nextUrl, List<PageLink> pages, String suggestionUrl, String clearUrl,
                          boolean solvesLeak, boolean anyFilter) {

        public boolean filtered() {
            return anyFilter;
        }
    }

    public record FacetGroup(String dimension, String labelKey, List<FacetLink> values) {
    }

    /** A facet value: its label, count, whether it is chosen, and the URL that toggles it. */
    public record FacetLink(String label, long count, boolean selected, String url) {
    }

    public record PageLink(int number, String url, boolean current) {
    }

    public record Param(String name, String value) {
    }
}
