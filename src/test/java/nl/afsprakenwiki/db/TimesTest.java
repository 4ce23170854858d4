package nl.afsprakenwiki.db;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stored instants read back exactly, and every other text read as {@link Instant#parse} reads it. */
class TimesTest {

    @Test
    void storedInstantsReadBackExactlyAsInstantParseReadsThem() {
        Random random = new Random(20261207);
        long first = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();
        long last = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochMilli(first + (long) (random.nextDouble() * (last - first)));
            String stored = Times.format(instant);
            assertThat(Times.parse(stored)).as(stored).isEqualTo(instant).isEqualTo(Instant.parse(stored));
        }
        for (String stored : List.of("2024-02-29T23:59:59.999Z", "2026-12-31T00:00:00.000Z", "1970-01-01T00:00:00.000Z",
                "1969-12-31T23:59:59.999Z", "2000-02-29T12:00:00.001Z", "0000-01-01T00:00:00.000Z")) {
            assertThat(Times.parse(stored)).as(stored).isEqualTo(Instant.parse(stored));
        }
    }

    @Test
    void otherFormsAndWrongDatesAreReadAsInstantParseReadsThem() {
        for (String other : List.of("2026-12-07T12:41:27Z", "2026-12-07T12:41:27.123456Z", "2026-12-07T23:59:60.000Z",
                "2026-12-07T12:41:27.1Z", "+12026-12-07T12:41:27.123Z")) {
            assertThat(Times.parse(other)).as(other).isEqualTo(Instant.parse(other));
        }
        for (String wrong : List.of("2026-02-29T12:00:00.000Z", "2026-13-01T12:00:00.000Z", "2026-00-10T12:00:00.000Z",
                "2026-12-00T12:00:00.000Z", "2026-12-07T12:60:00.000Z", "2026-1a-07T12:41:27.123Z",
                "2026-12-07 12:41:27.123Z", "2026-12-07T12:41:27.12-Z", "niet een tijdstip")) {
            assertThatThrownBy(() -> Instant.parse(wrong)).as(wrong).isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> Times.parse(wrong)).as(wrong).isInstanceOf(DateTimeParseException.class);
        }
        // the end of a day, which Instant.parse reads as the next day's start
        assertThat(Times.parse("2026-12-07T24:00:00.000Z")).isEqualTo(Instant.parse("2026-12-07T24:00:00.000Z"));
    }

    @Test
    void aNullColumnIsNoInstant() {
        assertThat(Times.parseOrNull(null)).isNull();
        assertThat(Times.parseOrNull("2026-12-07T12:41:27.123Z")).isEqualTo(Instant.parse("2026-12-07T12:41:27.123Z"));
    }
}
