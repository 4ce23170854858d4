package nl.afsprakenwiki.koppelzones;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.access.Role;
import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.Paths;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The JSON API for the wiki's structure: municipalities, organisations, koppelzones, parties and members. */
public final class KoppelzoneAdminApi {

    private final KoppelzoneService koppelzones;
    private final KoppelzoneAdmin admin;
    private final Memberships memberships;
    private final Json json;

    public KoppelzoneAdminApi(KoppelzoneService koppelzones, KoppelzoneAdmin admin, Memberships memberships, Json json) {
        this.koppelzones = koppelzones;
        this.admin = admin;
        this.memberships = memberships;
        this.json = json;
    }

    record MunicipalityRequest(String slug, String name, String jeugdregio) {
    }

    record OrganisationRequest(String slug, String name, String kind, List<String> phoneNumbers, List<String> emailDomains) {
    }

    /** A change: what is left out stays as it is; {@code version} (required) is the version it is based on. */
    record OrganisationUpdate(String name, String kind, List<String> phoneNumbers, List<String> emailDomains,
                              Integer version) {
    }

    record KoppelzoneRequest(String slug, String name, String municipality, String level, String description) {
    }

    record PartyRequest(String organisation, LocalDate joinedOn) {
    }

    record MemberRequest(String username, String role) {
    }

    public void createMunicipality(Context ctx) {
        var request = json.read(ctx, MunicipalityRequest.class);
        Municipality municipality = admin.createMunicipality(request.slug(), request.name(), request.jeugdregio(),
                Current.viewer(ctx).author());
        ctx.status(201).header("Location", Paths.apiMunicipality(municipality.slug()))
                .json(Json.object("slug", municipality.slug(), "name", municipality.name(), "jeugdregio", municipality.jeugdregio()));
    }

    public void createOrganisation(Context ctx) {
        var request = json.read(ctx, OrganisationRequest.class);
        OrganisationKind kind = request.kind() == null ? null : kind(request.kind());
        Organisation organisation = admin.createOrganisation(request.slug(), request.name(), kind, request.phoneNumbers(),
                request.emailDomains(), Current.viewer(ctx).author());
        ctx.status(201).json(json(organisation));
    }

    /** Changes an organisation's name, kind, listed phone numbers or e-mail domains (issue 17). */
    public void updateOrganisation(Context ctx) {
        Organisation current = koppelzones.organisation(ctx.pathParam("slug")).orElseThrow(() -> new NotFound("organisation"));
        var request = json.read(ctx, OrganisationUpdate.class);
        if (request.version() == null) {
            // as an agreement's baseRevision: without it a change could silently undo someone else's
            throw new OrganisationVersion.Missing(current.slug(), admin.version(current.id()).version());
        }
        OrganisationKind kind = request.kind() == null ? current.kind() : kind(request.kind());
        admin.updateOrganisation(current.slug(), request.version(), request.name() == null ? current.name() : request.name(),
                kind, request.phoneNumbers(), request.emailDomains(), Current.viewer(ctx).author());
        ctx.json(json(koppelzones.organisation(current.slug()).orElseThrow()));
    }

    private Map<String, Object> json(Organisation organisation) {
        OrganisationContacts contacts = admin.contacts(organisation.id());
        return Json.object("slug", organisation.slug(), "name", organisation.name(), "kind", organisation.kind(),
                "phoneNumbers", contacts.phoneNumbers().stream().map(OrganisationContacts.ListedNumber::display).toList(),
                "emailDomains", contacts.emailDomains(), "version", admin.version(organisation.id()).version());
    }

    private static OrganisationKind kind(String code) {
        return OrganisationKind.fromCode(code)
                .orElseThrow(() -> Json.unknownValue("kind", code, codes(OrganisationKind.values(), OrganisationKind::code)));
    }

    public void createKoppelzone(Context ctx) {
        var request = json.read(ctx, KoppelzoneRequest.class);
        KoppelzoneLevel level = request.level() == null ? KoppelzoneLevel.LOKAAL : KoppelzoneLevel.fromCode(request.level())
                .orElseThrow(() -> Json.unknownValue("level", request.level(), codes(KoppelzoneLevel.values(), KoppelzoneLevel::code)));
        Koppelzone koppelzone = admin.createKoppelzone(new KoppelzoneAdmin.NewKoppelzone(request.slug(), request.name(),
                request.municipality(), level, request.description(), null), Current.viewer(ctx).author());
        ctx.status(201).header("Location", Paths.apiKoppelzone(koppelzone.slug()))
                .json(Json.object("slug", koppelzone.slug(), "name", koppelzone.name(), "level", koppelzone.level(),
                        "municipality", Json.object("slug", koppelzone.municipality().slug(),
                                "name", koppelzone.municipality().name())));
    }

    public void addParty(Context ctx) {
        Koppelzone koppelzone = koppelzone(ctx);
        var request = json.read(ctx, PartyRequest.class);
        admin.setParty(koppelzone.id(), request.organisation(), request.joinedOn(), Current.viewer(ctx).author());
        var party = koppelzones.details(koppelzone.slug()).orElseThrow().parties().stream()
                .filter(p -> p.organisation().slug().equals(request.organisation().strip())).findFirst().orElseThrow();
        ctx.status(201).json(Json.object("slug", party.organisation().slug(), "name", party.organisation().name(),
                "kind", party.organisation().kind(), "joinedOn", party.joinedOn()));
    }

    public void removeParty(Context ctx) {
        admin.removeParty(koppelzone(ctx).id(), ctx.pathParam("organisation"), Current.viewer(ctx).author());
        ctx.status(204);
    }

    public void members(Context ctx) {
        var items = memberships.members(koppelzone(ctx).id()).stream().map(m -> Json.object("username", m.username(),
                "name", m.displayName(), "organisation", m.organisationName(), "role", m.role(), "since", m.since())).toList();
        ctx.json(Json.object("total", items.size(), "items", items));
    }

    public void setMember(Context ctx) {
        Koppelzone koppelzone = koppelzone(ctx);
        var request = json.read(ctx, MemberRequest.class);
        Role role = Role.fromCode(request.role()).orElseThrow(() -> Json.unknownValue("role", request.role(),
                codes(Role.values(), Role::code)));
        memberships.setMember(koppelzone.id(), request.username(), role, Current.viewer(ctx).author());
        ctx.status(201).json(Json.object("username", AccountService.normalise(request.username()), "role", role));
    }

    public void removeMember(Context ctx) {
        if (!memberships.removeMember(koppelzone(ctx).id(), ctx.pathParam("username"), Current.viewer(ctx).author())) {
            throw new NotFound("member");
        }
        ctx.status(204);
    }

    private static <T> List<String> codes(T[] values, Function<T, String> code) {
        return Arrays.stream(values).map(code).toList();
    }

    private Koppelzone koppelzone(Context ctx) {
        return Current.koppelzone(ctx);
    }
}
