package nl.afsprakenwiki.search;

import io.javalin.http.Context;
import nl.afsprakenwiki.agreements.Current;
import nl.afsprakenwiki.search.SearchRequest.Order;
import nl.afsprakenwiki.search.SearchResult.FacetValue;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.ProblemException;
import nl.afsprakenwiki.web.Translations;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/search} and {@code GET /api/v1/search/suggest}. */
public final class SearchApi {

    private static final int DEFAULT_LIMIT = 20;

    private final SearchService search;
    private final Translations translations;

    public SearchApi(SearchService search, Translations translations) {
        this.search = search;
        this.translations = translations;
    }

    /**
     * {@code missing}: the words of the query that the agreement does not contain; {@code score}: its
     * relevance, computed from published texts only (comparable within one answer); {@code leaks}: how
     * many waardelekken it solves that the caller may see.
     */
    record HitJson(long id, String title, String municipality, String koppelzone, String koppelzoneName, String status,
                   int revision, Instant updatedAt, int adoptions, int experiences, String snippet, List<String> missing, float score,
                   String url, int leaks) {
    }

    /**
     * {@code facets} as in DESIGN.md §8: per facet, value → count, most frequent first;
     * {@code selected}: per facet, the values chosen in this request.
     */
    record ResultJson(String query, long total, int offset, int limit, String correctedFrom, String suggestion,
                      String notice, List<HitJson> hits, Map<String, Map<String, Long>> facets,
                      Map<String, List<String>> selected) {
    }

    record SuggestionJson(String text, String type, Long id) {
    }

    public void search(Context ctx) {
        int limit = number(ctx, "limit", DEFAULT_LIMIT, 1, SearchRequest.MAX_LIMIT);
        int offset = number(ctx, "offset", 0, 0, SearchRequest.MAX_OFFSET);
        String sort = ctx.queryParam("sort");
        Order order;
        if (sort == null || sort.isBlank() || sort.equals("relevance")) {
            order = Order.RELEVANCE;
        } else if (sort.equals("recent")) {
            order = Order.RECENT;
        } else if (sort.equals("adopted")) {
            order = Order.ADOPTED;
        } else if (sort.equals("experiences")) {
            order = Order.EXPERIENCES;
        } else {
            throw new ProblemException(400, "Ongeldige sortering", "De parameter 'sort' moet 'relevance', 'recent', "
                    + "'adopted' of 'experiences' zijn, niet '" + sort + "'.");
        }
        Map<String, String> names = new LinkedHashMap<>();
        Fields.FACETS.forEach(dimension -> names.put(dimension, dimension));
        SearchFilters.Checked checked = SearchFilters.check(names, ctx::queryParams);
        if (!checked.problems().isEmpty()) {
            var texts = translations.forRequest(ctx);
            throw new ProblemException(400, "Ongeldig filter", String.join(" ", checked.problems().stream()
                    .map(problem -> texts.get(problem.key(), problem.arguments().toArray())).toList()));
        }
        Map<String, List<String>> filters = checked.filters();
        SearchResult result = search.search(new SearchRequest(ctx.queryParam("q"), filters, order, offset, limit),
                Current.viewer(ctx));
        List<HitJson> hits = result.hits().stream().map(hit -> new HitJson(hit.id(), hit.title(), hit.municipality(),
                hit.koppelzoneSlug(), hit.koppelzoneName(), hit.status(), hit.revision(), hit.updatedAt(),
                hit.adoptions(), hit.experiences(), hit.snippetHtml(), hit.missing(), hit.score(), Paths.agreement(hit.id()),
                hit.leaks())).toList();
        ctx.json(new ResultJson(result.query(), result.total(), offset, limit,
                result.corrected() ? result.suggestion() : null, result.corrected() ? null : result.suggestion(),
                result.notice() == null ? null : translations.forRequest(ctx).get(result.notice()), hits,
                counts(result.facets()), filters));
    }

    private static Map<String, Map<String, Long>> counts(Map<String, List<FacetValue>> facets) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        facets.forEach((dimension, values) -> {
            Map<String, Long> byValue = new LinkedHashMap<>();
            values.forEach(value -> byValue.put(value.value(), value.count()));
            counts.put(dimension, byValue);
        });
        return counts;
    }

    public void suggest(Context ctx) {
        List<SuggestionJson> suggestions = search.suggest(ctx.queryParam("q"), Current.viewer(ctx)).stream()
                .map(s -> new SuggestionJson(s.text(), s.agreementId() == null ? "term" : "title", s.agreementId()))
                .toList();
        ctx.json(Map.of("suggestions", suggestions));
    }

    private static int number(Context ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "Ongeldige parameter",
                    "De parameter '" + name + "' moet een geheel getal van " + min + " tot en met " + max
                            + " zijn, niet '" + value + "'.");
        }
    }
}
