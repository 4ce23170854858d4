package nl.afsprakenwiki.agreements;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.agreements.AgreementInput.Details;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.markdown.MarkdownComments;
import nl.afsprakenwiki.markdown.MarkdownRenderer;
import nl.afsprakenwiki.templates.Template;
import nl.afsprakenwiki.templates.TemplateService;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.ProblemException;
import nl.afsprakenwiki.web.Texts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON API for agreements, revisions, diffs and restore (docs/API.md). */
public final class AgreementApi {

    private final AgreementService agreements;
    private final AgreementEditing editing;
    private final KoppelzoneService koppelzones;
    private final AgreementJson shapes;
    private final Json json;
    /** The API speaks Dutch. */
    private final Texts dutch;
    private final AgreementContacts contacts;

    private final TemplateService templates;
    private final AgreementPrivacy privacy;

    public AgreementApi(AgreementService agreements, AgreementEditing editing, KoppelzoneService koppelzones, MarkdownRenderer markdown, Json json, Texts dutch,
                        AgreementContacts contacts, TemplateService templates, AgreementPrivacy privacy) {
        this.privacy = privacy;
        this.agreements = agreements;
        this.editing = editing;
        this.koppelzones = koppelzones;
        this.shapes = new AgreementJson(agreements, markdown);
        this.json = json;
        this.dutch = dutch;
        this.contacts = contacts;
        this.templates = templates;
    }

    // --- request bodies -------------------------------------------------------------------------

    record CreateRequest(String title, String body, List<String> parties, List<String> themes, LocalDate reviewDate,
                         String summary, String template, List<String> acceptedFindings, String acceptanceReason) {
    }

    record UpdateRequest(String title, String body, Integer baseRevision, String summary, List<String> parties,
                         List<String> themes, LocalDate reviewDate, List<String> acceptedFindings, String acceptanceReason) {
    }

    record RestoreRequest(Integer revision, Integer baseRevision) {
    }

    record ConfirmRequest(List<String> fingerprints, String reason) {
    }

    // --- handlers -------------------------------------------------------------------------------

    public void list(Context ctx) {
        Long koppelzoneId = null;
        String slug = ctx.queryParam("koppelzone");
        if (slug != null && !slug.isBlank()) {
            koppelzoneId = koppelzones.bySlug(slug).map(Koppelzone::id).orElseThrow(() -> new ProblemException(400,
                    "Onbekende koppelzone", "Er is geen koppelzone met slug '" + slug + "'."));
        }
        AgreementStatus status = null;
        String statusParam = ctx.queryParam("status");
        if (statusParam != null && !statusParam.isBlank()) {
            status = AgreementStatus.fromCode(statusParam).orElseThrow(() -> new ProblemException(400, "Onbekende status",
                    "Status '" + statusParam + "' bestaat niet; kies concept, ter_bekrachtiging, bekrachtigd of vervallen."));
        }
        List<Map<String, Object>> items = agreements.list(koppelzoneId, status, Current.viewer(ctx)).stream()
                .map(AgreementJson::listItem).toList();
        ctx.json(Json.object("total", items.size(), "items", items));
    }

    public void create(Context ctx) {
        Koppelzone koppelzone = Current.koppelzone(ctx);
        CreateRequest request = json.read(ctx, CreateRequest.class);
        if (request.reviewDate() != null) {
            requireScheduleReview(ctx, koppelzone.id());
        }
        Details details = new Details(set(request.parties()), set(request.themes()), request.reviewDate());
        String body = request.body();
        if (request.template() != null) {
            Template template = templates.available(koppelzone.id(), request.template()).orElseThrow(() -> new ProblemException(
                    400, "Onbekend sjabloon", "Er is geen sjabloon '" + request.template() + "' voor koppelzone '"
                            + koppelzone.slug() + "'; zie GET /api/v1/templates?koppelzone=" + koppelzone.slug() + "."));
            body = body == null || body.isBlank() ? template.text() : body;
        }
        // a template's hints (HTML comments) are never saved, also not when a client sends them along
        Revision revision = editing.create(koppelzone.id(),
                new AgreementInput.Draft(request.title(), MarkdownComments.strip(body), details, request.summary(),
                        AgreementInput.Acceptance.of(request.acceptedFindings(), request.acceptanceReason())),
                Current.viewer(ctx).author());
        ctx.status(201).header("Location", Paths.apiAgreement(revision.agreementId()))
                .json(Json.object("id", revision.agreementId(), "revision", revision.number(), "sha256", revision.sha256(),
                        "warnings", PrivacyJson.warnings(privacy, revision, dutch)));
    }

    public void show(Context ctx) {
        var version = agreements.version(Current.agreement(ctx).id(), null, Current.viewer(ctx))
                .orElseThrow(() -> new NotFound("agreement"));
        Map<String, Object> body = shapes.agreement(version.agreement(), version.revision());
        // the contact (issue 16): name and e-mail for signed-in readers only
        body.put("contact", AgreementContacts.json(contacts.of(version.agreement().id()), Current.viewer(ctx)));
        ctx.json(body);
    }

    public void update(Context ctx) {
        long id = Current.agreement(ctx).id();
        Agreement current = agreements.find(id, Current.viewer(ctx)).orElseThrow(() -> new NotFound("agreement"));
        UpdateRequest request = json.read(ctx, UpdateRequest.class);
        if (request.baseRevision() == null) {
            throw new ProblemException(400, "Basisrevisie ontbreekt",
                    "Geef 'baseRevision' mee: het nummer van de revisie waarop uw wijziging is gebaseerd.");
        }
        if (request.reviewDate() != null && !request.reviewDate().equals(current.reviewDate())) {
            requireScheduleReview(ctx, current.koppelzone().id());
        }
        Details details = request.parties() == null && request.themes() == null && request.reviewDate() == null ? null
                : detailsOrCurrent(current, request);
        var edit = new AgreementInput.Edit(request.baseRevision(), request.title(), request.body(), request.summary(),
                details, null, AgreementInput.Acceptance.of(request.acceptedFindings(), request.acceptanceReason()));
        respond(ctx, editing.save(id, edit, Current.viewer(ctx).author()));
    }

    public void revisions(Context ctx) {
        long id = Current.agreement(ctx).id();
        agreements.find(id, Current.viewer(ctx)).orElseThrow(() -> new NotFound("agreement"));
        var items = agreements.history(id, Current.viewer(ctx)).stream().map(AgreementJson::historyEntry).toList();
        ctx.json(Json.object("total", items.size(), "items", items));
    }

    public void revision(Context ctx) {
        int number = AgreementPages.optionalNumber(ctx.pathParam("number")).orElseThrow(() -> new NotFound("revision"));
        var version = agreements.version(Current.agreement(ctx).id(), number, Current.viewer(ctx))
                .orElseThrow(() -> new NotFound("revision"));
        ctx.json(shapes.revision(version.revision()));
    }

    public void diff(Context ctx) {
        long id = Current.agreement(ctx).id();
        Agreement agreement = agreements.find(id, Current.viewer(ctx)).orElseThrow(() -> new NotFound("agreement"));
        int from = revisionParam(ctx, "from", agreement);
        int to = revisionParam(ctx, "to", agreement);
        var comparison = agreements.compare(id, from, to, Current.viewer(ctx)).orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from);
        body.put("to", to);
        body.put("title", Json.object("segments", comparison.title().segments()));
        body.put("body", Json.object("segments", comparison.body().segments(),
                "wordsAdded", comparison.body().wordsAdded(), "wordsRemoved", comparison.body().wordsRemoved()));
        ctx.json(body);
    }

    public void restore(Context ctx) {
        long id = Current.agreement(ctx).id();
        Agreement agreement = agreements.find(id, Current.viewer(ctx)).orElseThrow(() -> new NotFound("agreement"));
        RestoreRequest request = json.read(ctx, RestoreRequest.class);
        if (request.revision() == null || request.revision() < 1 || request.revision() > agreement.currentRevision()) {
            throw new ProblemException(400, "Onbekende revisie", "Geef in 'revision' een revisienummer tussen 1 en "
                    + agreement.currentRevision() + ".");
        }
        var restored = editing.restore(id, request.revision(), request.baseRevision(), Current.viewer(ctx).author());
        ctx.status(restored.unchanged() ? 200 : 201).json(Json.object("revision", restored.revision().number(),
                "restored", request.revision(), "unchanged", restored.unchanged(), "sha256", restored.revision().sha256()));
    }

    /** Confirms privacy findings of a revision as no personal data (issue 17); answers what is still unconfirmed. */
    public void confirmPrivacy(Context ctx) {
        long id = Current.agreement(ctx).id();
        int number = AgreementPages.optionalNumber(ctx.pathParam("number")).orElseThrow(() -> new NotFound("revision"));
        agreements.version(id, number, Current.viewer(ctx)).orElseThrow(() -> new NotFound("revision"));
        ConfirmRequest request = json.read(ctx, ConfirmRequest.class);
        int confirmed = privacy.confirm(id, number, AgreementInput.Acceptance.of(request.fingerprints(), request.reason()),
                Current.viewer(ctx).author());
        ctx.json(Json.object("revision", number, "confirmed", confirmed,
                "unconfirmed", PrivacyJson.findings(privacy.unconfirmed(id, number), dutch)));
    }

    // --- helpers --------------------------------------------------------------------------------

    private void respond(Context ctx, SaveOutcome outcome) {
        if (outcome instanceof SaveOutcome.Saved saved) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("revision", saved.revision().number());
            body.put("merged", saved.merged());
            if (saved.merged()) {
                body.put("mergedWith", saved.mergedWith());
            }
            body.put("sha256", saved.revision().sha256());
            body.put("warnings", PrivacyJson.warnings(privacy, saved.revision(), dutch));
            ctx.json(body);
        } else if (outcome instanceof SaveOutcome.Unchanged unchanged) {
            ctx.json(Json.object("revision", unchanged.currentRevision(), "merged", false, "unchanged", true,
                    "detailsSaved", unchanged.detailsSaved()));
        } else if (outcome instanceof SaveOutcome.Conflict conflict) {
            throw AgreementJson.conflictProblem(conflict, dutch);
        }
    }

    /** The review date is the voorzitter's to set (docs/PERMISSIONS.md, SCHEDULE_REVIEW). */
    private static void requireScheduleReview(Context ctx, long koppelzoneId) {
        if (!Current.viewer(ctx).can(nl.afsprakenwiki.access.Permission.SCHEDULE_REVIEW, koppelzoneId)) {
            throw new ProblemException(403, "/problemen/niet-toegestaan", "Geen toestemming",
                    "Alleen de voorzitter van de koppelzone (of de beheerder) stelt de herzieningsdatum ('reviewDate') vast.",
                    Map.of());
        }
    }

    private static Details detailsOrCurrent(Agreement current, UpdateRequest request) {
        Set<String> parties = request.parties() != null ? set(request.parties())
                : new LinkedHashSet<>(current.parties().stream().map(Organisation::slug).toList());
        Set<String> themes = request.themes() != null ? set(request.themes()) : new LinkedHashSet<>(current.themes());
        LocalDate review = request.reviewDate() != null ? request.reviewDate() : current.reviewDate();
        return new Details(parties, themes, review);
    }

    private static int revisionParam(Context ctx, String name, Agreement agreement) {
        String value = ctx.queryParam(name);
        return AgreementPages.optionalNumber(value).filter(n -> n >= 1 && n <= agreement.currentRevision())
                .orElseThrow(() -> new ProblemException(400, "Onbekende revisie", value == null
                        ? "Geef '" + name + "' op: een revisienummer tussen 1 en " + agreement.currentRevision() + "."
                        : "'" + name + "' moet een revisienummer tussen 1 en " + agreement.currentRevision()
                                + " zijn, niet '" + value + "'."));
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : new LinkedHashSet<>(values);
    }
}
