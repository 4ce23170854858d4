package nl.afsprakenwiki.web;

import nl.afsprakenwiki.access.InvalidInput;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-facing texts of one language. Placeholders are {@code {0}}, {@code {1}} … and are
 * replaced literally (no MessageFormat, so apostrophes in Dutch need no escaping).
 */
public final class Texts {

    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private final String language;
    private final Locale locale;
    private final ResourceBundle bundle;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;

    Texts(String language) {
        this.language = language;
        this.locale = Locale.forLanguageTag(language);
        this.bundle = ResourceBundle.getBundle("i18n.messages", locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        this.dateTime = DateTimeFormatter.ofPattern(get("format.dateTime"), locale).withZone(DUTCH_TIME);
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
        String text = get(key);
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
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
}
