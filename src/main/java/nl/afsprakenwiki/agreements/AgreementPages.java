package nl.afsprakenwiki.agreements;

import gg.jte.Content;
import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.privacy.PersonalDataFound;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.AgreementViews.Form;
import nl.afsprakenwiki.agreements.AgreementViews.FormValues;
import nl.afsprakenwiki.agreements.AgreementViews.Notice;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.markdown.MarkdownComments;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.templates.Template;
import nl.afsprakenwiki.templates.TemplateService;
import nl.afsprakenwiki.web.PageContext;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.Views;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The HTML pages of an agreement: read, create, edit, history, compare, restore, preview. */
public final class AgreementPages {

    /** The create form's field (and the new form's query parameter) naming the template it started from. */
    private static final String TEMPLATE_FIELD = "sjabloon";

    private final AgreementService agreements;
    private final AgreementEditing editing;
    private final KoppelzoneService koppelzones;
    private final MarkdownRenderer markdown;
    private final Views views;
    private final List<AgreementPanel> panels;
    private final Discussions discussions;
    private final TemplateService templates;
    private final ConflictPages conflicts;
    private final AgreementNotices notices;
    private final AgreementPrivacy privacy;

    /**
     * @param panels      what other features add to the page, in the order they appear within a slot
     * @param discussions where the agreement was discussed in meetings, for its history
     * @param templates   what a new agreement may start from
     */
    public AgreementPages(AgreementService agreements, AgreementEditing editing, KoppelzoneService koppelzones, MarkdownRenderer markdown,
                          Views views, List<AgreementPanel> panels, Discussions discussions, TemplateService templates,
                          AgreementPrivacy privacy) {
        this.privacy = privacy;
        this.agreements = agreements;
        this.editing = editing;
        this.koppelzones = koppelzones;
        this.markdown = markdown;
        this.views = views;
        this.panels = List.copyOf(panels);
        this.discussions = discussions;
        this.templates = templates;
        this.conflicts = new ConflictPages(editing, markdown, views);
        this.notices = new AgreementNotices(panels);
    }

    public void show(Context ctx) {
        var version = agreements.version(Current.agreement(ctx).id(), null, Current.viewer(ctx)).orElseThrow(() -> new NotFound("agreement"));
        Notice notice = notices.of(ctx.queryParam("melding"), ctx::queryParam, views.texts(ctx));
        views.render(ctx, "agreements/show.jte", showView(ctx, version, notice));
    }

    public void showRevision(Context ctx) {
        int number = number(ctx.pathParam("number"));
        var version = agreements.version(Current.agreement(ctx).id(), number, Current.viewer(ctx)).orElseThrow(() -> new NotFound("revision"));
        views.render(ctx, "agreements/show.jte", showView(ctx, version, null));
    }

    public void newForm(Context ctx) {
        Koppelzone koppelzone = koppelzone(ctx);
        String body = chosenTemplate(ctx, koppelzone).map(Template::source).orElse("");
        var values = new FormValues("", body, Set.of(), Set.of(), "", "", "", 0, Set.of(), Set.of(), "");
        renderForm(ctx, null, koppelzone, values, Map.of(), null, PrivacyPanel.NONE);
    }

    public void create(Context ctx) {
        Koppelzone koppelzone = koppelzone(ctx);
        FormValues values = formValues(ctx, koppelzone);
        // a template's hints (HTML comments) guide the writer and are never saved, even if left in
        String body = MarkdownComments.strip(values.body());
        if (FormReader.wantsPreview(ctx)) {
            renderForm(ctx, null, koppelzone, values, Map.of(), markdown.render(body), PrivacyPanel.NONE);
            return;
        }
        AgreementInput.Acceptance accepted = FormReader.acceptance(ctx);
        try {
            Revision revision = editing.create(koppelzone.id(), new AgreementInput.Draft(values.title(), body,
                    FormReader.details(values), values.summary(), accepted), Current.viewer(ctx).author());
            ctx.redirect(Paths.agreement(revision.agreementId()) + (privacy.unconfirmed(revision.agreementId(), 1).isEmpty()
                    ? "?melding=aangemaakt" : "?melding=persoonsgegevens"));
        } catch (PersonalDataFound e) {
            ctx.status(422);
            renderForm(ctx, null, koppelzone, values, views.texts(ctx).messages(e), markdown.render(body),
                    PrivacyPanel.refused(e.findings(), accepted));
        } catch (InvalidInput e) {
            ctx.status(422);
            renderForm(ctx, null, koppelzone, values, views.texts(ctx).messages(e), markdown.render(body),
                    privacy.panelForInvalid(koppelzone.id(), values.title(), body, values.summary(), accepted));
        }
    }

    public void editForm(Context ctx) {
        var version = agreements.version(Current.agreement(ctx).id(), null, Current.viewer(ctx)).orElseThrow(() -> new NotFound("agreement"));
        Revision revision = version.revision();
        FormValues values = FormReader.fromAgreement(version.agreement(), revision);
        renderForm(ctx, version.agreement().id(), version.agreement().koppelzone(), values, Map.of(),
                markdown.renderRevision(revision.id(), revision.body(), agreements.linkedFiles(revision)),
                PrivacyPanel.warnings(privacy.unconfirmed(revision.agreementId(), revision.number())));
    }

    public void save(Context ctx) {
        Agreement agreement = Current.agreement(ctx);
        FormValues values = formValues(ctx, agreement.koppelzone());
        if (FormReader.wantsPreview(ctx)) {
            renderForm(ctx, agreement.id(), agreement.koppelzone(), values, Map.of(), markdown.render(values.body()),
                    PrivacyPanel.NONE);
            return;
        }
        AgreementInput.Acceptance accepted = FormReader.acceptance(ctx);
        try {
            SaveOutcome outcome = editing.save(agreement.id(), FormReader.edit(values, accepted), Current.viewer(ctx).author());
            afterSave(ctx, agreement, values, outcome);
        } catch (PersonalDataFound e) {
            ctx.status(422);
            renderForm(ctx, agreement.id(), agreement.koppelzone(), values, views.texts(ctx).messages(e),
                    markdown.render(values.body()), PrivacyPanel.refused(e.findings(), accepted));
        } catch (InvalidInput e) {
            ctx.status(422);
            renderForm(ctx, agreement.id(), agreement.koppelzone(), values, views.texts(ctx).messages(e),
                    markdown.render(values.body()), privacy.panelForInvalid(agreement.koppelzone().id(), values.title(),
                            values.body(), values.summary(), accepted));
        }
    }

    private void afterSave(Context ctx, Agreement agreement, FormValues values, SaveOutcome outcome) {
        if (outcome instanceof SaveOutcome.Saved saved) {
            boolean warnings = !privacy.unconfirmed(agreement.id(), saved.revision().number()).isEmpty();
            ctx.redirect(Paths.agreement(agreement.id()) + (saved.merged()
                    ? "?melding=samengevoegd&met=" + saved.mergedWith()
                    : warnings ? "?melding=persoonsgegevens" : "?melding=opgeslagen"));
        } else if (outcome instanceof SaveOutcome.Unchanged unchanged) {
            ctx.redirect(Paths.agreement(agreement.id())
                    + (unchanged.detailsSaved() ? "?melding=gegevens" : "?melding=ongewijzigd"));
        } else if (outcome instanceof SaveOutcome.Conflict conflict) {
            conflicts.show(ctx, agreement, values, conflict);
        }
    }

    /** The choices made on the conflict page, saved (or the page again, with what is missing). */
    public void resolveConflict(Context ctx) {
        Agreement agreement = Current.agreement(ctx);
        FormValues values = formValues(ctx, agreement.koppelzone());
        conflicts.resolve(ctx, agreement, values).ifPresent(outcome -> afterSave(ctx, agreement, values, outcome));
    }

    public void history(Context ctx) {
        var version = agreements.version(Current.agreement(ctx).id(), null, Current.viewer(ctx)).orElseThrow(() -> new NotFound("agreement"));
        boolean member = Current.viewer(ctx).can(Permission.READ_DRAFTS, version.agreement().koppelzone().id());
        boolean mayRestore = version.agreement().status() != AgreementStatus.VERVALLEN
                && Current.viewer(ctx).can(Permission.RESTORE, version.agreement().koppelzone().id());
        views.render(ctx, "agreements/history.jte", new AgreementViews.History(version.agreement(),
                version.revision().title(), agreements.history(version.agreement().id(), Current.viewer(ctx)),
                member ? discussions.of(version.agreement().id()) : List.of(), mayRestore));
    }

    public void compare(Context ctx) {
        Agreement agreement = Current.agreement(ctx);
        int current = agreement.currentRevision();
        int to = optionalNumber(ctx.queryParam("naar")).orElse(current);
        int from = optionalNumber(ctx.queryParam("van")).orElse(Math.max(1, to - 1));
        var comparison = agreements.compare(agreement.id(), from, to, Current.viewer(ctx)).orElseThrow(() -> new NotFound("revision"));
        var numbers = java.util.stream.IntStream.rangeClosed(1, current).boxed().toList();
        // the rendered text is the reader's view; "inline" and "naast" show the markdown itself
        String mode = ctx.queryParam("weergave");
        boolean source = "inline".equals(mode) || "naast".equals(mode);
        views.render(ctx, "agreements/compare.jte", new AgreementViews.Compare(agreement, comparison.to().title(),
                comparison.from(), comparison.to(), comparison.title(), comparison.body(),
                "naast".equals(mode), numbers, source ? List.of()
                        : RenderedDiff.compare(comparison.from().body(), comparison.to().body(), markdown)));
    }

    public void restore(Context ctx) {
        long id = Current.agreement(ctx).id();
        int number = number(ctx.formParam("revision"));
        var version = agreements.version(id, number, Current.viewer(ctx)).orElseThrow(() -> new NotFound("revision"));
        try {
            var restored = editing.restore(id, number, optionalNumber(ctx.formParam("baseRevision")).orElse(null),
                    Current.viewer(ctx).author());
            ctx.redirect(Paths.agreement(id) + (restored.unchanged() ? "?melding=ongewijzigd" : "?melding=hersteld&van=" + number));
        } catch (AgreementEditing.StaleRevision e) {
            ctx.status(409);
            var notice = new Notice("notice.restoreStale", List.of(e.currentRevision()), true);
            views.render(ctx, "agreements/show.jte", showView(ctx, version, notice));
        }
    }

    /** Server-side preview for the editor (htmx): the same renderer as the agreement page. */
    public void preview(Context ctx) {
        String body = ctx.formParam("body");
        // the create form sends its template choice: there, comments are the template's hints and are not saved
        String shown = ctx.formParam(TEMPLATE_FIELD) == null ? body : MarkdownComments.strip(body);
        ctx.html(markdown.render(shown == null ? "" : shown));
    }

    // --- helpers --------------------------------------------------------------------------------

    private AgreementViews.Show showView(Context ctx, AgreementService.Version version, Notice notice) {
        Revision revision = version.revision();
        Agreement agreement = version.agreement();
        boolean current = revision.number() == agreement.currentRevision();
        Viewer viewer = Current.viewer(ctx);
        long koppelzone = agreement.koppelzone().id();
        boolean open = agreement.status() != AgreementStatus.VERVALLEN;
        Map<AgreementPanel.Slot, List<Content>> parts = new EnumMap<>(AgreementPanel.Slot.class);
        PageContext page = views.pageContext(ctx);
        for (AgreementPanel panel : panels) {
            (current ? panel.parts(agreement, page) : panel.revisionParts(agreement, revision, page)).forEach(part ->
                    parts.computeIfAbsent(part.slot(), slot -> new ArrayList<>()).add(part.content()));
        }
        return new AgreementViews.Show(agreement, revision, markdown.renderRevision(revision.id(), revision.body(), agreements.linkedFiles(revision)),
                current, notice, open && viewer.can(Permission.EDIT, koppelzone), open && viewer.can(Permission.RESTORE, koppelzone),
                parts);
    }

    /** The form as typed; the review date only from those who may set it (the voorzitter). */
    private static FormValues formValues(Context ctx, Koppelzone koppelzone) {
        FormValues values = FormReader.read(ctx);
        return Current.viewer(ctx).can(Permission.SCHEDULE_REVIEW, koppelzone.id()) ? values
                : FormReader.withoutReviewDate(values);
    }

    private void renderForm(Context ctx, Long agreementId, Koppelzone koppelzone, FormValues values,
                            Map<String, String> errors, String preview, PrivacyPanel privacyPanel) {
        var parties = koppelzones.details(koppelzone.slug()).orElseThrow().parties();
        views.render(ctx, "agreements/form.jte", new Form(agreementId, koppelzone, parties, values, errors, preview,
                Current.viewer(ctx).can(Permission.SCHEDULE_REVIEW, koppelzone.id()),
                agreementId == null ? templateChoices(ctx, koppelzone) : null, privacyPanel));
    }

    /** The template asked for with {@code ?sjabloon=}, if any; an unknown one is 404. */
    private Optional<Template> chosenTemplate(Context ctx, Koppelzone koppelzone) {
        String slug = ctx.queryParam(TEMPLATE_FIELD);
        if (slug == null || slug.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(templates.available(koppelzone.id(), slug).orElseThrow(() -> new NotFound("template")));
    }

    private AgreementViews.Templates templateChoices(Context ctx, Koppelzone koppelzone) {
        String chosen = Optional.ofNullable(ctx.queryParam(TEMPLATE_FIELD)).orElse(ctx.formParam(TEMPLATE_FIELD));
        List<Template> available = templates.available(koppelzone.id());
        var template = available.stream().filter(t -> t.slug().equals(chosen)).findFirst();
        return new AgreementViews.Templates(available, template.map(Template::slug).orElse(""),
                template.map(Template::hints).orElse(List.of()));
    }

    private Koppelzone koppelzone(Context ctx) {
        return Current.koppelzone(ctx);
    }

    private static int number(String value) {
        return optionalNumber(value).orElseThrow(() -> new NotFound("revision"));
    }

    static Optional<Integer> optionalNumber(String value) {
        if (value == null || value.isBlank() || value.length() > 9 || !value.strip().chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(value.strip()));
    }
}
