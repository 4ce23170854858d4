package nl.afsprakenwiki.search;

import io.javalin.http.Context;
import nl.afsprakenwiki.agreements.Current;
import nl.afsprakenwiki.search.SearchRequest.Order;
import nl.afsprakenwiki.search.SearchResult.FacetValue;
import nl.afsprakenwiki.search.SearchViews.FacetGroup;
import nl.afsprakenwiki.search.SearchViews.FacetLink;
import nl.afsprakenwiki.search.SearchViews.PageLink;
import nl.afsprakenwiki.search.SearchViews.Param;
import nl.afsprakenwiki.web.Paging;
import nl.afsprakenwiki.web.Texts;
import nl.afsprakenwiki.web.Views;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The search results page ("/zoeken") and the suggestions under the search box. */
public final class SearchPages {

    static final int PAGE_SIZE = 10;
    /** The page's parameter of "lost een waardelek op" (a checkbox in the search form: {@code waardelek=ja}). */
    static final String LEAK_PARAM = "waardelek";
    /** Dutch parameter names of the page → facet dimensions of the index. */
    static final Map<String, String> PARAMS = linked("gemeente", Fields.FACET_MUNICIPALITY, "jeugdregio",
            Fields.FACET_REGION, "thema", Fields.FACET_THEME, "partij", Fields.FACET_PARTY_KIND, "status",
            Fields.FACET_STATUS, "ervaringen", Fields.FACET_EXPERIENCES, LEAK_PARAM, Fields.FACET_LEAKS);
    /** Values of the page's "sortering" parameter → orders; the default, relevance, stays out of URLs. */
    static final Map<String, Order> ORDERS = Map.of("relevantie", Order.RELEVANCE, "recent", Order.RECENT,
            "overgenomen", Order.ADOPTED, "ervaringen", Order.EXPERIENCES);
    /** Facet dimensions → the page's parameter names, for messages about them. */
    private static final Map<String, String> PARAM_NAMES = inverse(PARAMS);
    private static final String DEFAULT_ORDER = "relevantie";
    private static final int FACET_VALUES_SHOWN = 12;

    private final SearchService search;
    private final Views views;

    public SearchPages(SearchService search, Views views) {
        this.search = search;
        this.views = views;
    }

    public void results(Context ctx) {
        String query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        // a filter value that does not exist (an old or hand-made link) is left out, and the page says so
        SearchFilters.Checked checked = SearchFilters.check(PARAM_NAMES, ctx::queryParams);
        Map<String, List<String>> filters = checked.filters();
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        filters.forEach((dimension, values) -> chosen.put(PARAM_NAMES.get(dimension), values));
        // an unknown value (an old or hand-made link) is not worth an error page: relevance, as without one
        String sortering = ctx.queryParam("sortering");
        String order = sortering != null && ORDERS.containsKey(sortering) ? sortering : DEFAULT_ORDER;
        int page = Math.min(Paging.pageNumber(ctx.queryParam("pagina")), SearchRequest.MAX_OFFSET / PAGE_SIZE + 1);
        SearchResult result = search.search(new SearchRequest(query, filters, ORDERS.get(order),
                (page - 1) * PAGE_SIZE, PAGE_SIZE), Current.viewer(ctx));
        Texts texts = views.texts(ctx);
        views.render(ctx, "search/results.jte", view(texts, query, chosen, order, page, result,
                checked.problems().stream().map(problem -> texts.get(problem.key(), problem.arguments().toArray()))
                        .toList()));
    }

    /** Options for the search box's datalist, loaded by htmx while typing. */
    public void suggestions(Context ctx) {
        views.render(ctx, "search/suggestions.jte", search.suggest(ctx.queryParam("q"), Current.viewer(ctx)));
    }

    private static SearchViews.Results view(Texts texts, String query, Map<String, List<String>> chosen, String order,
                                            int page, SearchResult result, List<String> problems) {
        List<FacetGroup> groups = new ArrayList<>();
        PARAMS.forEach((param, dimension) -> {
            List<FacetValue> values = result.facets().getOrDefault(dimension, List.of());
            if (values.isEmpty()) {
                return;
            }
            List<FacetLink> links = new ArrayList<>();
            for (FacetValue value : values) {
                if (links.size() >= FACET_VALUES_SHOWN && !value.selected()) {
                    continue;
                }
                links.add(new FacetLink(label(texts, dimension, value.value()), value.count(), value.selected(),
                        url(query, toggled(chosen, param, value.value()), order, 1)));
            }
            groups.add(new FacetGroup(dimension, "search.facet." + dimension, links));
        });
        List<Param> hidden = new ArrayList<>();
        chosen.forEach((param, values) -> values.forEach(value -> hidden.add(new Param(param, value))));
        // the form's checkbox carries this filter itself: unticking it and searching again removes it
        List<Param> formHidden = hidden.stream().filter(param -> !LEAK_PARAM.equals(param.name())).toList();
        int pageCount = (int) Math.min((result.total() + PAGE_SIZE - 1) / PAGE_SIZE,
                SearchRequest.MAX_OFFSET / PAGE_SIZE + 1);
        List<PageLink> pages = new ArrayList<>();
        for (int number = Math.max(1, page - 4); number <= Math.min(pageCount, page + 4); number++) {
            pages.add(new PageLink(number, url(result.query(), chosen, order, number), number == page));
        }
        String shownQuery = result.query();
        String count = texts.get("search.count", result.total());
        return new SearchViews.Results(query, count, result, problems, groups, formHidden, order, page, pageCount,
                page > 1 ? url(shownQuery, chosen, order, page - 1) : null,
                page < pageCount ? url(shownQuery, chosen, order, page + 1) : null, pages,
                result.suggestion() == null || result.corrected() ? null
                        : url(result.suggestion(), chosen, order, 1),
                url(query, Map.of(), order, 1), chosen.containsKey(LEAK_PARAM), !hidden.isEmpty());
    }

    /** Display label of a facet value: statuses and party kinds are codes. */
    private static String label(Texts texts, String dimension, String value) {
        return switch (dimension) {
            case Fields.FACET_STATUS -> texts.get("status." + value);
            case Fields.FACET_PARTY_KIND -> texts.get("kind." + value);
            case Fields.FACET_EXPERIENCES -> texts.get("search.facet.experiences.met");
            case Fields.FACET_LEAKS -> texts.get("search.facet.leaks.ja");
            default -> value;
        };
    }

    private static Map<String, List<String>> toggled(Map<String, List<String>> chosen, String param, String value) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        chosen.forEach((key, values) -> result.put(key, new ArrayList<>(values)));
        List<String> values = result.computeIfAbsent(param, key -> new ArrayList<>());
        if (!values.remove(value)) {
            values.add(value);
        }
        if (values.isEmpty()) {
            result.remove(param);
        }
        return result;
    }

    static String url(String query, Map<String, List<String>> chosen, String order, int page) {
        StringBuilder url = new StringBuilder("/zoeken?q=").append(encode(query == null ? "" : query));
        chosen.forEach((param, values) -> values.forEach(value -> url.append('&').append(param).append('=')
                .append(encode(value))));
        if (order != null && !DEFAULT_ORDER.equals(order)) {
            url.append("&sortering=").append(encode(order));
        }
        if (page > 1) {
            url.append("&pagina=").append(page);
        }
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Map<String, String> inverse(Map<String, String> map) {
        Map<String, String> inverse = new LinkedHashMap<>();
        map.forEach((key, value) -> inverse.put(value, key));
        return inverse;
    }

    private static Map<String, String> linked(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
