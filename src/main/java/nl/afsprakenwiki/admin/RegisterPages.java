package nl.afsprakenwiki.admin;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.koppelzones.Koppelzone;
import nl.afsprakenwiki.koppelzones.KoppelzoneAdmin;
import nl.afsprakenwiki.koppelzones.KoppelzoneLevel;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.koppelzones.Municipality;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.koppelzones.OrganisationContacts;
import nl.afsprakenwiki.koppelzones.OrganisationKind;
import nl.afsprakenwiki.koppelzones.OrganisationVersion;
import nl.afsprakenwiki.web.Paths;
import nl.afsprakenwiki.web.RequestParts;
import nl.afsprakenwiki.web.Texts;
import nl.afsprakenwiki.web.Views;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static nl.afsprakenwiki.admin.AdminPages.author;
import static nl.afsprakenwiki.admin.AdminPages.notice;

/** The beheerder's registers of organisations, municipalities and koppelzones. */
public final class RegisterPages {

    private final KoppelzoneService koppelzones;
    private final KoppelzoneAdmin admin;
    private final Views views;

    public RegisterPages(KoppelzoneService koppelzones, KoppelzoneAdmin admin, Views views) {
        this.koppelzones = koppelzones;
        this.admin = admin;
        this.views = views;
    }

    /**
     * The register of organisations. {@code values} and {@code errors} belong to the "new organisation" form,
     * unless a row form was refused: then {@code row} names that organisation (slug), {@code rowValues} holds
     * what was typed in it and {@code errors} are shown beside that row's fields, while the other rows show
     * what is stored.
     */
    public record Organisations(List<Organisation> organisations, List<OrganisationKind> kinds, Map<String, String> values,
                                Map<String, String> errors, String notice, Map<Long, Integer> versions, String row,
                                Map<String, String> rowValues) {
        /** An error of the "new organisation" form (none while a row's errors are shown). */
        public String error(String field) {
            return row == null ? errors.get(field) : null;
        }

        /** Whether this organisation's row form is the one that came back refused. */
        public boolean refused(Organisation organisation) {
            return organisation.slug().equals(row);
        }

        /** An error beside a field of this organisation's row form. */
        public String rowError(Organisation organisation, String field) {
            return refused(organisation) ? errors.get(field) : null;
        }

        /** The ids of the messages beside this row form that describe {@code field}: its own and the version's. */
        public String describedBy(Organisation organisation, String field) {
            return RowErrors.describedBy(organisation.slug(), errors, refused(organisation), field, "version");
        }

        public String name(Organisation organisation) {
            return refused(organisation) ? rowValues.getOrDefault("name", "") : organisation.name();
        }

        public boolean selected(Organisation organisation, OrganisationKind kind) {
            return refused(organisation) ? kind.code().equals(rowValues.get("kind")) : kind == organisation.kind();
        }

        /**
         * The version a row form is based on (V030): for the refused row what it was based on (after a stale
         * save, the current one, so saving again is a knowing choice), like the edit page.
         */
        public String version(Organisation organisation) {
            return refused(organisation) ? rowValues.getOrDefault("version", "")
                    : String.valueOf(versions.getOrDefault(organisation.id(), 1));
        }
    }

    /**
     * The edit page of one organisation: what is stored, or what was typed when it came back with errors;
     * {@code values} holds the version the form is based on too.
     */
    public record OrganisationEdit(Organisation organisation, List<OrganisationKind> kinds, Map<String, String> values,
                                   Map<String, String> errors) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    public record Municipalities(List<Municipality> municipalities, Map<String, String> values, Map<String, String> errors,
                                 String notice) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    /** The register of koppelzones; like {@link Organisations}, a refused koppelzone form ({@code row}) keeps what was typed. */
    public record Koppelzones(List<KoppelzoneService.Details> koppelzones, List<Municipality> municipalities,
                              List<KoppelzoneLevel> levels, Map<String, String> values, Map<String, String> errors,
                              String notice, String row, Map<String, String> rowValues) {
        /** An error of the "new koppelzone" form (none while a koppelzone form's errors are shown). */
        public String error(String field) {
            return row == null ? errors.get(field) : null;
        }

        public boolean refused(Koppelzone koppelzone) {
            return koppelzone.slug().equals(row);
        }

        public String rowError(Koppelzone koppelzone, String field) {
            return refused(koppelzone) ? errors.get(field) : null;
        }

        public String describedBy(Koppelzone koppelzone, String field) {
            return RowErrors.describedBy(koppelzone.slug(), errors, refused(koppelzone), field);
        }

        public String name(Koppelzone koppelzone) {
            return refused(koppelzone) ? rowValues.getOrDefault("name", "") : koppelzone.name();
        }

        public String description(Koppelzone koppelzone) {
            return refused(koppelzone) ? rowValues.getOrDefault("description", "") : koppelzone.description();
        }

        public boolean selected(Koppelzone koppelzone, KoppelzoneLevel level) {
            return refused(koppelzone) ? level.code().equals(rowValues.get("level")) : level == koppelzone.level();
        }

        public boolean chair(Koppelzone koppelzone, Organisation party) {
            return refused(koppelzone) ? party.slug().equals(rowValues.get("chair"))
                    : koppelzone.chair() != null && koppelzone.chair().id() == party.id();
        }
    }

    // --- organisations --------------------------------------------------------------------------

    public void organisations(Context ctx) {
        renderOrganisations(ctx, Map.of(), Map.of());
    }

    public void createOrganisation(Context ctx) {
        Map<String, String> values = RequestParts.fields(ctx, "name", "slug", "kind", "phoneNumbers", "emailDomains");
        try {
            admin.createOrganisation(values.get("slug"), values.get("name"),
                    OrganisationKind.fromCode(values.get("kind")).orElse(null),
                    OrganisationContacts.lines(values.get("phoneNumbers")),
                    OrganisationContacts.lines(values.get("emailDomains")), author(ctx));
            ctx.redirect("/beheer/organisaties?melding=aangemaakt");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderOrganisations(ctx, values, views.texts(ctx).messages(e));
        }
    }

    /** The form for one organisation's name, kind, listed phone numbers and e-mail domains. */
    public void editOrganisation(Context ctx) {
        Organisation organisation = organisation(ctx);
        OrganisationContacts contacts = admin.contacts(organisation.id());
        views.render(ctx, "admin/organisation.jte", new OrganisationEdit(organisation, List.of(OrganisationKind.values()),
                Map.of("name", organisation.name(), "kind", organisation.kind().code(),
                        "phoneNumbers", contacts.phoneLines(), "emailDomains", contacts.domainLines(),
                        "version", String.valueOf(admin.version(organisation.id()).version())), Map.of()));
    }

    /**
     * Saves the row form of the register (name and kind) or the edit page (which also sends the numbers
     * and domains; a form without those fields leaves them as they are).
     */
    public void updateOrganisation(Context ctx) {
        Organisation organisation = organisation(ctx);
        boolean editPage = ctx.formParam("phoneNumbers") != null || ctx.formParam("emailDomains") != null;
        Map<String, String> values = new HashMap<>(RequestParts.fields(ctx, "name", "kind", "phoneNumbers", "emailDomains",
                "version"));
        try {
            // a form without a (whole, positive) version is based on none: refused like an unknown one
            admin.updateOrganisation(organisation.slug(), version(values.get("version")), ctx.formParam("name"),
                    OrganisationKind.fromCode(RequestParts.field(ctx, "kind")).orElse(null),
                    editPage ? OrganisationContacts.lines(values.get("phoneNumbers")) : null,
                    editPage ? OrganisationContacts.lines(values.get("emailDomains")) : null, author(ctx));
            ctx.redirect("/beheer/organisaties?melding=gewijzigd");
        } catch (InvalidInput e) {
            refuseOrganisation(ctx, organisation, editPage, values, views.texts(ctx).messages(e));
        } catch (OrganisationVersion.Stale e) {
            // like a template: what was typed stays, and saving again now is based on the current version
            Texts t = views.texts(ctx);
            values.put("version", String.valueOf(e.current().version()));
            refuseOrganisation(ctx, organisation, editPage, values, Map.of("version", t.get("error.organisation.stale",
                    e.current().changedBy(), t.dateTime(e.current().changedAt()))));
        }
    }

    private void refuseOrganisation(Context ctx, Organisation organisation, boolean editPage, Map<String, String> values,
                                    Map<String, String> errors) {
        ctx.status(422);
        if (editPage) {
            views.render(ctx, "admin/organisation.jte", new OrganisationEdit(koppelzones.organisation(organisation.slug())
                    .orElse(organisation), List.of(OrganisationKind.values()), values, errors));
        } else {
            renderOrganisations(ctx, Map.of(), errors, organisation.slug(), values);
        }
    }

    private static int version(String value) {
        return value != null && value.length() <= 9 && value.matches("[0-9]+") ? Integer.parseInt(value) : 0;
    }

    private Organisation organisation(Context ctx) {
        return koppelzones.organisation(ctx.pathParam("slug")).orElseThrow(() -> new NotFound("organisation"));
    }

    private void renderOrganisations(Context ctx, Map<String, String> values, Map<String, String> errors) {
        renderOrganisations(ctx, values, errors, null, Map.of());
    }

    private void renderOrganisations(Context ctx, Map<String, String> values, Map<String, String> errors, String row,
                                     Map<String, String> rowValues) {
        views.render(ctx, "admin/organisations.jte", new Organisations(admin.organisations(),
                List.of(OrganisationKind.values()), values, errors, notice(ctx), admin.versions(), row, rowValues));
    }

    // --- municipalities -------------------------------------------------------------------------

    public void municipalities(Context ctx) {
        renderMunicipalities(ctx, Map.of(), Map.of());
    }

    public void createMunicipality(Context ctx) {
        Map<String, String> values = RequestParts.fields(ctx, "name", "slug", "jeugdregio");
        try {
            admin.createMunicipality(values.get("slug"), values.get("name"), values.get("jeugdregio"), author(ctx));
            ctx.redirect("/beheer/gemeenten?melding=aangemaakt");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderMunicipalities(ctx, values, views.texts(ctx).messages(e));
        }
    }

    private void renderMunicipalities(Context ctx, Map<String, String> values, Map<String, String> errors) {
        views.render(ctx, "admin/municipalities.jte", new Municipalities(admin.municipalities(), values, errors, notice(ctx)));
    }

    // --- koppelzones ----------------------------------------------------------------------------

    public void koppelzones(Context ctx) {
        renderKoppelzones(ctx, Map.of(), Map.of());
    }

    public void createKoppelzone(Context ctx) {
        Map<String, String> values = RequestParts.fields(ctx, "name", "slug", "municipality", "level", "description");
        try {
            Koppelzone created = admin.createKoppelzone(new KoppelzoneAdmin.NewKoppelzone(values.get("slug"),
                    values.get("name"), values.get("municipality"), KoppelzoneLevel.fromCode(values.get("level")).orElse(null),
                    values.get("description"), null), author(ctx));
            ctx.redirect(Paths.koppelzone(created.slug()) + "/beheer?melding=koppelzone");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderKoppelzones(ctx, values, views.texts(ctx).messages(e));
        }
    }

    public void updateKoppelzone(Context ctx) {
        Koppelzone koppelzone = koppelzones.bySlug(ctx.pathParam("slug")).orElseThrow(() -> new NotFound("koppelzone"));
        Map<String, String> values = RequestParts.fields(ctx, "name", "level", "chair", "description");
        try {
            admin.updateKoppelzone(koppelzone.id(), ctx.formParam("name"),
                    KoppelzoneLevel.fromCode(RequestParts.field(ctx, "level")).orElse(null),
                    ctx.formParam("description"), ctx.formParam("chair"), author(ctx));
            ctx.redirect(Paths.koppelzone(koppelzone.slug()) + "/beheer?melding=gegevens");
        } catch (InvalidInput e) {
            ctx.status(422);
            renderKoppelzones(ctx, Map.of(), views.texts(ctx).messages(e), koppelzone.slug(), values);
        }
    }

    private void renderKoppelzones(Context ctx, Map<String, String> values, Map<String, String> errors) {
        renderKoppelzones(ctx, values, errors, null, Map.of());
    }

    private void renderKoppelzones(Context ctx, Map<String, String> values, Map<String, String> errors, String row,
                                   Map<String, String> rowValues) {
        views.render(ctx, "admin/koppelzones.jte", new Koppelzones(koppelzones.allWithParties(), admin.municipalities(),
                List.of(KoppelzoneLevel.values()), values, errors, notice(ctx), row, rowValues));
    }
}
