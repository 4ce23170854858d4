package nl.afsprakenwiki.experiences;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.Current;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.RequestParts;
import nl.afsprakenwiki.web.Views;
import nl.afsprakenwiki.privacy.Accepted;
import nl.afsprakenwiki.privacy.Screening.FieldFinding;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The experiences of an agreement on a page of their own ("/afspraken/{id}/ervaringen"), and the forms
 * that add, hide and show them. A form with a problem comes back on that page, with what was typed.
 */
public final class ExperiencePages {

    private final Experiences experiences;
    private final AgreementService agreements;
    private final Views views;

    public ExperiencePages(Experiences experiences, AgreementService agreements, Views views) {
        this.experiences = experiences;
        this.agreements = agreements;
        this.views = views;
    }

    public void page(Context ctx) {
        render(ctx, ExperienceViews.Typed.NOTHING);
    }

    public void add(Context ctx) {
        String body = RequestParts.field(ctx, "body");
        String adopted = RequestParts.field(ctx, "adopted");
        Boolean yes = "ja".equals(adopted) ? Boolean.TRUE : "nee".equals(adopted) ? Boolean.FALSE : null;
        Accepted accepted = accepted(ctx);
        try {
            Experience added = experiences.add(Current.agreement(ctx), new Experiences.Input(body, yes, accepted),
                    Current.viewer(ctx));
            List<FieldFinding> warnings = added.pending() ? experiences.unconfirmed(added) : List.of();
            ctx.redirect(Paths.agreement(Current.agreement(ctx).id()) + (warnings.isEmpty() ? "?melding=ervaring-gedeeld"
                    : "?melding=persoonsgegevens-tekst&soorten=" + kinds(warnings)) + "#ervaring-" + added.id());
        } catch (InvalidInput e) {
            ctx.status(422);
            render(ctx, new ExperienceViews.Typed(body, adopted, null, "", views.texts(ctx).messages(e),
                    experiences.privacyPanel(Current.agreement(ctx), body, e, accepted)));
        }
    }

    public void hide(Context ctx) {
        long experience = RequestParts.id(ctx, "experience");
        String reason = RequestParts.field(ctx, "reason");
        try {
            experiences.hide(Current.agreement(ctx), experience, reason, Current.viewer(ctx));
            ctx.redirect(Paths.agreement(Current.agreement(ctx).id()) + "?melding=ervaring-verborgen#ervaringen");
        } catch (InvalidInput e) {
            ctx.status(422);
            render(ctx, new ExperienceViews.Typed("", "", experience, reason, views.texts(ctx).messages(e)));
        }
    }

    /** Confirms the findings of an experience waiting for it (its writer, the voorzitter, a beheerder). */
    public void confirm(Context ctx) {
        experiences.confirm(Current.agreement(ctx), RequestParts.id(ctx, "experience"), accepted(ctx), Current.viewer(ctx));
        ctx.redirect(Paths.agreement(Current.agreement(ctx).id()) + "?melding=ervaring-bevestigd#ervaringen");
    }

    /** The findings the writer ticked ({@code acceptedFindings}) and why ({@code acceptanceReason}). */
    static Accepted accepted(Context ctx) {
        return new Accepted(new LinkedHashSet<>(ctx.formParams("acceptedFindings")), RequestParts.field(ctx, "acceptanceReason"));
    }

    /** The kinds of findings, for the notice after saving ({@code soorten=naam,email}). */
    static String kinds(List<FieldFinding> findings) {
        return findings.stream().map(found -> found.kind().code()).distinct().collect(Collectors.joining(","));
    }

    public void show(Context ctx) {
        experiences.show(Current.agreement(ctx), RequestParts.id(ctx, "experience"), Current.viewer(ctx));
        ctx.redirect(Paths.agreement(Current.agreement(ctx).id()) + "?melding=ervaring-getoond#ervaringen");
    }

    private void render(Context ctx, ExperienceViews.Typed typed) {
        Agreement agreement = Current.agreement(ctx);
        var version = agreements.version(agreement.id(), null, Current.viewer(ctx))
                .orElseThrow(() -> new NotFound("agreement"));
        views.render(ctx, "experiences/page.jte", new ExperienceViews.Page(version.revision().title(),
                ExperiencePanel.section(experiences, agreement, views.pageContext(ctx), typed)));
    }
}
