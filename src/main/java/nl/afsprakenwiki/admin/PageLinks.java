package nl.afsprakenwiki.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Links between the pages of a filtered list that keep the filter, and which page numbers to offer. */
final class PageLinks {

    /** Stands for the pages left out between two offered ones. */
    static final int GAP = 0;

    private PageLinks() {
    }

    /** The query string for page {@code number} of the same filter; empty filter fields are left out. */
    static String link(Map<String, String> filter, int number) {
        StringBuilder query = new StringBuilder("?pagina=").append(number);
        filter.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                query.append('&').append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    /** The first and last page, and two on either side of the current one, with {@link #GAP} where pages are left out. */
    static List<Integer> numbers(int page, int pages) {
        List<Integer> numbers = new ArrayList<>();
        for (int number = 1; number <= pages; number++) {
            if (number == 1 || number == pages || Math.abs(number - page) <= 2) {
                numbers.add(number);
            } else if (numbers.get(numbers.size() - 1) != GAP) {
                numbers.add(GAP);
            }
        }
        return numbers;
    }
}
