package nl.afsprakenwiki.health;

import nl.afsprakenwiki.koppelzones.Koppelzone;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The health of a koppelzone's work (issue 18 point 3) as a few series of numbers, each drawn as one
 * chart, listed as one table and offered as one CSV file. How each number is derived is written in
 * {@link HealthService} and in the README ("Gezondheid van de koppelzone").
 *
 * @param at the moment the series were computed: the last point of the monthly series
 */
public record Health(Koppelzone koppelzone, Instant at, List<Series> series) {

    public static final String STATUS = "status";
    public static final String ENDORSEMENT_DAYS = "bekrachtigingsduur";
    public static final String PAST_REVIEW = "herzieningsdatum";
    public static final String LEAKS = "waardelekken";
    public static final List<String> CODES = List.of(STATUS, ENDORSEMENT_DAYS, PAST_REVIEW, LEAKS);

    public Optional<Series> series(String code) {
        return series.stream().filter(one -> one.code().equals(code)).findFirst();
    }

    /** How a series is drawn: a line per drawn column, or a group of bars per period. */
    public enum Chart { LINES, BARS }

    /**
     * One series: a row per period (a month, or a quarter), a value per column.
     *
     * @param period the name of the first column: {@code month} (e.g. 2026-11) or {@code quarter} (e.g. 2026-Q4)
     * @param columns the names of the value columns, as in the CSV header and the JSON
     * @param drawn the columns the chart draws (the others are in the table and the file only)
     * @param percent whether the drawn values are percentages (the y axis then runs to 100)
     */
    public record Series(String code, Chart chart, String period, List<String> columns, List<String> drawn, boolean percent,
                         List<Row> rows) {

        /** The header of the CSV file and the JSON's column list: the period, then the value columns. */
        public List<String> header() {
            List<String> header = new ArrayList<>();
            header.add(period);
            header.addAll(columns);
            return header;
        }

        public int column(String name) {
            return columns.indexOf(name);
        }
    }

    /** One period's values, in the order of {@link Series#columns()}; a value may be null (no median without endorsements). */
    public record Row(String period, List<Number> values) {
        public Number value(int column) {
            return values.get(column);
        }
    }
}
