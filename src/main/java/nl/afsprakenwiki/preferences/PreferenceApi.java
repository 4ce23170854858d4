package nl.afsprakenwiki.preferences;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import nl.afsprakenwiki.notifications.NotificationKind;
import nl.afsprakenwiki.notifications.NotificationKind.Delivery;
import nl.afsprakenwiki.notifications.Preferences;
import nl.afsprakenwiki.web.Current;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.ProblemException;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET/PUT /api/v1/me/notifications}: one's own mail preferences (docs/API.md). */
public final class PreferenceApi {

    private static final List<String> DELIVERIES = List.of("immediately", "digest", "off");

    private final Preferences preferences;
    private final Json json;

    public PreferenceApi(Preferences preferences, Json json) {
        this.preferences = preferences;
        this.json = json;
    }

    public void show(Context ctx) {
        ctx.json(answer(preferences.of(Current.viewer(ctx).accountId())));
    }

    /** Changes the global switch and the kinds named; what is not named stays as it was. */
    public void change(Context ctx) {
        JsonNode body = json.read(ctx, JsonNode.class);
        Boolean off = null;
        Map<NotificationKind, Delivery> kinds = new EnumMap<>(NotificationKind.class);
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            switch (field.getKey()) {
                case "off" -> {
                    if (!field.getValue().isBoolean()) {
                        throw invalid("off moet true of false zijn.");
                    }
                    off = field.getValue().booleanValue();
                }
                case "kinds" -> kinds.putAll(kinds(field.getValue()));
                default -> throw invalid("Onbekend veld '" + field.getKey() + "'. Toegestaan zijn: kinds, off.");
            }
        }
        preferences.save(Current.viewer(ctx).accountId(), off, kinds);
        ctx.json(answer(preferences.of(Current.viewer(ctx).accountId())));
    }

    private static Map<NotificationKind, Delivery> kinds(JsonNode node) {
        if (!node.isObject()) {
            throw invalid("kinds moet een JSON-object zijn, zoals {\"review.due\": \"digest\"}.");
        }
        List<String> known = Preferences.choosable().stream().map(NotificationKind::code).toList();
        Map<NotificationKind, Delivery> kinds = new EnumMap<>(NotificationKind.class);
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            NotificationKind kind = NotificationKind.fromCode(field.getKey());
            if (kind == null || kind == NotificationKind.TEST) {
                throw Json.unknownValue("kinds", field.getKey(), known);
            }
            Delivery delivery = field.getValue().isTextual() ? Preferences.delivery(field.getValue().textValue()) : null;
            if (delivery == null) {
                throw Json.unknownValue("kinds." + kind.code(), field.getValue().isTextual()
                        ? field.getValue().textValue() : field.getValue().toString(), DELIVERIES);
            }
            kinds.put(kind, delivery);
        }
        return kinds;
    }

    private static Map<String, Object> answer(Preferences.Choices choices) {
        Map<String, Object> kinds = new LinkedHashMap<>();
        choices.kinds().forEach((kind, delivery) -> kinds.put(kind.code(), Preferences.code(delivery)));
        return Json.object("off", choices.off(), "kinds", kinds);
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(400, "Ongeldige invoer", detail);
    }
}
