package nl.afsprakenwiki.notifications;

import nl.afsprakenwiki.web.Texts;

import java.util.ArrayList;
import java.util.List;

/**
 * One mail's content in its two parts: plain text and HTML. Built from message keys of the
 * recipient's language; every text that goes into the HTML part is escaped here, the only place the
 * HTML of a mail is made, so a title with {@code <} or {@code &} arrives as the title.
 */
public record Letter(String subject, String text, String html, Attachment attachment) {

    /** A mail without an attachment. */
    public Letter(String subject, String text, String html) {
        this(subject, text, html, null);
    }

    /**
     * A file that goes along, e.g. a meeting's .ics: {@code type} is its full content type
     * (with parameters such as {@code method=REQUEST}); the content is text.
     */
    public record Attachment(String name, String type, String content) {
    }

    /** Starts a letter in the recipient's language with its subject. */
    public static Builder in(Texts texts, String subjectKey, Object... arguments) {
        return new Builder(texts, oneLine(texts.get(subjectKey, arguments)));
    }

    /** Adds paragraphs, then at most one link to act on, then a closing line. */
    public static final class Builder {
        private final Texts texts;
        private final String subject;
        private final List<String> paragraphs = new ArrayList<>();
        private String actionLabel;
        private String actionUrl;
        private String footer;
        private Attachment attachment;

        private Builder(Texts texts, String subject) {
            this.texts = texts;
            this.subject = subject;
        }

        public Builder paragraph(String key, Object... arguments) {
            paragraphs.add(texts.get(key, arguments));
            return this;
        }

        /** The link straight to the place to act, an absolute address. */
        public Builder action(String labelKey, String url) {
            this.actionLabel = texts.get(labelKey);
            this.actionUrl = url;
            return this;
        }

        public Builder footer(String key, Object... arguments) {
            this.footer = texts.get(key, arguments);
            return this;
        }

        /** Attaches one text file, e.g. a meeting's .ics. */
        public Builder attach(String name, String type, String content) {
            this.attachment = new Attachment(name, type, content);
            return this;
        }

        public Letter build() {
            return new Letter(subject, text(), html(), attachment);
        }

        private String text() {
            StringBuilder out = new StringBuilder();
            for (String paragraph : paragraphs) {
                out.append(paragraph).append("\n\n");
            }
            if (actionUrl != null) {
                out.append(actionLabel).append(":\n").append(actionUrl).append("\n\n");
            }
            if (footer != null) {
                out.append("-- \n").append(footer).append('\n');
            }
            return out.toString();
        }

        private String html() {
            StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(escape(texts.language()))
                    .append("\">\n<head><meta charset=\"utf-8\"><title>").append(escape(subject))
                    .append("</title></head>\n<body style=\"font-family: sans-serif; line-height: 1.5; color: #1a1a1a\">\n");
            for (String paragraph : paragraphs) {
                out.append("<p>").append(escape(paragraph).replace("\n", "<br>\n")).append("</p>\n");
            }
            if (actionUrl != null) {
                out.append("<p><a href=\"").append(escape(actionUrl)).append("\">").append(escape(actionLabel))
                        .append("</a></p>\n");
            }
            if (footer != null) {
                out.append("<p style=\"color: #555; font-size: 90%\">").append(escape(footer)).append("</p>\n");
            }
            return out.append("</body>\n</html>\n").toString();
        }
    }

    /** HTML-escapes text for element content and quoted attribute values alike. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A subject is one line: a line break in it could end the header and start another. */
    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
