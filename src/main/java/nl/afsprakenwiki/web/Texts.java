package nl.afsprakenwiki.web;

import nl.afsprakenwiki.access.InvalidInput;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The user-facing texts of one language, and the one way dates, times, numbers and plurals are
 * written in it.
 *
 * <p>A plain placeholder {@code {0}} is replaced literally, so apostrophes in Dutch need no escaping.
 * A placeholder with a format, such as {@code {0,choice,0#geen revisies|1#één revisie|1<{0,number,integer}
 * revisies}} or {@code {1,number,integer}}, is written by {@link MessageFormat} in the language's locale
 * (inside it, and only there, an apostrophe is written twice). Counts always go through such a
 * placeholder: never "revisie(s)".
 */
public final class Texts {

    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");
    private static final int KEPT_RESULTS = 10_000;

    private final String language;
    private final Locale locale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter time;
    private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();
    private final Map<List<Object>, String> results = new ConcurrentHashMap<>();

    Texts(String language) {
        this.language = language;
        this.locale = Locale.forLanguageTag(language);
        this.bundle = ResourceBundle.getBundle("i18n.messages", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        // one pattern per language, "1 april 2026" and "1 April 2026": the locale's own long style
        // would write "April 1, 2026" in English
        this.date = DateTimeFormatter.ofPattern(get("format.date"), locale).withZone(DUTCH_TIME);
        this.dateTime = DateTimeFormatter.ofPattern(get("format.dateTime"), locale).withZone(DUTCH_TIME);
        this.time = DateTimeFormatter.ofPattern("HH:mm", locale).withZone(DUTCH_TIME);
    }

    public String language() {
        return language;
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no text for key '" + key + "' in language " + language, e);
        }
    }

    public String get(String key, Object... arguments) {
        return format(get(key), arguments);
    }

    /** Fills in {@code pattern} as {@link #get(String, Object...)} does; see the class comment. */
    String format(String pattern, Object... arguments) {
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int digits = i + 1;
            while (c == '{' && digits < pattern.length() && Character.isDigit(pattern.charAt(digits))) {
                digits++;
            }
            if (c != '{' || digits == i + 1 || digits == pattern.length()) {
                out.append(c);
                i++;
                continue;
            }
            int index = Integer.parseInt(pattern.substring(i + 1, digits));
            if (pattern.charAt(digits) == '}') {
                out.append(index < arguments.length ? String.valueOf(arguments[index]) : pattern.substring(i, digits + 1));
                i = digits + 1;
            } else if (pattern.charAt(digits) == ',') {
                int end = closingBrace(pattern, i);
                out.append(formatted(pattern.substring(i, end + 1), arguments));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * One placeholder with a format written out. A page writes the same few ("3 afspraken") hundreds
     * of times, and {@link MessageFormat} parses its pattern, and a choice's result again, on every
     * call: so the parsed patterns are kept, and so are the results when every argument is a whole
     * number (which always gives the same text; text arguments, such as a visitor's query, are not
     * kept, so nobody can fill memory with them). Both sets are bounded: the patterns come from the
     * message files, the kept results are dropped when there are too many.
     */
    private String formatted(String placeholder, Object[] arguments) {
        List<Object> key = numbers(arguments) ? List.of(placeholder, List.of(arguments)) : null;
        if (key != null) {
            String kept = results.get(key);
            if (kept != null) {
                return kept;
            }
        }
        MessageFormat format = formats.computeIfAbsent(placeholder, p -> new MessageFormat(p, locale));
        String result;
        synchronized (format) {
            result = format.format(arguments);
        }
        if (key != null) {
            if (results.size() >= KEPT_RESULTS) {
                results.clear();
            }
            results.put(key, result);
        }
        return result;
    }

    private static boolean numbers(Object[] arguments) {
        for (Object argument : arguments) {
            if (!(argument instanceof Integer || argument instanceof Long)) {
                return false;
            }
        }
        return true;
    }

    /** The brace that closes the one at {@code open}, past nested placeholders and quoted text. */
    private static int closingBrace(String pattern, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '{') {
                depth++;
            } else if (!quoted && c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed placeholder in '" + pattern + "'");
    }

    public String message(InvalidInput.FieldError error) {
        return get(error.messageKey(), error.arguments().toArray());
    }

    /** One message per field (several joined), for showing next to the fields of a form. */
    public Map<String, String> messages(InvalidInput invalid) {
        Map<String, String> byField = new LinkedHashMap<>();
        invalid.errors().forEach(error -> byField.merge(error.field(), message(error), (a, b) -> a + " " + b));
        return byField;
    }

    public String date(LocalDate value) {
        return value == null ? "" : date.format(value);
    }

    public String dateTime(Instant value) {
        return value == null ? "" : dateTime.format(value);
    }

    /** The day of {@code value} in Dutch time, as {@link #date(LocalDate)} writes it. */
    public String day(Instant value) {
        return value == null ? "" : date.format(value);
    }

    /** The clock time of {@code value} in Dutch time, "14:30" in both languages. */
    public String time(Instant value) {
        return value == null ? "" : time.format(value);
    }
}
