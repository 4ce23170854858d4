package nl.afsprakenwiki.redaction;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a removed text occurs in a revision's title, body and summary, and those fields with every
 * occurrence replaced by the marker. Occurrences are found left to right and do not overlap.
 */
record Occurrences(String title, String body, String summary, List<Span> spans) {

    /** The text shown where something was removed. */
    static final String MARKER = "[verwijderd: persoonsgegeven]";
    /** At most this many spans are kept with a redaction (the count is always exact). */
    private static final int SPANS_KEPT = 300;

    /** One occurrence in one field: [start, end) in the text before the redaction, in UTF-16 code units. */
    record Span(String field, int start, int end) {
    }

    static Occurrences in(String title, String body, String summary, String text) {
        List<Span> spans = new ArrayList<>();
        String newTitle = replace("title", title, text, spans);
        String newBody = replace("body", body, text, spans);
        String newSummary = replace("summary", summary, text, spans);
        return new Occurrences(newTitle, newBody, newSummary, List.copyOf(spans));
    }

    private static String replace(String field, String value, String text, List<Span> spans) {
        StringBuilder result = new StringBuilder(value.length());
        int from = 0;
        int at = value.indexOf(text);
        while (at >= 0) {
            spans.add(new Span(field, at, at + text.length()));
            result.append(value, from, at).append(MARKER);
            from = at + text.length();
            at = value.indexOf(text, from);
        }
        return result.append(value, from, value.length()).toString();
    }

    int count() {
        return spans.size();
    }

    /** The spans as kept with the redaction: JSON, without the text. */
    String spansJson() {
        StringBuilder json = new StringBuilder("[");
        spans.stream().limit(SPANS_KEPT).forEach(span -> json.append(json.length() > 1 ? "," : "")
                .append("{\"field\":\"").append(span.field()).append("\",\"start\":").append(span.start())
                .append(",\"end\":").append(span.end()).append('}'));
        return json.append(']').toString();
    }
}
