package nl.afsprakenwiki.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers to visitors' searches, kept for as long as the public index does not change: a visitor's
 * answer depends on nothing but the request and the public index (no drafts, no account), so the
 * same request gets the same answer until a snapshot with a changed public index ({@link Snapshots})
 * starts a new set; saves of drafts leave them in place. Popular
 * searches ("wijkteam", "jeugdhulp") are asked again and again; the first costs a search, the
 * others a look-up. Members' searches (which read drafts) are not kept.
 *
 * <p>At most {@link #SIZE} answers, the least recently asked dropped first. Disabled with the
 * system property {@code afsprakenwiki.search.answerCache=off} (to measure the search itself).
 */
final class Answers {

    static final int SIZE = 256;
    private static final boolean ENABLED = !"off".equals(System.getProperty("afsprakenwiki.search.answerCache"));

    private final Map<SearchRequest, SearchResult> answers = new LinkedHashMap<>(SIZE * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SearchRequest, SearchResult> eldest) {
            return size() > SIZE;
        }
    };

    /** The answer to {@code request}: the kept one, or a new one from {@code search}, then kept. */
    SearchResult get(SearchRequest request, Supplier<SearchResult> search) {
        if (!ENABLED) {
            return search.get();
        }
        synchronized (answers) {
            SearchResult kept = answers.get(request);
            if (kept != null) {
                return kept;
            }
        }
        SearchResult answer = search.get();
        synchronized (answers) {
            answers.put(request, answer);
        }
        return answer;
    }
}
