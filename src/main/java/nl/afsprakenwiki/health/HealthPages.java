package nl.afsprakenwiki.health;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.health.Health.Row;
import nl.afsprakenwiki.health.Health.Series;
import nl.afsprakenwiki.koppelzones.Current;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.web.Views;

/**
 * {@code GET /koppelzones/{slug}/gezondheid}: the koppelzone's health as charts with their numbers in
 * tables, and {@code GET /koppelzones/{slug}/gezondheid/{reeks}.csv}: one series as a CSV file with
 * the same header and rows as the JSON ({@link HealthApi}).
 */
public final class HealthPages {

    private final HealthService health;
    private final Views views;

    public HealthPages(HealthService health, Views views) {
        this.health = health;
        this.views = views;
    }

    public void show(Context ctx) {
        views.render(ctx, "health/show.jte", health.health(Current.koppelzone(ctx)));
    }

    public void csv(Context ctx) {
        Koppelzone koppelzone = Current.koppelzone(ctx);
        String code = ctx.pathParam("reeks");
        if (!Health.CODES.contains(code)) {
            throw new NotFound("series");
        }
        Series series = health.health(koppelzone).series(code).orElseThrow(() -> new NotFound("series"));
        ctx.header("Content-Disposition", "attachment; filename=\"" + koppelzone.slug() + "-" + code + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(csv(series));
    }

    /** RFC 4180 with a header line; numbers with a decimal point; an empty field for no value. */
    static String csv(Series series) {
        StringBuilder out = new StringBuilder(String.join(",", series.header())).append("\r\n");
        for (Row row : series.rows()) {
            out.append(row.period());
            for (Number value : row.values()) {
                out.append(',').append(value == null ? "" : value.toString());
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
