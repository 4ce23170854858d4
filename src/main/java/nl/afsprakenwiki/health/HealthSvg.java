package nl.afsprakenwiki.health;

import nl.afsprakenwiki.health.Health.Row;
import nl.afsprakenwiki.health.Health.Series;
import nl.afsprakenwiki.text.Markup;
import nl.afsprakenwiki.web.Texts;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a health {@link Series} as plain inline SVG (no JavaScript, no library): axes with a scale,
 * a line or a group of bars per drawn column, a {@code <title>} on every point and bar. The drawing
 * scales with its viewBox; the numbers are also in the table under it. Colours have AA contrast
 * against white and each line has its own dash pattern, so colour is never the only cue.
 */
public final class HealthSvg {

    static final int WIDTH = 600;
    static final int HEIGHT = 300;
    private static final int LEFT = 60;
    private static final int RIGHT = 40;
    private static final int TOP = 20;
    private static final int BOTTOM = 52;
    private static final int MAX_LABELS = 6;

    /** Per drawn column: colour and dash pattern (null: solid). */
    private record Style(String colour, String dash) {
    }

    private static final Map<String, Style> STYLES = Map.of(
            "concept", new Style("#5a5f66", "3 4"),
            "ter_bekrachtiging", new Style("#0b57a4", "10 5"),
            "bekrachtigd", new Style("#1a6b2f", null),
            "vervallen", new Style("#8a4b00", "2 3"),
            "median_days", new Style("#0b57a4", null),
            "share_past_review", new Style("#8a4b00", null),
            "reported", new Style("#b3121b", null),
            "solved", new Style("#1a6b2f", null));

    private HealthSvg() {
    }

    /** The {@code <svg>} element of a series; {@code id} prefixes the ids of its title and description. */
    public static String draw(Series series, Texts texts, String id) {
        List<Row> rows = series.rows();
        double max = series.percent() ? 100 : niceMax(rows.stream().flatMap(row -> series.drawn().stream()
                .map(column -> row.value(series.column(column)))).filter(value -> value != null)
                .mapToDouble(Number::doubleValue).max().orElse(0));
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double step = plotWidth / Math.max(1, rows.size());
        StringBuilder svg = new StringBuilder();
        String titleId = id + "-title";
        String descId = id + "-desc";
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"health-chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-labelledby=\"").append(titleId).append(' ').append(descId).append("\">");
        svg.append("<title id=\"").append(titleId).append("\">")
                .append(Markup.escape(texts.get("health." + series.code() + ".title"))).append("</title>");
        svg.append("<desc id=\"").append(descId).append("\">").append(Markup.escape(description(series, texts))).append("</desc>");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#ffffff\"/>");
        // the scale: four steps from zero to the top, a faint rule at each
        for (int tick = 0; tick <= 4; tick++) {
            double value = max * tick / 4;
            double y = TOP + plotHeight - plotHeight * tick / 4;
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(Markup.number(y))
                    .append("\" y2=\"").append(Markup.number(y)).append("\" stroke=\"").append(tick == 0 ? "#1f2328" : "#d0d7de")
                    .append("\" stroke-width=\"1\"/>");
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(Markup.number(y + 5))
                    .append("\" text-anchor=\"end\" font-size=\"16\" fill=\"#1f2328\">")
                    .append(Markup.escape(format(value, texts) + (series.percent() ? "%" : ""))).append("</text>");
        }
        int every = (int) Math.ceil(rows.size() / (double) MAX_LABELS);
        for (int i = 0; i < rows.size(); i++) {
            if ((rows.size() - 1 - i) % every != 0) {
                continue;
            }
            svg.append("<text x=\"").append(Markup.number(LEFT + step * (i + 0.5))).append("\" y=\"").append(HEIGHT - BOTTOM + 22)
                    .append("\" text-anchor=\"middle\" font-size=\"16\" fill=\"#1f2328\">")
                    .append(Markup.escape(period(series, rows.get(i).period(), texts))).append("</text>");
        }
        if (series.chart() == Health.Chart.LINES) {
            lines(svg, series, texts, max, step, plotHeight);
        } else {
            bars(svg, series, texts, max, step, plotHeight);
        }
        return svg.append("</svg>").toString();
    }

    private static void lines(StringBuilder svg, Series series, Texts texts, double max, double step, double plotHeight) {
        for (String column : series.drawn()) {
            Style style = STYLES.get(column);
            int index = series.column(column);
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < series.rows().size(); i++) {
                Number value = series.rows().get(i).value(index);
                if (value == null) {
                    pen = false;
                    continue;
                }
                path.append(pen ? " L" : " M").append(Markup.number(LEFT + step * (i + 0.5))).append(' ')
                        .append(Markup.number(y(value, max, plotHeight)));
                pen = true;
            }
            svg.append("<g class=\"health-line health-").append(column).append("\">");
            if (!path.isEmpty()) {
                svg.append("<path d=\"").append(path.toString().strip()).append("\" fill=\"none\" stroke=\"").append(style.colour())
                        .append("\" stroke-width=\"3\"").append(style.dash() == null ? "" : " stroke-dasharray=\"" + style.dash() + "\"")
                        .append("/>");
            }
            for (int i = 0; i < series.rows().size(); i++) {
                Row row = series.rows().get(i);
                Number value = row.value(index);
                if (value == null) {
                    continue;
                }
                svg.append("<circle cx=\"").append(Markup.number(LEFT + step * (i + 0.5))).append("\" cy=\"")
                        .append(Markup.number(y(value, max, plotHeight))).append("\" r=\"4\" fill=\"").append(style.colour())
                        .append("\"><title>").append(Markup.escape(pointTitle(series, row, column, texts))).append("</title></circle>");
            }
            svg.append("</g>");
        }
    }

    private static void bars(StringBuilder svg, Series series, Texts texts, double max, double step, double plotHeight) {
        double group = step * 0.7;
        double width = group / series.drawn().size();
        for (int i = 0; i < series.rows().size(); i++) {
            Row row = series.rows().get(i);
            for (int c = 0; c < series.drawn().size(); c++) {
                String column = series.drawn().get(c);
                Number value = row.value(series.column(column));
                if (value == null) {
                    continue;
                }
                double top = y(value, max, plotHeight);
                svg.append("<rect class=\"health-bar health-").append(column).append("\" x=\"")
                        .append(Markup.number(LEFT + step * i + (step - group) / 2 + width * c)).append("\" y=\"").append(Markup.number(top))
                        .append("\" width=\"").append(Markup.number(Math.max(1, width - 2))).append("\" height=\"")
                        .append(Markup.number(Math.max(0, TOP + plotHeight - top))).append("\" fill=\"")
                        .append(STYLES.get(column).colour()).append("\"><title>")
                        .append(Markup.escape(pointTitle(series, row, column, texts))).append("</title></rect>");
            }
        }
    }

    /** A small sample of a column's line or bar for the legend beside its name; hidden from screen readers. */
    public static String swatch(Series series, String column) {
        Style style = STYLES.get(column);
        if (series.chart() == Health.Chart.BARS) {
            return "<svg aria-hidden=\"true\" focusable=\"false\" width=\"20\" height=\"14\" viewBox=\"0 0 20 14\"><rect x=\"2\""
                    + " y=\"1\" width=\"16\" height=\"12\" fill=\"" + style.colour() + "\"/></svg>";
        }
        return "<svg aria-hidden=\"true\" focusable=\"false\" width=\"40\" height=\"14\" viewBox=\"0 0 40 14\"><line x1=\"2\""
                + " y1=\"7\" x2=\"38\" y2=\"7\" stroke=\"" + style.colour() + "\" stroke-width=\"3\""
                + (style.dash() == null ? "" : " stroke-dasharray=\"" + style.dash() + "\"") + "/></svg>";
    }

    /** What a point or bar says, e.g. "Bekrachtigd, nov. 2026: 3". */
    static String pointTitle(Series series, Row row, String column, Texts texts) {
        Number value = row.value(series.column(column));
        return texts.get("health.column." + column) + ", " + period(series, row.period(), texts) + ": "
                + (value == null ? texts.get("health.none") : format(value, texts) + (series.percent() ? "%" : ""));
    }

    private static String description(Series series, Texts texts) {
        StringBuilder desc = new StringBuilder(texts.get("health." + series.code() + ".desc"));
        if (!series.rows().isEmpty()) {
            Row last = series.rows().get(series.rows().size() - 1);
            desc.append(' ').append(texts.get("health.latest", period(series, last.period(), texts))).append(' ');
            for (int i = 0; i < series.columns().size(); i++) {
                String column = series.columns().get(i);
                Number value = last.value(i);
                desc.append(i == 0 ? "" : "; ").append(texts.get("health.column." + column)).append(": ")
                        .append(value == null ? texts.get("health.none") : format(value, texts));
            }
            desc.append('.');
        }
        return desc.toString();
    }

    /** A period as people read it: "nov. 2026" for 2026-11, "K4 2026" for 2026-Q4. */
    public static String period(Series series, String period, Texts texts) {
        if (series.period().equals("quarter")) {
            return texts.get("health.quarterLabel", period.substring(6), period.substring(0, 4));
        }
        return YearMonth.parse(period).format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.forLanguageTag(texts.language())));
    }

    /** A value as the page shows it: a decimal comma in Dutch; an empty cell for no value. */
    public static String format(Number value, Texts texts) {
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag(texts.language()));
        format.setMaximumFractionDigits(1);
        format.setGroupingUsed(false);
        return format.format(value instanceof BigDecimal decimal ? decimal : value.doubleValue());
    }

    /** The top of the scale: at least 4, a round number that four equal steps divide. */
    static double niceMax(double max) {
        if (max <= 4) {
            return 4;
        }
        double raw = max / 4;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double nice : new double[]{1, 2, 2.5, 5, 10}) {
            if (nice * magnitude >= raw) {
                double step = nice * magnitude;
                return step * 4;
            }
        }
        return max;
    }

    private static double y(Number value, double max, double plotHeight) {
        return TOP + plotHeight - plotHeight * Math.min(1, value.doubleValue() / max);
    }

}
