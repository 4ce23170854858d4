package nl.afsprakenwiki.health;

import io.javalin.http.Context;
import nl.afsprakenwiki.health.Health.Series;
import nl.afsprakenwiki.koppelzones.Current;
import nl.afsprakenwiki.web.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/koppelzones/{slug}/health}: the series behind the charts (docs/API.md), for members and beheerders. */
public final class HealthApi {

    private final HealthService health;

    public HealthApi(HealthService health) {
        this.health = health;
    }

    public void show(Context ctx) {
        ctx.json(json(health.health(Current.koppelzone(ctx))));
    }

    static Map<String, Object> json(Health health) {
        var k = health.koppelzone();
        return Json.object("koppelzone", Json.object("slug", k.slug(), "name", k.name()), "at", health.at().toString(),
                "timeZone", HealthService.DUTCH_TIME.getId(),
                "series", health.series().stream().map(HealthApi::series).toList());
    }

    private static Map<String, Object> series(Series series) {
        List<List<Object>> rows = series.rows().stream().map(row -> {
            List<Object> values = new ArrayList<>();
            values.add(row.period());
            values.addAll(row.values());
            return values;
        }).toList();
        return Json.object("code", series.code(), "period", series.period(), "columns", series.header(), "rows", rows);
    }
}
