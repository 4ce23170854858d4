package nl.afsprakenwiki.text;

import java.text.Normalizer;

/**
 * Text as it enters the wiki, in one canonical form: Unicode NFC (so "é" typed as e + U+0301 and
 * as U+00E9 is the same title), and without the invisible characters that can hide text or change
 * how it reads. A title with U+202E would otherwise display reversed, and one with U+200B would
 * look like another title while differing from it.
 */
public final class CleanText {

    private CleanText() {
    }

    /**
     * A one-line value: a title, name, theme, summary or slug. Removes control characters (a run of
     * line breaks and tabs becomes one space), every format character (category Cf: bidirectional
     * embeddings, overrides, isolates and marks, zero-width spaces and joiners, word joiner,
     * byte order mark, soft hyphen, tag characters …) except the visible number signs, unpaired
     * surrogates and the invisible Hangul fillers; then NFC and no surrounding white space.
     * Null becomes the empty string.
     */
    public static String line(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(value.length());
        boolean inBreak = false;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (isBreak(c)) {
                if (!inBreak) {
                    clean.append(' ');
                }
                inBreak = true;
                continue;
            }
            inBreak = false;
            if (!invisible(c)) {
                clean.appendCodePoint(c);
            }
        }
        return stripSpace(Normalizer.normalize(clean, Normalizer.Form.NFC));
    }

    /**
     * Multi-line text such as an agreement's markdown: NFC, without the bidirectional embeddings,
     * overrides and isolates (they can reverse a whole passage), the byte order mark, unpaired
     * surrogates and control characters other than newline, carriage return and tab; the C1 line
     * break NEL (U+0085) becomes a newline, so the lines it separated stay apart. Everything else,
     * white space included, stays as written: zero-width joiners and direction marks have honest
     * uses in running text. Null becomes the empty string.
     */
    public static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (c == 0x85) {
                clean.append('\n');
                continue;
            }
            boolean keep = switch (Character.getType(c)) {
                case Character.CONTROL -> c == '\n' || c == '\r' || c == '\t';
                case Character.SURROGATE -> false;
                case Character.FORMAT -> !isBidiControl(c) && c != '\uFEFF';
                default -> true;
            };
            if (keep) {
                clean.appendCodePoint(c);
            }
        }
        return Normalizer.normalize(clean, Normalizer.Form.NFC);
    }

    /** U+202A–U+202E (embeddings, overrides, pop) and U+2066–U+2069 (isolates). */
    static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static boolean isBreak(int c) {
        int type = Character.getType(c);
        return (type == Character.CONTROL && (Character.isWhitespace(c) || c == 0x85))
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static boolean invisible(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.SURROGATE -> true;
            case Character.FORMAT -> !isNumberSign(c);
            default -> c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0;
        };
    }

    /**
     * The prepended concatenation marks (Arabic, Syriac and Kaithi number signs): format characters
     * that are drawn, so removing them would change what the text says rather than hide nothing.
     */
    private static boolean isNumberSign(int c) {
        return (c >= 0x0600 && c <= 0x0605) || c == 0x06DD || c == 0x070F || c == 0x0890 || c == 0x0891
                || c == 0x08E2 || c == 0x110BD || c == 0x110CD;
    }

    /** {@link String#strip()} also for no-break and other space separators, which look as empty. */
    private static String stripSpace(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
