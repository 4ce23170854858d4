package nl.afsprakenwiki.experiences;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.Current;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.RequestParts;
import nl.afsprakenwiki.web.Texts;
import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.privacy.Screening;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON API of experiences from elsewhere (docs/API.md). */
public final class ExperienceApi {

    private final Experiences experiences;
    private final Json json;
    private final Texts dutch;

    public ExperienceApi(Experiences experiences, Json json, Texts dutch) {
        this.experiences = experiences;
        this.json = json;
        this.dutch = dutch;
    }

    record AddRequest(String body, Boolean adopted, List<String> acceptedFindings, String acceptanceReason) {
    }

    record ConfirmRequest(List<String> fingerprints, String reason) {
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
                request.adopted(), Accepted.of(request.acceptedFindings(), request.acceptanceReason())), Current.viewer(ctx));
        Map<String, Object> body = item(added);
        body.put("warnings", Screening.json(added.pending() ? experiences.unconfirmed(added) : List.of(), key -> dutch.get(key)));
        ctx.status(201).json(body);
    }

    /** Confirms findings of an experience as no personal data; once all are, the public sees it. */
    public void confirm(Context ctx) {
        ConfirmRequest request = json.read(ctx, ConfirmRequest.class);
        Experience confirmed = experiences.confirm(Current.agreement(ctx), RequestParts.id(ctx, "experience"),
                Accepted.of(request.fingerprints(), request.reason()), Current.viewer(ctx));
        Map<String, Object> body = item(confirmed);
        body.put("warnings", Screening.json(confirmed.pending() ? experiences.unconfirmed(confirmed) : List.of(),
                key -> dutch.get(key)));
        ctx.json(body);
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
        item.put("pending", experience.pending());
        if (experience.hidden() != null) {
            item.put("hidden", Json.object("at", experience.hidden().at(), "by", experience.hidden().by(),
                    "reason", experience.hidden().reason()));
        }
        return item;
    }
}
