package nl.afsprakenwiki.koppelzones;

import io.javalin.http.Context;
import nl.afsprakenwiki.web.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v1/koppelzones} and {@code GET /api/v1/koppelzones/{slug}}. */
public final class KoppelzoneApi {

    private final KoppelzoneService koppelzones;

    public KoppelzoneApi(KoppelzoneService koppelzones) {
        this.koppelzones = koppelzones;
    }

    public void list(Context ctx) {
        List<Map<String, Object>> items = koppelzones.allWithParties().stream().map(KoppelzoneApi::json).toList();
        ctx.json(Json.object("total", items.size(), "items", items));
    }

    public void show(Context ctx) {
        ctx.json(json(koppelzones.details(Current.koppelzone(ctx))));
    }

    private static Map<String, Object> json(KoppelzoneService.Details details) {
        Koppelzone k = details.koppelzone();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("slug", k.slug());
        json.put("name", k.name());
        json.put("level", k.level());
        Map<String, Object> municipality = new LinkedHashMap<>();
        municipality.put("slug", k.municipality().slug());
        municipality.put("name", k.municipality().name());
        municipality.put("jeugdregio", k.municipality().jeugdregio());
        json.put("municipality", municipality);
        json.put("description", k.description());
        json.put("chair", k.chair() == null ? null : k.chair().slug());
        json.put("parties", details.parties().stream().map(p -> Json.object("slug", p.organisation().slug(),
                "name", p.organisation().name(), "kind", p.organisation().kind(), "joinedOn", p.joinedOn())).toList());
        return json;
    }
}
