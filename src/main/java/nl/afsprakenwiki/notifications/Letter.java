package nl.afsprakenwiki.notifications;

import nl.afsprakenwiki.text.Markup;

import nl.afsprakenwiki.web.Texts;

import java.util.ArrayList;
import java.util.List;

/**
 * One mail's content in its two parts: plain text and HTML. Built from message keys of the
 * recipient's language; every text that goes into the HTML part is escaped here, the only place the
 * HTML of a mail is made, so a title with {@code <} or {@code &} arrives as the title.
 */
public record Letter(String subject, String text, String html, String link, Attachment attachment) {

    /** A letter without a link to act on and without an attachment. */
    public Letter(String subject, String text, String html) {
        this(subject, text, html, null, null);
    }

    /**
     * A file that goes along, e.g. a meeting's .ics: {@code type} is its full content type
     * (with parameters such as {@code method=REQUEST}); the content is text.
     */
    public record Attachment(String name, String type, String content) {
    }

    /**
     * This letter with the way out at its end: a link that stops this kind of mail at once, and one to
     * all preferences (issue 15). Added by the outbox, so no feature can forget it.
     */
    Letter withUnsubscribe(Texts texts, String unsubscribeUrl, String preferencesUrl) {
        String stop = texts.get("mail.unsubscribe.stop");
        String settings = texts.get("mail.unsubscribe.preferences");
        String plain = text + "\n" + stop + ":\n" + unsubscribeUrl + "\n" + settings + ":\n" + preferencesUrl + "\n";
        String links = "<p style=\"color: #555; font-size: 90%\"><a href=\"" + Markup.escape(unsubscribeUrl) + "\">" + Markup.escape(stop)
                + "</a> · <a href=\"" + Markup.escape(preferencesUrl) + "\">" + Markup.escape(settings) + "</a></p>\n";
        int end = html.lastIndexOf("</body>");
        String rich = end < 0 ? html + links : html.substring(0, end) + links + html.substring(end);
        return new Letter(subject, plain, rich, link, attachment);
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
        private final List<String[]> items = new ArrayList<>();
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

        /** One entry of a list (the digest's items): a text and the absolute address it links to. */
        public Builder item(String label, String url) {
            items.add(new String[] {oneLine(label), url});
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
            return new Letter(subject, text(), html(), actionUrl, attachment);
        }

        private String text() {
            StringBuilder out = new StringBuilder();
            for (String paragraph : paragraphs) {
                out.append(paragraph).append("\n\n");
            }
            for (String[] item : items) {
                out.append("* ").append(item[0]).append(item[1] == null ? "" : "\n  " + item[1]).append('\n');
            }
            if (!items.isEmpty()) {
                out.append('\n');
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
            StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(Markup.escape(texts.language()))
                    .append("\">\n<head><meta charset=\"utf-8\"><title>").append(Markup.escape(subject))
                    .append("</title></head>\n<body style=\"font-family: sans-serif; line-height: 1.5; color: #1a1a1a\">\n");
            for (String paragraph : paragraphs) {
                out.append("<p>").append(Markup.escape(paragraph).replace("\n", "<br>\n")).append("</p>\n");
            }
            if (!items.isEmpty()) {
                out.append("<ul>\n");
                for (String[] item : items) {
                    out.append("<li>").append(item[1] == null ? Markup.escape(item[0]) : "<a href=\"" + Markup.escape(item[1]) + "\">"
                            + Markup.escape(item[0]) + "</a>").append("</li>\n");
                }
                out.append("</ul>\n");
            }
            if (actionUrl != null) {
                out.append("<p><a href=\"").append(Markup.escape(actionUrl)).append("\">").append(Markup.escape(actionLabel))
                        .append("</a></p>\n");
            }
            if (footer != null) {
                out.append("<p style=\"color: #555; font-size: 90%\">").append(Markup.escape(footer)).append("</p>\n");
            }
            return out.append("</body>\n</html>\n").toString();
        }
    }

    /** A subject is one line: a line break in it could end the header and start another. */
    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
