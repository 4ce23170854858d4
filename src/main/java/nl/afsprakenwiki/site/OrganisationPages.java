package nl.afsprakenwiki.site;

import io.javalin.http.Context;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.agreements.AgreementListItem;
import nl.afsprakenwiki.agreements.AgreementService;
import nl.afsprakenwiki.agreements.PartyAgreements;
import nl.afsprakenwiki.koppelzones.KoppelzoneService;
import nl.afsprakenwiki.koppelzones.Organisation;
import nl.afsprakenwiki.koppelzones.OrganisationContacts;
import nl.afsprakenwiki.koppelzones.PartyContacts;
import nl.afsprakenwiki.site.OrganisationViews.Overview;
import nl.afsprakenwiki.web.Current;
import nl.afsprakenwiki.web.Json;
import nl.afsprakenwiki.web.Views;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider view: every agreement an organisation is party to, across municipalities, grouped
 * by theme, as the viewer may see them ({@code GET /organisaties/{slug}} and its API).
 */
public final class OrganisationPages {

    /** The API's key for agreements without a theme (themes are lower case, so it stands apart in the UI). */
    static final String NO_THEME = "zonder thema";

    private final PartyAgreements partyAgreements;
    private final KoppelzoneService koppelzones;
    private final AgreementService agreements;
    private final Views views;
    private final PartyContacts contacts;

    public OrganisationPages(PartyAgreements partyAgreements, KoppelzoneService koppelzones, AgreementService agreements, Views views,
                             PartyContacts contacts) {
        this.contacts = contacts;
        this.partyAgreements = partyAgreements;
        this.koppelzones = koppelzones;
        this.agreements = agreements;
        this.views = views;
    }

    public void show(Context ctx) {
        views.render(ctx, "koppelzones/organisation.jte", overview(ctx));
    }

    public void api(Context ctx) {
        Overview overview = overview(ctx);
        Map<String, Object> themes = new LinkedHashMap<>();
        overview.themes().forEach(group -> themes.put(group.theme() == null ? NO_THEME : group.theme(),
                group.agreements().stream().map(OrganisationPages::json).toList()));
        Organisation organisation = overview.organisation();
        ctx.json(Json.object("organisation", Json.object("slug", organisation.slug(), "name", organisation.name(),
                "kind", organisation.kind(), "phoneNumbers", overview.contacts().phoneNumbers().stream()
                        .map(OrganisationContacts.ListedNumber::display).toList(),
                "emailDomains", overview.contacts().emailDomains(), "version", koppelzones.organisationVersion(organisation.id())),
                "total", overview.total(), "themes", themes));
    }

    /**
     * Visibility comes from the agreement list the rest of the wiki uses, so a draft shows here
     * exactly when it shows in its koppelzone, and a visitor sees the endorsed title.
     */
    private Overview overview(Context ctx) {
        Organisation organisation = koppelzones.organisation(ctx.pathParam("slug"))
                .orElseThrow(() -> new NotFound("organisation"));
        Map<Long, List<String>> themes = partyAgreements.themesByAgreement(organisation.id());
        // only the organisation's agreements are read: at national scale there are tens of thousands
        List<AgreementListItem> visible = agreements.listOfOrganisation(organisation.id(), Current.viewer(ctx)).stream()
                .filter(item -> themes.containsKey(item.id())).toList();
        return Overview.of(organisation, koppelzones.withParty(organisation.id()), visible, themes,
                contacts.organisation(organisation.id()));
    }

    private static Map<String, Object> json(AgreementListItem item) {
        return Json.object("id", item.id(), "title", item.title(), "status", item.status(),
                "municipality", Json.object("slug", item.municipalitySlug(), "name", item.municipalityName()),
                "koppelzone", Json.object("slug", item.koppelzoneSlug(), "name", item.koppelzoneName()),
                "reviewDate", item.reviewDate());
    }
}
