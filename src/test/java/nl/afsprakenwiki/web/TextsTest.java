package nl.afsprakenwiki.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    private final Translations translations = new Translations();
    private final Texts dutch = translations.dutch();
    private final Texts english = translations.of(Translations.ENGLISH);

    @Test
    void countsAreWrittenInTheSingularForOneAndThePluralForZeroAndMore() {
        assertThat(dutch.get("history.intro", 0)).startsWith("0 revisies.");
        assertThat(dutch.get("history.intro", 1)).startsWith("1 revisie.");
        assertThat(dutch.get("history.intro", 2)).startsWith("2 revisies.");
        assertThat(english.get("history.intro", 0)).startsWith("0 revisions.");
        assertThat(english.get("history.intro", 1)).startsWith("1 revision.");
        assertThat(english.get("history.intro", 2)).startsWith("2 revisions.");

        assertThat(dutch.get("lineage.openProposals", 0)).startsWith("0 open voorstellen van");
        assertThat(dutch.get("lineage.openProposals", 1)).startsWith("1 open voorstel van");
        assertThat(dutch.get("lineage.openProposals", 2)).startsWith("2 open voorstellen van");
        assertThat(english.get("lineage.openProposals", 0)).startsWith("0 open proposals from");
        assertThat(english.get("lineage.openProposals", 1)).startsWith("1 open proposal from");
        assertThat(english.get("lineage.openProposals", 2)).startsWith("2 open proposals from");
    }

    @Test
    void severalCountsInOneTextEachGetTheirOwnForm() {
        assertThat(dutch.get("home.totals", 1, 2)).isEqualTo("1 afspraak in 2 gemeenten");
        assertThat(dutch.get("home.totals", 2, 1)).isEqualTo("2 afspraken in 1 gemeente");
        assertThat(english.get("home.totals", 1, 2)).isEqualTo("1 agreement in 2 municipalities");
        assertThat(english.get("home.totals", 2, 1)).isEqualTo("2 agreements in 1 municipality");
    }

    @Test
    void largeCountsAreGroupedAsEachLanguageWritesNumbers() {
        assertThat(dutch.get("home.totals", 12345, 2)).isEqualTo("12.345 afspraken in 2 gemeenten");
        assertThat(english.get("home.totals", 12345, 2)).isEqualTo("12,345 agreements in 2 municipalities");
    }

    @Test
    void keptResultsFollowTheirArgumentsAlsoPastHowManyAreKept() {
        for (int round = 0; round < 3; round++) {
            assertThat(dutch.get("home.totals", 1, 2)).isEqualTo("1 afspraak in 2 gemeenten");
            assertThat(dutch.get("home.totals", 2, 1)).isEqualTo("2 afspraken in 1 gemeente");
            assertThat(dutch.get("home.totals", 2L, 1L)).isEqualTo("2 afspraken in 1 gemeente");
            assertThat(english.get("home.totals", 1, 2)).isEqualTo("1 agreement in 2 municipalities");
        }
        java.util.Locale nl = java.util.Locale.forLanguageTag("nl");
        for (int n = 2; n < 12_000; n += 1) {
            assertThat(dutch.get("home.totals", n, 3)).isEqualTo(String.format(nl, "%,d afspraken in 3 gemeenten", n));
        }
    }

    @Test
    void plainPlaceholdersAreReplacedLiterallySoApostrophesAndBracesOutsideAFormatStay() {
        assertThat(dutch.format("De auto's van {0} {x} {", "Marieke")).isEqualTo("De auto's van Marieke {x} {");
        assertThat(dutch.format("Revisie {0} en {1}", 1234, "{0}")).isEqualTo("Revisie 1234 en {0}");
        assertThat(dutch.format("{0} {0,choice,1#auto|1<auto''s} van {1}", 2, "Erik")).isEqualTo("2 auto's van Erik");
    }

    @Test
    void datesAreWrittenDayMonthYearInBothLanguagesWithTheLanguagesMonthNames() {
        LocalDate firstOfApril = LocalDate.of(2026, 4, 1);
        assertThat(dutch.date(firstOfApril)).isEqualTo("1 april 2026");
        assertThat(english.date(firstOfApril)).isEqualTo("1 April 2026");
        Instant lateEvening = Instant.parse("2026-12-16T23:30:00Z"); // already the 17th in Dutch time
        assertThat(dutch.day(lateEvening)).isEqualTo("17 december 2026");
        assertThat(english.day(lateEvening)).isEqualTo("17 December 2026");
        assertThat(dutch.dateTime(lateEvening)).isEqualTo("17 december 2026 om 00:30");
        assertThat(english.dateTime(lateEvening)).isEqualTo("17 December 2026 at 00:30");
        assertThat(english.time(lateEvening)).isEqualTo("00:30");
    }

    /** A pattern that does not parse would fail only on the page that uses it; here it fails for all. */
    @Test
    void everyTextWithAFormatCanBeFilledInWithCountsInBothLanguages() throws IOException {
        for (String language : new String[] {Translations.DUTCH, Translations.ENGLISH}) {
            Texts texts = translations.of(language);
            for (String key : keys(language).stringPropertyNames()) {
                String pattern = texts.get(key);
                if (pattern.matches("(?s).*\\{[0-9]+,.*")) {
                    for (int count : new int[] {0, 1, 2}) {
                        String text = texts.get(key, count, count, count, count, count, count, count);
                        assertThat(text).as(language + " " + key).doesNotContain("{").doesNotContain("#");
                    }
                }
            }
        }
    }

    private static Properties keys(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/i18n/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
