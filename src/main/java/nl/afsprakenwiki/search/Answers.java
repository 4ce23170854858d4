package nl.afsprakenwiki.search;

import nl.afsprakenwiki.text.Memo;

import java.util.function.Supplier;

/**
 * Answers to visitors' searches, kept for as long as the public index does not change: a visitor's
 * answer depends on nothing but the request and the public index (no drafts, no account), so the
 * same request gets the same answer until a snapshot with a changed public index ({@link Snapshots})
 * starts a new set; saves of drafts leave them in place. Popular
 * searches ("wijkteam", "jeugdhulp") are asked again and again; the first costs a search, the
 * others a look-up. Members' searches (which read drafts) are not kept.
 *
 * <p>At most {@link #SIZE} answers and about {@link #BYTES} bytes of them (as {@link
 * SearchResult#estimatedBytes} counts), the least recently asked dropped first. An answer is 5-30 KB
 * (ten hits with their passages, and the facets). The national load mix asks for 341 municipality
 * listings and thousands of narrowed searches besides the popular words: with 256 answers kept (as it
 * once was), they pushed each other out and most were searched again. Disabled with the system
 * property {@code afsprakenwiki.search.answerCache=off} (to measure the search itself).
 */
final class Answers {

    static final int SIZE = 4_096;
    static final long BYTES = 24L << 20;
    private static final boolean ENABLED = !"off".equals(System.getProperty("afsprakenwiki.search.answerCache"));

    private final Memo<SearchRequest, SearchResult> answers;

    Answers() {
        this(BYTES);
    }

    /** Keeping about {@code maxBytes} of answers (less only in tests). */
    Answers(long maxBytes) {
        this.answers = Memo.weighed(SIZE, SearchResult::estimatedBytes, maxBytes);
    }

    /** The answer to {@code request}: the kept one, or a new one from {@code search}, then kept. */
    SearchResult get(SearchRequest request, Supplier<SearchResult> search) {
        return ENABLED ? answers.of(request, search) : search.get();
    }

    /** How many answers are kept (for tests). */
    int size() {
        return answers.size();
    }
}
