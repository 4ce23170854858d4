package nl.afsprakenwiki.meetings;

import nl.afsprakenwiki.web.Texts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The agenda lines the wiki proposes itself ("Herzieningsdatum 1 maart 2027 is verstreken") are
 * stored as a message key with its arguments, not as a Dutch sentence, so every reader sees them in
 * their own language with dates and counts written as that language writes them. What a chair typed
 * is stored and shown as typed.
 *
 * <p>A stored message starts with a control character, which typed text never holds (it passes
 * {@code CleanText}); its arguments are typed: {@code d} a date, {@code n} a count, {@code s} text.
 */
final class AgendaText {

    private static final char MARK = '\u0001';
    private static final String SEPARATOR = "\u001f";

    private AgendaText() {
    }

    static Builder of(String key) {
        return new Builder(key);
    }

    static final class Builder {
        private final StringBuilder stored = new StringBuilder().append(MARK);

        private Builder(String key) {
            stored.append(key);
        }

        Builder text(String value) {
            stored.append(SEPARATOR).append('s').append(value.replace(SEPARATOR, " "));
            return this;
        }

        Builder count(long value) {
            stored.append(SEPARATOR).append('n').append(value);
            return this;
        }

        Builder date(LocalDate value) {
            stored.append(SEPARATOR).append('d').append(value);
            return this;
        }

        String stored() {
            return stored.toString();
        }
    }

    /** {@code stored} in the reader's language; typed text unchanged. */
    static String render(String stored, Texts texts) {
        if (stored == null || stored.isEmpty() || stored.charAt(0) != MARK) {
            return stored == null ? "" : stored;
        }
        String[] parts = stored.substring(1).split(SEPARATOR, -1);
        List<Object> arguments = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String value = parts[i].substring(1);
            arguments.add(switch (parts[i].charAt(0)) {
                case 'd' -> texts.date(LocalDate.parse(value));
                case 'n' -> Long.parseLong(value);
                default -> value;
            });
        }
        return texts.get(parts[0], arguments.toArray());
    }
}
