package nl.afsprakenwiki.text;

/**
 * For markup the code writes itself (HTML mail, SVG drawings): escaping for element content and quoted
 * attributes alike, and coordinates written the same way in every drawing.
 */
public final class Markup {

    private Markup() {
    }

    public static String escape(String value) {
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

    /** An SVG coordinate or length: one decimal, with a point whatever the locale. */
    public static String number(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
