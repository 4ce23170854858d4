package nl.afsprakenwiki.leaks;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.Permission;
import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.koppelzones.Party;
import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.privacy.Screening;
import nl.afsprakenwiki.privacy.TextPanel;
import nl.afsprakenwiki.web.Notice;
import nl.afsprakenwiki.web.Views;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The waardelekken pages: a koppelzone's list with filters and the report form (members), and one
 * leak with its parties, status history, linked agreements, comments and the voorzitter's forms.
 */
public final class LeakPages {

    private static final Set<String> NOTICES = Set.of("gemeld", "opgeslagen", "gepubliceerd", "opmerking");

    private final Leaks leaks;
    private final KoppelzoneService koppelzones;
    private final Views views;

    public LeakPages(Leaks leaks, KoppelzoneService koppelzones, Views views) {
        this.leaks = leaks;
        this.koppelzones = koppelzones;
        this.views = views;
    }

    /** The list page: leaks filtered, and the report form with what was typed. */
    public record LeakList(Koppelzone koppelzone, List<Leak> leaks, List<Party> parties, String status, String moment,
                           Set<String> chosenParties, Map<String, String> form, Map<String, String> errors, String notice,
                           TextPanel privacy) {
        public String error(String field) {
            return errors.get(field);
        }

        public String value(String field) {
            return form.getOrDefault(field, "");
        }

        public List<String> moments() {
            return Leak.MOMENTS;
        }

        public List<String> frequencies() {
            return Leak.FREQUENCIES;
        }

        public List<Leak.Status> statuses() {
            return List.of(Leak.Status.values());
        }
    }

    /**
     * One leak: for members its history and comments, for the voorzitter the forms that move it, for a
     * beheerder ({@code redact}) the links that remove a text as personal data.
     */
    public record LeakDetail(Koppelzone koppelzone, Leak leak, boolean member, boolean chair, List<Leak.Event> history,
                             List<Leak.Comment> comments, List<Leak.LinkedAgreement> choices, String comment, String reason,
                             Map<String, String> errors, String notice, TextPanel privacy, TextPanel publishPrivacy,
                             boolean redact) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    public void list(Context ctx) {
        renderList(ctx, Set.of(), Map.of(), Map.of(), TextPanel.NONE);
    }

    public void report(Context ctx) {
        Koppelzone koppelzone = Current.koppelzone(ctx);
        List<String> parties = ctx.formParams("parties");
        String moment = field(ctx, "moment");
        if (moment.equals("anders")) {
            moment = field(ctx, "momentOther");
        }
        String frequency = field(ctx, "frequency");
        if (frequency.equals("anders")) {
            frequency = field(ctx, "frequencyOther");
        }
        Accepted accepted = accepted(ctx);
        try {
            Leak leak = leaks.report(koppelzone.id(), new Leaks.Report(parties, moment, field(ctx, "title"),
                    field(ctx, "description"), frequency, field(ctx, "example")), accepted, Current.viewer(ctx).author());
            ctx.redirect(path(leak.id()) + "?melding=gemeld");
        } catch (InvalidInput e) {
            ctx.status(422);
            Map<String, String> form = Map.of("moment", field(ctx, "moment"), "momentOther", field(ctx, "momentOther"),
                    "title", field(ctx, "title"), "description", field(ctx, "description"),
                    "frequency", field(ctx, "frequency"), "frequencyOther", field(ctx, "frequencyOther"),
                    "example", field(ctx, "example"));
            renderList(ctx, new LinkedHashSet<>(parties), form, views.texts(ctx).messages(e),
                    leaks.privacyPanel(koppelzone.id(), Screening.fields("title", field(ctx, "title"),
                            "description", field(ctx, "description"), "example", field(ctx, "example")), e, accepted));
        }
    }

    public void show(Context ctx) {
        renderDetail(ctx, "", "", Map.of(), TextPanel.NONE);
    }

    public void comment(Context ctx) {
        Leak leak = Current.leak(ctx);
        Accepted accepted = accepted(ctx);
        try {
            leaks.comment(leak.id(), field(ctx, "body"), accepted, Current.viewer(ctx).author());
            ctx.redirect(path(leak.id()) + "?melding=opmerking#opmerkingen");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderDetail(ctx, field(ctx, "body"), "", views.texts(ctx).messages(e),
                    leaks.privacyPanel(leak.koppelzoneId(), Screening.fields("body", field(ctx, "body")), e, accepted));
        }
    }

    public void status(Context ctx) {
        Leak leak = Current.leak(ctx);
        Accepted accepted = accepted(ctx);
        String agreement = field(ctx, "agreement");
        List<Long> links = agreement.matches("[0-9]{1,12}") ? List.of(Long.parseLong(agreement)) : List.of();
        try {
            Leak.Status status = Leak.Status.of(field(ctx, "status")).orElse(null);
            leaks.changeStatus(leak.id(), status, field(ctx, "reason"), links, accepted, Current.viewer(ctx).author());
            ctx.redirect(path(leak.id()) + "?melding=opgeslagen");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderDetail(ctx, "", field(ctx, "reason"), views.texts(ctx).messages(e),
                    leaks.privacyPanel(leak.koppelzoneId(), Screening.fields("reason", field(ctx, "reason")), e, accepted));
        }
    }

    public void publish(Context ctx) {
        Leak leak = Current.leak(ctx);
        boolean published = "ja".equals(ctx.formParam("published"));
        Accepted accepted = accepted(ctx);
        try {
            leaks.publish(leak.id(), published, accepted, Current.viewer(ctx).author());
            ctx.redirect(path(leak.id()) + "?melding=" + (published ? "gepubliceerd" : "opgeslagen"));
        } catch (InvalidInput e) {
            ctx.status(422);
            renderDetail(ctx, "", "", views.texts(ctx).messages(e), TextPanel.NONE, leaks.publishPanel(leak.id(), e, accepted));
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    private void renderList(Context ctx, Set<String> chosen, Map<String, String> form, Map<String, String> errors,
                            TextPanel privacy) {
        Koppelzone koppelzone = Current.koppelzone(ctx);
        String status = Leak.Status.of(ctx.queryParam("status")).map(Leak.Status::code).orElse("");
        String moment = ctx.queryParam("moment") == null ? "" : ctx.queryParam("moment").strip();
        List<Leak> shown = leaks.ofKoppelzone(koppelzone.id(), Leak.Status.of(status).orElse(null), moment);
        views.render(ctx, "leaks/list.jte", new LeakList(koppelzone, shown, koppelzones.details(koppelzone).parties(),
                status, moment, chosen, form, errors, Notice.key(ctx, "leaks.notice.", NOTICES), privacy));
    }

    private void renderDetail(Context ctx, String comment, String reason, Map<String, String> errors, TextPanel privacy) {
        renderDetail(ctx, comment, reason, errors, privacy, TextPanel.NONE);
    }

    /** {@code publishPrivacy}: the findings that keep the leak from going public, beside the publish button. */
    private void renderDetail(Context ctx, String comment, String reason, Map<String, String> errors, TextPanel privacy,
                              TextPanel publishPrivacy) {
        Viewer viewer = Current.viewer(ctx);
        Leak leak = leaks.find(Current.leak(ctx).id(), viewer).orElseThrow();
        boolean member = viewer.can(Permission.READ_DRAFTS, leak.koppelzoneId());
        boolean chair = viewer.can(Permission.RUN_MEETINGS, leak.koppelzoneId());
        views.render(ctx, "leaks/detail.jte", new LeakDetail(Current.koppelzone(ctx), leak, member, chair,
                member ? leaks.history(leak.id()) : List.of(), member ? leaks.comments(leak.id()) : List.of(),
                chair ? leaks.agreementChoices(leak.koppelzoneId()) : List.of(), comment, reason, errors,
                Notice.key(ctx, "leaks.notice.", NOTICES), privacy, publishPrivacy,
                viewer.can(Permission.REDACT, leak.koppelzoneId())));
    }

    private static Accepted accepted(Context ctx) {
        return new Accepted(new LinkedHashSet<>(ctx.formParams("acceptedFindings")), field(ctx, "acceptanceReason"));
    }

    public static String path(long leakId) {
        return "/waardelekken/" + leakId;
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }
}
