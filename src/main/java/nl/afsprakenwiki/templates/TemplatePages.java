package nl.afsprakenwiki.templates;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.koppelzones.Current;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.privacy.TextPanel;
import nl.afsprakenwiki.web.Notice;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.Views;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The voorzitter's templates page of a koppelzone (with its management page): create, edit, retire. */
public final class TemplatePages {

    private static final Set<String> NOTICES = Set.of("aangemaakt", "opgeslagen", "ingetrokken", "ongewijzigd",
            "persoonsgegevens");

    private final TemplateService templates;
    private final Views views;

    public TemplatePages(TemplateService templates, Views views) {
        this.templates = templates;
        this.views = views;
    }

    /** The list of the koppelzone's templates, the national one to look at, and the form for a new one. */
    public record TemplateList(Koppelzone koppelzone, List<Template> templates, Template national, String name,
                               String body, Map<String, String> errors, String notice, TextPanel privacy) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    /** One template: its form, its revisions, retiring it. */
    public record TemplateEdit(Koppelzone koppelzone, Template template, List<Template.Revision> revisions, String name,
                               String body, int baseRevision, Map<String, String> errors, String notice,
                               TextPanel privacy) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    public void list(Context ctx) {
        Template national = national();
        renderList(ctx, "", national.source(), Map.of(), TextPanel.NONE);
    }

    public void create(Context ctx) {
        Koppelzone koppelzone = Current.koppelzone(ctx);
        String name = field(ctx, "name");
        String body = field(ctx, "body");
        Accepted accepted = accepted(ctx);
        try {
            Template created = templates.create(koppelzone.id(), name, body, accepted, Current.viewer(ctx).author());
            ctx.redirect(path(koppelzone, created.id()) + (templates.unconfirmed(created).isEmpty() ? "?melding=aangemaakt"
                    : "?melding=persoonsgegevens"));
        } catch (InvalidInput e) {
            ctx.status(422);
            renderList(ctx, name, body, views.texts(ctx).messages(e),
                    templates.privacyPanel(koppelzone.id(), name, body, e, accepted));
        }
    }

    public void edit(Context ctx) {
        Template template = template(ctx);
        renderEdit(ctx, template, template.name(), template.source(), template.revision(), Map.of(), warnings(template));
    }

    /** The possible personal data nobody confirmed yet: listed with checkboxes above the save button. */
    private TextPanel warnings(Template template) {
        return new TextPanel(templates.unconfirmed(template), false, java.util.Set.of(), "");
    }

    /**
     * After a refusal: the findings of what was typed with the writer's ticks, or, when it holds none, the
     * possible personal data of the stored template (still with what the writer ticked).
     */
    private TextPanel typedOr(TextPanel typed, Template now, Accepted accepted) {
        return typed.shown() ? typed
                : new TextPanel(templates.unconfirmed(now), false, accepted.fingerprints(), accepted.reason());
    }

    /** The findings the writer ticked ({@code acceptedFindings}) and why ({@code acceptanceReason}). */
    private static Accepted accepted(Context ctx) {
        return new Accepted(new java.util.LinkedHashSet<>(ctx.formParams("acceptedFindings")), field(ctx, "acceptanceReason"));
    }

    public void save(Context ctx) {
        Koppelzone koppelzone = Current.koppelzone(ctx);
        Template template = template(ctx);
        String name = field(ctx, "name");
        String body = field(ctx, "body");
        int base = number(ctx.formParam("baseRevision")).orElse(0);
        Accepted accepted = accepted(ctx);
        try {
            Template saved = templates.update(koppelzone.id(), template.id(), base, name, body, accepted,
                    Current.viewer(ctx).author());
            ctx.redirect(path(koppelzone, template.id()) + (!templates.unconfirmed(saved).isEmpty() ? "?melding=persoonsgegevens"
                    : saved.revision() == template.revision() ? "?melding=ongewijzigd" : "?melding=opgeslagen"));
        } catch (InvalidInput e) {
            ctx.status(422);
            // after "someone else saved", saving again keeps this version on top (theirs stays a revision)
            Template now = template(ctx);
            boolean stale = e.errors().stream().anyMatch(error -> error.messageKey().equals("error.template.stale"));
            renderEdit(ctx, now, name, body, stale ? now.revision() : base, views.texts(ctx).messages(e),
                    typedOr(templates.privacyPanel(koppelzone.id(), name, body, e, accepted), now, accepted));
        }
    }

    public void retire(Context ctx) {
        Koppelzone koppelzone = Current.koppelzone(ctx);
        Template template = template(ctx);
        templates.retire(koppelzone.id(), template.id(), Current.viewer(ctx).author());
        ctx.redirect(path(koppelzone, template.id()) + "?melding=ingetrokken");
    }

    // --- helpers --------------------------------------------------------------------------------

    private void renderList(Context ctx, String name, String body, Map<String, String> errors, TextPanel privacy) {
        Koppelzone koppelzone = Current.koppelzone(ctx);
        views.render(ctx, "templates/list.jte", new TemplateList(koppelzone, templates.ofKoppelzone(koppelzone.id()),
                national(), name, body, errors, Notice.key(ctx, "templates.notice.", NOTICES), privacy));
    }

    private void renderEdit(Context ctx, Template template, String name, String body, int base, Map<String, String> errors,
                            TextPanel privacy) {
        views.render(ctx, "templates/edit.jte", new TemplateEdit(Current.koppelzone(ctx), template,
                templates.revisions(template.id()), name, body, base, errors, Notice.key(ctx, "templates.notice.", NOTICES),
                privacy));
    }

    private Template template(Context ctx) {
        long id = number(ctx.pathParam("template")).orElseThrow(() -> new NotFound("template"));
        return templates.find(Current.koppelzone(ctx).id(), id).orElseThrow(() -> new NotFound("template"));
    }

    private Template national() {
        return templates.available(null, Template.NATIONAL).orElseThrow();
    }

    static String path(Koppelzone koppelzone, long templateId) {
        return Paths.koppelzone(koppelzone.slug()) + "/sjablonen/" + templateId;
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    private static Optional<Integer> number(String value) {
        if (value == null || value.isEmpty() || value.length() > 9 || !value.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(value));
    }
}
