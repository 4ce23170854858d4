package nl.afsprakenwiki.templates;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.koppelzones.Current;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.ProblemException;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/templates?koppelzone=}: the templates a new agreement may start from. The
 * national template is public; a koppelzone's own templates are listed to its members (and beheerders).
 */
public final class TemplateApi {

    private final TemplateService templates;
    private final KoppelzoneService koppelzones;

    public TemplateApi(TemplateService templates, KoppelzoneService koppelzones) {
        this.templates = templates;
        this.koppelzones = koppelzones;
    }

    public void list(Context ctx) {
        String slug = ctx.queryParam("koppelzone");
        Long koppelzoneId = null;
        if (slug != null && !slug.isBlank()) {
            Koppelzone koppelzone = koppelzones.bySlug(slug).orElseThrow(() -> new ProblemException(400,
                    "Onbekende koppelzone", "Er is geen koppelzone met slug '" + slug + "'."));
            koppelzoneId = Current.viewer(ctx).can(Permission.READ_DRAFTS, koppelzone.id()) ? koppelzone.id() : null;
        }
        List<Map<String, Object>> items = templates.available(koppelzoneId).stream().map(TemplateApi::item).toList();
        ctx.json(Json.object("total", items.size(), "items", items));
    }

    private static Map<String, Object> item(Template template) {
        return Json.object("slug", template.slug(), "name", template.name(), "national", template.national(),
                "revision", template.revision(), "updatedAt", template.updatedAt(),
                "body", template.text(), "source", template.source(),
                "hints", template.hints().stream().map(hint -> Json.object("heading", hint.heading(), "hint", hint.text())).toList());
    }
}
