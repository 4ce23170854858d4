package nl.afsprakenwiki.agreements;

import io.javalin.http.Context;
import nl.afsprakenwiki.InvalidInput;
import nl.afsprakenwiki.NotFound;
import nl.afsprakenwiki.agreements.AgreementViews.ConflictInfo;
import nl.afsprakenwiki.agreements.AgreementViews.Form;
import nl.afsprakenwiki.agreements.AgreementViews.FormValues;
import nl.afsprakenwiki.agreements.AgreementViews.Notice;
import nl.afsprakenwiki.adoption.AdoptionPanels;
import nl.afsprakenwiki.auth.Permission;
import nl.afsprakenwiki.endorsements.Lifecycle;
import nl.afsprakenwiki.endorsements.RoundViews;
import nl.afsprakenwiki.auth.Viewer;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.search.SimilarAgreements;
import nl.afsprakenwiki.web.Current;
import nl.afsprakenwiki.web.Views;
import nl.afsprakenwiki.web.RequestParts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The HTML pages of an agreement: read, create, edit, history, compare, restore, preview. */
public final class AgreementPages {

    private final AgreementService agreements;
    private final KoppelzoneService koppelzones;
    private final MarkdownRenderer markdown;
    private final SimilarAgreements similar;
    private final Views views;
    private final RoundViews rounds;
    private final Lifecycle lifecycle;
    private final AdoptionPanels adoption;
    private final Discussions discussions;

    public AgreementPages(AgreementService agreements, KoppelzoneService koppelzones, MarkdownRenderer markdown,
                          SimilarAgreements similar, Views views, RoundViews rounds, Lifecycle lifecycle,
                          AdoptionPanels adoption, Discussions discussions) {
        this.adoption = adoption;
        this.discussions = discussions;
        this.rounds = rounds;
        this.lifecycle = lifecycle;
        this.agreements = agreements;
        this.koppelzones = koppelzones;
        this.markdown = markdown;
        this.similar = similar;
        this.views = views;
    }

    public void show(Context ctx) {
        var version = agreements.version(RequestParts.agreementId(ctx), null, Current.viewer(ctx)).orElseThrow(() -> new NotFound("agreement"));
        views.render(ctx, "agreements/show.jte", showView(ctx, version, notice(ctx)));
    }

    public void showRevision(Context ctx) {
        int number = number(ctx.pathParam("number"));
        var version = agreements.version(RequestParts.agreementId(ctx), number, Current.viewer(ctx)).orElseThrow(() -> new NotFound("revision"));
        views.render(ctx, "agreements/show.jte", showView(ctx, version, null));
    }

    public void newForm(Context ctx) {
        Koppelzone koppelzone = koppelzone(ctx);
        var values = new FormValues("", "", Set.of(), Set.of(), "", "", "", 0, Set.of(), Set.of(), "");
        renderForm(ctx, null, koppelzone, values, Map.of(), null, null);
    }

    public void create(Context ctx) {
        Koppelzone koppelzone = koppelzone(ctx);
        FormValues values = formValues(ctx, koppelzone);
        if (FormReader.wantsPreview(ctx)) {
            renderForm(ctx, null, koppelzone, values, Map.of(), markdown.render(values.body()), null);
            return;
        }
        try {
            Revision revision = agreements.create(koppelzone.id(), new AgreementInput.Draft(values.title(), values.body(),
                    FormReader.details(values), values.summary()), Current.viewer(ctx).author());
            ctx.redirect("/afspraken/" + revision.agreementId() + "?melding=aangemaakt");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderForm(ctx, null, koppelzone, values, views.texts(ctx).messages(e), markdown.render(values.body()), null);
        }
    }

    public void editForm(Context ctx) {
        var version = agreements.version(RequestParts.agreementId(ctx), null, Current.viewer(ctx)).orElseThrow(() -> new NotFound("agreement"));
        Revision revision = version.revision();
        FormValues values = FormReader.fromAgreement(version.agreement(), revision);
        renderForm(ctx, version.agreement().id(), version.agreement().koppelzone(), values, Map.of(),
                markdown.renderRevision(revision.id(), revision.body()), null);
    }

    public void save(Context ctx) {
        Agreement agreement = agreements.find(RequestParts.agreementId(ctx), Current.viewer(ctx)).orElseThrow(() -> new NotFound("agreement"));
        FormValues values = formValues(ctx, agreement.koppelzone());
        if (FormReader.wantsPreview(ctx)) {
            renderForm(ctx, agreement.id(), agreement.koppelzone(), values, Map.of(), markdown.render(values.body()), null);
            return;
        }
        try {
            SaveOutcome outcome = agreements.save(agreement.id(), FormReader.edit(values), Current.viewer(ctx).author());
            afterSave(ctx, agreement, values, outcome);
        } catch (InvalidInput e) {
            ctx.status(422);
            renderForm(ctx, agreement.id(), agreement.koppelzone(), values, views.texts(ctx).messages(e),
                    markdown.render(values.body()), null);
        }
    }

    private void afterSave(Context ctx, Agreement agreement, FormValues values, SaveOutcome outcome) {
        if (outcome instanceof SaveOutcome.Saved saved) {
            ctx.redirect("/afspraken/" + agreement.id() + (saved.merged()
                    ? "?melding=samengevoegd&met=" + saved.mergedWith() : "?melding=opgeslagen"));
        } else if (outcome instanceof SaveOutcome.Unchanged unchanged) {
            ctx.redirect("/afspraken/" + agreement.id()
                    + (unchanged.detailsSaved() ? "?melding=gegevens" : "?melding=ongewijzigd"));
        } else if (outcome instanceof SaveOutcome.Conflict conflict) {
            ctx.status(409);
            FormValues draft = FormReader.withDraft(values, conflict);
            renderForm(ctx, agreement.id(), agreement.koppelzone(), draft, Map.of(), markdown.render(draft.body()), new ConflictInfo(
                    conflict.theirs(), conflict.mineTitle(), conflict.mineBody(), conflict.conflicts(),
                    conflict.titleConflict()));
        }
    }

    public void history(Context ctx) {
        var version = agreements.version(RequestParts.agreementId(ctx), null, Current.viewer(ctx)).orElseThrow(() -> new NotFound("agreement"));
        boolean member = Current.viewer(ctx).can(Permission.READ_DRAFTS, version.agreement().koppelzone().id());
        views.render(ctx, "agreements/history.jte", new AgreementViews.History(version.agreement(),
                version.revision().title(), agreements.history(version.agreement().id(), Current.viewer(ctx)),
                member ? discussions.of(version.agreement().id()) : List.of()));
    }

    public void compare(Context ctx) {
        Agreement agreement = agreements.find(RequestParts.agreementId(ctx), Current.viewer(ctx)).orElseThrow(() -> new NotFound("agreement"));
        int current = agreement.currentRevision();
        int to = optionalNumber(ctx.queryParam("naar")).orElse(current);
        int from = optionalNumber(ctx.queryParam("van")).orElse(Math.max(1, to - 1));
        var comparison = agreements.compare(agreement.id(), from, to, Current.viewer(ctx)).orElseThrow(() -> new NotFound("revision"));
        var numbers = java.util.stream.IntStream.rangeClosed(1, current).boxed().toList();
        views.render(ctx, "agreements/compare.jte", new AgreementViews.Compare(agreement, comparison.to().title(),
                comparison.from(), comparison.to(), comparison.title(), comparison.body(),
                "naast".equals(ctx.queryParam("weergave")), numbers));
    }

    public void restore(Context ctx) {
        long id = RequestParts.agreementId(ctx);
        int number = number(ctx.formParam("revision"));
        var version = agreements.version(id, number, Current.viewer(ctx)).orElseThrow(() -> new NotFound("revision"));
        try {
            var restored = agreements.restore(id, number, optionalNumber(ctx.formParam("baseRevision")).orElse(null),
                    Current.viewer(ctx).author());
            ctx.redirect("/afspraken/" + id + (restored.unchanged() ? "?melding=ongewijzigd" : "?melding=hersteld&van=" + number));
        } catch (AgreementService.StaleRevision e) {
            ctx.status(409);
            var notice = new Notice("notice.restoreStale", List.of(e.currentRevision()), true);
            views.render(ctx, "agreements/show.jte", showView(ctx, version, notice));
        }
    }

    /** Server-side preview for the editor (htmx): the same renderer as the agreement page. */
    public void preview(Context ctx) {
        String body = ctx.formParam("body");
        ctx.html(markdown.render(body == null ? "" : body));
    }

    // --- helpers --------------------------------------------------------------------------------

    private AgreementViews.Show showView(Context ctx, AgreementService.Version version, Notice notice) {
        Revision revision = version.revision();
        Agreement agreement = version.agreement();
        boolean current = revision.number() == agreement.currentRevision();
        Viewer viewer = Current.viewer(ctx);
        long koppelzone = agreement.koppelzone().id();
        boolean open = agreement.status() != AgreementStatus.VERVALLEN;
        return new AgreementViews.Show(agreement, revision, markdown.renderRevision(revision.id(), revision.body()),
                current, notice, open && viewer.can(Permission.EDIT, koppelzone), open && viewer.can(Permission.RESTORE, koppelzone),
                current ? similar.like(agreement.id(), koppelzone, viewer) : List.of(),
                current ? lifecycleView(agreement, viewer) : null, current ? adoption.panel(agreement, viewer) : null);
    }

    private AgreementViews.Lifecycle lifecycleView(Agreement agreement, Viewer viewer) {
        long koppelzone = agreement.koppelzone().id();
        boolean open = agreement.status() != AgreementStatus.VERVALLEN;
        boolean member = viewer.can(Permission.READ_DRAFTS, koppelzone);
        TextDiff.Comparison draftDiff = member && agreement.endorsedRevision() != null
                && agreement.endorsedRevision() < agreement.currentRevision()
                ? agreements.compare(agreement.id(), agreement.endorsedRevision(), agreement.currentRevision(), viewer)
                        .map(AgreementService.RevisionComparison::body).orElse(null) : null;
        boolean proposedNow = agreement.underEndorsement() && agreement.proposedRevision() == agreement.currentRevision();
        boolean endorsedNow = agreement.endorsedRevision() != null && agreement.endorsedRevision() == agreement.currentRevision();
        boolean mayDecide = agreement.underEndorsement() && viewer.can(Permission.ENDORSE, koppelzone)
                && viewer.organisation() != null
                && agreement.parties().stream().anyMatch(party -> party.id() == viewer.organisation().id());
        return new AgreementViews.Lifecycle(rounds.block(agreement, viewer), draftDiff, agreement.reviewOverdue(lifecycle.today()),
                open && !proposedNow && !endorsedNow && viewer.can(Permission.PROPOSE, koppelzone), mayDecide,
                open && viewer.can(Permission.RETIRE, koppelzone), open && viewer.can(Permission.SCHEDULE_REVIEW, koppelzone));
    }

    /** The form as typed; the review date only from those who may set it (the voorzitter). */
    private static FormValues formValues(Context ctx, Koppelzone koppelzone) {
        FormValues values = FormReader.read(ctx);
        return Current.viewer(ctx).can(Permission.SCHEDULE_REVIEW, koppelzone.id()) ? values
                : FormReader.withoutReviewDate(values);
    }

    private void renderForm(Context ctx, Long agreementId, Koppelzone koppelzone, FormValues values,
                            Map<String, String> errors, String preview, ConflictInfo conflict) {
        var parties = koppelzones.details(koppelzone.slug()).orElseThrow().parties();
        views.render(ctx, "agreements/form.jte", new Form(agreementId, koppelzone, parties, values, errors, preview, conflict,
                Current.viewer(ctx).can(Permission.SCHEDULE_REVIEW, koppelzone.id())));
    }


    private static Notice notice(Context ctx) {
        String kind = ctx.queryParam("melding");
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case "aangemaakt" -> new Notice("notice.created", List.of(), false);
            case "opgeslagen" -> new Notice("notice.saved", List.of(), false);
            case "gegevens" -> new Notice("notice.detailsSaved", List.of(), false);
            case "ongewijzigd" -> new Notice("notice.unchanged", List.of(), false);
            case "samengevoegd" -> new Notice("notice.merged", List.of(optionalNumber(ctx.queryParam("met")).orElse(0)), false);
            case "overgenomen" -> new Notice("notice.adopted", List.of(), false);
            case "bron-bijgewerkt" -> new Notice("notice.upstreamMerged", List.of(), false);
            case "bron-gelijk" -> new Notice("notice.upstreamSame", List.of(), false);
            case "bron-genegeerd" -> new Notice("notice.upstreamDismissed", List.of(), false);
            case "voorstel-aan-bron" -> new Notice("notice.proposedBack", List.of(), false);
            case "voorstel-aanvaard" -> new Notice("notice.proposalAccepted", List.of(), false);
            case "voorgesteld" -> new Notice("notice.proposed", List.of(), false);
            case "ingetrokken" -> new Notice("notice.withdrawn", List.of(), false);
            case "vervallen" -> new Notice("notice.retired", List.of(), false);
            case "herzieningsdatum" -> new Notice("notice.reviewDate", List.of(), false);
            case "hersteld" -> new Notice("notice.restored", List.of(optionalNumber(ctx.queryParam("van")).orElse(0)), false);
            default -> null;
        };
    }

    private Koppelzone koppelzone(Context ctx) {
        return koppelzones.bySlug(ctx.pathParam("slug")).orElseThrow(() -> new NotFound("koppelzone"));
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
