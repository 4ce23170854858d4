package nl.afsprakenwiki.transfer;

import java.util.regex.Pattern;

/**
 * Writes the small YAML subset of the import format: scalars, lists of scalars or of small
 * mappings, and literal text blocks. Values are written plain when that is unambiguous and
 * double-quoted otherwise, so that any text round-trips exactly.
 */
final class Yaml {

    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}(][\\p{L}\\p{M}\\p{N} .,()/'’&+\\-]*");
    private static final Pattern AMBIGUOUS = Pattern.compile(
            "(?i)(y|yes|n|no|true|false|on|off|null|~)|[-+]?[0-9][0-9_.:eE+-]*");

    private final StringBuilder out = new StringBuilder();

    void scalar(String key, String value) {
        out.append(key).append(": ").append(quote(value)).append('\n');
    }

    /** A value known to need no quoting (dates, times, codes). */
    void plain(String key, String value) {
        out.append(key).append(": ").append(value).append('\n');
    }

    void key(String key) {
        out.append(key).append(":\n");
    }

    void item(String value) {
        out.append("  - ").append(quote(value)).append('\n');
    }

    /** Starts a list item that is a mapping, with its first field. */
    void item(String key, String value) {
        out.append("  - ").append(key).append(": ").append(quote(value)).append('\n');
    }

    /** A further field of the current list item. */
    void field(String key, String value) {
        out.append("    ").append(key).append(": ").append(quote(value)).append('\n');
    }

    /** Multi-line text as a literal block when that keeps it exactly, else as a quoted scalar. */
    void text(String key, String value) {
        if (!value.contains("\n") || !literalSafe(value)) {
            scalar(key, value);
            return;
        }
        String chomping = value.endsWith("\n\n") ? "+" : value.endsWith("\n") ? "" : "-";
        out.append(key).append(": |").append(chomping).append('\n');
        String content = value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
        for (String line : content.split("\n", -1)) {
            out.append(line.isEmpty() ? "" : "  " + line).append('\n');
        }
    }

    private static boolean literalSafe(String value) {
        if (value.startsWith(" ") || value.startsWith("\n")) {
            return false;
        }
        for (String line : value.split("\n", -1)) {
            if (!line.isEmpty() && line.isBlank()) {
                return false;
            }
            if (line.endsWith(" ") || line.endsWith("\t")) {
                return false;
            }
        }
        return value.chars().allMatch(c -> c == '\n' || (c >= 0x20 && !needsEscape(c)));
    }

    /**
     * Characters that YAML readers refuse or treat as line breaks: C0/C1 controls (U+0085 is a YAML
     * line break), the Unicode line and paragraph separators, the byte-order mark, U+FFFE/U+FFFF and
     * unpaired surrogates. They are written as \\u escapes in double quotes.
     */
    private static boolean needsEscape(int c) {
        return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029 || c == 0xFEFF
                || c == 0xFFFE || c == 0xFFFF || (c >= 0xD800 && c <= 0xDFFF);
    }

    static String quote(String value) {
        if (!value.isEmpty() && PLAIN.matcher(value).matches() && !AMBIGUOUS.matcher(value).matches()
                && !value.endsWith(" ")) {
            return value;
        }
        StringBuilder quoted = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        quoted.append(String.format("\\u%04x", c));
                    } else {
                        quoted.appendCodePoint(c);
                    }
                }
            }
        });
        return quoted.append('"').toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
