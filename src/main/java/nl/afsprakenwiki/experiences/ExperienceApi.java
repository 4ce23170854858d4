package nl.afsprakenwiki.experiences;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.Current;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.RequestParts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON API of experiences from elsewhere (docs/API.md). */
public final class ExperienceApi {

    private final Experiences experiences;
    private final Json json;

    public ExperienceApi(Experiences experiences, Json json) {
        this.experiences = experiences;
        this.json = json;
    }

    record AddRequest(String body, Boolean adopted) {
    }

    record HideRequest(String reason) {
    }

    public void list(Context ctx) {
        Agreement agreement = Current.agreement(ctx);
        Viewer viewer = Current.viewer(ctx);
        List<Map<String, Object>> items = experiences.of(agreement, viewer).stream().map(this::item).toList();
        ctx.json(Json.object("total", items.size(), "visible", items.stream().filter(item -> !item.containsKey("hidden"))
                .count(), "items", items));
    }

    public void add(Context ctx) {
        AddRequest request = json.read(ctx, AddRequest.class);
        Experience added = experiences.add(Current.agreement(ctx), new Experiences.Input(request.body(),
                request.adopted()), Current.viewer(ctx));
        ctx.status(201).json(item(added));
    }

    public void hide(Context ctx) {
        HideRequest request = json.read(ctx, HideRequest.class);
        ctx.json(item(experiences.hide(Current.agreement(ctx), RequestParts.id(ctx, "experience"), request.reason(),
                Current.viewer(ctx))));
    }

    public void show(Context ctx) {
        ctx.json(item(experiences.show(Current.agreement(ctx), RequestParts.id(ctx, "experience"), Current.viewer(ctx))));
    }

    private Map<String, Object> item(Experience experience) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", experience.id());
        item.put("author", experience.authorName());
        item.put("organisation", experience.organisation() == null ? null
                : Json.object("slug", experience.organisation().slug(), "name", experience.organisation().name()));
        item.put("adopted", experience.adopted());
        item.put("adoption", experience.adoptionId() == null ? null
                : Json.object("id", experience.adoptionId(), "href", Paths.agreement(experience.adoptionId())));
        item.put("createdAt", experience.createdAt());
        item.put("body", experience.body());
        item.put("html", experiences.html(experience));
        if (experience.hidden() != null) {
            item.put("hidden", Json.object("at", experience.hidden().at(), "by", experience.hidden().by(),
                    "reason", experience.hidden().reason()));
        }
        return item;
    }
}
