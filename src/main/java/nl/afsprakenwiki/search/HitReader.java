package nl.afsprakenwiki.search;

import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.search.SearchResult.Hit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

import java.io.IOException;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The hits of one results page as shown: stored fields, the title and the best sentences of the
 * text with the matching words marked (escaped text, only {@code <mark>} added).
 */
final class HitReader {

    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final int OPENING = 240;
    private static final Set<String> WITHOUT_BODY = Set.of(Fields.AGREEMENT, Fields.TITLE,
            Fields.STORED_KOPPELZONE_SLUG, Fields.STORED_KOPPELZONE_NAME, Fields.STORED_MUNICIPALITY,
            Fields.STORED_STATUS, Fields.STORED_REVISION, Fields.UPDATED, Fields.ADOPTIONS);
    private static final Set<String> WITH_BODY = union(WITHOUT_BODY, Fields.BODY);

    private final Analyzer analyzer;

    HitReader(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    List<Hit> read(IndexSearcher searcher, QueryText.Parsed parsed, TopDocs top, int offset)
            throws IOException {
        ScoreDoc[] docs = top.scoreDocs;
        if (offset >= docs.length) {
            return List.of();
        }
        int count = docs.length - offset;
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = docs[offset + i].doc;
        }
        Map<String, String[]> marked = parsed.text().isEmpty() ? Map.of() : highlighter(searcher).highlightFields(
                new String[]{Fields.TITLE, Fields.BODY}, parsed.query(), ids, new int[]{1, 2});
        List<Hit> hits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String titleHtml = marked.containsKey(Fields.TITLE) ? marked.get(Fields.TITLE)[i] : null;
            String snippet = marked.containsKey(Fields.BODY) ? marked.get(Fields.BODY)[i] : null;
            // the body is large: read it only when there is no highlighted passage to show instead
            Document doc = searcher.storedFields().document(ids[i], snippet == null ? WITH_BODY : WITHOUT_BODY);
            String title = doc.get(Fields.TITLE);
            hits.add(new Hit(Long.parseLong(doc.get(Fields.AGREEMENT)), title,
                    titleHtml == null ? MarkdownRenderer.escapeText(title) : titleHtml,
                    snippet == null ? MarkdownRenderer.escapeText(opening(doc.get(Fields.BODY))) : snippet,
                    doc.get(Fields.STORED_KOPPELZONE_SLUG), doc.get(Fields.STORED_KOPPELZONE_NAME),
                    doc.get(Fields.STORED_MUNICIPALITY), doc.get(Fields.STORED_STATUS),
                    doc.getField(Fields.STORED_REVISION).numericValue().intValue(),
                    Instant.ofEpochMilli(doc.getField(Fields.UPDATED).numericValue().longValue()),
                    doc.getField(Fields.ADOPTIONS).numericValue().intValue(),
                    Float.isNaN(docs[offset + i].score) ? 0 : docs[offset + i].score));
        }
        return hits;
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(DUTCH))
                .withMaxLength(10_000)
                .withHighlightPhrasesStrictly(true)
                .withWeightMatches(false)
                .build();
    }

    /** The start of a text that has no highlighted passage: its first characters, cut at a word. */
    private static String opening(String body) {
        if (body == null) {
            return "";
        }
        String text = body.strip().replaceAll("\\s+", " ");
        if (text.length() <= OPENING) {
            return text;
        }
        int cut = text.lastIndexOf(' ', OPENING);
        return text.substring(0, cut > 0 ? cut : OPENING) + " …";
    }

    private static Set<String> union(Set<String> fields, String field) {
        Set<String> all = new HashSet<>(fields);
        all.add(field);
        return Set.copyOf(all);
    }

}
