package nl.afsprakenwiki.privacy;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dutch postcode with a house number: 1234 AB 12, 1234AB 12a, 1234 AB, nr. 7, 1234 AB huisnummer 3.
 * Together they point at one address. A postcode alone (of a town, of an office) is not flagged;
 * letter pairs that are never issued (SA, SD, SS) are not postcodes.
 */
final class PostcodeRule {

    private static final Pattern POSTCODE_AND_NUMBER = Pattern.compile(
            "(?<![\\w-])(?<digits>[1-9]\\d{3}) ?(?<letters>[A-Z]{2})(?![\\w-])[ ,]{1,3}"
                    + "(?:(?:nr\\.?|nummer|huisnummer|hnr\\.?)\\s*)?(?<number>\\d{1,5}(?:[ -]?[a-zA-Z](?![\\w])|-\\d{1,4})?)(?![\\w.,:-]\\d|\\w)");

    void find(Scan scan) {
        Matcher matcher = POSTCODE_AND_NUMBER.matcher(scan.text);
        scan.atDigitRuns(matcher, 40, () -> {
            String letters = matcher.group("letters");
            if (letters.equals("SA") || letters.equals("SD") || letters.equals("SS")
                    || scan.isClaimed(matcher.start(), matcher.end())) {
                return;
            }
            String normalised = matcher.group("digits") + letters + " "
                    + matcher.group("number").replace(" ", "").replace("-", "").toLowerCase(Locale.ROOT);
            scan.add(Finding.of(Kind.POSTCODE, matcher.start(), matcher.end(), normalised));
        });
    }
}
