package nl.afsprakenwiki.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * URL-safe identifiers derived from names: "Koppelzone Jeugd 's-Hertogenbosch" becomes
 * "koppelzone-jeugd-s-hertogenbosch". A slug has only a–z, 0–9 and single hyphens between them.
 */
public final class Slugs {

    public static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    public static String of(String name, int maxLength) {
        // invisible characters go first, so that a soft hyphen inside a word joins it like in the cleaned name;
        // NFKD splits ligatures such as the Dutch Ĳ into I and J; letters without a decomposition get a spelling.
        String folded = MARKS.matcher(Normalizer.normalize(CleanText.line(name), Normalizer.Form.NFKD)).replaceAll("")
                .replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("æ", "ae").replace("Æ", "AE")
                .replace("œ", "oe").replace("Œ", "OE").replace("ł", "l").replace("Ł", "L").replace("đ", "d")
                .replace("Đ", "D").replace("þ", "th").replace("Þ", "TH");
        String slug = NON_ALNUM.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > maxLength) {
            slug = trimHyphens(slug.substring(0, maxLength));
        }
        return slug;
    }

    public static boolean isValid(String slug) {
        return slug != null && !slug.isEmpty() && slug.length() <= 120 && VALID.matcher(slug).matches();
    }

    private static String trimHyphens(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) == '-') {
            start++;
        }
        while (end > start && value.charAt(end - 1) == '-') {
            end--;
        }
        return value.substring(start, end);
    }
}
