package nl.afsprakenwiki.koppelzones;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.web.Notice;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.RequestParts;
import nl.afsprakenwiki.web.Views;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The voorzitter's management page of a koppelzone: its members with their roles and its parties. */
public final class KoppelzoneManagePages {

    private static final Set<String> NOTICES = Set.of("lid", "lid-verwijderd", "partij", "partij-verwijderd",
            "koppelzone", "gegevens");

    private final KoppelzoneService koppelzones;
    private final KoppelzoneAdmin admin;
    private final Memberships memberships;
    private final Views views;

    public KoppelzoneManagePages(KoppelzoneService koppelzones, KoppelzoneAdmin admin, Memberships memberships, Views views) {
        this.koppelzones = koppelzones;
        this.admin = admin;
        this.memberships = memberships;
        this.views = views;
    }

    /** The voorzitter's page: members with their roles and parties with the date each joined. */
    public record Manage(Koppelzone koppelzone, List<Party> parties, List<Membership> members,
                         List<Organisation> organisations, List<Role> roles, Map<String, String> errors, String notice) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    public void manage(Context ctx) {
        renderManage(ctx, details(ctx), Map.of());
    }

    public void setMember(Context ctx) {
        var details = details(ctx);
        try {
            Role role = Role.fromCode(RequestParts.field(ctx, "role"))
                    .orElseThrow(() -> new InvalidInput("role", "error.membership.role"));
            memberships.setMember(details.koppelzone().id(), ctx.formParam("username"), role, Current.viewer(ctx).author());
            ctx.redirect(managePath(details) + "?melding=lid");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderManage(ctx, details, views.texts(ctx).messages(e));
        }
    }

    public void removeMember(Context ctx) {
        var details = details(ctx);
        if (!memberships.removeMember(details.koppelzone().id(), ctx.pathParam("username"), Current.viewer(ctx).author())) {
            throw new NotFound("member");
        }
        ctx.redirect(managePath(details) + "?melding=lid-verwijderd");
    }

    public void setParty(Context ctx) {
        var details = details(ctx);
        try {
            admin.setParty(details.koppelzone().id(), ctx.formParam("organisation"), date(ctx.formParam("joinedOn")),
                    Current.viewer(ctx).author());
            ctx.redirect(managePath(details) + "?melding=partij");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderManage(ctx, details, views.texts(ctx).messages(e));
        }
    }

    public void removeParty(Context ctx) {
        var details = details(ctx);
        try {
            admin.removeParty(details.koppelzone().id(), ctx.pathParam("organisation"), Current.viewer(ctx).author());
            ctx.redirect(managePath(details) + "?melding=partij-verwijderd");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderManage(ctx, details, views.texts(ctx).messages(e));
        }
    }

    private void renderManage(Context ctx, KoppelzoneService.Details details, Map<String, String> errors) {
        long id = details.koppelzone().id();
        views.render(ctx, "koppelzones/manage.jte", new Manage(details.koppelzone(), details.parties(),
                memberships.members(id), admin.organisations(), List.of(Role.values()), errors,
                Notice.key(ctx, "manage.notice.", NOTICES)));
    }

    private KoppelzoneService.Details details(Context ctx) {
        return koppelzones.details(Current.koppelzone(ctx));
    }

    private static String managePath(KoppelzoneService.Details details) {
        return Paths.koppelzone(details.koppelzone().slug()) + "/beheer";
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("joinedOn", "error.reviewDate.invalid");
        }
    }
}
