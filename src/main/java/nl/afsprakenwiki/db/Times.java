package nl.afsprakenwiki.db;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * How instants are stored: fixed-width ISO-8601 UTC with milliseconds, so that text order is time
 * order in SQL ({@code ORDER BY created_at}) and values round-trip exactly.
 */
public final class Times {

    private static final DateTimeFormatter STORED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String format(Instant instant) {
        return STORED.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * The instant {@code stored} names. The stored form ({@code 2026-12-07T12:41:27.123Z}) is read
     * directly - list pages map thousands of rows, and {@link Instant#parse} took a few per cent of a
     * request thread's time there; anything else (another ISO-8601 form, or not a date) goes through
     * {@link Instant#parse}, so the answer, or the exception, is always the one it gives.
     */
    public static Instant parse(String stored) {
        if (stored != null && stored.length() == 24 && stored.charAt(4) == '-' && stored.charAt(7) == '-'
                && stored.charAt(10) == 'T' && stored.charAt(13) == ':' && stored.charAt(16) == ':'
                && stored.charAt(19) == '.' && stored.charAt(23) == 'Z') {
            int year = digits(stored, 0, 4);
            int month = digits(stored, 5, 2);
            int day = digits(stored, 8, 2);
            int hour = digits(stored, 11, 2);
            int minute = digits(stored, 14, 2);
            int second = digits(stored, 17, 2);
            int milli = digits(stored, 20, 3);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth()
                    && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && milli >= 0) {
                long days = LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, milli * 1_000_000L);
            }
        }
        return Instant.parse(stored);
    }

    /** {@link #parse} of a column that may be NULL: null for null. */
    public static Instant parseOrNull(String stored) {
        return stored == null ? null : parse(stored);
    }

    /** The number written by {@code length} ASCII digits from {@code start}; -1 when one is not a digit. */
    private static int digits(String text, int start, int length) {
        int value = 0;
        for (int i = start; i < start + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
