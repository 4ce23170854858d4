package nl.afsprakenwiki.search;

import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.search.SearchResult.Hit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.SplittingBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The hits of one results page as shown: stored fields, the title and the best sentences of the
 * text with the matching words marked (escaped text, only {@code <mark>} added), and which of the
 * query's words each hit lacks.
 */
final class HitReader {

    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final int OPENING = 240;
    private static final int MAX_LENGTH = 10_000;
    /** What a hit shows and highlights. */
    private static final Set<String> STORED = Set.of(Fields.AGREEMENT, Fields.TITLE, Fields.BODY,
            Fields.STORED_KOPPELZONE_SLUG, Fields.STORED_KOPPELZONE_NAME, Fields.STORED_MUNICIPALITY,
            Fields.STORED_STATUS, Fields.STORED_REVISION, Fields.UPDATED, Fields.ADOPTIONS, Fields.EXPERIENCES, Fields.LEAKS);

    private final Analyzer analyzer;

    HitReader(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    List<Hit> read(IndexSearcher searcher, Ranking.Plan plan, List<ScoreDoc> docs) throws IOException {
        if (docs.isEmpty()) {
            return List.of();
        }
        int count = docs.size();
        int[] ids = new int[count];
        // each hit's stored fields are read once, for the page and for the highlighter: reading them
        // decompresses a block of the index, into buffers that one reader keeps for all the hits
        Map<Integer, Document> stored = new HashMap<>();
        StoredFields fields = searcher.storedFields();
        for (int i = 0; i < count; i++) {
            ids[i] = docs.get(i).doc;
            stored.put(ids[i], fields.document(ids[i], STORED));
        }
        Map<String, String[]> marked = plan.concepts().isEmpty() ? Map.of() : highlighter(searcher, stored).highlightFields(
                new String[]{Fields.TITLE, Fields.BODY}, plan.highlight(), ids, new int[]{1, 2});
        List<List<String>> missing = missing(searcher, plan, ids);
        List<Hit> hits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String titleHtml = marked.containsKey(Fields.TITLE) ? marked.get(Fields.TITLE)[i] : null;
            String snippet = marked.containsKey(Fields.BODY) ? marked.get(Fields.BODY)[i] : null;
            Document doc = stored.get(ids[i]);
            String title = doc.get(Fields.TITLE);
            hits.add(new Hit(Long.parseLong(doc.get(Fields.AGREEMENT)), title,
                    titleHtml == null ? MarkdownRenderer.escapeText(title) : titleHtml,
                    snippet == null ? MarkdownRenderer.escapeText(opening(doc.get(Fields.BODY))) : snippet,
                    doc.get(Fields.STORED_KOPPELZONE_SLUG), doc.get(Fields.STORED_KOPPELZONE_NAME),
                    doc.get(Fields.STORED_MUNICIPALITY), doc.get(Fields.STORED_STATUS),
                    doc.getField(Fields.STORED_REVISION).numericValue().intValue(),
                    Instant.ofEpochMilli(doc.getField(Fields.UPDATED).numericValue().longValue()),
                    doc.getField(Fields.ADOPTIONS).numericValue().intValue(),
                    doc.getField(Fields.EXPERIENCES).numericValue().intValue(), missing.get(i),
                    Float.isNaN(docs.get(i).score) ? 0 : docs.get(i).score,
                    doc.getField(Fields.LEAKS) == null ? 0 : doc.getField(Fields.LEAKS).numericValue().intValue()));
        }
        return hits;
    }

    /** Per hit, the labels of the concepts it does not match (related words do not count). */
    private static List<List<String>> missing(IndexSearcher searcher, Ranking.Plan plan, int[] ids) throws IOException {
        List<List<String>> missing = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            missing.add(new ArrayList<>());
        }
        if (plan.concepts().size() < 2) {
            return missing; // a hit of a one-concept query has it
        }
        // ten documents are looked up: Lucene's query cache would read every match of the concept
        // into a bit set, which costs far more than the lookups
        IndexSearcher uncached = new IndexSearcher(searcher.getIndexReader());
        uncached.setQueryCache(null);
        for (Ranking.Searched concept : plan.concepts()) {
            float[] found = ScoresAt.of(uncached, concept.built().present(), ScoreMode.COMPLETE_NO_SCORES, ids);
            for (int i = 0; i < ids.length; i++) {
                if (Float.isNaN(found[i])) {
                    missing.get(i).add(concept.concept().label());
                }
            }
        }
        return missing;
    }

    /** Passages are sentences, and never cross a line: a list item or table row ends without a period. */
    private UnifiedHighlighter highlighter(IndexSearcher searcher, Map<Integer, Document> stored) {
        return new Preloaded(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withScorer(new PassageScores())
                .withBreakIterator(() -> new SplittingBreakIterator(BreakIterator.getSentenceInstance(DUTCH), '\n'))
                .withMaxLength(MAX_LENGTH)
                .withHighlightPhrasesStrictly(true)
                .withWeightMatches(false), stored);
    }

    /** A highlighter that takes the texts from the stored fields already read instead of reading them again. */
    private static final class Preloaded extends ReusingHighlighter {
        private final Map<Integer, Document> stored;

        Preloaded(Builder builder, Map<Integer, Document> stored) {
            super(builder);
            this.stored = stored;
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
                throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                CharSequence[] byField = new CharSequence[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    String value = stored.get(doc).get(fields[i]);
                    // as the highlighter's own reading does: at most the first MAX_LENGTH characters
                    byField[i] = value == null || value.length() <= MAX_LENGTH ? value : value.substring(0, MAX_LENGTH);
                }
                values.add(byField);
            }
            return values;
        }
    }

    /**
     * The start of a text that has no highlighted passage: its first characters with each run of
     * white space as one space, cut at a word. Only the start is read: a body is thousands of
     * characters, the opening a few hundred.
     */
    static String opening(String body) {
        if (body == null) {
            return "";
        }
        String text = body.strip();
        StringBuilder start = new StringBuilder(OPENING + 1);
        int i = 0;
        while (i < text.length() && start.length() <= OPENING) {
            if (space(text.charAt(i))) {
                while (space(text.charAt(i))) {
                    i++; // a stripped text ends in something else
                }
                start.append(' ');
            } else {
                start.append(text.charAt(i++));
            }
        }
        if (start.length() <= OPENING) {
            return start.toString();
        }
        int cut = start.lastIndexOf(" ", OPENING);
        return start.substring(0, cut > 0 ? cut : OPENING) + " …";
    }

    /** White space as a regular expression's {@code \s} means it: space, tab, line ends, form feed. */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\013' || c == '\f' || c == '\r';
    }
}
