package nl.afsprakenwiki.search;

import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.search.analysis.DutchAnalysis;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Suggestions while typing: titles of agreements the viewer may see whose words start with what was
 * typed, and frequent words of published text that complete the last word.
 */
public final class Suggestions {

    private static final int TITLES = 6;
    private static final int TERMS = 5;
    /** How many completions of a prefix are looked at to find the most frequent ones. */
    private static final int TERMS_SCANNED = 2_000;
    private static final int MAX_INPUT = 100;

    /** A title ({@code agreementId} set) or a completed query ({@code agreementId} null). */
    public record Suggestion(String text, Long agreementId) {
    }

    private final Analyzer words;
    private final Cards cards;

    Suggestions(Analyzer words, Cards cards) {
        this.words = words;
        this.cards = cards;
    }

    /** Titles among what {@code viewer} may find; completing words from published text only. */
    List<Suggestion> suggest(Snapshot snapshot, String input, Viewer viewer) {
        IndexSearcher searcher = snapshot.searcherFor(viewer);
        Query visible = Visibility.filter(viewer);
        String text = input == null ? "" : input.strip();
        if (text.isEmpty() || text.length() > MAX_INPUT) {
            return List.of();
        }
        List<String> tokens = tokens(text);
        if (tokens.isEmpty()) {
            return List.of();
        }
        boolean completing = !Character.isWhitespace(input.charAt(input.length() - 1));
        try {
            List<Suggestion> result = new ArrayList<>(titles(searcher, tokens, completing, visible));
            if (completing) {
                String last = tokens.get(tokens.size() - 1);
                for (String term : frequentCompletions(snapshot.publicReader(), last)) {
                    result.add(new Suggestion(withLastWord(text, term), null));
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Suggestion> titles(IndexSearcher searcher, List<String> tokens, boolean completing, Query visible)
            throws IOException {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (int i = 0; i < tokens.size(); i++) {
            Term term = new Term(Fields.TITLE_WORDS, tokens.get(i));
            boolean last = i == tokens.size() - 1;
            query.add(last && completing ? new PrefixQuery(term) : new TermQuery(term), Occur.MUST);
        }
        query.add(visible, Occur.FILTER);
        List<Suggestion> titles = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        for (ScoreDoc hit : searcher.search(query.build(), TITLES * 2).scoreDocs) {
            Cards.Card card = cards.of(searcher.getIndexReader(), hit.doc);
            if (seen.add(card.agreement()) && titles.size() < TITLES) {
                titles.add(new Suggestion(card.title(), card.agreement()));
            }
        }
        return titles;
    }

    /** The most frequent words in published text that start with {@code prefix}. */
    private static List<String> frequentCompletions(IndexReader reader, String prefix) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, Fields.SPELL);
        if (terms == null || prefix.length() < 2) {
            return List.of();
        }
        BytesRef start = new BytesRef(prefix);
        TermsEnum iterator = terms.iterator();
        if (iterator.seekCeil(start) == TermsEnum.SeekStatus.END) {
            return List.of();
        }
        PriorityQueue<TermCount> best = new PriorityQueue<>(Comparator.comparingInt(TermCount::count));
        int scanned = 0;
        for (BytesRef term = iterator.term(); term != null && StringHelper.startsWith(term, start)
                && scanned < TERMS_SCANNED; term = iterator.next(), scanned++) {
            if (term.length == start.length) {
                continue;
            }
            best.add(new TermCount(term.utf8ToString(), iterator.docFreq()));
            if (best.size() > TERMS) {
                best.poll();
            }
        }
        List<TermCount> sorted = new ArrayList<>(best);
        sorted.sort(Comparator.comparingInt(TermCount::count).reversed().thenComparing(TermCount::term));
        return sorted.stream().map(TermCount::term).toList();
    }

    private record TermCount(String term, int count) {
    }

    private List<String> tokens(String text) {
        return DutchAnalysis.tokens(words, Fields.TITLE_WORDS, text).stream().map(DutchAnalysis.Token::term).toList();
    }

    /** The typed text with its last word replaced by {@code word}. */
    private static String withLastWord(String text, String word) {
        int space = text.lastIndexOf(' ');
        return (space < 0 ? "" : text.substring(0, space + 1)) + word;
    }
}
